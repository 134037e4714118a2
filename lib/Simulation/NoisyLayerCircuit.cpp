//===- NoisyLayerCircuit.cpp - the density-matrix reference circuit -------===//

#include "qopt/Simulation/NoisyLayerCircuit.h"

#include "qopt/Simulation/StateVector.h"

using namespace qopt;
using namespace qopt::sim;

namespace {

Eigen::MatrixXcd ry(double theta) {
  Eigen::MatrixXcd m(2, 2);
  double c = std::cos(theta / 2), s = std::sin(theta / 2);
  m << c, -s, s, c;
  return m;
}

Eigen::MatrixXcd rz(double theta) {
  Eigen::MatrixXcd m = Eigen::MatrixXcd::Zero(2, 2);
  m(0, 0) = std::polar(1.0, -theta / 2);
  m(1, 1) = std::polar(1.0, theta / 2);
  return m;
}

Eigen::MatrixXcd cx() {
  Eigen::MatrixXcd m = Eigen::MatrixXcd::Zero(4, 4);
  m(0, 0) = m(1, 1) = m(2, 3) = m(3, 2) = 1;
  return m;
}

/// The superoperator of U followed by `noise`.
Eigen::MatrixXcd noisyGate(const Eigen::MatrixXcd &gate,
                           const Eigen::MatrixXcd &noise) {
  return noise * krausToSuperoperator({gate});
}

} // namespace

NoisyLayerResult sim::runNoisyLayerCircuit(const NoisyLayerRecipe &recipe) {
  unsigned n = recipe.numQubits;
  DensityMatrix rho(n);
  StateVector ideal(n);
  Eigen::MatrixXcd damping = amplitudeDampingSuperoperator(recipe.gamma);
  Eigen::MatrixXcd afterOneQubit =
      damping * pauliDepolarizingSuperoperator(recipe.p1);
  Eigen::MatrixXcd afterCX =
      damping * pauliDepolarizingSuperoperator(recipe.p2);
  NoisyLayerResult result;
  auto oneQubit = [&](const Eigen::MatrixXcd &gate, unsigned q) {
    ideal.apply(gate, {q});
    rho.applySuperoperator(noisyGate(gate, afterOneQubit), {q});
    ++result.numGates;
  };
  for (unsigned layer = 0; layer < recipe.layers; ++layer) {
    for (unsigned q = 0; q < n; ++q)
      oneQubit(ry(0.3 + 0.17 * q * (layer + 1)), q);
    for (unsigned q = 0; q + 1 < n; ++q) {
      ideal.apply(cx(), {q, q + 1});
      rho.applyUnitary(cx(), {q, q + 1});
      rho.applySuperoperator(afterCX, {q});
      rho.applySuperoperator(afterCX, {q + 1});
      ++result.numGates;
    }
    for (unsigned q = 0; q < n; ++q)
      oneQubit(rz(0.11 + 0.23 * q + 0.05 * layer), q);
  }
  result.fidelity = rho.fidelityToPure(ideal.getAmplitudes());
  result.purity = rho.purity();
  result.trace = rho.trace();
  return result;
}
