//===- PulseOps.cpp - pulse operations ------------------------------------===//

#include "qopt/Dialect/Pulse/Pulse.h"

#include "mlir/IR/Matchers.h"
#include "mlir/Interfaces/FunctionImplementation.h"
#include "llvm/Support/FormatVariadic.h"

#include <cmath>
#include <cstring>
#include <limits>

using namespace mlir;
using namespace qopt::pulse;

#include "qopt/Dialect/Pulse/PulseInterfaces.cpp.inc"
#include "qopt/Dialect/Pulse/PulseOpsEnums.cpp.inc"

#define GET_OP_CLASSES
#include "qopt/Dialect/Pulse/PulseOps.cpp.inc"

//===----------------------------------------------------------------------===//
// Channels
//===----------------------------------------------------------------------===//

static constexpr char kChannelLetters[] = {'d', 'u', 'm', 'a'};

ChannelOp qopt::pulse::getChannelOp(Value channel) {
  return channel.getDefiningOp<ChannelOp>();
}

std::string ChannelOp::getChannelName() {
  return kChannelLetters[static_cast<unsigned>(getKind())] +
         std::to_string(getIndex());
}

void ChannelOp::getAsmResultNames(OpAsmSetValueNameFn setName) {
  setName(getChannel(), getChannelName());
}

std::optional<std::pair<ChannelKind, int64_t>>
qopt::pulse::parseChannelName(StringRef name) {
  if (name.empty())
    return std::nullopt;
  const char *letter = static_cast<const char *>(
      std::memchr(kChannelLetters, name.front(), sizeof(kChannelLetters)));
  uint64_t index;
  if (!letter || name.drop_front().getAsInteger(10, index) ||
      index > uint64_t(std::numeric_limits<int64_t>::max()))
    return std::nullopt;
  return std::pair{static_cast<ChannelKind>(letter - kChannelLetters),
                   static_cast<int64_t>(index)};
}

ParseResult ChannelOp::parse(OpAsmParser &parser, OperationState &result) {
  StringRef name;
  SMLoc loc = parser.getCurrentLocation();
  if (parser.parseKeyword(&name))
    return failure();
  auto channel = parseChannelName(name);
  if (!channel)
    return parser.emitError(loc, "expected a channel name d<i>, u<k>, m<i> "
                                 "or a<i>, got '")
           << name << "'";
  auto [kind, index] = *channel;
  Builder &builder = parser.getBuilder();
  result.addAttribute(getKindAttrName(result.name),
                      ChannelKindAttr::get(builder.getContext(), kind));
  result.addAttribute(getIndexAttrName(result.name),
                      builder.getI64IntegerAttr(index));
  if (parser.parseOptionalAttrDict(result.attributes))
    return failure();
  SmallVector<Type> types;
  if (failed(inferReturnTypes(
          builder.getContext(), result.location, {},
          result.attributes.getDictionary(builder.getContext()), nullptr, {},
          types)))
    return failure();
  result.addTypes(types);
  return success();
}

void ChannelOp::print(OpAsmPrinter &printer) {
  printer << ' ' << getChannelName();
  printer.printOptionalAttrDict((*this)->getAttrs(),
                                {getKindAttrName(), getIndexAttrName()});
}

LogicalResult ChannelOp::inferReturnTypes(MLIRContext *context,
                                          std::optional<Location>, ValueRange,
                                          DictionaryAttr attributes,
                                          OpaqueProperties properties,
                                          RegionRange,
                                          SmallVectorImpl<Type> &types) {
  ChannelKind kind;
  if (properties) {
    kind = properties.as<Properties *>()->kind.getValue();
  } else {
    auto attr = attributes.getAs<ChannelKindAttr>("kind");
    if (!attr)
      return failure();
    kind = attr.getValue();
  }
  switch (kind) {
  case ChannelKind::drive:
    types.push_back(DriveType::get(context));
    break;
  case ChannelKind::control:
    types.push_back(ControlType::get(context));
    break;
  case ChannelKind::measure:
    types.push_back(MeasureType::get(context));
    break;
  case ChannelKind::acquire:
    types.push_back(AcquireType::get(context));
    break;
  }
  return success();
}

//===----------------------------------------------------------------------===//
// Waveforms
//===----------------------------------------------------------------------===//

/// A number as people write it: 2000, 1.5, 1e-09.
static std::string formatNumber(double value) {
  return llvm::formatv("{0}", value).str();
}

static std::optional<double> getConstant(Value value) {
  APFloat constant(0.0);
  if (matchPattern(value, m_ConstantFloat(&constant)))
    return constant.convertToDouble();
  return std::nullopt;
}

/// Checks the parameters that are constants; symbolic ones are checked when
/// they are bound.
static LogicalResult verifyEnvelope(Operation *op, Value amp, Value angle,
                                    Value sigma = {}, Value width = {},
                                    Value beta = {}) {
  int64_t duration =
      cast<WaveformType>(op->getResult(0).getType()).getDuration();
  for (auto [value, name] :
       {std::pair{amp, "amp"}, std::pair{angle, "angle"},
        std::pair{sigma, "sigma"}, std::pair{width, "width"},
        std::pair{beta, "beta"}}) {
    if (!value)
      continue;
    if (auto constant = getConstant(value);
        constant && !std::isfinite(*constant))
      return op->emitOpError(name) << " is not finite";
  }
  if (auto a = getConstant(amp); a && std::abs(*a) > 1.0)
    return op->emitOpError("amplitude magnitude must be at most 1, got ")
           << formatNumber(*a);
  if (sigma)
    if (auto s = getConstant(sigma); s && *s <= 0.0)
      return op->emitOpError("sigma must be positive, got ")
             << formatNumber(*s);
  if (width)
    if (auto w = getConstant(width); w && (*w < 0.0 || *w > duration))
      return op->emitOpError("width must lie in [0, duration = ")
             << duration << "], got " << formatNumber(*w);
  return success();
}

LogicalResult GaussianOp::verify() {
  return verifyEnvelope(*this, getAmp(), getAngle(), getSigma());
}
LogicalResult GaussianSquareOp::verify() {
  return verifyEnvelope(*this, getAmp(), getAngle(), getSigma(), getWidth());
}
LogicalResult DragOp::verify() {
  return verifyEnvelope(*this, getAmp(), getAngle(), getSigma(), {}, getBeta());
}
LogicalResult ConstantOp::verify() {
  return verifyEnvelope(*this, getAmp(), getAngle());
}

LogicalResult SampledOp::verify() {
  int64_t duration = getWaveform().getType().getDuration();
  ArrayRef<double> samples = getSamples();
  if (samples.size() % 2)
    return emitOpError("has an odd number of entries: samples are "
                       "interleaved real, imaginary pairs");
  if (static_cast<int64_t>(samples.size()) != 2 * duration)
    return emitOpError("has ")
           << samples.size() / 2 << " samples but the waveform lasts "
           << duration << " dt (samples are interleaved real, imaginary)";
  for (size_t i = 0; i < samples.size(); i += 2) {
    double modulus = std::hypot(samples[i], samples[i + 1]);
    if (!std::isfinite(modulus) || modulus > 1.0 + 1e-12)
      return emitOpError("sample ") << i / 2 << " has modulus "
                                    << formatNumber(modulus) << ", above 1";
  }
  return success();
}

//===----------------------------------------------------------------------===//
// Timed operations
//===----------------------------------------------------------------------===//

ValueRange PlayOp::getTimedChannels() { return getODSOperands(0); }
int64_t PlayOp::getDurationDt() {
  return getWaveform().getType().getDuration();
}
ValueRange DelayOp::getTimedChannels() { return getODSOperands(0); }
int64_t DelayOp::getDurationDt() { return getDuration(); }
ValueRange CaptureOp::getTimedChannels() { return getODSOperands(0); }
int64_t CaptureOp::getDurationDt() { return getDuration(); }
ValueRange BarrierOp::getTimedChannels() { return getChannels(); }
int64_t BarrierOp::getDurationDt() { return 0; }

#define QOPT_FRAME_OP(Op)                                                      \
  ValueRange Op::getTimedChannels() { return getODSOperands(0); }              \
  int64_t Op::getDurationDt() { return 0; }                                    \
  LogicalResult Op::verify() {                                                 \
    if (auto value = getConstant(getValue()); value && !std::isfinite(*value)) \
      return emitOpError("value is not finite");                               \
    return success();                                                          \
  }
QOPT_FRAME_OP(ShiftPhaseOp)
QOPT_FRAME_OP(SetPhaseOp)
QOPT_FRAME_OP(ShiftFrequencyOp)
QOPT_FRAME_OP(SetFrequencyOp)
#undef QOPT_FRAME_OP

LogicalResult CaptureOp::verify() {
  if (!isa<AcquireType>(getChannel().getType()))
    return emitOpError("captures on an acquire channel a<i>, not ")
           << getChannel().getType();
  return success();
}

LogicalResult BarrierOp::verify() {
  if (getChannels().empty())
    return emitOpError("needs at least one channel");
  return success();
}

//===----------------------------------------------------------------------===//
// Schedules
//===----------------------------------------------------------------------===//

void ScheduleOp::build(OpBuilder &builder, OperationState &state,
                       StringRef name, FunctionType type) {
  state.addAttribute(SymbolTable::getSymbolAttrName(),
                     builder.getStringAttr(name));
  state.addAttribute(getFunctionTypeAttrName(state.name), TypeAttr::get(type));
  state.addRegion();
}

ParseResult ScheduleOp::parse(OpAsmParser &parser, OperationState &result) {
  auto buildType = [](Builder &builder, ArrayRef<Type> inputs,
                      ArrayRef<Type> results,
                      function_interface_impl::VariadicFlag, std::string &) {
    return builder.getFunctionType(inputs, results);
  };
  return function_interface_impl::parseFunctionOp(
      parser, result, /*allowVariadic=*/false,
      getFunctionTypeAttrName(result.name), buildType,
      getArgAttrsAttrName(result.name), getResAttrsAttrName(result.name));
}

void ScheduleOp::print(OpAsmPrinter &printer) {
  function_interface_impl::printFunctionOp(
      printer, *this, /*isVariadic=*/false, getFunctionTypeAttrName(),
      getArgAttrsAttrName(), getResAttrsAttrName());
}

bool ScheduleOp::isScheduled() {
  bool scheduled = false;
  getBody().walk([&](TimedOpInterface op) {
    scheduled = op.getStartTime().has_value();
    return WalkResult::interrupt();
  });
  return scheduled && getDuration().has_value();
}

LogicalResult ScheduleOp::verifyRegions() {
  if (getBody().empty())
    return emitOpError("needs a body");
  if (FloatAttr dt = getDtAttr()) {
    double ns = dt.getValueAsDouble();
    if (!(ns > 0.0 && std::isfinite(ns)))
      return emitOpError("dt must be a positive number of ns, got ") << ns;
  }
  for (auto [argument, type] :
       llvm::zip(getBody().getArguments(), getArgumentTypes()))
    if (argument.getType() != type)
      return emitOpError("block argument types must match the signature");
  return verifyScheduleTiming(*this);
}

LogicalResult ReturnOp::verify() {
  auto schedule = (*this)->getParentOfType<ScheduleOp>();
  if (getOperandTypes() != schedule.getResultTypes())
    return emitOpError("operand types do not match the schedule's results");
  return success();
}
