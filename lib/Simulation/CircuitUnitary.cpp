//===- CircuitUnitary.cpp - dense unitaries of qgate circuits -------------===//

#include "qopt/Simulation/CircuitUnitary.h"

#include "qopt/Dialect/QGate/QGate.h"

#include "llvm/ADT/DenseMap.h"

using namespace mlir;
using namespace qopt;

void qopt::applyGate(Eigen::MatrixXcd &state, const Eigen::MatrixXcd &gate,
                     ArrayRef<unsigned> wires, unsigned numWires) {
  unsigned k = wires.size();
  uint64_t gateDim = uint64_t(1) << k;
  uint64_t dim = uint64_t(1) << numWires;
  assert(uint64_t(state.rows()) == dim && uint64_t(gate.rows()) == gateDim);

  // offsets[j]: the index bits set by the gate's basis state j.
  SmallVector<uint64_t, 8> offsets(gateDim, 0);
  uint64_t wireMask = 0;
  for (uint64_t j = 0; j < gateDim; ++j)
    for (unsigned b = 0; b < k; ++b)
      if (j & (uint64_t(1) << (k - 1 - b)))
        offsets[j] |= uint64_t(1) << (numWires - 1 - wires[b]);
  for (unsigned b = 0; b < k; ++b)
    wireMask |= uint64_t(1) << (numWires - 1 - wires[b]);

  Eigen::VectorXcd in(gateDim), out(gateDim);
  for (Eigen::Index col = 0; col < state.cols(); ++col) {
    for (uint64_t base = 0; base < dim; ++base) {
      if (base & wireMask)
        continue;
      for (uint64_t j = 0; j < gateDim; ++j)
        in(j) = state(base | offsets[j], col);
      out.noalias() = gate * in;
      for (uint64_t j = 0; j < gateDim; ++j)
        state(base | offsets[j], col) = out(j);
    }
  }
}

FailureOr<Eigen::MatrixXcd> qopt::computeCircuitUnitary(Block &block) {
  llvm::DenseMap<Value, unsigned> wireOf;
  unsigned numWires = 0;
  for (BlockArgument arg : block.getArguments())
    if (qgate::isQubit(arg))
      wireOf[arg] = numWires++;
  for (Operation &op : block)
    if (isa<qgate::AllocOp, qgate::PhysicalOp>(op))
      wireOf[op.getResult(0)] = numWires++;
  constexpr unsigned kMaxWires = 14;
  if (numWires > kMaxWires) {
    Operation *anchor = block.getParentOp();
    return anchor->emitError("circuit has ")
           << numWires << " qubits; dense unitaries stop at " << kMaxWires;
  }

  Eigen::MatrixXcd unitary = Eigen::MatrixXcd::Identity(
      Eigen::Index(1) << numWires, Eigen::Index(1) << numWires);
  for (Operation &op : block) {
    if (isa<qgate::AllocOp, qgate::PhysicalOp>(op) ||
        op.hasTrait<OpTrait::ConstantLike>() ||
        op.hasTrait<OpTrait::IsTerminator>())
      continue;
    if (auto barrier = dyn_cast<qgate::BarrierOp>(op)) {
      for (auto [in, out] :
           llvm::zip(barrier.getQubits(), barrier.getResults()))
        wireOf[out] = wireOf.lookup(in);
      continue;
    }
    if (isa<arith::ArithDialect>(op.getDialect()))
      continue; // angle arithmetic; gates see its folded result below
    auto gate = dyn_cast<qgate::GateOpInterface>(op);
    if (!gate)
      return op.emitError("is not unitary; cannot compute the circuit unitary");
    std::optional<Eigen::MatrixXcd> matrix = gate.getConstantMatrix();
    if (!matrix)
      return op.emitError("has non-constant angles; bind them first");
    SmallVector<unsigned, 3> wires;
    for (Value input : gate.getQubitInputs()) {
      auto it = wireOf.find(input);
      if (it == wireOf.end())
        return op.emitError(
            "acts on a qubit that does not start in this block");
      wires.push_back(it->second);
    }
    applyGate(unitary, *matrix, wires, numWires);
    for (auto [wire, output] : llvm::zip(wires, gate.getQubitOutputs()))
      wireOf[output] = wire;
  }
  return unitary;
}

bool qopt::equalUpToGlobalPhase(const Eigen::MatrixXcd &a,
                                const Eigen::MatrixXcd &b, double tol) {
  if (a.rows() != b.rows() || a.cols() != b.cols())
    return false;
  // Fix the phase on the largest entry of b, where it is best conditioned.
  Eigen::Index row = 0, col = 0;
  b.cwiseAbs().maxCoeff(&row, &col);
  if (std::abs(b(row, col)) < tol)
    return a.cwiseAbs().maxCoeff() <= tol;
  std::complex<double> phase = a(row, col) / b(row, col);
  if (std::abs(std::abs(phase) - 1.0) > tol)
    return false;
  return (a - phase * b).cwiseAbs().maxCoeff() <= tol;
}
