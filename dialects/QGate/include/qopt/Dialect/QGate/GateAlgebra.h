//===- GateAlgebra.h - inverse and identity relations of gates --*- C++ -*-===//
//
// Relations between gates that canonicalization and later optimization passes
// share: whether two gates on the same wires are inverses, whether a gate is
// the identity, and how two adjacent gates' wires line up.
//
//===----------------------------------------------------------------------===//

#ifndef QOPT_DIALECT_QGATE_GATEALGEBRA_H
#define QOPT_DIALECT_QGATE_GATEALGEBRA_H

#include "qopt/Dialect/QGate/QGate.h"

namespace qopt::qgate {

/// Entry-wise tolerance for "this matrix is the identity up to global phase".
/// It only absorbs floating-point rounding of angles such as 2*pi.
inline constexpr double kIdentityTolerance = 1e-12;

/// True if `matrix` equals exp(i*alpha) * I within kIdentityTolerance.
bool isIdentityUpToPhase(const Eigen::MatrixXcd &matrix);

/// If every qubit input of `second` is a qubit output of `first` and the two
/// act on the same qubits, returns for each input i of `second` the index of
/// the output of `first` that feeds it. The order is the identity, or swapped
/// when both gates are two-qubit gates with symmetric qubits.
std::optional<llvm::SmallVector<unsigned, 3>>
matchAdjacentWires(GateOpInterface first, GateOpInterface second);

/// True if `second` undoes `first` when applied to the same wires in the same
/// order. Angles must be exact negations: equal-magnitude constants or
/// `arith.negf` of one another.
bool isInversePair(GateOpInterface first, GateOpInterface second);

/// The angle of `rotation` merged with another of its kind: a + b, folded,
/// and a constant result brought into (-pi, pi] unless `rotation` is a
/// controlled rotation (crx, cry, crz), for which a 2*pi turn is a Z on the
/// control rather than a global phase.
mlir::Value buildMergedAngle(mlir::OpBuilder &builder, mlir::Location loc,
                             GateOpInterface rotation, mlir::Value a,
                             mlir::Value b);

} // namespace qopt::qgate

#endif // QOPT_DIALECT_QGATE_GATEALGEBRA_H
