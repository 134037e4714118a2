//===- NoiseModelTest.cpp - noise-model conversions, checked by hand ------===//

#include "qopt/Target/NoiseModel.h"
#include "qopt/Target/TargetLoader.h"

#include "gtest/gtest.h"

#include <Eigen/Dense>

using namespace qopt::target;

namespace {

TEST(NoiseConversions, DepolarizingParameterAndError) {
  // One qubit: infidelity = p (d-1)/d = p/2, so error 1e-3 needs p = 2e-3.
  EXPECT_DOUBLE_EQ(depolarizingParameterFromError(1e-3, 1), 2e-3);
  // Two qubits: p * 3/4 = 0.01 gives p = 0.04/3.
  EXPECT_DOUBLE_EQ(depolarizingParameterFromError(0.01, 2), 0.04 / 3);
  EXPECT_DOUBLE_EQ(errorFromDepolarizingParameter(0.04 / 3, 2), 0.01);
}

TEST(NoiseConversions, AverageAndProcessFidelity) {
  // d = 2: F_avg = (2 F_pro + 1) / 3; F_pro = 0.97 gives 0.98.
  EXPECT_NEAR(averageFidelityFromProcess(0.97, 2), 0.98, 1e-15);
  EXPECT_NEAR(processFidelityFromAverage(0.98, 2), 0.97, 1e-15);
  // d = 4: F_avg = (4 F_pro + 1) / 5.
  EXPECT_NEAR(averageFidelityFromProcess(0.9, 4), 0.92, 1e-15);
}

TEST(ThermalRelaxation, KrausOperatorsAreAChannel) {
  for (auto [t1, t2, t] : {std::tuple{100e3, 80e3, 300.0},
                           std::tuple{50e3, 100e3, 1000.0},
                           std::tuple{20e3, 5e3, 35.0}}) {
    auto kraus = thermalRelaxationKraus(t1, t2, t);
    Eigen::Matrix2cd sum = Eigen::Matrix2cd::Zero();
    for (const Eigen::Matrix2cd &k : kraus)
      sum += k.adjoint() * k;
    EXPECT_TRUE(sum.isIdentity(1e-12));

    // Apply to |1><1| and to |+><+|.
    auto apply = [&](const Eigen::Matrix2cd &rho) {
      Eigen::Matrix2cd out = Eigen::Matrix2cd::Zero();
      for (const Eigen::Matrix2cd &k : kraus)
        out += k * rho * k.adjoint();
      return out;
    };
    Eigen::Matrix2cd one = Eigen::Matrix2cd::Zero();
    one(1, 1) = 1;
    EXPECT_NEAR(apply(one)(1, 1).real(), std::exp(-t / t1), 1e-12);
    Eigen::Matrix2cd plus = Eigen::Matrix2cd::Constant(0.5);
    EXPECT_NEAR(std::abs(apply(plus)(0, 1)), 0.5 * std::exp(-t / t2), 1e-12);

    // The closed-form process fidelity equals sum |Tr K|^2 / d^2.
    double fromKraus = 0;
    for (const Eigen::Matrix2cd &k : kraus)
      fromKraus += std::norm(k.trace()) / 4;
    EXPECT_NEAR(thermalRelaxationProcessFidelity(t1, t2, t), fromKraus, 1e-12);
  }
}

/// A target built by hand with one qubit pair, for exact expectations.
Target handTarget() {
  Target target;
  target.numQubits = 2;
  target.basisGates = {"sx", "cx"};
  target.couplingMap = {{0, 1}, {1, 0}};
  QubitProperties q;
  q.t1Ns = 100e3;
  q.t2Ns = 300e3; // above 2*T1: capped at 200 us
  q.probMeas1Prep0 = 0.01;
  q.probMeas0Prep1 = 0.03;
  target.qubits = {q, q};
  target.gates.push_back({"sx", {0}, 1e-3, 0.0});
  target.gates.push_back({"cx", {0, 1}, 0.02, 400.0});
  target.gates.push_back({"sx", {1}, 1e-6, 50.0});
  target.reindex();
  return target;
}

TEST(NoiseModel, InstantaneousGateIsPureDepolarizing) {
  Target target = handTarget();
  NoiseModel model(target);
  std::optional<GateNoise> noise = model.gateNoise("sx", {0});
  ASSERT_TRUE(noise);
  EXPECT_DOUBLE_EQ(noise->depolarizing, 2e-3);
  EXPECT_EQ(model.coherenceTimes(0).second, 200e3);
}

TEST(NoiseModel, RelaxationAccountsForPartOfTheError) {
  Target target = handTarget();
  NoiseModel model(target);
  std::optional<GateNoise> noise = model.gateNoise("cx", {0, 1});
  ASSERT_TRUE(noise);
  // Relaxation of both qubits for 400 ns, T1 = 100 us, T2 capped to 200 us.
  double f1 = (1 + 2 * std::exp(-400 / 200e3) + std::exp(-400 / 100e3)) / 4;
  double relaxAvg = (4 * f1 * f1 + 1) / 5;
  double expected = 4 * (0.02 - (1 - relaxAvg)) / (4 * relaxAvg - 1);
  EXPECT_NEAR(noise->depolarizing, expected, 1e-15);
  // Together they reproduce the calibrated error: the depolarizing channel
  // scales the relaxation's process fidelity by (1 - p + p/16).
  double total = f1 * f1 * (1 - noise->depolarizing) +
                 noise->depolarizing / 16;
  EXPECT_NEAR(1 - averageFidelityFromProcess(total, 4), 0.02, 1e-12);
}

TEST(NoiseModel, ErrorBelowRelaxationNeedsNoDepolarizing) {
  Target target = handTarget();
  NoiseModel model(target);
  std::optional<GateNoise> noise = model.gateNoise("sx", {1});
  ASSERT_TRUE(noise);
  EXPECT_EQ(noise->depolarizing, 0.0);
  EXPECT_FALSE(model.gateNoise("cx", {1, 0}));
}

TEST(NoiseModel, ReadoutConfusionColumnsSumToOne) {
  Target target = handTarget();
  NoiseModel model(target);
  Eigen::Matrix2d confusion = model.readoutConfusion(0);
  EXPECT_DOUBLE_EQ(confusion(1, 0), 0.01); // read 1 | prepared 0
  EXPECT_DOUBLE_EQ(confusion(0, 1), 0.03); // read 0 | prepared 1
  EXPECT_DOUBLE_EQ(confusion.col(0).sum(), 1.0);
  EXPECT_DOUBLE_EQ(confusion.col(1).sum(), 1.0);
}

TEST(NoiseModel, ShippedDeviceGateNoiseIsConsistent) {
  mlir::MLIRContext context;
  auto target = loadTarget("montreal", &context);
  ASSERT_TRUE(succeeded(target));
  NoiseModel model(**target);
  for (const GateProperties &gate : (*target)->gates) {
    if (gate.gate == "reset" || gate.gate == "rz")
      continue;
    std::optional<GateNoise> noise = model.gateNoise(gate.gate, gate.qubits);
    ASSERT_TRUE(noise);
    EXPECT_GE(noise->depolarizing, 0.0);
    EXPECT_LE(noise->depolarizing, 4.0 / 3.0 + 1e-12);
  }
}

} // namespace
