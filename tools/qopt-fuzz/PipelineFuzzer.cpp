//===- PipelineFuzzer.cpp - fuzz the MLIR parser and the default pipeline -===//
//
// A module that parses and verifies goes through what `qopt -O3
// --target=belem` runs (mapping, then every optimization except the
// approximate pruning) and on to calibrated pulses and the exporters. When
// it compiles, the result must verify and, for a single circuit that the
// oracle can simulate, be equivalent to the input up to layout.
//
//===----------------------------------------------------------------------===//

#include "FuzzSupport.h"

#include "qopt/Dialect/QGate/QGate.h"
#include "qopt/Simulation/Equivalence.h"
#include "qopt/Transforms/Passes.h"
#include "qopt/Translation/MlirInputLimits.h"
#include "qopt/Translation/OpenQasm.h"
#include "qopt/Translation/PulseExport.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/Verifier.h"
#include "mlir/Parser/Parser.h"
#include "mlir/Pass/PassManager.h"
#include "mlir/Pass/PassRegistry.h"

using namespace mlir;

static func::FuncOp onlyCircuit(ModuleOp module) {
  func::FuncOp found;
  for (auto func : module.getOps<func::FuncOp>()) {
    if (func.isExternal())
      continue;
    if (found)
      return nullptr;
    found = func;
  }
  return found;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  MLIRContext &context = qopt::fuzz::context();
  // MLIR's lexer reads the NUL that every file buffer ends with; libFuzzer's
  // data has none.
  std::string source = qopt::fuzz::asText(data, size).str();
  if (qopt::exceedsMlirInputLimits(source))
    return 0;
  OwningOpRef<ModuleOp> input =
      parseSourceString<ModuleOp>(source, ParserConfig(&context), "fuzz.mlir");
  if (!input || failed(verify(*input)))
    return 0;
  OwningOpRef<ModuleOp> compiled = input->clone();
  PassManager pm(&context);
  if (failed(parsePassPipeline("attach-target{target=belem},to-target-basis,"
                               "layout,route,post-layout,to-target-basis",
                               pm)))
    std::abort();
  qopt::buildOptimizationPipeline(pm, 3, /*approximate=*/false);
  if (failed(pm.run(*compiled)))
    return 0;
  QOPT_FUZZ_CHECK(succeeded(verify(*compiled)),
                  "the pipeline left a module that does not verify");

  std::string text;
  llvm::raw_string_ostream os(text);
  (void)qopt::exportOpenQasm2(*compiled, os);
  OwningOpRef<ModuleOp> pulses = compiled->clone();
  PassManager lowering(&context);
  if (succeeded(
          parsePassPipeline("lower-to-pulse,schedule-pulses", lowering)) &&
      succeeded(lowering.run(*pulses))) {
    (void)qopt::exportPulseJson(*pulses, os);
    (void)qopt::exportOpenPulse(*pulses, os);
    (void)qopt::exportPulseSvg(*pulses, os);
  }

  func::FuncOp before = onlyCircuit(*input), after = onlyCircuit(*compiled);
  if (!before || !after)
    return 0;
  qopt::EquivalenceOptions options;
  options.upToLayout = true;
  options.ignoreFinalPhases = true; // -O3 drops diagonals before measurement
  options.tolerance = 1e-6;
  FailureOr<qopt::EquivalenceResult> result =
      qopt::checkEquivalence(before, after, options);
  if (succeeded(result))
    QOPT_FUZZ_CHECK(result->equivalent, "the compiled circuit differs: "
                                            << result->reason << " distance "
                                            << result->distance);
  return 0;
}
