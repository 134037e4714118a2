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

llvm::SmallVector<ZSXStep, 5>
qopt::synthesis::synthesizeZSX(const Eigen::Matrix2cd &unitary, bool useX) {
  constexpr double kTolerance = 1e-12;
  ZYZAngles zyz = decomposeZYZ(unitary);
  llvm::SmallVector<ZSXStep, 5> steps;
  auto rz = [&](double angle) {
    double wrapped = wrapAngle(angle);
    if (std::abs(wrapped) > kTolerance)
      steps.push_back({ZSXStep::Kind::RZ, wrapped});
  };
  auto pulse = [&](ZSXStep::Kind kind) { steps.push_back({kind, 0}); };
  // Rz(phi) Ry(theta) Rz(lambda) with Ry(pi/2) = Rz(pi/2) SX Rz(-pi/2) and
  // Ry(theta) = Rz(pi) SX Rz(theta + pi) SX up to phase.
  if (std::abs(zyz.theta) < kTolerance) {
    rz(zyz.phi + zyz.lambda);
  } else if (std::abs(zyz.theta - M_PI / 2) < kTolerance) {
    rz(zyz.lambda - M_PI / 2);
    pulse(ZSXStep::Kind::SX);
    rz(zyz.phi + M_PI / 2);
  } else if (useX && std::abs(zyz.theta - M_PI) < kTolerance) {
    rz(zyz.lambda + M_PI);
    pulse(ZSXStep::Kind::X);
    rz(zyz.phi);
  } else {
    // Rz(phi) Ry(theta) Rz(lambda) = Rz(phi + pi) Ry(-theta) Rz(lambda - pi)
    // up to phase: of the two sequences, keep the one with fewer rz.
    auto general = [&](double theta, double phi, double lambda) {
      steps.clear();
      rz(lambda);
      pulse(ZSXStep::Kind::SX);
      rz(theta + M_PI);
      pulse(ZSXStep::Kind::SX);
      rz(phi + M_PI);
      return steps;
    };
    llvm::SmallVector<ZSXStep, 5> first =
        general(zyz.theta, zyz.phi, zyz.lambda);
    llvm::SmallVector<ZSXStep, 5> second =
        general(-zyz.theta, zyz.phi + M_PI, zyz.lambda - M_PI);
    steps = second.size() < first.size() ? second : first;
  }
  return steps;
}

unsigned qopt::synthesis::countPulses(llvm::ArrayRef<ZSXStep> steps) {
  return llvm::count_if(steps, [](const ZSXStep &step) {
    return step.kind != ZSXStep::Kind::RZ;
  });
}
