//===- PulseSimulator.cpp - one transmon driven by pulses -----------------===//

#include "qopt/Simulation/PulseSimulator.h"

#include "qopt/Dialect/Pulse/Pulse.h"
#include "qopt/Dialect/Pulse/Waveforms.h"
#include "qopt/Target/Target.h"

#include "mlir/IR/Matchers.h"
#include "llvm/ADT/TypeSwitch.h"

#include <Eigen/Eigenvalues>
#include <cmath>

using namespace mlir;
using namespace qopt;
using namespace qopt::sim;

/// The value of `value` when it is built from constants by arith's
/// floating-point negation and arithmetic, as bound parameters are.
static std::optional<double> evaluateArithmetic(Value value) {
  APFloat number(0.0);
  if (matchPattern(value, m_ConstantFloat(&number)))
    return number.convertToDouble();
  Operation *def = value.getDefiningOp();
  if (!def)
    return std::nullopt;
  if (auto negate = dyn_cast<arith::NegFOp>(def)) {
    std::optional<double> operand = evaluateArithmetic(negate.getOperand());
    return operand ? std::optional<double>(-*operand) : std::nullopt;
  }
  if (def->getNumOperands() != 2 ||
      !isa<arith::AddFOp, arith::SubFOp, arith::MulFOp, arith::DivFOp>(def))
    return std::nullopt;
  std::optional<double> lhs = evaluateArithmetic(def->getOperand(0));
  std::optional<double> rhs = evaluateArithmetic(def->getOperand(1));
  if (!lhs || !rhs)
    return std::nullopt;
  if (isa<arith::AddFOp>(def))
    return *lhs + *rhs;
  if (isa<arith::SubFOp>(def))
    return *lhs - *rhs;
  if (isa<arith::MulFOp>(def))
    return *lhs * *rhs;
  return *lhs / *rhs;
}

FailureOr<TransmonModel> TransmonModel::forQubit(const target::Target &device,
                                                 unsigned qubit,
                                                 unsigned levels,
                                                 bool calibrateToX,
                                                 std::string &error) {
  TransmonModel model;
  model.levels = levels;
  if (!device.dtNs) {
    error = "the target has no dt";
    return failure();
  }
  model.dtNs = *device.dtNs;
  if (qubit >= device.qubits.size()) {
    error = "qubit " + std::to_string(qubit) + " is not on the device";
    return failure();
  }
  const target::QubitProperties &props = device.qubits[qubit];
  if (levels == 3) {
    if (!props.anharmonicityGHz) {
      error = "qubit " + std::to_string(qubit) + " has no anharmonicity";
      return failure();
    }
    model.anharmonicityRadPerNs = 2 * M_PI * *props.anharmonicityGHz;
  }
  if (!calibrateToX) {
    if (!props.driveStrengthRadPerNs) {
      error = "qubit " + std::to_string(qubit) +
              " has no drive strength (omegad) in the conf Hamiltonian";
      return failure();
    }
    model.driveStrengthRadPerNs = *props.driveStrengthRadPerNs;
    return model;
  }
  // The x pulse's envelope area times Omega is pi.
  if (device.pulses)
    for (const target::GateSchedule &schedule : device.pulses->commands) {
      if (schedule.gate != "x" || schedule.qubits.size() != 1 ||
          schedule.qubits[0] != qubit)
        continue;
      for (const target::PulseInstruction &step : schedule.sequence) {
        if (step.name != "parametric_pulse" || step.pulseShape != "drag")
          continue;
        auto param = [&](const char *name) {
          auto it = step.parameters.find(name);
          return it == step.parameters.end() ? 0.0 : it->second;
        };
        std::complex<double> amp = step.amp.value_or(0.0);
        double duration = param("duration"), sigma = param("sigma");
        if (!(duration > 0 && duration <= pulse::kMaxWaveformSamples &&
              sigma > 0))
          continue;
        pulse::Samples samples =
            pulse::sampleDrag(static_cast<int64_t>(duration), std::abs(amp),
                              std::arg(amp), sigma, param("beta"));
        std::complex<double> area = 0.0;
        for (std::complex<double> sample : samples)
          area += sample;
        if (std::abs(area) > 0) {
          model.driveStrengthRadPerNs = M_PI / (std::abs(area) * model.dtNs);
          return model;
        }
      }
    }
  error = "qubit " + std::to_string(qubit) + " has no calibrated DRAG x pulse";
  return failure();
}

TransmonSimulator::TransmonSimulator(const TransmonModel &model)
    : model(model) {
  unsigned d = model.levels;
  propagator = Eigen::MatrixXcd::Identity(d, d);
  drift = Eigen::MatrixXcd::Zero(d, d);
  raise = Eigen::MatrixXcd::Zero(d, d);
  for (unsigned n = 0; n < d; ++n) {
    drift(n, n) = model.detuningRadPerNs * n +
                  0.5 * model.anharmonicityRadPerNs * n * (n - 1.0);
    if (n + 1 < d)
      raise(n + 1, n) = std::sqrt(n + 1.0);
  }
}

void TransmonSimulator::step(std::complex<double> sample) {
  double t = timeNs + 0.5 * model.dtNs;
  std::complex<double> drive =
      sample * std::polar(1.0, phase + frequencyOffset * t);
  Eigen::MatrixXcd hamiltonian =
      drift + 0.5 * model.driveStrengthRadPerNs *
                  (drive * raise + std::conj(drive) * raise.adjoint());
  Eigen::SelfAdjointEigenSolver<Eigen::MatrixXcd> solver(hamiltonian);
  Eigen::VectorXcd phases = (solver.eigenvalues().cast<std::complex<double>>() *
                             std::complex<double>(0, -model.dtNs))
                                .array()
                                .exp();
  propagator = solver.eigenvectors() * phases.asDiagonal() *
               solver.eigenvectors().adjoint() * propagator;
  timeNs += model.dtNs;
}

void TransmonSimulator::play(llvm::ArrayRef<std::complex<double>> samples) {
  for (std::complex<double> sample : samples)
    step(sample);
}

void TransmonSimulator::delay(int64_t samples) {
  double duration = samples * model.dtNs;
  Eigen::VectorXcd phases(model.levels);
  for (unsigned n = 0; n < model.levels; ++n)
    phases(n) = std::polar(1.0, -drift(n, n).real() * duration);
  propagator = phases.asDiagonal() * propagator;
  timeNs += duration;
}

Eigen::MatrixXcd TransmonSimulator::unitaryInGateFrame() const {
  Eigen::VectorXcd frame(model.levels);
  for (unsigned n = 0; n < model.levels; ++n)
    frame(n) = std::polar(1.0, -phase * n);
  return frame.asDiagonal() * propagator;
}

double qopt::sim::averageGateFidelity(const Eigen::Matrix2cd &ideal,
                                      const Eigen::MatrixXcd &actual) {
  Eigen::Matrix2cd m = ideal.adjoint() * actual.topLeftCorner(2, 2);
  double traceNorm = std::norm(m.trace());
  double purity = (m * m.adjoint()).trace().real();
  return (purity + traceNorm) / 6.0;
}

FailureOr<Eigen::MatrixXcd>
qopt::sim::simulateDriveChannel(pulse::ScheduleOp schedule, unsigned qubit,
                                const TransmonModel &model,
                                double *framePhase) {
  TransmonSimulator simulator(model);
  auto isOurs = [&](Value channel) {
    pulse::ChannelOp op = pulse::getChannelOp(channel);
    return op && op.getKind() == pulse::ChannelKind::drive &&
           op.getIndex() == qubit;
  };
  auto constant = [](Operation *op, Value value) -> FailureOr<double> {
    if (std::optional<double> number = evaluateArithmetic(value))
      return *number;
    return op->emitOpError("needs a constant value to be simulated");
  };
  int64_t clock = 0;
  for (Operation &op : schedule.getBody().front()) {
    auto timed = dyn_cast<pulse::TimedOpInterface>(op);
    if (!timed || isa<pulse::BarrierOp>(op) ||
        !llvm::any_of(timed.getTimedChannels(), isOurs))
      continue;
    // Scheduled programs idle between their operations.
    if (std::optional<int64_t> start = timed.getStartTime()) {
      if (*start > clock)
        simulator.delay(*start - clock);
      clock = *start + timed.getDurationDt();
    }
    LogicalResult result =
        llvm::TypeSwitch<Operation *, LogicalResult>(&op)
            .Case([&](pulse::PlayOp play) -> LogicalResult {
              std::optional<pulse::Samples> samples =
                  pulse::sampleWaveform(play.getWaveform());
              if (!samples)
                return play.emitOpError(
                    "plays a waveform with symbolic parameters; bind them "
                    "to simulate");
              simulator.play(*samples);
              return success();
            })
            .Case([&](pulse::DelayOp delay) {
              simulator.delay(delay.getDuration());
              return success();
            })
            .Case([&](pulse::ShiftPhaseOp shift) -> LogicalResult {
              FailureOr<double> value = constant(shift, shift.getValue());
              if (failed(value))
                return failure();
              simulator.shiftPhase(*value);
              return success();
            })
            .Case([&](pulse::SetPhaseOp set) -> LogicalResult {
              FailureOr<double> value = constant(set, set.getValue());
              if (failed(value))
                return failure();
              simulator.setPhase(*value);
              return success();
            })
            .Case([&](pulse::ShiftFrequencyOp shift) -> LogicalResult {
              FailureOr<double> value = constant(shift, shift.getValue());
              if (failed(value))
                return failure();
              simulator.shiftFrequency(*value);
              return success();
            })
            .Default([](Operation *other) {
              return other->emitOpError("is not simulated on a drive channel");
            });
    if (failed(result))
      return failure();
  }
  if (framePhase)
    *framePhase = simulator.framePhase();
  return simulator.unitaryInGateFrame();
}
