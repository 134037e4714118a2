//===- QOpt.cpp - qopt's C API --------------------------------------------===//

#include "qopt-c/QOpt.h"

#include "qopt/Analysis/FidelityAnalysis.h"
#include "qopt/Driver/Compile.h"
#include "qopt/InitQOpt.h"
#include "qopt/Target/TargetLoader.h"
#include "qopt/Translation/OpenQasm.h"

#include "mlir/CAPI/IR.h"
#include "mlir/CAPI/Support.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Pass/PassManager.h"
#include "mlir/Pass/PassRegistry.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/SourceMgr.h"

#include <string>

using namespace mlir;

void qoptRegisterAllDialects(MlirDialectRegistry registry) {
  qopt::registerAllDialects(*unwrap(registry));
}

void qoptRegisterAllPasses(void) { qopt::registerAllPasses(); }

MlirModule qoptImportOpenQasm(MlirContext context, MlirStringRef source,
                              MlirStringRef fileName) {
  llvm::SourceMgr sourceMgr;
  sourceMgr.AddNewSourceBuffer(
      llvm::MemoryBuffer::getMemBufferCopy(unwrap(source), unwrap(fileName)),
      llvm::SMLoc());
  OwningOpRef<ModuleOp> module =
      qopt::importOpenQasm2(sourceMgr, unwrap(context));
  return wrap(module.release());
}

unsigned qoptTargetGetNumQubits(MlirContext context, MlirStringRef target) {
  FailureOr<std::unique_ptr<qopt::target::Target>> loaded =
      qopt::target::loadTarget(unwrap(target), unwrap(context));
  return succeeded(loaded) ? (*loaded)->numQubits : 0;
}

MlirLogicalResult qoptRunPipeline(MlirModule module, MlirStringRef pipeline) {
  ModuleOp op = unwrap(module);
  PassManager pm(op.getContext());
  std::string errors;
  llvm::raw_string_ostream errorStream(errors);
  if (failed(parsePassPipeline(unwrap(pipeline), pm, errorStream))) {
    op.emitError("qoptRunPipeline: ") << errors;
    return wrap(failure());
  }
  return wrap(pm.run(op));
}

double qoptEstimateFidelity(MlirModule module, MlirStringRef estimator) {
  ModuleOp op = unwrap(module);
  llvm::StringRef name = unwrap(estimator);
  if (name != "esp" && name != "learned" && name != "simulate") {
    op.emitError("qoptEstimateFidelity: estimator must be esp, learned or "
                 "simulate, got '")
        << name << "'";
    return -1;
  }
  auto funcs = op.getOps<func::FuncOp>();
  if (funcs.empty()) {
    op.emitError("qoptEstimateFidelity: no circuit function");
    return -1;
  }
  func::FuncOp func = *funcs.begin();
  qopt::FidelityAnalysis analysis(func);
  if (!analysis.isValid()) {
    func.emitError("qoptEstimateFidelity: ") << analysis.getError();
    return -1;
  }
  FailureOr<double> estimate = failure();
  if (name == "esp")
    estimate = analysis.esp();
  else if (name == "learned")
    estimate = analysis.learned(qopt::LearnedFidelityModel::getDefault());
  else if (FailureOr<qopt::sim::NoisyRunResult> run =
               analysis.simulate(qopt::sim::NoisyRunOptions());
           succeeded(run))
    estimate = run->stateFidelity;
  if (failed(estimate)) {
    func.emitError("qoptEstimateFidelity: ") << analysis.getError();
    return -1;
  }
  return *estimate;
}

MlirLogicalResult qoptCompileFile(MlirContext context, MlirStringRef inputPath,
                                  MlirStringRef outputDirectory,
                                  MlirStringRef target, unsigned optLevel) {
  qopt::driver::CompileOptions options;
  options.target = unwrap(target).str();
  options.optLevel = optLevel;
  qopt::driver::CompileReport report;
  return wrap(qopt::driver::compileFile(unwrap(inputPath),
                                        unwrap(outputDirectory), options,
                                        *unwrap(context), report));
}
