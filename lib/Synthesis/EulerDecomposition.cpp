//===- EulerDecomposition.cpp - one-qubit unitaries as rotations ----------===//

#include "qopt/Synthesis/EulerDecomposition.h"

#include <Eigen/LU>

#include <cmath>
#include <complex>

using namespace qopt::synthesis;

double qopt::synthesis::wrapAngle(double angle) {
  double wrapped = std::remainder(angle, 2 * M_PI);
  return wrapped <= -M_PI ? wrapped + 2 * M_PI : wrapped;
}

ZYZAngles qopt::synthesis::decomposeZYZ(const Eigen::Matrix2cd &unitary) {
  // Remove the global phase so that det = 1; then
  //   U = [[e^{-i(phi+lambda)/2} c, -e^{-i(phi-lambda)/2} s],
  //        [e^{ i(phi-lambda)/2} s,  e^{ i(phi+lambda)/2} c]].
  std::complex<double> det = unitary.determinant();
  std::complex<double> root = std::sqrt(det);
  Eigen::Matrix2cd special = unitary / root;
  double theta =
      2 * std::atan2(std::abs(special(1, 0)), std::abs(special(0, 0)));
  double sum = 2 * std::arg(special(1, 1));  // phi + lambda
  double diff = 2 * std::arg(special(1, 0)); // phi - lambda
  // When c or s vanishes only the sum or the difference is defined.
  if (std::abs(special(0, 0)) < 1e-12)
    sum = 0;
  if (std::abs(special(1, 0)) < 1e-12)
    diff = 0;
  ZYZAngles angles;
  angles.theta = theta;
  angles.phi = (sum + diff) / 2;
  angles.lambda = (sum - diff) / 2;
  angles.phase = std::arg(root);
  return angles;
}
