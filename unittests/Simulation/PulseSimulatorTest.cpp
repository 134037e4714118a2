//===- PulseSimulatorTest.cpp - gates checked at the pulse level ----------===//
//
// The calibrated pulses of real devices (belem, jakarta), lowered by
// lower-to-pulse and integrated by the transmon simulator, must implement
// the gates they calibrate: x, sx, virtual-Z sequences and u3.
//
//===----------------------------------------------------------------------===//

#include "qopt/Simulation/PulseSimulator.h"
#include "qopt/Dialect/Pulse/Pulse.h"
#include "qopt/Dialect/Pulse/Waveforms.h"
#include "qopt/InitQOpt.h"
#include "qopt/Simulation/CircuitUnitary.h"
#include "qopt/Target/TargetLoader.h"
#include "qopt/Transforms/Passes.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/IR/BuiltinOps.h"
#include "mlir/Parser/Parser.h"
#include "mlir/Pass/PassManager.h"

#include "gtest/gtest.h"

#include <cmath>

using namespace mlir;
using namespace qopt;

namespace {

Eigen::Matrix2cd rotation(double theta, double axisAngle) {
  // exp(-i theta/2 (cos a X + sin a Y))
  std::complex<double> i(0, 1);
  Eigen::Matrix2cd m;
  double c = std::cos(theta / 2), s = std::sin(theta / 2);
  m << c, -i * s * std::polar(1.0, -axisAngle),
      -i * s * std::polar(1.0, axisAngle), c;
  return m;
}

TEST(TransmonSimulator, ConstantPulseIsARabiRotation) {
  sim::TransmonModel model;
  model.levels = 2;
  model.dtNs = 0.25;
  model.driveStrengthRadPerNs = 0.5;
  for (double axis : {0.0, M_PI / 2, 1.0}) {
    sim::TransmonSimulator simulator(model);
    simulator.shiftPhase(axis);
    simulator.play(pulse::sampleConstant(100, 0.3, 0.0));
    // theta = Omega * amp * duration = 0.5 * 0.3 * 25 ns.
    Eigen::Matrix2cd expected = rotation(0.5 * 0.3 * 25.0, axis);
    EXPECT_TRUE(equalUpToGlobalPhase(simulator.unitary(), expected, 1e-9))
        << "axis " << axis;
  }
}

TEST(TransmonSimulator, DelayPrecessesAtTheDetuning) {
  sim::TransmonModel model;
  model.levels = 2;
  model.dtNs = 0.5;
  model.detuningRadPerNs = 0.2;
  sim::TransmonSimulator simulator(model);
  simulator.delay(10);
  // exp(-i Delta n t): a Z rotation by Delta * t = 1 rad.
  Eigen::Matrix2cd expected = Eigen::Matrix2cd::Zero();
  expected(0, 0) = 1.0;
  expected(1, 1) = std::polar(1.0, -1.0);
  EXPECT_TRUE(equalUpToGlobalPhase(simulator.unitary(), expected, 1e-12));
}

TEST(TransmonSimulator, FidelityCountsLeakage) {
  Eigen::MatrixXcd leaky = Eigen::MatrixXcd::Identity(3, 3);
  EXPECT_NEAR(sim::averageGateFidelity(Eigen::Matrix2cd::Identity(), leaky),
              1.0, 1e-12);
  // Swap |1> and |2>: half the subspace leaks out.
  leaky(1, 1) = leaky(2, 2) = 0;
  leaky(1, 2) = leaky(2, 1) = 1;
  EXPECT_NEAR(sim::averageGateFidelity(Eigen::Matrix2cd::Identity(), leaky),
              (1.0 + 1.0) / 6.0, 1e-12);
}

class CalibratedPulses : public ::testing::TestWithParam<const char *> {
protected:
  void SetUp() override {
    registerAllDialects(registry);
    context = std::make_unique<MLIRContext>(registry);
    context->loadAllAvailableDialects();
    auto loaded = target::loadTarget(GetParam(), context.get());
    ASSERT_TRUE(succeeded(loaded));
    device = std::move(*loaded);
  }

  /// The gate-level unitary of `body` on device qubit `qubit`, and the
  /// simulated unitary of its calibrated pulses (gate frame, 3 levels).
  void simulate(unsigned qubit, const std::string &body, bool calibrateToX,
                Eigen::MatrixXcd &gates, Eigen::MatrixXcd &pulses) {
    std::string text = "func.func @f() {\n  %q0 = qgate.physical " +
                       std::to_string(qubit) + "\n" + body + "  return\n}\n";
    OwningOpRef<ModuleOp> module =
        parseSourceString<ModuleOp>(text, context.get());
    ASSERT_TRUE(module) << text;
    auto func = *module->getOps<func::FuncOp>().begin();
    FailureOr<Eigen::MatrixXcd> unitary =
        computeCircuitUnitary(func.getBody().front());
    ASSERT_TRUE(succeeded(unitary));
    gates = *unitary;

    PassManager pm(context.get());
    pm.addPass(createAttachTarget(AttachTargetOptions{GetParam()}));
    pm.addPass(createLowerToPulse());
    ASSERT_TRUE(succeeded(pm.run(*module)));
    auto schedule = *module->getOps<pulse::ScheduleOp>().begin();
    std::string error;
    FailureOr<sim::TransmonModel> model =
        sim::TransmonModel::forQubit(*device, qubit, 3, calibrateToX, error);
    ASSERT_TRUE(succeeded(model)) << error;
    FailureOr<Eigen::MatrixXcd> simulated =
        sim::simulateDriveChannel(schedule, qubit, *model);
    ASSERT_TRUE(succeeded(simulated));
    pulses = *simulated;
  }

  double fidelity(unsigned qubit, const std::string &body,
                  bool calibrateToX = true) {
    Eigen::MatrixXcd gates, pulses;
    simulate(qubit, body, calibrateToX, gates, pulses);
    return sim::averageGateFidelity(gates, pulses);
  }

  DialectRegistry registry;
  std::unique_ptr<MLIRContext> context;
  std::unique_ptr<target::Target> device;
};

TEST_P(CalibratedPulses, XAndSXImplementTheirGates) {
  for (unsigned q = 0; q < device->numQubits; ++q) {
    double x = fidelity(q, "  %a = qgate.x %q0\n");
    double sx = fidelity(q, "  %a = qgate.sx %q0\n");
    double xConf = fidelity(q, "  %a = qgate.x %q0\n", false);
    std::printf("%s q%u: F(x) %.5f  F(sx) %.5f  F(x) with the conf "
                "Hamiltonian's omegad %.4f\n",
                GetParam(), q, x, sx, xConf);
    EXPECT_GT(x, 0.99) << "qubit " << q;
    EXPECT_GT(sx, 0.99) << "qubit " << q;
    // The drive strength fitted to x makes F(x) near 1 by construction; the
    // conf Hamiltonian's own estimate is independent and rougher.
    EXPECT_GT(xConf, 0.9) << "qubit " << q;
    EXPECT_LT(xConf, x) << "qubit " << q;
  }
}

TEST_P(CalibratedPulses, VirtualZComposesWithPulses) {
  const char *sequences[] = {
      "  %t = arith.constant 0.7 : f64\n"
      "  %a = qgate.sx %q0\n  %b = qgate.rz(%t) %a\n  %c = qgate.sx %b\n",
      "  %t = arith.constant -2.1 : f64\n  %u = arith.constant 1.3 : f64\n"
      "  %a = qgate.rz(%t) %q0\n  %b = qgate.sx %a\n  %c = qgate.x %b\n"
      "  %d = qgate.rz(%u) %c\n  %e = qgate.sx %d\n",
  };
  for (const char *body : sequences)
    for (unsigned q = 0; q < device->numQubits; ++q) {
      double f = fidelity(q, body);
      std::printf("%s q%u: F(virtual-Z sequence) %.5f\n", GetParam(), q, f);
      EXPECT_GT(f, 0.98) << "qubit " << q << ":\n" << body;
    }
  // The sign matters: rz(0.7) against rz(-0.7) in the gate circuit.
  Eigen::MatrixXcd gates, pulses, wrongGates, unused;
  simulate(0,
           "  %t = arith.constant 0.7 : f64\n  %a = qgate.sx %q0\n"
           "  %b = qgate.rz(%t) %a\n  %c = qgate.sx %b\n",
           true, gates, pulses);
  simulate(0,
           "  %t = arith.constant -0.7 : f64\n  %a = qgate.sx %q0\n"
           "  %b = qgate.rz(%t) %a\n  %c = qgate.sx %b\n",
           true, wrongGates, unused);
  EXPECT_LT(sim::averageGateFidelity(wrongGates, pulses), 0.9);
}

TEST_P(CalibratedPulses, U3ScheduleImplementsU) {
  for (unsigned q = 0; q < device->numQubits; ++q) {
    double f = fidelity(q, "  %t = arith.constant 1.1 : f64\n"
                           "  %p = arith.constant -0.4 : f64\n"
                           "  %l = arith.constant 2.5 : f64\n"
                           "  %a = qgate.u(%t, %p, %l) %q0\n");
    std::printf("%s q%u: F(u3) %.5f\n", GetParam(), q, f);
    EXPECT_GT(f, 0.98) << "qubit " << q;
  }
}

TEST_P(CalibratedPulses, U2ScheduleImplementsU2) {
  // u2 (no qgate op; read straight from cmd_def) plays the sx pulse turned
  // by pi/2, so it pins down the sign of the envelope's phase.
  double phi = 0.9, lambda = -1.7;
  for (const target::GateSchedule &schedule : device->pulses->commands) {
    if (schedule.gate != "u2")
      continue;
    unsigned q = schedule.qubits[0];
    std::string error;
    FailureOr<sim::TransmonModel> model =
        sim::TransmonModel::forQubit(*device, q, 3, true, error);
    ASSERT_TRUE(succeeded(model)) << error;
    sim::TransmonSimulator simulator(*model);
    std::vector<const target::PulseInstruction *> steps;
    for (const target::PulseInstruction &step : schedule.sequence)
      if (step.channel == "d" + std::to_string(q))
        steps.push_back(&step);
    // In t0 order; equal t0 keeps the listed order (the frame change first).
    std::sort(steps.begin(), steps.end(), [&](auto *a, auto *b) {
      return std::pair(a->t0, a) < std::pair(b->t0, b);
    });
    for (const target::PulseInstruction *step : steps) {
      if (step->name == "fc") {
        ASSERT_TRUE(step->phaseExpression == "-(P0)" ||
                    step->phaseExpression == "-(P1)");
        simulator.shiftPhase(step->phaseExpression == "-(P0)" ? -phi : -lambda);
      } else {
        ASSERT_EQ(step->pulseShape, "drag");
        simulator.play(pulse::sampleDrag(
            static_cast<int64_t>(step->parameters.at("duration")),
            std::abs(*step->amp), std::arg(*step->amp),
            step->parameters.at("sigma"), step->parameters.at("beta")));
      }
    }
    // U2(phi, lambda) = U3(pi/2, phi, lambda).
    std::complex<double> i(0, 1);
    Eigen::Matrix2cd u2;
    u2 << 1, -std::exp(i * lambda), std::exp(i * phi),
        std::exp(i * (phi + lambda));
    u2 /= std::sqrt(2.0);
    double f = sim::averageGateFidelity(u2, simulator.unitaryInGateFrame());
    std::printf("%s q%u: F(u2) %.5f\n", GetParam(), q, f);
    EXPECT_GT(f, 0.98) << "qubit " << q;
  }
}

TEST_P(CalibratedPulses, NativeAnsatzStartsAtTheGateCircuit) {
  // Single-qubit layers with symbolic angles: lowered by
  // native-pulse-ansatz, with each amplitude argument set from its
  // pulse.ansatz record (scale * theta), the pulses reproduce the gates.
  const double angles[] = {0.8, -1.3, 0.4, 2.2};
  const char *body = "  %a = qgate.ry(%t0) %q0\n  %b = qgate.rz(%t1) %a\n"
                     "  %c = qgate.rx(%t2) %b\n  %d = qgate.ry(%t3) %c\n";
  for (unsigned q = 0; q < device->numQubits; ++q) {
    std::string text = "func.func @f(%t0: f64, %t1: f64, %t2: f64, "
                       "%t3: f64) {\n  %q0 = qgate.physical " +
                       std::to_string(q) + "\n" + body + "  return\n}\n";
    OwningOpRef<ModuleOp> module =
        parseSourceString<ModuleOp>(text, context.get());
    ASSERT_TRUE(module);
    // The gate-level reference, with the angles bound.
    OwningOpRef<ModuleOp> bound = module->clone();
    {
      auto func = *bound->getOps<func::FuncOp>().begin();
      OpBuilder builder(&func.getBody().front().front());
      for (unsigned i = 0; i < 4; ++i)
        func.getArgument(i).replaceAllUsesWith(
            builder.create<arith::ConstantOp>(
                func.getLoc(), builder.getF64FloatAttr(angles[i])));
    }
    FailureOr<Eigen::MatrixXcd> gates = computeCircuitUnitary(
        (*bound->getOps<func::FuncOp>().begin()).getBody().front());
    ASSERT_TRUE(succeeded(gates));

    PassManager pm(context.get());
    pm.addPass(createAttachTarget(AttachTargetOptions{GetParam()}));
    pm.addPass(createNativePulseAnsatz());
    ASSERT_TRUE(succeeded(pm.run(*module)));
    auto schedule = *module->getOps<pulse::ScheduleOp>().begin();
    Block &entry = schedule.getBody().front();
    OpBuilder builder(&entry.front());
    unsigned amplitudes = 0;
    for (unsigned i = 0; i < schedule.getNumArguments(); ++i) {
      double value = i < 4 ? angles[i] : 0.0;
      if (auto record =
              schedule.getArgAttrOfType<DictionaryAttr>(i, "pulse.ansatz")) {
        auto scale = record.getAs<FloatAttr>("scale");
        auto source = record.getAs<IntegerAttr>("angle_argument");
        ASSERT_TRUE(scale && source);
        value = scale.getValueAsDouble() * angles[source.getInt()];
        ++amplitudes;
      }
      entry.getArgument(i).replaceAllUsesWith(builder.create<arith::ConstantOp>(
          schedule.getLoc(), builder.getF64FloatAttr(value)));
    }
    EXPECT_EQ(amplitudes, 3u);
    std::string error;
    FailureOr<sim::TransmonModel> model =
        sim::TransmonModel::forQubit(*device, q, 3, true, error);
    ASSERT_TRUE(succeeded(model)) << error;
    FailureOr<Eigen::MatrixXcd> pulses =
        sim::simulateDriveChannel(schedule, q, *model);
    ASSERT_TRUE(succeeded(pulses));
    double f = sim::averageGateFidelity(*gates, *pulses);
    std::printf("%s q%u: F(native ansatz at its initial values) %.5f\n",
                GetParam(), q, f);
    EXPECT_GT(f, 0.99) << "qubit " << q;
  }
}

INSTANTIATE_TEST_SUITE_P(Devices, CalibratedPulses,
                         ::testing::Values("belem", "jakarta"));

} // namespace
