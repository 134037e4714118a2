//===- PulseInterfaces.td - pulse op interfaces ------------*- tablegen -*-===//

#ifndef QOPT_DIALECT_PULSE_INTERFACES_TD
#define QOPT_DIALECT_PULSE_INTERFACES_TD

include "mlir/IR/OpBase.td"

def TimedOpInterface : OpInterface<"TimedOpInterface"> {
  let cppNamespace = "::qopt::pulse";
  let description = [{
    An operation that occupies one or more channels for a known number of
    `dt` (zero for frame changes and barriers). Its optional start time is
    the `start` attribute, written `at N`, which `schedule-pulses` sets and
    the `pulse.schedule` verifier checks.
  }];
  let methods = [
    InterfaceMethod<"The channels the operation occupies.",
      "::mlir::ValueRange", "getTimedChannels">,
    InterfaceMethod<"The duration in dt (0 for instantaneous operations).",
      "int64_t", "getDurationDt">,
    InterfaceMethod<"The start time in dt, once scheduled.",
      "std::optional<int64_t>", "getStartTime", (ins), [{}], [{
        if (auto start = $_op.getStartAttr())
          return start.getInt();
        return std::nullopt;
      }]>,
    InterfaceMethod<"Sets (or clears, with nullopt) the start time.",
      "void", "setStartTime", (ins "std::optional<int64_t>":$start), [{}], [{
        if (!start) {
          $_op.removeStartAttr();
          return;
        }
        $_op.setStartAttr(::mlir::IntegerAttr::get(
            ::mlir::IntegerType::get($_op.getContext(), 64), *start));
      }]>,
  ];
  let verify = [{
    auto timed = ::llvm::cast<TimedOpInterface>($_op);
    if (auto start = timed.getStartTime(); start && *start < 0)
      return $_op->emitOpError("starts at negative time ") << *start;
    if (auto start = timed.getStartTime(); start && *start > kMaxTimeDt)
      return $_op->emitOpError("starts at ") << *start
             << " dt, beyond the limit of " << kMaxTimeDt;
    if (timed.getDurationDt() > kMaxTimeDt)
      return $_op->emitOpError("lasts ") << timed.getDurationDt()
             << " dt, beyond the limit of " << kMaxTimeDt;
    return ::mlir::success();
  }];
}

#endif // QOPT_DIALECT_PULSE_INTERFACES_TD
