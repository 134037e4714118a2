//===- NoisySimulatorTest.cpp - circuits under a target's noise -----------===//

#include "qopt/Simulation/NoisySimulator.h"
#include "qopt/InitQOpt.h"
#include "qopt/Simulation/FlatCircuit.h"
#include "qopt/Target/TargetLoader.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/IR/BuiltinOps.h"
#include "mlir/Parser/Parser.h"

#include "gtest/gtest.h"

using namespace mlir;
using namespace qopt;

namespace {

class NoisySimulatorTest : public ::testing::Test {
protected:
  NoisySimulatorTest() {
    registerAllDialects(registry);
    context = std::make_unique<MLIRContext>(registry);
    context->loadAllAvailableDialects();
  }

  sim::FlatCircuit flatten(const std::string &text) {
    module = parseSourceString<ModuleOp>(text, context.get());
    EXPECT_TRUE(module) << text;
    FailureOr<sim::FlatCircuit> circuit =
        sim::flattenCircuit(*module->getOps<func::FuncOp>().begin());
    EXPECT_TRUE(succeeded(circuit));
    return *circuit;
  }

  /// A 3-qubit line device with the given x error and no other noise.
  static target::Target idealDevice(double xError) {
    target::Target device;
    device.name = "ideal3";
    device.numQubits = 3;
    device.basisGates = {"rz", "sx", "x", "cx"};
    device.couplingMap = {{0, 1}, {1, 0}, {1, 2}, {2, 1}};
    device.qubits.resize(3);
    for (unsigned q = 0; q < 3; ++q) {
      device.qubits[q].readoutError = 0.0;
      for (const char *gate : {"sx", "x"}) {
        target::GateProperties props;
        props.gate = gate;
        props.qubits = {q};
        props.error = std::string(gate) == "x" ? xError : 0.0;
        props.lengthNs = 0.0;
        device.gates.push_back(props);
      }
    }
    for (auto [a, b] : device.couplingMap) {
      target::GateProperties props;
      props.gate = "cx";
      props.qubits = {a, b};
      props.error = 0.0;
      props.lengthNs = 0.0;
      device.gates.push_back(props);
    }
    device.reindex();
    return device;
  }

  DialectRegistry registry;
  std::unique_ptr<MLIRContext> context;
  OwningOpRef<ModuleOp> module;
};

constexpr const char *kGhz = R"(
func.func @ghz() -> (i1, i1, i1) {
  %q0 = qgate.physical 0
  %q1 = qgate.physical 1
  %q2 = qgate.physical 2
  %h = arith.constant 1.5707963267948966 : f64
  %a = qgate.rz(%h) %q0
  %b = qgate.sx %a
  %c = qgate.rz(%h) %b
  %d, %e = qgate.cx %c, %q1
  %f, %g = qgate.cx %e, %q2
  %x = qgate.x %d
  %y = qgate.x %x
  %d1, %m0 = qgate.measure %y
  %f1, %m1 = qgate.measure %f
  %g1, %m2 = qgate.measure %g
  return %m0, %m1, %m2 : i1, i1, i1
})";

TEST_F(NoisySimulatorTest, NoiselessDeviceGivesPerfectFigures) {
  target::Target device = idealDevice(0.0);
  target::NoiseModel noise(device);
  std::string error;
  auto result = sim::simulateWithNoise(flatten(kGhz), noise, {}, error);
  ASSERT_TRUE(succeeded(result)) << error;
  EXPECT_EQ(result->method, "density-matrix");
  EXPECT_NEAR(result->stateFidelity, 1.0, 1e-12);
  EXPECT_NEAR(result->pst, 1.0, 1e-12);
  EXPECT_NEAR(result->hellinger, 1.0, 1e-12);
}

TEST_F(NoisySimulatorTest, DepolarizingErrorOfOneGate) {
  // x with average gate error e is depolarizing with p = 2e, which leaves
  // |1> with fidelity 1 - p/2 = 1 - e.
  double e = 0.01;
  target::Target device = idealDevice(e);
  target::NoiseModel noise(device);
  std::string error;
  auto result = sim::simulateWithNoise(flatten(R"(
func.func @f() {
  %q0 = qgate.physical 0
  %a = qgate.x %q0
  return
})"),
                                       noise, {}, error);
  ASSERT_TRUE(succeeded(result)) << error;
  EXPECT_NEAR(result->stateFidelity, 1 - e, 1e-12);
  // PST: x then its inverse, two depolarizing steps: P(0) = 1 - p + p^2/2.
  double p = 2 * e;
  EXPECT_NEAR(result->pst, 1 - p + p * p / 2, 1e-12);
}

TEST_F(NoisySimulatorTest, TrajectoriesAgreeWithTheDensityMatrix) {
  auto loaded = target::loadTarget("belem", context.get());
  ASSERT_TRUE(succeeded(loaded));
  target::NoiseModel noise(**loaded);
  sim::FlatCircuit circuit = flatten(kGhz);
  std::string error;
  auto exact = sim::simulateWithNoise(circuit, noise, {}, error);
  ASSERT_TRUE(succeeded(exact)) << error;
  sim::NoisyRunOptions options;
  options.densityMatrixMaxQubits = 0;
  options.shots = 4000;
  options.seed = 11;
  auto sampled = sim::simulateWithNoise(circuit, noise, options, error);
  ASSERT_TRUE(succeeded(sampled)) << error;
  EXPECT_EQ(sampled->method, "trajectories");
  EXPECT_LT(exact->stateFidelity, 0.99);
  EXPECT_GT(sampled->stateFidelityError, 0.0);
  EXPECT_NEAR(sampled->stateFidelity, exact->stateFidelity,
              4 * sampled->stateFidelityError);
  EXPECT_NEAR(sampled->pst, exact->pst, 4 * sampled->pstError);
  EXPECT_NEAR(sampled->hellinger, exact->hellinger, 0.01);
}

TEST_F(NoisySimulatorTest, RefusesWhatItCannotModel) {
  target::Target device = idealDevice(0.0);
  target::NoiseModel noise(device);
  std::string error;
  auto result = sim::simulateWithNoise(flatten(R"(
func.func @f() {
  %q0 = qgate.physical 0
  %a = qgate.h %q0
  return
})"),
                                       noise, {}, error);
  EXPECT_TRUE(failed(result));
  EXPECT_EQ(error, "the target has no calibration of 'h' on qubit(s) 0 (rz "
                   "alone is virtual); run to-target-basis first");
  result = sim::simulateWithNoise(flatten(R"(
func.func @f() -> i1 {
  %q0 = qgate.physical 0
  %a, %m = qgate.measure %q0
  %b = qgate.x %a
  return %m : i1
})"),
                                  noise, {}, error);
  EXPECT_TRUE(failed(result));
  EXPECT_EQ(error, "mid-circuit measurement is not modelled");
}

} // namespace
