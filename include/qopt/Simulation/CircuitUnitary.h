//===- CircuitUnitary.h - dense unitaries of qgate circuits -----*- C++ -*-===//
//
// The unitary of a small circuit, for checking that rewrites preserve meaning.
// Wire w of an n-wire circuit is bit (n-1-w) of the basis-state index, the
// same big-endian convention the gate matrices use.
//
//===----------------------------------------------------------------------===//

#ifndef QOPT_SIMULATION_CIRCUITUNITARY_H
#define QOPT_SIMULATION_CIRCUITUNITARY_H

#include "mlir/IR/Block.h"
#include "mlir/Support/LogicalResult.h"

#include <Eigen/Core>

namespace qopt {

/// Left-multiplies the rows of `state` (2^numWires rows, any number of
/// columns) by `gate` acting on `wires`, where wires[0] is the gate's most
/// significant qubit. Works by index arithmetic; no 2^n x 2^n gate matrix is
/// formed.
void applyGate(Eigen::MatrixXcd &state, const Eigen::MatrixXcd &gate,
               llvm::ArrayRef<unsigned> wires, unsigned numWires);

/// The unitary of the straight-line circuit in `block`. Wires are the block's
/// qubit arguments in order, then each qgate.alloc / qgate.physical in program
/// order. Every gate's angles must be constants. Measurement, reset and ops
/// outside qgate/arith are not unitary and are reported as errors.
mlir::FailureOr<Eigen::MatrixXcd> computeCircuitUnitary(mlir::Block &block);

/// True if `a` equals exp(i*phi) * `b` for some phi, entry-wise within `tol`.
bool equalUpToGlobalPhase(const Eigen::MatrixXcd &a, const Eigen::MatrixXcd &b,
                          double tol = 1e-9);

} // namespace qopt

#endif // QOPT_SIMULATION_CIRCUITUNITARY_H
