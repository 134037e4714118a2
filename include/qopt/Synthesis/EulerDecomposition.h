//===- EulerDecomposition.h - one-qubit unitaries as rotations --*- C++ -*-===//

#ifndef QOPT_SYNTHESIS_EULERDECOMPOSITION_H
#define QOPT_SYNTHESIS_EULERDECOMPOSITION_H

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

} // namespace qopt::synthesis

#endif // QOPT_SYNTHESIS_EULERDECOMPOSITION_H
