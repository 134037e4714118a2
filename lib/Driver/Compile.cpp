//===- Compile.cpp - a circuit file to device-ready outputs ---------------===//

#include "qopt/Driver/Compile.h"

#include "qopt/Dialect/Pulse/Pulse.h"
#include "qopt/Dialect/QGate/QGate.h"
#include "qopt/Driver/OutputFile.h"
#include "qopt/Simulation/Equivalence.h"
#include "qopt/Target/TargetLoader.h"
#include "qopt/Transforms/Passes.h"
#include "qopt/Translation/MlirInputLimits.h"
#include "qopt/Translation/OpenQasm.h"
#include "qopt/Translation/PulseExport.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/Verifier.h"
#include "mlir/Parser/Parser.h"
#include "mlir/Pass/PassInstrumentation.h"
#include "mlir/Pass/PassManager.h"
#include "mlir/Support/FileUtilities.h"
#include "mlir/Transforms/Passes.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/SourceMgr.h"

#include <chrono>

using namespace mlir;
using namespace qopt;
using namespace qopt::driver;

namespace {

using Clock = std::chrono::steady_clock;

/// Adds `seconds` to `stage` in the report, keeping first-run order.
void addStageTime(CompileReport &report, llvm::StringRef stage,
                  double seconds) {
  for (auto &[name, total] : report.stageSeconds)
    if (name == stage) {
      total += seconds;
      return;
    }
  report.stageSeconds.emplace_back(stage.str(), seconds);
}

/// Times every pass into the report, by its command-line argument. Passes
/// run one at a time on the module (all of qopt's are module passes), so a
/// stack of start times suffices.
class StageTimer : public PassInstrumentation {
public:
  explicit StageTimer(CompileReport &report) : report(report) {}

  void runBeforePass(Pass *, Operation *) override {
    starts.push_back(Clock::now());
  }
  void runAfterPass(Pass *pass, Operation *) override { stop(pass); }
  void runAfterPassFailed(Pass *pass, Operation *) override { stop(pass); }

private:
  void stop(Pass *pass) {
    double seconds =
        std::chrono::duration<double>(Clock::now() - starts.back()).count();
    starts.pop_back();
    llvm::StringRef name = pass->getArgument();
    addStageTime(report, name.empty() ? pass->getName() : name, seconds);
  }

  CompileReport &report;
  std::vector<Clock::time_point> starts;
};

/// The module's one circuit function: a function with a body that allocates
/// or names qubits, or takes them as arguments.
FailureOr<func::FuncOp> findCircuit(ModuleOp module) {
  SmallVector<func::FuncOp> circuits;
  for (auto func : module.getOps<func::FuncOp>()) {
    if (func.isExternal())
      continue;
    bool usesQubits = llvm::any_of(func.getArgumentTypes(), [](Type type) {
      return isa<qgate::QubitType>(type);
    });
    func.walk([&](Operation *op) {
      usesQubits |= isa<qgate::AllocOp, qgate::PhysicalOp>(op);
    });
    if (usesQubits)
      circuits.push_back(func);
  }
  if (circuits.size() == 1)
    return circuits.front();
  if (circuits.empty())
    return module.emitError("compile: no circuit function (a func.func on "
                            "qubits) to compile");
  InFlightDiagnostic error = module.emitError()
                             << "compile: one circuit function per file, "
                                "found "
                             << circuits.size() << ":";
  for (func::FuncOp func : circuits)
    error << " @" << func.getSymName();
  error << "; compile modules of several circuits with qopt's pass options";
  return failure();
}

OwningOpRef<ModuleOp> importCircuit(llvm::StringRef path,
                                    MLIRContext &context) {
  std::string error;
  std::unique_ptr<llvm::MemoryBuffer> buffer = openInputFile(path, &error);
  if (!buffer) {
    emitError(FileLineColLoc::get(&context, path, 0, 0)) << error;
    return nullptr;
  }
  bool qasm = looksLikeOpenQasm(path, buffer->getBuffer());
  llvm::SourceMgr sourceMgr;
  sourceMgr.AddNewSourceBuffer(std::move(buffer), llvm::SMLoc());
  if (qasm)
    return importOpenQasm2(sourceMgr, &context);
  if (failed(
          checkMlirInputLimits(sourceMgr, sourceMgr.getMainFileID(), &context)))
    return nullptr;
  OwningOpRef<ModuleOp> module =
      parseSourceFile<ModuleOp>(sourceMgr, ParserConfig(&context));
  if (module && failed(verify(*module)))
    return nullptr;
  return module;
}

/// Runs `build`'s passes on `module`, timed into `report`.
LogicalResult runPasses(ModuleOp module, CompileReport &report,
                        llvm::function_ref<void(OpPassManager &)> build) {
  PassManager pm(module.getContext());
  pm.addInstrumentation(std::make_unique<StageTimer>(report));
  build(pm);
  return pm.run(module);
}

unsigned countGates(func::FuncOp func) { return measureCircuit(func).gates; }

std::vector<int64_t> layoutOf(func::FuncOp func, llvm::StringRef name) {
  if (auto layout = func->getAttrOfType<DenseI64ArrayAttr>(name))
    return std::vector<int64_t>(layout.asArrayRef().begin(),
                                layout.asArrayRef().end());
  return {};
}

/// Exports with `exporter` into `text`, timed as `stage`.
LogicalResult exportTo(ModuleOp module, CompileReport &report,
                       llvm::StringRef stage,
                       LogicalResult (*exporter)(ModuleOp, llvm::raw_ostream &),
                       std::string &text) {
  Clock::time_point start = Clock::now();
  llvm::raw_string_ostream os(text);
  LogicalResult result = exporter(module, os);
  addStageTime(report, stage,
               std::chrono::duration<double>(Clock::now() - start).count());
  return result;
}

LogicalResult printModule(ModuleOp module, llvm::raw_ostream &os) {
  module.print(os);
  return success();
}

/// Lowers a clone of `module` to calibrated pulses, schedules them and
/// exports the schedule. What the pulse dialect cannot express yet
/// (classically conditioned gates, reset) leaves the circuit's outputs
/// valid, so it is a warning naming the reason, and the pulse outputs are
/// left out.
void addPulseOutputs(
    ModuleOp module, CompileReport &report,
    llvm::function_ref<void(llvm::StringRef, llvm::StringRef, std::string)>
        add) {
  OwningOpRef<ModuleOp> pulses = module.clone();
  std::string reason;
  std::string json, openPulse, svg;
  LogicalResult lowered = failure();
  {
    ScopedDiagnosticHandler collect(module.getContext(), [&](Diagnostic &diag) {
      if (diag.getSeverity() != DiagnosticSeverity::Error)
        return failure(); // on to the caller's handlers
      if (reason.empty())
        reason = diag.str();
      return success();
    });
    lowered = runPasses(*pulses, report, [&](OpPassManager &pm) {
      pm.addPass(createLowerToPulse());
      pm.addPass(createSchedulePulses());
    });
    if (succeeded(lowered))
      lowered = success(succeeded(exportTo(*pulses, report, "export-pulse-json",
                                           exportPulseJson, json)) &&
                        succeeded(exportTo(*pulses, report, "export-openpulse",
                                           exportOpenPulse, openPulse)) &&
                        succeeded(exportTo(*pulses, report, "export-pulse-svg",
                                           exportPulseSvg, svg)));
  }
  if (failed(lowered)) {
    report.pulseError = reason.empty() ? "lowering failed" : reason;
    emitWarning(module.getLoc())
        << "compile: no pulse schedule, the circuit's outputs are written "
           "without one: "
        << report.pulseError;
    return;
  }
  for (auto schedule : pulses->getOps<pulse::ScheduleOp>()) {
    if (IntegerAttr duration = schedule.getDurationAttr())
      report.pulseDurationDt =
          std::max(report.pulseDurationDt.value_or(0), duration.getInt());
    if (FloatAttr dt = schedule.getDtAttr())
      report.dtNanoseconds = dt.getValueAsDouble();
  }
  add("pulse-json", ".pulse.json", std::move(json));
  add("openpulse", ".openpulse.qasm", std::move(openPulse));
  add("svg", ".pulses.svg", std::move(svg));
}

} // namespace

LogicalResult driver::compileFile(llvm::StringRef inputPath,
                                  llvm::StringRef outputDirectory,
                                  const CompileOptions &options,
                                  MLIRContext &context, CompileReport &report) {
  Clock::time_point start = Clock::now();
  // The passes' remarks (SWAPs added, schedule length, estimates) are what
  // the report collects; on the terminal they would repeat it.
  ScopedDiagnosticHandler dropRemarks(&context, [](Diagnostic &diag) {
    return success(diag.getSeverity() == DiagnosticSeverity::Remark);
  });
  report = CompileReport();
  report.input = inputPath.str();
  report.name = llvm::sys::path::stem(inputPath).str();
  report.optLevel = options.optLevel;
  report.pruned = options.prune;
  if (options.optLevel > 3)
    return emitError(UnknownLoc::get(&context))
           << "compile: unknown optimization level " << options.optLevel
           << "; qopt has -O0 to -O3";

  OwningOpRef<ModuleOp> module = importCircuit(inputPath, context);
  addStageTime(report, "import",
               std::chrono::duration<double>(Clock::now() - start).count());
  if (!module)
    return failure();
  FailureOr<func::FuncOp> circuit = findCircuit(*module);
  if (failed(circuit))
    return failure();
  func::FuncOp func = *circuit;
  report.circuit = func.getSymName().str();
  report.before = measureCircuit(func);

  // Map: the device's basis, layout, routing (counting the SWAPs it adds
  // before they are translated), post-layout and the basis again.
  AttachTargetOptions attach;
  attach.targetSpec = options.target.empty() ? target::kDefaultTargetName.str()
                                             : options.target;
  LayoutOptions layout;
  layout.seed = options.seed;
  RouteOptions route;
  route.seed = options.seed;
  unsigned swapsBefore = 0;
  if (failed(runPasses(*module, report, [&](OpPassManager &pm) {
        pm.addPass(createAttachTarget(attach));
        pm.addPass(createToTargetBasis());
        pm.addPass(createLayout(layout));
      })))
    return failure();
  func.walk([&](qgate::SwapOp) { ++swapsBefore; });
  if (failed(runPasses(*module, report, [&](OpPassManager &pm) {
        pm.addPass(createRoute(route));
      })))
    return failure();
  unsigned swapsAfter = 0;
  func.walk([&](qgate::SwapOp) { ++swapsAfter; });
  report.swapsAdded = swapsAfter - std::min(swapsAfter, swapsBefore);
  FailureOr<std::shared_ptr<const target::Target>> device =
      target::loadModuleTarget(*module);
  if (failed(device))
    return failure();
  report.target = (*device)->name;
  report.targetQubits = (*device)->numQubits;

  // Optimize (exactly: pruning is its own stage), then prune if asked.
  if (failed(runPasses(*module, report, [&](OpPassManager &pm) {
        pm.addPass(createPostLayout());
        pm.addPass(createToTargetBasis());
        buildOptimizationPipeline(pm, options.optLevel,
                                  /*approximate=*/false);
      })))
    return failure();
  if (options.prune) {
    unsigned gatesBefore = countGates(func);
    PruneGatesOptions prune;
    prune.fidelityAware = true;
    prune.onlyMapped = true;
    if (failed(runPasses(*module, report, [&](OpPassManager &pm) {
          pm.addPass(createPruneGates(prune));
        })))
      return failure();
    report.gatesPruned = gatesBefore - std::min(gatesBefore, countGates(func));
    if (failed(runPasses(*module, report, [&](OpPassManager &pm) {
          pm.addPass(createFuseSingleQubitRuns());
          pm.addPass(createCanonicalizerPass());
        })))
      return failure();
  }

  FidelityReportOptions fidelity;
  fidelity.estimator = options.fidelityEstimator;
  if (failed(runPasses(*module, report, [&](OpPassManager &pm) {
        pm.addPass(createFidelityReport(fidelity));
      })))
    return failure();
  if (auto estimates = func->getAttrOfType<DictionaryAttr>("qopt.fidelity")) {
    // The cheap estimates first, then the simulation's.
    for (llvm::StringRef name :
         {"esp", "learned", "state_fidelity", "pst", "hellinger"})
      if (auto value = estimates.getAs<FloatAttr>(name))
        report.fidelity.emplace_back(name.str(), value.getValueAsDouble());
    if (auto method = estimates.getAs<StringAttr>("method"))
      report.simulationMethod = method.str();
  }
  report.after = measureCircuit(func);
  report.initialLayout = layoutOf(func, kInitialLayoutAttrName);
  report.finalLayout = layoutOf(func, kFinalLayoutAttrName);

  // The outputs, in memory until every one of them exists.
  std::vector<std::pair<std::string, std::string>> files;
  auto add = [&](llvm::StringRef kind, llvm::StringRef suffix,
                 std::string text) {
    llvm::SmallString<256> path(outputDirectory);
    llvm::sys::path::append(path, report.name + suffix);
    report.outputs.emplace_back(kind.str(), path.str().str());
    files.emplace_back(path.str().str(), std::move(text));
  };
  std::string qasm, mlir;
  if (failed(exportTo(*module, report, "export-qasm", exportOpenQasm2, qasm)) ||
      failed(exportTo(*module, report, "export-mlir", printModule, mlir)))
    return failure();
  add("qasm", ".qasm", std::move(qasm));
  add("mlir", ".mlir", std::move(mlir));

  if (options.pulses)
    addPulseOutputs(*module, report, add);

  // The reports list themselves among the outputs, and the time so far.
  llvm::SmallString<256> reportMd(outputDirectory), reportJson(outputDirectory);
  llvm::sys::path::append(reportMd, report.name + ".report.md");
  llvm::sys::path::append(reportJson, report.name + ".report.json");
  report.outputs.emplace_back("report-md", reportMd.str().str());
  report.outputs.emplace_back("report-json", reportJson.str().str());
  report.totalSeconds =
      std::chrono::duration<double>(Clock::now() - start).count();
  std::string markdown, json;
  {
    llvm::raw_string_ostream os(markdown);
    printReportMarkdown(report, os);
  }
  {
    llvm::raw_string_ostream os(json);
    printReportJson(report, os);
  }
  files.emplace_back(reportMd.str().str(), std::move(markdown));
  files.emplace_back(reportJson.str().str(), std::move(json));

  if (std::error_code code = llvm::sys::fs::create_directories(outputDirectory))
    return emitError(UnknownLoc::get(&context))
           << "cannot create output directory '" << outputDirectory
           << "': " << code.message();
  for (auto &[path, text] : files) {
    std::string error;
    if (failed(writeOutputFile(path, text, error)))
      return emitError(UnknownLoc::get(&context)) << error;
  }
  return success();
}
