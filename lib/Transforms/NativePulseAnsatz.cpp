//===- NativePulseAnsatz.cpp - variational circuits as native pulses ------===//
//
// NAPA: rotations become single DRAG pulses and entanglers single
// cross-resonance pulses, with their amplitudes as new schedule arguments.
// Everything else goes through the calibrated lowering of PulseLowering.
//
//===----------------------------------------------------------------------===//

#include "qopt/Transforms/Passes.h"

#include "PulseLowering.h"

#include "qopt/Dialect/Pulse/Waveforms.h"
#include "qopt/Dialect/QGate/QGate.h"

#include "mlir/IR/Matchers.h"
#include "mlir/Pass/PassManager.h"
#include "llvm/Support/Format.h"

#include <cmath>

namespace qopt {
#define GEN_PASS_DEF_NATIVEPULSEANSATZ
#include "qopt/Transforms/Passes.h.inc"
} // namespace qopt

using namespace mlir;
using namespace qopt;
using namespace qopt::pulse;
using namespace qopt::pulse_lowering;

namespace {

constexpr llvm::StringLiteral kPassName = "native-pulse-ansatz";
constexpr llvm::StringLiteral kAnsatzAttrName = "pulse.ansatz";

/// The first parametric pulse of `shape` in `schedule` on a channel whose
/// name starts with `channelPrefix`.
const target::PulseInstruction *findPulse(const target::GateSchedule &schedule,
                                          StringRef shape,
                                          StringRef channelPrefix) {
  for (const target::PulseInstruction &step : schedule.sequence)
    if (step.name == "parametric_pulse" && step.pulseShape == shape &&
        StringRef(step.channel).starts_with(channelPrefix) && step.amp)
      return &step;
  return nullptr;
}

/// A number as %g prints it: 1.53076, 0.25.
std::string formatNumber(double value) {
  std::string text;
  llvm::raw_string_ostream(text) << llvm::format("%g", value);
  return text;
}

double parameter(const target::PulseInstruction &step, const char *name) {
  auto it = step.parameters.find(name);
  return it == step.parameters.end() ? 0.0 : it->second;
}

/// Why calibrated pulse `step` cannot be built on, or "" if it can: its
/// shape parameters must be present and sane (`width` for CR pulses).
std::string checkCalibratedPulse(const target::PulseInstruction &step,
                                 bool crossResonance) {
  auto has = [&](const char *name) { return step.parameters.count(name); };
  double duration = parameter(step, "duration");
  if (!has("duration") || !(duration > 0) || duration != std::floor(duration) ||
      duration > kMaxWaveformSamples)
    return "no positive integer duration";
  if (!has("sigma") || !(parameter(step, "sigma") > 0))
    return "no positive sigma";
  if (!step.amp || !(std::abs(*step.amp) <= 1.0))
    return "no amplitude of at most 1";
  if (crossResonance) {
    double width = parameter(step, "width");
    if (!has("width") || !(width >= 0 && width <= duration))
      return "no flat-top width within its duration";
    if (!parseChannelName(step.channel))
      return "an unknown channel '" + step.channel + "'";
  } else if (!std::isfinite(parameter(step, "beta"))) {
    return "no finite DRAG beta";
  }
  return "";
}

/// The native pulse an op becomes, and its new argument(s).
struct NativePulse {
  const target::PulseInstruction *calibrated = nullptr;
  /// Entanglers: the shortened flat top and total duration, and the
  /// initial amplitude that keeps the calibrated envelope area.
  double width = 0.0;
  int64_t duration = 0;
  double initialAmp = 0.0;
  unsigned amplitudeArgument = 0;
  std::optional<unsigned> detuningArgument;
};

struct AnsatzState {
  llvm::DenseMap<Operation *, NativePulse> pulses;
  LoweringState *lowering = nullptr;
};

/// rx/ry: one DRAG pulse with the calibrated x pulse's shape.
class NativeRotation : public ConversionPattern {
public:
  NativeRotation(const TypeConverter &converter, MLIRContext *context,
                 AnsatzState &state)
      : ConversionPattern(converter, MatchAnyOpTypeTag(), /*benefit=*/2,
                          context),
        state(state) {}

  LogicalResult
  matchAndRewrite(Operation *op, ArrayRef<Value>,
                  ConversionPatternRewriter &rewriter) const override {
    if (!isa<qgate::RXOp, qgate::RYOp>(op))
      return failure();
    auto planned = state.pulses.find(op);
    ScheduleEmitter *emitterOrNull = state.lowering->emitterFor(op);
    if (planned == state.pulses.end() || !emitterOrNull)
      return failure();
    const NativePulse &native = planned->second;
    unsigned qubit = state.lowering->qubitsOf.find(op)->second.front();
    ScheduleEmitter &emitter = *emitterOrNull;
    Location loc = op->getLoc();
    Value drive = emitter.channel(rewriter, loc, {ChannelKind::drive, qubit});
    Block &body = op->getParentOfType<ScheduleOp>().getBody().front();
    const target::PulseInstruction &x = *native.calibrated;
    double axis = std::arg(*x.amp) + (isa<qgate::RYOp>(op) ? M_PI / 2 : 0.0);
    auto type = WaveformType::get(
        rewriter.getContext(), static_cast<int64_t>(parameter(x, "duration")));
    Value waveform = rewriter.create<DragOp>(
        loc, type, body.getArgument(native.amplitudeArgument),
        emitter.constant(rewriter, loc, axis),
        emitter.constant(rewriter, loc, parameter(x, "sigma")),
        emitter.constant(rewriter, loc, parameter(x, "beta")));
    Value detuning;
    if (native.detuningArgument) {
      detuning = body.getArgument(*native.detuningArgument);
      rewriter.create<ShiftFrequencyOp>(loc, drive, detuning, IntegerAttr());
    }
    rewriter.create<PlayOp>(loc, drive, waveform, IntegerAttr());
    ++emitter.numPlays;
    if (detuning)
      rewriter.create<ShiftFrequencyOp>(
          loc, drive, rewriter.create<arith::NegFOp>(loc, detuning),
          IntegerAttr());
    rewriter.replaceOp(op, drive);
    return success();
  }

private:
  AnsatzState &state;
};

/// cx: one cross-resonance pulse on the pair's control channel.
class NativeEntangler : public ConversionPattern {
public:
  NativeEntangler(const TypeConverter &converter, MLIRContext *context,
                  AnsatzState &state)
      : ConversionPattern(converter, qgate::CXOp::getOperationName(),
                          /*benefit=*/2, context),
        state(state) {}

  LogicalResult
  matchAndRewrite(Operation *op, ArrayRef<Value>,
                  ConversionPatternRewriter &rewriter) const override {
    auto planned = state.pulses.find(op);
    ScheduleEmitter *emitterOrNull = state.lowering->emitterFor(op);
    if (planned == state.pulses.end() || !emitterOrNull)
      return failure();
    const NativePulse &native = planned->second;
    ArrayRef<unsigned> qubits = state.lowering->qubitsOf.find(op)->second;
    ScheduleEmitter &emitter = *emitterOrNull;
    Location loc = op->getLoc();
    Block &body = op->getParentOfType<ScheduleOp>().getBody().front();
    const target::PulseInstruction &cr = *native.calibrated;
    // plan() checked the channel name.
    Value control =
        emitter.channel(rewriter, loc, *parseChannelName(cr.channel));
    SmallVector<Value> drives;
    for (unsigned qubit : qubits)
      drives.push_back(
          emitter.channel(rewriter, loc, {ChannelKind::drive, qubit}));
    SmallVector<Value> fence(drives);
    fence.push_back(control);
    auto type = WaveformType::get(rewriter.getContext(), native.duration);
    Value waveform = rewriter.create<GaussianSquareOp>(
        loc, type, body.getArgument(native.amplitudeArgument),
        emitter.constant(rewriter, loc, std::arg(*cr.amp)),
        emitter.constant(rewriter, loc, parameter(cr, "sigma")),
        emitter.constant(rewriter, loc, native.width));
    rewriter.create<BarrierOp>(loc, fence, IntegerAttr());
    rewriter.create<PlayOp>(loc, control, waveform, IntegerAttr());
    ++emitter.numPlays;
    rewriter.create<BarrierOp>(loc, fence, IntegerAttr());
    rewriter.replaceOp(op, drives);
    return success();
  }

private:
  AnsatzState &state;
};

/// Sum of a waveform's samples' moduli: what the rotation angle scales with.
double envelopeArea(const Samples &samples) {
  double area = 0.0;
  for (std::complex<double> sample : samples)
    area += std::abs(sample);
  return area;
}

struct NativePulseAnsatzPass
    : public qopt::impl::NativePulseAnsatzBase<NativePulseAnsatzPass> {
  using NativePulseAnsatzBase::NativePulseAnsatzBase;

  /// Plans the native pulse of every rotation and entangler of `func`, and
  /// the schedule arguments they add, with their `pulse.ansatz` records.
  LogicalResult plan(func::FuncOp func, LoweringState &lowering,
                     AnsatzState &state, SmallVectorImpl<Type> &newArguments,
                     SmallVectorImpl<DictionaryAttr> &records) {
    Builder builder(func.getContext());
    unsigned next = func.getNumArguments();
    auto addArgument = [&](ArrayRef<NamedAttribute> record) {
      newArguments.push_back(builder.getF64Type());
      records.push_back(builder.getDictionaryAttr(record));
      return next++;
    };
    auto qubitsAttr = [&](ArrayRef<unsigned> qubits) {
      SmallVector<int64_t> values(qubits.begin(), qubits.end());
      return builder.getNamedAttr("qubits", builder.getI64ArrayAttr(values));
    };
    WalkResult result = func.walk([&](Operation *op) -> WalkResult {
      if (!isa<qgate::RXOp, qgate::RYOp, qgate::CXOp>(op))
        return WalkResult::advance();
      ArrayRef<unsigned> qubits = lowering.qubitsOf.find(op)->second;
      NativePulse native;
      if (!isa<qgate::CXOp>(op)) {
        const target::GateSchedule *x = lowering.calibrations.find("x", qubits);
        native.calibrated = x ? findPulse(*x, "drag", "d") : nullptr;
        if (!native.calibrated)
          return op->emitError(kPassName)
                 << ": qubit " << qubits.front()
                 << " has no calibrated DRAG x pulse to build on";
        if (std::string problem =
                checkCalibratedPulse(*native.calibrated, false);
            !problem.empty())
          return op->emitError(kPassName)
                 << ": the calibrated x pulse of qubit " << qubits.front()
                 << " has " << problem;
        double ampPerRadian = std::abs(*native.calibrated->amp) / M_PI;
        SmallVector<NamedAttribute> record = {
            builder.getNamedAttr("role",
                                 builder.getStringAttr("drag_amplitude")),
            qubitsAttr(qubits)};
        Value theta = op->getOperand(1);
        APFloat constant(0.0);
        if (matchPattern(theta, m_ConstantFloat(&constant))) {
          double initial = ampPerRadian * constant.convertToDouble();
          if (std::abs(initial) > 1.0)
            return op->emitError(kPassName)
                   << ": the rotation needs amplitude " << formatNumber(initial)
                   << ", beyond 1";
          record.push_back(builder.getNamedAttr(
              "initial", builder.getF64FloatAttr(initial)));
        } else {
          record.push_back(builder.getNamedAttr(
              "scale", builder.getF64FloatAttr(ampPerRadian)));
          if (auto argument = dyn_cast<BlockArgument>(theta))
            record.push_back(builder.getNamedAttr(
                "angle_argument",
                builder.getI64IntegerAttr(argument.getArgNumber())));
        }
        native.amplitudeArgument = addArgument(record);
        if (detuning)
          native.detuningArgument = addArgument(
              {builder.getNamedAttr("role",
                                    builder.getStringAttr("drag_detuning")),
               qubitsAttr(qubits),
               builder.getNamedAttr("initial", builder.getF64FloatAttr(0.0))});
        state.pulses[op] = native;
        return WalkResult::advance();
      }
      // The CR pulse of the pair's calibrated cx or ecr, either direction.
      unsigned c = qubits[0], t = qubits[1];
      for (StringRef gate : {"cx", "ecr"})
        for (auto pair : {std::pair{c, t}, std::pair{t, c}})
          if (!native.calibrated)
            if (const target::GateSchedule *schedule =
                    lowering.calibrations.find(gate, {pair.first, pair.second}))
              native.calibrated = findPulse(*schedule, "gaussian_square", "u");
      if (!native.calibrated)
        return op->emitError(kPassName)
               << ": qubits " << c << ", " << t
               << " have no calibrated cross-resonance pulse";
      if (std::string problem = checkCalibratedPulse(*native.calibrated, true);
          !problem.empty())
        return op->emitError(kPassName)
               << ": the calibrated cross-resonance pulse of qubits " << c
               << ", " << t << " has " << problem;
      const target::PulseInstruction &cr = *native.calibrated;
      FailureOr<std::pair<double, double>> shape = shortenedEntangler(cr);
      if (failed(shape))
        return op->emitError(kPassName)
               << ": the calibrated CR pulse of qubits " << c << ", " << t
               << " has amplitude " << formatNumber(std::abs(*cr.amp))
               << ", above max-entangler-amplitude";
      native.width = shape->first;
      native.initialAmp = shape->second;
      native.duration =
          static_cast<int64_t>(parameter(cr, "duration")) -
          static_cast<int64_t>(parameter(cr, "width") - native.width);
      native.amplitudeArgument = addArgument(
          {builder.getNamedAttr("role", builder.getStringAttr("cr_amplitude")),
           qubitsAttr(qubits),
           builder.getNamedAttr("initial",
                                builder.getF64FloatAttr(native.initialAmp))});
      state.pulses[op] = native;
      return WalkResult::advance();
    });
    return failure(result.wasInterrupted());
  }

  /// The flat-top width and initial amplitude of the native entangler
  /// built on calibrated CR pulse `cr`: the width is entangler-width-scale
  /// times the calibrated one, widened just enough that the amplitude which
  /// keeps the calibrated envelope area stays within
  /// max-entangler-amplitude. The envelope area is the rise and fall plus
  /// the flat top, so the width follows from the area directly.
  FailureOr<std::pair<double, double>>
  shortenedEntangler(const target::PulseInstruction &cr) {
    auto cached = entanglers.find(&cr);
    if (cached != entanglers.end())
      return cached->second;
    double amp = std::abs(*cr.amp);
    if (amp > maxEntanglerAmplitude)
      return failure();
    double width = parameter(cr, "width"), sigma = parameter(cr, "sigma");
    int64_t duration = static_cast<int64_t>(parameter(cr, "duration"));
    auto area = [&](double flatTop) {
      int64_t length = duration - static_cast<int64_t>(width - flatTop);
      return envelopeArea(
          sampleGaussianSquare(length, 1.0, 0.0, sigma, flatTop));
    };
    double target = amp * area(width);
    double flatTop = std::floor(width * entanglerWidthScale);
    double edges = area(flatTop) - flatTop;
    flatTop =
        std::max(flatTop, std::ceil(target / maxEntanglerAmplitude - edges));
    // Rounding of the sampled edges: one more dt at a time.
    while (flatTop < width && target / area(flatTop) > maxEntanglerAmplitude)
      flatTop += 1;
    flatTop = std::min(flatTop, width);
    auto result = std::pair{flatTop, target / area(flatTop)};
    entanglers[&cr] = result;
    return result;
  }

  llvm::DenseMap<const target::PulseInstruction *, std::pair<double, double>>
      entanglers;

  /// The ASAP duration of each schedule when the same circuits are lowered
  /// gate by gate, from a copy of the module nested in it (a pass may run a
  /// pipeline on its own op's descendants), erased afterwards.
  FailureOr<llvm::StringMap<int64_t>> gateLevelDurations(ModuleOp module) {
    OpBuilder builder = OpBuilder::atBlockEnd(module.getBody());
    auto copy = cast<ModuleOp>(builder.clone(*module));
    llvm::StringMap<int64_t> durations;
    LogicalResult lowered = success();
    {
      // Its diagnostics are not the user's: a failure only drops the report.
      ScopedDiagnosticHandler silence(module.getContext(),
                                      [](Diagnostic &) { return success(); });
      OpPassManager pm(ModuleOp::getOperationName());
      pm.addPass(createToTargetBasis());
      pm.addPass(createLowerToPulse());
      lowered = runPipeline(pm, copy);
    }
    if (succeeded(lowered))
      for (auto schedule : copy.getOps<ScheduleOp>())
        durations[schedule.getSymName()] =
            computeTiming(schedule, /*alap=*/false).duration;
    copy.erase();
    if (failed(lowered))
      return failure();
    return durations;
  }

  void runOnOperation() override {
    ModuleOp module = getOperation();
    entanglers.clear();
    if (!(maxEntanglerAmplitude > 0.0 && maxEntanglerAmplitude <= 1.0)) {
      module.emitError(kPassName)
          << ": max-entangler-amplitude must lie in (0, 1], got "
          << formatNumber(maxEntanglerAmplitude);
      return signalPassFailure();
    }
    if (!(entanglerWidthScale > 0.0 && entanglerWidthScale <= 1.0)) {
      module.emitError(kPassName)
          << ": entangler-width-scale must lie in (0, 1], got "
          << entanglerWidthScale;
      return signalPassFailure();
    }
    auto device = loadPulseTarget(module, kPassName);
    if (failed(device))
      return signalPassFailure();
    LoweringState lowering(**device, kPassName);
    AnsatzState state;
    state.lowering = &lowering;
    SmallVector<func::FuncOp> circuits = collectCircuits(module);
    auto native = [](Operation *op) {
      return isa<qgate::RXOp, qgate::RYOp, qgate::CXOp>(op);
    };
    bool ok = true;
    for (func::FuncOp func : circuits)
      ok &= succeeded(checkCircuit(func, lowering, native));
    if (!ok)
      return signalPassFailure();

    FailureOr<llvm::StringMap<int64_t>> gateLevel = gateLevelDurations(module);
    for (func::FuncOp func : circuits) {
      SmallVector<Type> newArguments;
      SmallVector<DictionaryAttr> records;
      if (failed(plan(func, lowering, state, newArguments, records)))
        return signalPassFailure();
      unsigned first = func.getNumArguments();
      ScheduleOp schedule = replaceWithSchedule(func, lowering, newArguments);
      for (auto [i, record] : llvm::enumerate(records))
        schedule.setArgAttr(first + i, kAnsatzAttrName, record);
      numPulseParameters += records.size();
    }

    RewritePatternSet patterns(&getContext());
    patterns.add<NativeRotation, NativeEntangler>(lowering.converter,
                                                  &getContext(), state);
    if (failed(runPulseConversion(module, lowering, std::move(patterns))))
      return signalPassFailure();

    for (auto schedule : module.getOps<ScheduleOp>()) {
      int64_t duration = computeTiming(schedule, /*alap=*/false).duration;
      unsigned parameters = 0;
      for (unsigned i = 0; i < schedule.getNumArguments(); ++i)
        parameters += bool(schedule.getArgAttr(i, kAnsatzAttrName));
      std::string text;
      llvm::raw_string_ostream os(text);
      os << kPassName << ": @" << schedule.getSymName() << " lasts " << duration
         << " dt";
      if (succeeded(gateLevel)) {
        auto it = gateLevel->find(schedule.getSymName());
        if (it != gateLevel->end() && it->second > 0)
          os << " against " << it->second << " dt lowered gate by gate ("
             << llvm::format("%.1f%%",
                             100.0 * (it->second - duration) / it->second)
             << " shorter)";
      } else {
        os << " (the gate-level lowering for comparison failed)";
      }
      os << "; " << parameters << " pulse parameter(s)";
      emitRemark(schedule.getLoc(), text);
    }
  }
};

} // namespace
