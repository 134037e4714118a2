//===- LowerToPulse.cpp - gates to calibrated pulse schedules -------------===//
//
// A dialect conversion from qgate circuits on device qubits to pulse
// schedules. Each gate becomes its calibrated cmd_def sequence, laid out per
// channel in time order with delays for the idle stretches and fenced by
// barriers, so that ASAP scheduling reproduces the calibration's timing.
//
//===----------------------------------------------------------------------===//

#include "qopt/Transforms/Passes.h"

#include "PhaseExpression.h"

#include "qopt/Dialect/Pulse/Pulse.h"
#include "qopt/Dialect/QGate/QGate.h"
#include "qopt/Target/Target.h"
#include "qopt/Target/TargetLoader.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/Transforms/DialectConversion.h"

#include <map>

namespace qopt {
#define GEN_PASS_DEF_LOWERTOPULSE
#include "qopt/Transforms/Passes.h.inc"
} // namespace qopt

using namespace mlir;
using namespace qopt;
using namespace qopt::pulse;

namespace {

using ChannelKey = std::pair<ChannelKind, int64_t>;

/// Parses "d0", "u12", "m3" or "a1".
std::optional<ChannelKey> parseChannelName(StringRef name) {
  if (name.size() < 2)
    return std::nullopt;
  ChannelKind kind;
  switch (name.front()) {
  case 'd':
    kind = ChannelKind::drive;
    break;
  case 'u':
    kind = ChannelKind::control;
    break;
  case 'm':
    kind = ChannelKind::measure;
    break;
  case 'a':
    kind = ChannelKind::acquire;
    break;
  default:
    return std::nullopt;
  }
  int64_t index;
  if (name.drop_front().getAsInteger(10, index) || index < 0)
    return std::nullopt;
  return ChannelKey{kind, index};
}

/// The IBM name of a qgate gate: qgate.u and qgate.p are IBM's u3 and u1.
std::string calibrationName(Operation *op) {
  StringRef name = op->getName().stripDialect();
  if (name == "u")
    return "u3";
  if (name == "p")
    return "u1";
  return name.str();
}

/// The device's calibrated schedules, by gate name and qubits.
class CalibrationTable {
public:
  explicit CalibrationTable(const target::PulseDefaults &defaults) {
    for (const target::GateSchedule &schedule : defaults.commands)
      table[{schedule.gate, {schedule.qubits.begin(), schedule.qubits.end()}}] =
          &schedule;
  }
  const target::GateSchedule *find(StringRef gate,
                                   ArrayRef<unsigned> qubits) const {
    auto it = table.find({gate.str(), {qubits.begin(), qubits.end()}});
    return it == table.end() ? nullptr : it->second;
  }

private:
  std::map<std::pair<std::string, std::vector<unsigned>>,
           const target::GateSchedule *>
      table;
};

/// Emits pulse ops into one schedule. Channels and calibrated waveforms are
/// built once, in a prologue at the top of the body.
class ScheduleEmitter {
public:
  ScheduleEmitter(Block &body, const target::PulseDefaults &defaults)
      : defaults(defaults), prologueEnd(&body.front()) {}

  Value channel(OpBuilder &builder, Location loc, ChannelKey key) {
    auto [it, inserted] = channels.try_emplace(key);
    if (inserted) {
      OpBuilder::InsertionGuard guard(builder);
      builder.setInsertionPoint(prologueEnd);
      it->second = builder.create<ChannelOp>(
          loc, ChannelKindAttr::get(builder.getContext(), key.first),
          builder.getI64IntegerAttr(key.second));
    }
    return it->second;
  }

  /// Emits `schedule` with parameters `params`; when `measured` is set, the
  /// acquisition of that qubit becomes a capture whose bit is returned.
  FailureOr<Value> emitSequence(OpBuilder &builder, Location loc,
                                const target::GateSchedule &schedule,
                                ArrayRef<unsigned> qubits, ValueRange params,
                                std::optional<unsigned> measured);

  unsigned numPlays = 0;

private:
  struct Item {
    const target::PulseInstruction *instruction;
    int64_t duration;
    /// Position in the calibrated sequence: ties in t0 keep this order.
    size_t order;
  };

  Value constant(OpBuilder &builder, Location loc, double value) {
    auto [it, inserted] = constants.try_emplace(value);
    if (inserted) {
      OpBuilder::InsertionGuard guard(builder);
      builder.setInsertionPoint(prologueEnd);
      it->second = builder.create<arith::ConstantOp>(
          loc, builder.getF64FloatAttr(value));
    }
    return it->second;
  }
  FailureOr<Value> waveform(OpBuilder &builder, Location loc,
                            const target::PulseInstruction &instruction);
  FailureOr<int64_t> duration(Location loc,
                              const target::PulseInstruction &instruction);
  bool isIdle(const target::PulseInstruction &instruction) const;
  LogicalResult emitInstruction(OpBuilder &builder, Location loc, Value channel,
                                const target::PulseInstruction &instruction,
                                ValueRange params, Value &bit);

  const target::PulseDefaults &defaults;
  Operation *prologueEnd;
  std::map<ChannelKey, Value> channels;
  std::map<double, Value> constants;
  llvm::DenseMap<const target::PulseInstruction *, Value> waveforms;
};

/// A pulse-library entry whose samples are all zero is an idle (IBM's
/// identity pulses); it becomes a delay.
bool ScheduleEmitter::isIdle(
    const target::PulseInstruction &instruction) const {
  auto it = defaults.pulseLibrary.find(instruction.name);
  return it != defaults.pulseLibrary.end() &&
         llvm::all_of(it->second,
                      [](std::complex<double> s) { return s == 0.0; });
}

FailureOr<int64_t>
ScheduleEmitter::duration(Location loc,
                          const target::PulseInstruction &instruction) {
  const std::string &name = instruction.name;
  if (name == "parametric_pulse") {
    auto it = instruction.parameters.find("duration");
    if (it == instruction.parameters.end() || it->second <= 0 ||
        it->second != std::floor(it->second))
      return emitError(loc)
             << "calibrated " << instruction.pulseShape << " pulse on "
             << instruction.channel << " has no positive integer duration";
    return static_cast<int64_t>(it->second);
  }
  if (name == "delay" || name == "acquire") {
    if (!instruction.duration || *instruction.duration <= 0)
      return emitError(loc)
             << "calibrated " << name << " on " << instruction.channel
             << " has no positive duration";
    return *instruction.duration;
  }
  if (name == "fc" || name == "setp" || name == "shiftf" || name == "setf")
    return 0;
  auto it = defaults.pulseLibrary.find(name);
  if (it == defaults.pulseLibrary.end() || it->second.empty())
    return emitError(loc) << "calibrated instruction '" << name
                          << "' is neither a known command nor a pulse in "
                             "the pulse library";
  return static_cast<int64_t>(it->second.size());
}

FailureOr<Value>
ScheduleEmitter::waveform(OpBuilder &builder, Location loc,
                          const target::PulseInstruction &instruction) {
  if (Value cached = waveforms.lookup(&instruction))
    return cached;
  FailureOr<int64_t> length = duration(loc, instruction);
  if (failed(length))
    return failure();
  OpBuilder::InsertionGuard guard(builder);
  builder.setInsertionPoint(prologueEnd);
  auto type = WaveformType::get(builder.getContext(), *length);
  Value result;
  if (instruction.name == "parametric_pulse") {
    std::complex<double> amp = instruction.amp.value_or(0.0);
    auto param = [&](StringRef name) -> std::optional<Value> {
      auto it = instruction.parameters.find(name.str());
      if (it == instruction.parameters.end())
        return std::nullopt;
      return constant(builder, loc, it->second);
    };
    Value magnitude = constant(builder, loc, std::abs(amp));
    Value angle = constant(builder, loc, std::arg(amp));
    StringRef shape = instruction.pulseShape;
    auto missing = [&](StringRef what) {
      return emitError(loc) << "calibrated " << shape << " pulse on "
                            << instruction.channel << " has no " << what;
    };
    std::optional<Value> sigma = param("sigma");
    if (shape == "drag") {
      std::optional<Value> beta = param("beta");
      if (!sigma || !beta)
        return missing("sigma or beta");
      result =
          builder.create<DragOp>(loc, type, magnitude, angle, *sigma, *beta);
    } else if (shape == "gaussian_square") {
      std::optional<Value> width = param("width");
      if (!sigma || !width)
        return missing("sigma or width");
      result = builder.create<GaussianSquareOp>(loc, type, magnitude, angle,
                                                *sigma, *width);
    } else if (shape == "gaussian") {
      if (!sigma)
        return missing("sigma");
      result = builder.create<GaussianOp>(loc, type, magnitude, angle, *sigma);
    } else if (shape == "constant") {
      result = builder.create<ConstantOp>(loc, type, magnitude, angle);
    } else {
      return emitError(loc)
             << "unknown calibrated pulse shape '" << shape << "'";
    }
  } else {
    const auto &samples = defaults.pulseLibrary.find(instruction.name)->second;
    SmallVector<double> interleaved;
    for (std::complex<double> sample : samples) {
      interleaved.push_back(sample.real());
      interleaved.push_back(sample.imag());
    }
    result = builder.create<SampledOp>(
        loc, type, builder.getDenseF64ArrayAttr(interleaved));
  }
  waveforms[&instruction] = result;
  return result;
}

LogicalResult
ScheduleEmitter::emitInstruction(OpBuilder &builder, Location loc,
                                 Value channel,
                                 const target::PulseInstruction &instruction,
                                 ValueRange params, Value &bit) {
  const std::string &name = instruction.name;
  if (name == "fc" || name == "setp") {
    Value phase;
    if (!instruction.phaseExpression.empty()) {
      FailureOr<Value> built = buildPhaseExpression(
          builder, loc, instruction.phaseExpression, params);
      if (failed(built))
        return failure();
      phase = *built;
    } else {
      phase = constant(builder, loc, instruction.phase.value_or(0.0));
    }
    if (name == "fc")
      builder.create<ShiftPhaseOp>(loc, channel, phase, IntegerAttr());
    else
      builder.create<SetPhaseOp>(loc, channel, phase, IntegerAttr());
    return success();
  }
  if (name == "shiftf" || name == "setf") {
    Value frequency =
        constant(builder, loc, instruction.frequencyGHz.value_or(0.0));
    if (name == "shiftf")
      builder.create<ShiftFrequencyOp>(loc, channel, frequency, IntegerAttr());
    else
      builder.create<SetFrequencyOp>(loc, channel, frequency, IntegerAttr());
    return success();
  }
  if (name == "delay" || isIdle(instruction)) {
    FailureOr<int64_t> length = duration(loc, instruction);
    if (failed(length))
      return failure();
    builder.create<DelayOp>(loc, channel, builder.getI64IntegerAttr(*length),
                            IntegerAttr());
    return success();
  }
  if (name == "acquire") {
    bit = builder.create<CaptureOp>(
        loc, channel, builder.getI64IntegerAttr(*instruction.duration),
        IntegerAttr());
    return success();
  }
  FailureOr<Value> wave = waveform(builder, loc, instruction);
  if (failed(wave))
    return failure();
  builder.create<PlayOp>(loc, channel, *wave, IntegerAttr());
  ++numPlays;
  return success();
}

FailureOr<Value>
ScheduleEmitter::emitSequence(OpBuilder &builder, Location loc,
                              const target::GateSchedule &schedule,
                              ArrayRef<unsigned> qubits, ValueRange params,
                              std::optional<unsigned> measured) {
  // Instructions per channel; std::map orders channels d, u, m, a by index.
  std::map<ChannelKey, SmallVector<Item>> perChannel;
  for (unsigned qubit : qubits)
    perChannel[{ChannelKind::drive, qubit}];
  for (const target::PulseInstruction &instruction : schedule.sequence) {
    std::optional<ChannelKey> key;
    if (instruction.name == "acquire") {
      // IBM's measure schedules acquire every qubit; keep the measured one.
      if (!measured ||
          !llvm::is_contained(instruction.acquireQubits, *measured))
        continue;
      key = ChannelKey{ChannelKind::acquire, *measured};
    } else {
      key = parseChannelName(instruction.channel);
      if (!key)
        return emitError(loc)
               << "calibrated '" << schedule.gate << "' uses unknown channel '"
               << instruction.channel << "'";
    }
    FailureOr<int64_t> length = duration(loc, instruction);
    if (failed(length))
      return failure();
    perChannel[*key].push_back(
        {&instruction, *length, perChannel[*key].size()});
  }

  SmallVector<Value> fence;
  for (auto &[key, items] : perChannel) {
    fence.push_back(channel(builder, loc, key));
    llvm::sort(items, [](const Item &a, const Item &b) {
      return std::pair(a.instruction->t0, a.order) <
             std::pair(b.instruction->t0, b.order);
    });
  }
  if (fence.size() > 1)
    builder.create<BarrierOp>(loc, fence, IntegerAttr());

  Value bit;
  int64_t end = 0;
  SmallVector<int64_t> channelEnds;
  for (auto &[key, items] : perChannel) {
    Value target = channel(builder, loc, key);
    int64_t clock = 0;
    for (const Item &item : items) {
      int64_t t0 = item.instruction->t0;
      if (t0 < clock)
        return emitError(loc)
               << "calibrated '" << schedule.gate << "' overlaps itself on "
               << item.instruction->channel << " at t0 = " << t0;
      if (t0 > clock)
        builder.create<DelayOp>(
            loc, target, builder.getI64IntegerAttr(t0 - clock), IntegerAttr());
      if (failed(emitInstruction(builder, loc, target, *item.instruction,
                                 params, bit)))
        return failure();
      clock = t0 + item.duration;
    }
    channelEnds.push_back(clock);
    end = std::max(end, clock);
  }
  if (fence.size() > 1 &&
      llvm::any_of(channelEnds, [&](int64_t e) { return e != end; }))
    builder.create<BarrierOp>(loc, fence, IntegerAttr());
  return bit;
}

/// State shared by the patterns of one conversion.
struct LoweringState {
  explicit LoweringState(const target::Target &device)
      : device(&device), calibrations(*device.pulses) {}

  const target::Target *device;
  CalibrationTable calibrations;
  /// Device qubits of each qubit op's operands, computed before conversion.
  llvm::DenseMap<Operation *, SmallVector<unsigned, 2>> qubitsOf;
  llvm::DenseMap<Operation *, std::unique_ptr<ScheduleEmitter>> emitters;
  unsigned numGates = 0;

  ScheduleEmitter &emitterFor(Operation *op) {
    return *emitters.find(op->getParentOfType<ScheduleOp>())->second;
  }
};

class PhysicalLowering : public OpConversionPattern<qgate::PhysicalOp> {
public:
  PhysicalLowering(const TypeConverter &converter, MLIRContext *context,
                   LoweringState &state)
      : OpConversionPattern(converter, context), state(state) {}

  LogicalResult
  matchAndRewrite(qgate::PhysicalOp op, OpAdaptor,
                  ConversionPatternRewriter &rewriter) const override {
    rewriter.replaceOp(
        op, state.emitterFor(op).channel(rewriter, op.getLoc(),
                                         {ChannelKind::drive, op.getIndex()}));
    return success();
  }

private:
  LoweringState &state;
};

/// Gates, measurements and barriers: ops on qubits whose results continue
/// their qubits' drive channels.
class QubitOpLowering : public ConversionPattern {
public:
  QubitOpLowering(const TypeConverter &converter, MLIRContext *context,
                  LoweringState &state)
      : ConversionPattern(converter, MatchAnyOpTypeTag(), 1, context),
        state(state) {}

  LogicalResult
  matchAndRewrite(Operation *op, ArrayRef<Value> operands,
                  ConversionPatternRewriter &rewriter) const override {
    if (!isa<qgate::GateOpInterface, qgate::MeasureOp, qgate::BarrierOp>(op))
      return failure();
    auto qubitsIt = state.qubitsOf.find(op);
    if (qubitsIt == state.qubitsOf.end())
      return failure();
    ArrayRef<unsigned> qubits = qubitsIt->second;
    ScheduleEmitter &emitter = state.emitterFor(op);
    Location loc = op->getLoc();
    SmallVector<Value> drives;
    for (unsigned qubit : qubits)
      drives.push_back(
          emitter.channel(rewriter, loc, {ChannelKind::drive, qubit}));

    if (isa<qgate::BarrierOp>(op)) {
      rewriter.create<BarrierOp>(loc, drives, IntegerAttr());
      rewriter.replaceOp(op, drives);
      return success();
    }
    bool isMeasure = isa<qgate::MeasureOp>(op);
    std::string name = isMeasure ? "measure" : calibrationName(op);
    const target::GateSchedule *schedule =
        state.calibrations.find(name, qubits);
    if (!schedule)
      return failure(); // Reported before the conversion.
    // Angle operands are everything but the qubits, in order.
    SmallVector<Value> params;
    for (Value operand : operands)
      if (isa<FloatType>(operand.getType()))
        params.push_back(operand);
    FailureOr<Value> bit = emitter.emitSequence(
        rewriter, loc, *schedule, qubits, params,
        isMeasure ? std::optional<unsigned>(qubits.front()) : std::nullopt);
    if (failed(bit))
      return failure();
    ++state.numGates;
    if (isMeasure) {
      if (!*bit)
        return op->emitError("the calibrated measure of qubit ")
               << qubits.front() << " acquires nothing for it";
      rewriter.replaceOp(op, {drives.front(), *bit});
      return success();
    }
    rewriter.replaceOp(op, drives);
    return success();
  }

private:
  LoweringState &state;
};

class ReturnLowering : public OpConversionPattern<func::ReturnOp> {
public:
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(func::ReturnOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    rewriter.replaceOpWithNewOp<ReturnOp>(op, adaptor.getOperands());
    return success();
  }
};

struct LowerToPulsePass
    : public qopt::impl::LowerToPulseBase<LowerToPulsePass> {
  using LowerToPulseBase::LowerToPulseBase;

  /// Reports everything the conversion cannot lower, and records the device
  /// qubits of every qubit op.
  LogicalResult check(func::FuncOp func, LoweringState &state) {
    bool ok = true;
    for (Type type : func.getFunctionType().getInputs())
      if (isa<qgate::QubitType>(type)) {
        ok = false;
        func.emitError("lower-to-pulse: @")
            << func.getSymName()
            << " takes qubit arguments; a pulse schedule drives device "
               "qubits named by qgate.physical";
        break;
      }
    for (Type type : func.getFunctionType().getResults())
      if (isa<qgate::QubitType>(type)) {
        ok = false;
        func.emitError("lower-to-pulse: @")
            << func.getSymName()
            << " returns qubits; a pulse schedule returns measured bits";
        break;
      }
    // Wires from an allocation or an argument are reported once, there.
    bool wiresReported = !ok;
    func.walk<WalkOrder::PreOrder>([&](Operation *op) {
      if (isa<scf::IfOp, qgate::CregEqualsOp>(op)) {
        ok = false;
        op->emitError("lower-to-pulse: classically conditioned gates have "
                      "no static pulse schedule");
        return WalkResult::skip();
      }
      if (isa<qgate::AllocOp>(op)) {
        ok = false;
        wiresReported = true;
        op->emitError("lower-to-pulse needs device qubits: run layout and "
                      "route first (qopt --target=<device> -O1)");
        return WalkResult::advance();
      }
      if (isa<qgate::PhysicalOp>(op) ||
          !qgate::detail::filterQubits(op->getOperands()).size())
        return WalkResult::advance();
      SmallVector<unsigned, 2> qubits;
      for (Value qubit : qgate::detail::filterQubits(op->getOperands())) {
        std::optional<int64_t> index = qgate::traceDeviceQubit(qubit);
        if (!index) {
          ok = false;
          if (!wiresReported)
            op->emitError("lower-to-pulse: cannot tell which device qubit "
                          "this operation acts on");
          return WalkResult::advance();
        }
        qubits.push_back(*index);
      }
      state.qubitsOf[op] = qubits;
      if (isa<qgate::BarrierOp>(op))
        return WalkResult::advance();
      std::string name;
      if (isa<qgate::MeasureOp>(op))
        name = "measure";
      else if (isa<qgate::GateOpInterface>(op))
        name = calibrationName(op);
      else {
        ok = false;
        op->emitError("lower-to-pulse: '")
            << op->getName() << "' has no calibrated pulse schedule";
        return WalkResult::advance();
      }
      if (!state.calibrations.find(name, qubits)) {
        ok = false;
        auto diag = op->emitError("lower-to-pulse: target '")
                    << state.device->name << "' has no calibrated '" << name
                    << "' on qubit" << (qubits.size() > 1 ? "s " : " ");
        llvm::interleaveComma(qubits, diag);
        diag << "; run to-target-basis first";
      }
      return WalkResult::advance();
    });
    return success(ok);
  }

  void runOnOperation() override {
    ModuleOp module = getOperation();
    if (!module->hasAttr(qgate::kTargetAttrName)) {
      module.emitError("lower-to-pulse needs a target: run attach-target "
                       "(qopt --target=<device>)");
      return signalPassFailure();
    }
    auto device = target::loadModuleTarget(module);
    if (failed(device))
      return signalPassFailure();
    if (!(*device)->pulses) {
      module.emitError("lower-to-pulse: target '")
          << (*device)->name << "' has no pulse calibrations (IBM defs_*.json)";
      return signalPassFailure();
    }
    LoweringState state(**device);

    SmallVector<func::FuncOp> circuits;
    for (auto func : module.getOps<func::FuncOp>())
      if (!func.isExternal() &&
          func.walk([](Operation *op) {
                return isa<qgate::QGateDialect>(op->getDialect())
                           ? WalkResult::interrupt()
                           : WalkResult::advance();
              })
              .wasInterrupted())
        circuits.push_back(func);
    bool ok = true;
    for (func::FuncOp func : circuits)
      ok &= succeeded(check(func, state));
    if (!ok)
      return signalPassFailure();

    // Each circuit function becomes a schedule with the same signature.
    OpBuilder builder(module.getContext());
    for (func::FuncOp func : circuits) {
      builder.setInsertionPoint(func);
      auto schedule = builder.create<ScheduleOp>(
          func.getLoc(), func.getSymName(), func.getFunctionType());
      // Layouts and other annotations carry over.
      for (NamedAttribute attr : func->getDiscardableAttrs())
        schedule->setAttr(attr.getName(), attr.getValue());
      if ((*device)->dtNs)
        schedule.setDtAttr(builder.getF64FloatAttr(*(*device)->dtNs));
      schedule.getBody().takeBody(func.getBody());
      state.emitters[schedule] = std::make_unique<ScheduleEmitter>(
          schedule.getBody().front(), *(*device)->pulses);
      func.erase();
    }

    TypeConverter converter;
    converter.addConversion([](Type type) { return type; });
    converter.addConversion([](qgate::QubitType type) -> Type {
      return DriveType::get(type.getContext());
    });
    ConversionTarget legality(getContext());
    legality.addLegalDialect<PulseDialect, arith::ArithDialect>();
    legality.addIllegalDialect<qgate::QGateDialect>();
    legality.addDynamicallyLegalOp<func::ReturnOp>(
        [](func::ReturnOp op) { return !isa<ScheduleOp>(op->getParentOp()); });
    RewritePatternSet patterns(&getContext());
    patterns.add<PhysicalLowering, QubitOpLowering>(converter, &getContext(),
                                                    state);
    patterns.add<ReturnLowering>(converter, &getContext());
    if (failed(applyPartialConversion(module, legality, std::move(patterns))))
      return signalPassFailure();

    numGatesLowered += state.numGates;
    for (auto &entry : state.emitters)
      numPlays += entry.second->numPlays;
  }
};

} // namespace
