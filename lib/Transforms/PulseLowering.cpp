//===- PulseLowering.cpp - gates to calibrated pulses, shared -------------===//
//
// Each gate becomes its calibrated cmd_def sequence, laid out per channel in
// time order with delays for the idle stretches and fenced by barriers, so
// that ASAP scheduling reproduces the calibration's timing.
//
//===----------------------------------------------------------------------===//

#include "PulseLowering.h"

#include "PhaseExpression.h"

#include "qopt/Dialect/QGate/QGate.h"
#include "qopt/Target/TargetLoader.h"

#include "mlir/Dialect/SCF/IR/SCF.h"

using namespace mlir;
using namespace qopt;
using namespace qopt::pulse;
using namespace qopt::pulse_lowering;

namespace {
/// One calibrated instruction on its channel.
struct SequenceItem {
  const target::PulseInstruction *instruction;
  int64_t duration;
  /// Position in the calibrated sequence: ties in t0 keep this order.
  size_t order;
};
} // namespace

std::string qopt::pulse_lowering::calibrationName(Operation *op) {
  StringRef name = op->getName().stripDialect();
  if (name == "u")
    return "u3";
  if (name == "p")
    return "u1";
  return name.str();
}

CalibrationTable::CalibrationTable(const target::PulseDefaults &defaults) {
  for (const target::GateSchedule &schedule : defaults.commands)
    table[{schedule.gate, {schedule.qubits.begin(), schedule.qubits.end()}}] =
        &schedule;
}

const target::GateSchedule *
CalibrationTable::find(StringRef gate, ArrayRef<unsigned> qubits) const {
  auto it = table.find({gate.str(), {qubits.begin(), qubits.end()}});
  return it == table.end() ? nullptr : it->second;
}

Value ScheduleEmitter::channel(OpBuilder &builder, Location loc,
                               ChannelKey key) {
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

Value ScheduleEmitter::constant(OpBuilder &builder, Location loc,
                                double value) {
  auto [it, inserted] = constants.try_emplace(value);
  if (inserted) {
    OpBuilder::InsertionGuard guard(builder);
    builder.setInsertionPoint(prologueEnd);
    it->second =
        builder.create<arith::ConstantOp>(loc, builder.getF64FloatAttr(value));
  }
  return it->second;
}

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
    if (it == instruction.parameters.end() || !(it->second > 0) ||
        it->second != std::floor(it->second) ||
        it->second > double(kMaxWaveformSamples))
      return emitError(loc) << "calibrated " << instruction.pulseShape
                            << " pulse on " << instruction.channel
                            << " has no positive integer duration of at most "
                            << kMaxWaveformSamples << " dt";
    return static_cast<int64_t>(it->second);
  }
  if (name == "delay" || name == "acquire") {
    if (!instruction.duration || *instruction.duration <= 0 ||
        *instruction.duration > kMaxTimeDt)
      return emitError(loc)
             << "calibrated " << name << " on " << instruction.channel
             << " has no positive duration of at most " << kMaxTimeDt << " dt";
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
    if (!instruction.amp)
      return emitError(loc)
             << "calibrated " << instruction.pulseShape << " pulse on "
             << instruction.channel << " has no amplitude";
    std::complex<double> amp = *instruction.amp;
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
    } else if (instruction.phase) {
      phase = constant(builder, loc, *instruction.phase);
    } else {
      return emitError(loc) << "calibrated '" << name << "' on "
                            << instruction.channel << " has no phase";
    }
    if (name == "fc")
      builder.create<ShiftPhaseOp>(loc, channel, phase, IntegerAttr());
    else
      builder.create<SetPhaseOp>(loc, channel, phase, IntegerAttr());
    return success();
  }
  if (name == "shiftf" || name == "setf") {
    if (!instruction.frequencyGHz)
      return emitError(loc) << "calibrated '" << name << "' on "
                            << instruction.channel << " has no frequency";
    Value frequency = constant(builder, loc, *instruction.frequencyGHz);
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
  std::map<ChannelKey, SmallVector<SequenceItem>> perChannel;
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
    llvm::sort(items, [](const SequenceItem &a, const SequenceItem &b) {
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
    for (const SequenceItem &item : items) {
      int64_t t0 = item.instruction->t0;
      if (t0 < 0 || t0 > kMaxTimeDt)
        return emitError(loc) << "calibrated '" << schedule.gate
                              << "' has an instruction at t0 = " << t0 << " on "
                              << item.instruction->channel;
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

namespace {

class PhysicalLowering : public OpConversionPattern<qgate::PhysicalOp> {
public:
  PhysicalLowering(const TypeConverter &converter, MLIRContext *context,
                   LoweringState &state)
      : OpConversionPattern(converter, context), state(state) {}

  LogicalResult
  matchAndRewrite(qgate::PhysicalOp op, OpAdaptor,
                  ConversionPatternRewriter &rewriter) const override {
    ScheduleEmitter *emitter = state.emitterFor(op);
    if (!emitter)
      return failure();
    rewriter.replaceOp(op,
                       emitter->channel(rewriter, op.getLoc(),
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
    ScheduleEmitter *emitterOrNull = state.emitterFor(op);
    if (!emitterOrNull)
      return failure();
    ScheduleEmitter &emitter = *emitterOrNull;
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

} // namespace

LogicalResult qopt::pulse_lowering::checkCircuit(
    func::FuncOp func, LoweringState &state,
    function_ref<bool(Operation *)> handledElsewhere) {
  StringRef pass = state.passName;
  bool ok = true;
  for (Type type : func.getFunctionType().getInputs())
    if (isa<qgate::QubitType>(type)) {
      ok = false;
      func.emitError(pass + ": @")
          << func.getSymName()
          << " takes qubit arguments; a pulse schedule drives device "
             "qubits named by qgate.physical";
      break;
    }
  for (Type type : func.getFunctionType().getResults())
    if (isa<qgate::QubitType>(type)) {
      ok = false;
      func.emitError(pass + ": @")
          << func.getSymName()
          << " returns qubits; a pulse schedule returns measured bits";
      break;
    }
  // Wires from an allocation or an argument are reported once, there.
  bool wiresReported = !ok;
  qgate::DeviceQubitIndex deviceQubits(func);
  func.walk<WalkOrder::PreOrder>([&](Operation *op) {
    if (isa<scf::IfOp, qgate::CregEqualsOp>(op)) {
      ok = false;
      op->emitError(pass + ": classically conditioned gates have "
                           "no static pulse schedule");
      return WalkResult::skip();
    }
    if (isa<qgate::AllocOp>(op)) {
      ok = false;
      wiresReported = true;
      op->emitError(pass + " needs device qubits: run layout and "
                           "route first (qopt --target=<device> -O1)");
      return WalkResult::advance();
    }
    if (isa<qgate::PhysicalOp>(op) ||
        !qgate::detail::filterQubits(op->getOperands()).size())
      return WalkResult::advance();
    SmallVector<unsigned, 2> qubits;
    for (Value qubit : qgate::detail::filterQubits(op->getOperands())) {
      std::optional<int64_t> index = deviceQubits.lookup(qubit);
      if (!index) {
        ok = false;
        if (!wiresReported)
          op->emitError(pass + ": cannot tell which device qubit "
                               "this operation acts on");
        return WalkResult::advance();
      }
      qubits.push_back(*index);
    }
    state.qubitsOf[op] = qubits;
    if (isa<qgate::BarrierOp>(op) || handledElsewhere(op))
      return WalkResult::advance();
    std::string name;
    if (isa<qgate::MeasureOp>(op))
      name = "measure";
    else if (isa<qgate::GateOpInterface>(op))
      name = calibrationName(op);
    else {
      ok = false;
      op->emitError(pass + ": '")
          << op->getName() << "' has no calibrated pulse schedule";
      return WalkResult::advance();
    }
    if (!state.calibrations.find(name, qubits)) {
      ok = false;
      auto diag = op->emitError(pass + ": target '")
                  << state.device->name << "' has no calibrated '" << name
                  << "' on qubit" << (qubits.size() > 1 ? "s " : " ");
      llvm::interleaveComma(qubits, diag);
      diag << "; run to-target-basis first";
    }
    return WalkResult::advance();
  });
  return success(ok);
}

FailureOr<std::shared_ptr<const target::Target>>
qopt::pulse_lowering::loadPulseTarget(ModuleOp module, StringRef passName) {
  if (!module->hasAttr(qgate::kTargetAttrName))
    return module.emitError(passName)
           << " needs a target: run attach-target (qopt --target=<device>)";
  auto device = target::loadModuleTarget(module);
  if (failed(device))
    return failure();
  if (!(*device)->pulses)
    return module.emitError(passName)
           << ": target '" << (*device)->name
           << "' has no pulse calibrations (IBM defs_*.json)";
  return device;
}

SmallVector<func::FuncOp>
qopt::pulse_lowering::collectCircuits(ModuleOp module) {
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
  return circuits;
}

ScheduleOp qopt::pulse_lowering::replaceWithSchedule(
    func::FuncOp func, LoweringState &state, ArrayRef<Type> extraArguments) {
  OpBuilder builder(func);
  SmallVector<Type> inputs(func.getFunctionType().getInputs());
  inputs.append(extraArguments.begin(), extraArguments.end());
  auto schedule = builder.create<ScheduleOp>(
      func.getLoc(), func.getSymName(),
      builder.getFunctionType(inputs, func.getFunctionType().getResults()));
  // Layouts and other annotations carry over.
  for (NamedAttribute attr : func->getDiscardableAttrs())
    schedule->setAttr(attr.getName(), attr.getValue());
  if (state.device->dtNs)
    schedule.setDtAttr(builder.getF64FloatAttr(*state.device->dtNs));
  schedule.getBody().takeBody(func.getBody());
  Block &body = schedule.getBody().front();
  for (Type type : extraArguments)
    body.addArgument(type, func.getLoc());
  state.emitters[schedule] =
      std::make_unique<ScheduleEmitter>(body, *state.device->pulses);
  func.erase();
  return schedule;
}

LoweringState::LoweringState(const target::Target &device, StringRef passName)
    : device(&device), calibrations(*device.pulses), passName(passName) {
  converter.addConversion([](Type type) { return type; });
  converter.addConversion([](qgate::QubitType type) -> Type {
    return DriveType::get(type.getContext());
  });
}

LogicalResult
qopt::pulse_lowering::runPulseConversion(ModuleOp module, LoweringState &state,
                                         RewritePatternSet &&extraPatterns) {
  MLIRContext *context = module.getContext();
  ConversionTarget legality(*context);
  legality.addLegalDialect<PulseDialect, arith::ArithDialect>();
  legality.addIllegalDialect<qgate::QGateDialect>();
  legality.addDynamicallyLegalOp<func::ReturnOp>(
      [](func::ReturnOp op) { return !isa<ScheduleOp>(op->getParentOp()); });
  RewritePatternSet patterns(std::move(extraPatterns));
  patterns.add<PhysicalLowering, QubitOpLowering>(state.converter, context,
                                                  state);
  patterns.add<ReturnLowering>(state.converter, context);
  return applyPartialConversion(module, legality, std::move(patterns));
}
