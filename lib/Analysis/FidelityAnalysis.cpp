//===- FidelityAnalysis.cpp - how well will this circuit run? -------------===//

#include "qopt/Analysis/FidelityAnalysis.h"

#include "qopt/Dialect/QGate/QGate.h"
#include "qopt/Target/TargetLoader.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/Diagnostics.h"

using namespace mlir;
using namespace qopt;

FidelityAnalysis::FidelityAnalysis(Operation *op) {
  auto func = dyn_cast<func::FuncOp>(op);
  auto module = op->getParentOfType<ModuleOp>();
  if (!func || !module || !module->hasAttr(qgate::kTargetAttrName)) {
    error = "needs a circuit function in a module with a target "
            "(qopt --target=<device>)";
    return;
  }
  {
    // Reported through `error`, not as diagnostics of the caller's IR.
    std::string messages;
    ScopedDiagnosticHandler capture(op->getContext(), [&](Diagnostic &diag) {
      messages += (messages.empty() ? "" : "; ") + diag.str();
      return success();
    });
    auto loaded = target::loadModuleTarget(module);
    if (failed(loaded)) {
      error = "cannot load the target: " + messages;
      return;
    }
    device = std::move(*loaded);
    FailureOr<sim::FlatCircuit> flat = sim::flattenCircuit(func);
    if (failed(flat)) {
      error = messages;
      return;
    }
    circuit = std::move(*flat);
  }
  for (const std::optional<int64_t> &index : circuit.physicalIndex) {
    if (!index) {
      error = "the circuit must be on device qubits (run layout and route)";
      return;
    }
    if (*index >= device->numQubits) {
      error = "device qubit " + std::to_string(*index) + " is not on " +
              device->name + " (" + std::to_string(device->numQubits) +
              " qubits)";
      return;
    }
  }
  noise = std::make_unique<target::NoiseModel>(*device);
  valid = true;
}

FailureOr<const CircuitGraph *> FidelityAnalysis::graph() {
  if (!valid)
    return failure();
  if (!cachedGraph) {
    FailureOr<CircuitGraph> built = buildCircuitGraph(circuit, *noise, error);
    if (failed(built))
      return failure();
    cachedGraph = std::move(*built);
  }
  return &*cachedGraph;
}

FailureOr<double> FidelityAnalysis::esp() {
  if (cachedGraph)
    return cachedGraph->esp();
  if (!valid)
    return failure();
  if (!cachedEsp) {
    FailureOr<CircuitGraph> built =
        buildCircuitGraph(circuit, *noise, error, /*followState=*/false);
    if (failed(built))
      return failure();
    cachedEsp = built->esp();
  }
  return *cachedEsp;
}

FailureOr<double> FidelityAnalysis::learned(const LearnedFidelityModel &model) {
  FailureOr<const CircuitGraph *> built = graph();
  if (failed(built))
    return failure();
  return model.predict(**built);
}

FailureOr<sim::NoisyRunResult>
FidelityAnalysis::simulate(const sim::NoisyRunOptions &options) {
  if (!valid)
    return failure();
  return sim::simulateWithNoise(circuit, *noise, options, error);
}
