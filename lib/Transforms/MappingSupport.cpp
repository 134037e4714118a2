//===- MappingSupport.cpp - circuits as seen by layout and routing --------===//

#include "MappingSupport.h"

#include "qopt/Dialect/QGate/QGate.h"
#include "qopt/Target/TargetLoader.h"

#include "llvm/Support/Format.h"

#include <cmath>

using namespace mlir;
using namespace qopt;
using namespace qopt::qgate;

/// Per qubit of `gate`: 'Z' if it commutes with Z there, else 'X' if with X,
/// else 'G'. Symbolic angles are replaced by a generic value: the gates'
/// structure, not a special angle, decides.
static SmallVector<char, 2> wireActions(GateOpInterface gate) {
  std::optional<Eigen::MatrixXcd> matrix = gate.getConstantMatrix();
  if (!matrix)
    matrix =
        gate.computeMatrix(SmallVector<double>(gate.getNumParams(), 0.7137));
  unsigned n = gate.getNumQubits();
  auto commutesWith = [&](unsigned wire, const Eigen::Matrix2cd &pauli) {
    Eigen::MatrixXcd embedded = Eigen::MatrixXcd::Identity(1, 1);
    for (unsigned q = 0; q < n; ++q) {
      Eigen::MatrixXcd factor = q == wire ? Eigen::MatrixXcd(pauli)
                                          : Eigen::MatrixXcd::Identity(2, 2);
      Eigen::MatrixXcd next(embedded.rows() * 2, embedded.cols() * 2);
      for (Eigen::Index i = 0; i < embedded.rows(); ++i)
        for (Eigen::Index j = 0; j < embedded.cols(); ++j)
          next.block(2 * i, 2 * j, 2, 2) = embedded(i, j) * factor;
      embedded = next;
    }
    return ((*matrix) * embedded - embedded * (*matrix)).cwiseAbs().maxCoeff() <
           1e-9;
  };
  Eigen::Matrix2cd z, x;
  z << 1, 0, 0, -1;
  x << 0, 1, 1, 0;
  SmallVector<char, 2> actions;
  for (unsigned wire = 0; wire < n; ++wire)
    actions.push_back(commutesWith(wire, z)   ? 'Z'
                      : commutesWith(wire, x) ? 'X'
                                              : 'G');
  return actions;
}

FailureOr<CircuitWires> qopt::collectCircuitWires(func::FuncOp func) {
  CircuitWires wires;
  DenseMap<Value, unsigned> wireOf;
  for (BlockArgument arg : func.getArguments())
    if (isQubit(arg))
      return func.emitError("layout and routing need qubits from qgate.alloc "
                            "or qgate.physical; argument #")
             << arg.getArgNumber() << " is a qubit";
  bool failedOp = false;
  func.getBody().walk([&](Operation *op) {
    if (failedOp)
      return;
    if (isa<AllocOp, PhysicalOp>(op)) {
      wireOf[op->getResult(0)] = wires.starts.size();
      wires.starts.push_back(op);
      auto physical = dyn_cast<PhysicalOp>(op);
      wires.physicalIndex.push_back(
          physical ? std::optional<int64_t>(physical.getIndex())
                   : std::nullopt);
      if (wires.physicalIndex.front().has_value() !=
          wires.physicalIndex.back().has_value()) {
        op->emitError("layout and routing need all qubits virtual "
                      "(qgate.alloc) or all on the device (qgate.physical)");
        failedOp = true;
      }
      return;
    }
    auto qubitOp = dyn_cast<QubitOpInterface>(op);
    bool touchesQubits = llvm::any_of(op->getOperands(), isQubit);
    if (!qubitOp) {
      if (touchesQubits && !isa<func::ReturnOp>(op)) {
        op->emitError("layout and routing do not handle '")
            << op->getName() << "' on qubits (control flow) yet";
        failedOp = true;
      }
      return;
    }
    if (op->getParentOp() != func.getOperation()) {
      op->emitError("layout and routing do not handle gates inside control "
                    "flow yet");
      failedOp = true;
      return;
    }
    SmallVector<Value> inputs = qubitOp.getQubitInputs();
    mapping::MappingGate gate;
    for (Value input : inputs)
      gate.wires.push_back(wireOf.lookup(input));
    if (inputs.size() > 2 && !isa<BarrierOp>(op)) {
      op->emitError("acts on ")
          << inputs.size()
          << " qubits; decompose it first (to-target-basis) so that routing "
             "sees at most two";
      failedOp = true;
      return;
    }
    gate.needsAdjacency = inputs.size() == 2 && !isa<BarrierOp>(op);
    gate.isMeasurement = isa<MeasureOp>(op);
    if (isa<SwapOp>(op))
      gate.twoQubitGates = 3;
    if (op->hasTrait<qgate::OpTrait::Diagonal>() || isa<IdOp>(op))
      gate.pulses = 0;
    if (auto gateOp = dyn_cast<GateOpInterface>(op))
      gate.actions = wireActions(gateOp);
    if (auto measure = dyn_cast<MeasureOp>(op))
      for (Operation *user : measure.getBit().getUsers())
        if (!isa<func::ReturnOp>(user)) {
          user->emitError("layout and routing need measurement results used "
                          "only by the return");
          failedOp = true;
          return;
        }
    for (Value input : inputs)
      wireOf[qubitOp.getOutputForInput(input)] = wireOf.lookup(input);
    wires.ops.push_back(op);
    wires.circuit.gates.push_back(gate);
  });
  if (failedOp)
    return failure();
  wires.circuit.numWires = wires.starts.size();
  return wires;
}

FailureOr<MappingTarget> qopt::loadMappingTarget(ModuleOp module,
                                                 StringRef pass) {
  if (!module->hasAttr(kTargetAttrName))
    return module.emitError(pass)
           << " needs a target: run attach-target (qopt --target=<device>)";
  auto device = target::loadModuleTarget(module);
  if (failed(device))
    return failure();
  MappingTarget result;
  result.graph = mapping::CouplingGraph::fromTarget(**device);
  result.device = std::move(*device);
  return result;
}

std::string qopt::formatESP(double cost) {
  std::string text;
  llvm::raw_string_ostream os(text);
  os << llvm::format("%.4g", std::exp(-cost));
  return text;
}
