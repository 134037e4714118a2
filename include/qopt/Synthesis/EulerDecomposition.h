//===- EulerDecomposition.h - one-qubit unitaries as rotations --*- C++ -*-===//

#ifndef QOPT_SYNTHESIS_EULERDECOMPOSITION_H
#define QOPT_SYNTHESIS_EULERDECOMPOSITION_H

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/SmallVector.h"

#include <Eigen/Core>

namespace qopt::synthesis {

/// U = e^{i phase} Rz(phi) Ry(theta) Rz(lambda), with theta in [0, pi].
struct ZYZAngles {
  double theta, phi, lambda, phase;
};

/// The ZYZ Euler angles of a 2x2 unitary.
ZYZAngles decomposeZYZ(const Eigen::Matrix2cd &unitary);

/// `angle` wrapped into (-pi, pi].
double wrapAngle(double angle);

/// One step of an rz/sx/x sequence.
struct ZSXStep {
  enum class Kind { RZ, SX, X } kind;
  double angle = 0; ///< rz only, in (-pi, pi]
};

/// The shortest rz/sx(/x) sequence equal to `unitary` up to global phase,
/// first step first: one rz when theta = 0, rz sx rz when theta = pi/2,
/// rz x rz when theta = pi and `useX`, else rz sx rz sx rz. Rotations by
/// less than 1e-12 are left out.
llvm::SmallVector<ZSXStep, 5> synthesizeZSX(const Eigen::Matrix2cd &unitary,
                                            bool useX);

/// Pulses a ZSX sequence plays: its sx and x steps (rz is a frame change).
unsigned countPulses(llvm::ArrayRef<ZSXStep> steps);

} // namespace qopt::synthesis

#endif // QOPT_SYNTHESIS_EULERDECOMPOSITION_H
