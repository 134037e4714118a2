//===- CircuitUnitary.cpp - dense unitaries of qgate circuits -------------===//

#include "qopt/Simulation/CircuitUnitary.h"

#include "qopt/Simulation/Simulator.h"

#include "mlir/IR/Operation.h"

using namespace mlir;
using namespace qopt;

void qopt::applyGate(Eigen::MatrixXcd &state, const Eigen::MatrixXcd &gate,
                     ArrayRef<unsigned> wires, unsigned numWires) {
  assert(state.rows() == (Eigen::Index(1) << numWires));
  for (Eigen::Index col = 0; col < state.cols(); ++col)
    sim::applyMatrix(state.col(col).data(), numWires, gate, wires);
}

FailureOr<Eigen::MatrixXcd> qopt::computeCircuitUnitary(Block &block) {
  FailureOr<sim::FlatCircuit> circuit = sim::flattenCircuit(block);
  if (failed(circuit))
    return failure();
  Operation *anchor = block.getParentOp();
  if (!circuit->isUnitary())
    return anchor->emitError("measures, resets or branches; it has no "
                             "unitary");
  if (circuit->numWires > sim::kMaxUnitaryQubits)
    return anchor->emitError("circuit has ")
           << circuit->numWires << " qubits; dense unitaries stop at "
           << sim::kMaxUnitaryQubits;
  return sim::buildUnitary(*circuit);
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
