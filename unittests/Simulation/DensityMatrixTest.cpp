//===- DensityMatrixTest.cpp - the density-matrix simulator ---------------===//

#include "qopt/Simulation/DensityMatrix.h"
#include "qopt/Simulation/NoisyLayerCircuit.h"
#include "qopt/Simulation/StateVector.h"
#include "qopt/Target/NoiseModel.h"

#include "gtest/gtest.h"

#include <Eigen/QR>

#include <random>

using namespace qopt;
using namespace qopt::sim;

namespace {

Eigen::MatrixXcd randomUnitary(unsigned dim, std::mt19937_64 &rng) {
  std::normal_distribution<double> normal;
  Eigen::MatrixXcd m(dim, dim);
  for (unsigned i = 0; i < dim; ++i)
    for (unsigned j = 0; j < dim; ++j)
      m(i, j) = {normal(rng), normal(rng)};
  return Eigen::HouseholderQR<Eigen::MatrixXcd>(m).householderQ();
}

TEST(DensityMatrix, NoiselessEvolutionMatchesTheStateVector) {
  std::mt19937_64 rng(7);
  unsigned n = 5;
  StateVector psi(n);
  DensityMatrix rho(n);
  for (int step = 0; step < 30; ++step) {
    unsigned a = rng() % n, b = (a + 1 + rng() % (n - 1)) % n;
    Eigen::MatrixXcd gate =
        step % 2 ? randomUnitary(4, rng) : randomUnitary(2, rng);
    std::vector<unsigned> wires =
        step % 2 ? std::vector<unsigned>{a, b} : std::vector<unsigned>{a};
    psi.apply(gate, wires);
    rho.applyUnitary(gate, wires);
  }
  DensityMatrix expected = DensityMatrix::fromPure(psi.getAmplitudes());
  for (uint64_t i = 0; i < 32; ++i)
    for (uint64_t j = 0; j < 32; ++j)
      EXPECT_NEAR(std::abs(rho.entry(i, j) - expected.entry(i, j)), 0.0, 1e-12);
  EXPECT_NEAR(rho.purity(), 1.0, 1e-12);
  EXPECT_NEAR(rho.fidelityToPure(psi.getAmplitudes()), 1.0, 1e-12);
}

TEST(DensityMatrix, DepolarizingOnZeroState) {
  // X and Y flip |0>, Z does not: P(1) = 2p/3.
  DensityMatrix rho(2);
  double p = 0.3;
  rho.applySuperoperator(pauliDepolarizingSuperoperator(p), {1});
  std::vector<double> probabilities = rho.probabilities();
  EXPECT_NEAR(probabilities[0], 1 - 2 * p / 3, 1e-14);
  EXPECT_NEAR(probabilities[1], 2 * p / 3, 1e-14);
  EXPECT_NEAR(probabilities[2] + probabilities[3], 0.0, 1e-14);
  EXPECT_NEAR(rho.purity(),
              (1 - 2 * p / 3) * (1 - 2 * p / 3) + (2 * p / 3) * (2 * p / 3),
              1e-14);
}

TEST(DensityMatrix, ThermalRelaxationOverAKnownTime) {
  double t1 = 80e3, t2 = 60e3, time = 25e3;
  std::vector<Eigen::Matrix2cd> kraus2 =
      target::thermalRelaxationKraus(t1, t2, time);
  std::vector<Eigen::MatrixXcd> kraus(kraus2.begin(), kraus2.end());
  // |1> decays to |0> with probability 1 - e^{-t/T1}.
  Eigen::VectorXcd one(2);
  one << 0, 1;
  DensityMatrix excited = DensityMatrix::fromPure(one);
  excited.applyKraus(kraus, {0});
  EXPECT_NEAR(excited.probabilities()[1], std::exp(-time / t1), 1e-12);
  EXPECT_NEAR(excited.trace(), 1.0, 1e-12);
  // |+> keeps its coherence to e^{-t/T2}.
  Eigen::VectorXcd plus(2);
  plus << M_SQRT1_2, M_SQRT1_2;
  DensityMatrix coherent = DensityMatrix::fromPure(plus);
  coherent.applyKraus(kraus, {0});
  EXPECT_NEAR(std::abs(coherent.entry(0, 1)), 0.5 * std::exp(-time / t2),
              1e-12);
}

TEST(DensityMatrix, ChannelsPreserveTheTrace) {
  std::mt19937_64 rng(3);
  unsigned n = 3;
  Eigen::VectorXcd psi = randomState(n, rng);
  psi.normalize();
  DensityMatrix rho = DensityMatrix::fromPure(psi);
  std::vector<Eigen::Matrix2cd> relax =
      target::thermalRelaxationKraus(50e3, 70e3, 400);
  std::vector<Eigen::MatrixXcd> relaxation(relax.begin(), relax.end());
  rho.applyKraus(relaxation, {2});
  rho.applySuperoperator(pauliDepolarizingSuperoperator(0.05), {0});
  rho.applySuperoperator(amplitudeDampingSuperoperator(0.2), {1});
  EXPECT_NEAR(rho.trace(), 1.0, 1e-12);
  EXPECT_LT(rho.purity(), 1.0);
}

TEST(DensityMatrix, ReproducesQuantumPlusPlusOnEightQubits) {
  // Quantum++'s density-matrix result for the same recipe, n = 8, L = 2:
  // fidelity 0.7559 (from the benchmark specification).
  NoisyLayerResult result = runNoisyLayerCircuit({8, 2});
  EXPECT_NEAR(result.fidelity, 0.7559, 1e-4);
  EXPECT_NEAR(result.trace, 1.0, 1e-12);
  EXPECT_EQ(result.numGates, 46u);
}

} // namespace
