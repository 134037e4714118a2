//===- TwoQubitDecomposition.h - two-qubit unitaries with few CX -*- C++
//-*-===//
//
// The KAK (Cartan) decomposition of a two-qubit unitary,
//   U = e^{i phase} (A0 (x) A1) exp(i (a XX + b YY + c ZZ)) (B0 (x) B1),
// and circuits of CX and one-qubit gates built from it with the fewest CX
// any circuit for U needs (0 to 3). Matrices are big-endian like the qgate
// dialect's: qubit 0 is the most significant bit, so A0 (x) A1 puts A0 on
// qubit 0.
//
// The canonical part is found in the magic (Bell) basis, where local gates
// are real orthogonal and exp(i (a XX + b YY + c ZZ)) is diagonal. Two
// unitaries are locally equivalent iff their canonical diagonals agree up to
// order, an even number of sign flips and a global phase; synthesis builds a
// CX template with the same canonical diagonal and solves for the one-qubit
// gates around it. Every result is multiplied back out and compared with the
// input, so a decomposition is either correct or not returned.
//
//===----------------------------------------------------------------------===//

#ifndef QOPT_SYNTHESIS_TWOQUBITDECOMPOSITION_H
#define QOPT_SYNTHESIS_TWOQUBITDECOMPOSITION_H

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/SmallVector.h"

#include <Eigen/Core>

#include <optional>

namespace qopt::synthesis {

/// U = e^{i phase} (after0 (x) after1) exp(i (a XX + b YY + c ZZ))
///     (before0 (x) before1).
struct KAKDecomposition {
  Eigen::Matrix2cd before0, before1, after0, after1;
  double a = 0, b = 0, c = 0;
  double phase = 0;
};

/// The KAK decomposition of a 4x4 unitary, or nullopt if `unitary` is not
/// unitary to within 1e-9 or the numerics fail the final check.
std::optional<KAKDecomposition> decomposeKAK(const Eigen::Matrix4cd &unitary);

/// exp(i (a XX + b YY + c ZZ)).
Eigen::Matrix4cd canonicalGate(double a, double b, double c);

/// The fewest CX (0-3) of any circuit equal to `unitary` up to global phase.
unsigned minimalCXCount(const KAKDecomposition &kak);

/// One step of a two-qubit circuit: a one-qubit gate on `qubit`, or a CX
/// with control qubit 0 and target qubit 1.
struct TwoQubitStep {
  bool isCX = false;
  unsigned qubit = 0;
  Eigen::Matrix2cd gate = Eigen::Matrix2cd::Identity();
};

/// A circuit of `minimalCXCount` CX (all with control qubit 0) and one-qubit
/// gates, first step first, equal to `unitary` up to global phase to within
/// `tolerance` (max entry-wise after aligning the phase). One-qubit gates
/// that are the identity up to phase are left out.
std::optional<llvm::SmallVector<TwoQubitStep>>
synthesizeTwoQubit(const Eigen::Matrix4cd &unitary, double tolerance = 1e-9);

/// The matrix of a circuit from `synthesizeTwoQubit`.
Eigen::Matrix4cd twoQubitCircuitMatrix(llvm::ArrayRef<TwoQubitStep> steps);

} // namespace qopt::synthesis

#endif // QOPT_SYNTHESIS_TWOQUBITDECOMPOSITION_H
