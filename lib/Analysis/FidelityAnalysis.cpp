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

FailureOr<double> FidelityAnalysis::esp() {
  if (!valid)
    return failure();
  if (cachedEsp)
    return *cachedEsp;
  unsigned n = circuit.numWires;
  std::vector<double> clock(n, 0.0);
  std::vector<bool> started(n, false), measured(n, false);
  double logEsp = 0;
  for (const sim::Instruction &instruction : circuit.instructions) {
    if (instruction.kind == sim::Instruction::Kind::Measure) {
      unsigned wire = instruction.wires[0];
      if (!measured[wire]) {
        unsigned qubit = *circuit.physicalIndex[wire];
        auto confusion = noise->readoutConfusion(qubit);
        // IBM's readout_error, or the mean of the two flip probabilities.
        double readout = device->qubits[qubit].readoutError.value_or(
            0.5 * (confusion(1, 0) + confusion(0, 1)));
        logEsp += std::log1p(-readout);
      }
      measured[wire] = true;
      continue;
    }
    if (instruction.kind != sim::Instruction::Kind::Gate)
      continue;
    llvm::SmallVector<unsigned, 2> qubits;
    for (unsigned wire : instruction.wires)
      qubits.push_back(*circuit.physicalIndex[wire]);
    llvm::StringRef name = instruction.origin->getName().stripDialect();
    std::optional<target::GateNoise> gate = noise->gateNoise(name, qubits);
    if (!gate && name != "rz") {
      error = "the target has no calibration of '" + name.str() +
              "' on these qubits (rz alone is virtual); run to-target-basis "
              "first";
      return failure();
    }
    double duration = gate ? gate->durationNs : 0.0;
    if (gate)
      logEsp += std::log1p(-gate->error);
    double start = 0;
    for (unsigned wire : instruction.wires)
      start = std::max(start, clock[wire]);
    for (unsigned wire : instruction.wires) {
      if (started[wire] && start > clock[wire]) {
        auto [t1, t2] = noise->coherenceTimes(*circuit.physicalIndex[wire]);
        logEsp += std::log(target::averageFidelityFromProcess(
            target::thermalRelaxationProcessFidelity(t1, t2,
                                                     start - clock[wire]),
            2));
      }
      clock[wire] = start + duration;
      started[wire] = true;
    }
  }
  cachedEsp = std::exp(logEsp);
  return *cachedEsp;
}

FailureOr<sim::NoisyRunResult>
FidelityAnalysis::simulate(const sim::NoisyRunOptions &options) {
  if (!valid)
    return failure();
  return sim::simulateWithNoise(circuit, *noise, options, error);
}
