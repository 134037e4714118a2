//===- PulseOps.td - pulse operations ----------------------*- tablegen -*-===//

#ifndef QOPT_DIALECT_PULSE_OPS_TD
#define QOPT_DIALECT_PULSE_OPS_TD

include "qopt/Dialect/Pulse/PulseDialect.td"
include "qopt/Dialect/Pulse/PulseTypes.td"
include "qopt/Dialect/Pulse/PulseInterfaces.td"
include "mlir/IR/EnumAttr.td"
include "mlir/IR/OpAsmInterface.td"
include "mlir/IR/SymbolInterfaces.td"
include "mlir/Interfaces/CallInterfaces.td"
include "mlir/Interfaces/ControlFlowInterfaces.td"
include "mlir/Interfaces/FunctionInterfaces.td"
include "mlir/Interfaces/InferTypeOpInterface.td"
include "mlir/Interfaces/SideEffectInterfaces.td"

//===----------------------------------------------------------------------===//
// Channels
//===----------------------------------------------------------------------===//

def Pulse_ChannelKind : I32EnumAttr<"ChannelKind", "kind of pulse channel", [
    I32EnumAttrCase<"drive", 0>, I32EnumAttrCase<"control", 1>,
    I32EnumAttrCase<"measure", 2>, I32EnumAttrCase<"acquire", 3>]> {
  let cppNamespace = "::qopt::pulse";
}

def Pulse_ChannelOp : Pulse_Op<"channel", [Pure,
    DeclareOpInterfaceMethods<InferTypeOpInterface>,
    DeclareOpInterfaceMethods<OpAsmOpInterface, ["getAsmResultNames"]>]> {
  let summary = "name a device channel";
  let description = [{
    Yields the channel written in IBM's notation: `d<i>` drive, `u<k>`
    control, `m<i>` measure or `a<i>` acquire. The result type follows from
    the letter.

    ```mlir
    %d0 = pulse.channel d0
    %u1 = pulse.channel u1
    %a0 = pulse.channel a0
    ```
  }];
  let arguments = (ins Pulse_ChannelKind:$kind,
                       ConfinedAttr<I64Attr, [IntNonNegative]>:$index);
  let results = (outs Pulse_AnyChannel:$channel);
  let hasCustomAssemblyFormat = 1;
  let extraClassDeclaration = [{
    /// The IBM name, e.g. "d0" or "u12".
    std::string getChannelName();
  }];
}

//===----------------------------------------------------------------------===//
// Waveforms
//===----------------------------------------------------------------------===//

class Pulse_EnvelopeOp<string mnemonic, dag params>
    : Pulse_Op<mnemonic, [Pure]> {
  let arguments = params;
  let results = (outs Pulse_WaveformType:$waveform);
  let hasVerifier = 1;
}

def Pulse_GaussianOp : Pulse_EnvelopeOp<"gaussian",
    (ins F64:$amp, F64:$angle, F64:$sigma)> {
  let summary = "a Gaussian envelope, lifted to zero at its ends";
  let description = [{
    `amp * exp(i*angle) * (g(t) - g(-1)) / (1 - g(-1))` with
    `g(t) = exp(-(t - (N-1)/2)^2 / (2 sigma^2))`, as in IBM's parametric
    `gaussian` pulse. Verified when constant: |amp| <= 1 and sigma > 0.

    ```mlir
    %w = pulse.gaussian(%amp, %angle, %sigma) : !pulse.waveform<160>
    ```
  }];
  let assemblyFormat = [{
    `(` $amp `,` $angle `,` $sigma `)` attr-dict `:` qualified(type($waveform))
  }];
}

def Pulse_GaussianSquareOp : Pulse_EnvelopeOp<"gaussian_square",
    (ins F64:$amp, F64:$angle, F64:$sigma, F64:$width)> {
  let summary = "a flat top of `width` samples with Gaussian rise and fall";
  let description = [{
    The cross-resonance and readout envelope: a Gaussian rise over
    `(N - width) / 2` samples, a flat top of `width` samples at
    `amp * exp(i*angle)`, and a Gaussian fall. Verified when constant:
    |amp| <= 1, sigma > 0 and 0 <= width <= N.

    ```mlir
    %cr = pulse.gaussian_square(%amp, %angle, %sigma, %width) : !pulse.waveform<1584>
    ```
  }];
  let assemblyFormat = [{
    `(` $amp `,` $angle `,` $sigma `,` $width `)` attr-dict `:` qualified(type($waveform))
  }];
}

def Pulse_DragOp : Pulse_EnvelopeOp<"drag",
    (ins F64:$amp, F64:$angle, F64:$sigma, F64:$beta)> {
  let summary = "a Gaussian with a DRAG derivative quadrature";
  let description = [{
    `gaussian(t) * (1 + i * beta * (t - (N-1)/2) / sigma^2)`: the
    derivative term suppresses leakage to the second excited state. IBM's
    calibrated x and sx pulses are DRAG pulses. Verified when constant:
    |amp| <= 1 and sigma > 0.

    ```mlir
    %x = pulse.drag(%amp, %angle, %sigma, %beta) : !pulse.waveform<160>
    ```
  }];
  let assemblyFormat = [{
    `(` $amp `,` $angle `,` $sigma `,` $beta `)` attr-dict `:` qualified(type($waveform))
  }];
}

def Pulse_ConstantOp : Pulse_EnvelopeOp<"constant",
    (ins F64:$amp, F64:$angle)> {
  let summary = "a flat envelope";
  let description = [{
    `amp * exp(i*angle)` for every sample. Verified when constant:
    |amp| <= 1.

    ```mlir
    %flat = pulse.constant(%amp, %angle) : !pulse.waveform<64>
    ```
  }];
  let assemblyFormat = [{
    `(` $amp `,` $angle `)` attr-dict `:` qualified(type($waveform))
  }];
}

def Pulse_SampledOp : Pulse_Op<"sampled", [Pure]> {
  let summary = "an envelope given sample by sample";
  let description = [{
    `samples` holds the real and imaginary parts interleaved, so it has
    twice as many entries as the waveform has samples; every sample has
    modulus at most 1.

    ```mlir
    %w = pulse.sampled [0.0, 0.0, 0.1, 0.0, 0.0, 0.0] : !pulse.waveform<3>
    ```
  }];
  let arguments = (ins DenseF64ArrayAttr:$samples);
  let results = (outs Pulse_WaveformType:$waveform);
  let assemblyFormat = "$samples attr-dict `:` qualified(type($waveform))";
  let hasVerifier = 1;
}

//===----------------------------------------------------------------------===//
// Timed operations
//===----------------------------------------------------------------------===//

class Pulse_TimedOp<string mnemonic, list<Trait> traits = []>
    : Pulse_Op<mnemonic, !listconcat(traits, [
        DeclareOpInterfaceMethods<TimedOpInterface,
            ["getTimedChannels", "getDurationDt"]>])>;

def Pulse_PlayOp : Pulse_TimedOp<"play"> {
  let summary = "play a waveform on a channel";
  let description = [{
    Occupies the channel for the waveform's duration, modulated by the
    channel's frame.

    ```mlir
    pulse.play %d0, %x : !pulse.drive, !pulse.waveform<160>
    pulse.play %d0, %x at 320 : !pulse.drive, !pulse.waveform<160>
    ```
  }];
  let arguments = (ins Pulse_OutputChannel:$channel,
                       Pulse_WaveformType:$waveform,
                       OptionalAttr<I64Attr>:$start);
  let assemblyFormat = [{
    $channel `,` $waveform (`at` $start^)? attr-dict `:` type($channel) `,`
    qualified(type($waveform))
  }];
}

def Pulse_DelayOp : Pulse_TimedOp<"delay"> {
  let summary = "idle a channel";
  let description = [{
    ```mlir
    pulse.delay %d1, 1584 : !pulse.drive
    ```
  }];
  let arguments = (ins Pulse_AnyChannel:$channel,
                       ConfinedAttr<I64Attr, [IntPositive]>:$duration,
                       OptionalAttr<I64Attr>:$start);
  let assemblyFormat = [{
    $channel `,` $duration (`at` $start^)? attr-dict `:` type($channel)
  }];
}

class Pulse_FrameOp<string mnemonic>
    : Pulse_TimedOp<mnemonic> {
  let arguments = (ins Pulse_OutputChannel:$channel, F64:$value,
                       OptionalAttr<I64Attr>:$start);
  let assemblyFormat = [{
    $channel `,` $value (`at` $start^)? attr-dict `:` type($channel)
  }];
  let hasVerifier = 1;
}

def Pulse_ShiftPhaseOp : Pulse_FrameOp<"shift_phase"> {
  let summary = "add to a channel's frame phase (radians)";
  let description = [{
    Instantaneous. A virtual Z rotation by theta on qubit i is
    `shift_phase -theta` on `d<i>` and on every control channel whose frame
    follows qubit i.

    ```mlir
    pulse.shift_phase %d0, %minus_theta : !pulse.drive
    ```
  }];
}

def Pulse_SetPhaseOp : Pulse_FrameOp<"set_phase"> {
  let summary = "set a channel's frame phase (radians)";
}

def Pulse_ShiftFrequencyOp : Pulse_FrameOp<"shift_frequency"> {
  let summary = "add to a channel's frame frequency (GHz)";
}

def Pulse_SetFrequencyOp : Pulse_FrameOp<"set_frequency"> {
  let summary = "set a channel's frame frequency (GHz)";
}

def Pulse_CaptureOp : Pulse_TimedOp<"capture"> {
  let summary = "acquire and discriminate a qubit's readout";
  let description = [{
    Integrates the acquisition channel for `duration` dt and yields the
    discriminated bit.

    ```mlir
    %bit = pulse.capture %a0, 22400 : !pulse.acquire
    ```
  }];
  let arguments = (ins Pulse_AnyChannel:$channel,
                       ConfinedAttr<I64Attr, [IntPositive]>:$duration,
                       OptionalAttr<I64Attr>:$start);
  let results = (outs I1:$bit);
  let hasVerifier = 1;
  let assemblyFormat = [{
    $channel `,` $duration (`at` $start^)? attr-dict `:` type($channel)
  }];
}

def Pulse_BarrierOp : Pulse_TimedOp<"barrier"> {
  let summary = "align channels";
  let description = [{
    Nothing after the barrier on any of its channels starts before
    everything before it on all of them has ended. Instantaneous: once
    scheduled, it sits at the time the last of its channels became free.

    ```mlir
    pulse.barrier %d0, %d1, %u0 : !pulse.drive, !pulse.drive, !pulse.control
    ```
  }];
  let arguments = (ins Variadic<Pulse_AnyChannel>:$channels,
                       OptionalAttr<I64Attr>:$start);
  let assemblyFormat = [{
    $channels (`at` $start^)? attr-dict `:` type($channels)
  }];
  let hasVerifier = 1;
}

//===----------------------------------------------------------------------===//
// Schedules
//===----------------------------------------------------------------------===//

def Pulse_ScheduleOp : Pulse_Op<"schedule", [
    FunctionOpInterface, IsolatedFromAbove]> {
  let summary = "a pulse program";
  let description = [{
    A named pulse program with `f64` parameters as arguments (symbolic
    amplitudes, angles, phases) and the captured bits as results. Its body
    is one block ending in `pulse.return`.

    `dt` is the device's sample time in ns, recorded by `lower-to-pulse`
    so that the program converts to physical time on its own. `duration`
    (in dt) is set by `schedule-pulses` together with every timed
    operation's start time; the verifier checks the timing as described in
    the dialect overview.

    ```mlir
    pulse.schedule @main(%theta: f64) -> i1 attributes {duration = 22400} {
      ...
      pulse.return %bit : i1
    }
    ```
  }];
  let arguments = (ins SymbolNameAttr:$sym_name,
                       TypeAttrOf<FunctionType>:$function_type,
                       OptionalAttr<StrAttr>:$sym_visibility,
                       OptionalAttr<DictArrayAttr>:$arg_attrs,
                       OptionalAttr<DictArrayAttr>:$res_attrs,
                       OptionalAttr<ConfinedAttr<I64Attr, [IntNonNegative]>>:$duration,
                       OptionalAttr<F64Attr>:$dt);
  let regions = (region SizedRegion<1>:$body);
  let hasCustomAssemblyFormat = 1;
  let hasRegionVerifier = 1;
  let builders = [OpBuilder<(ins "llvm::StringRef":$name,
                                 "mlir::FunctionType":$type)>];
  let extraClassDeclaration = [{
    ::mlir::Region *getCallableRegion() { return &getBody(); }
    ::llvm::ArrayRef<::mlir::Type> getArgumentTypes() {
      return getFunctionType().getInputs();
    }
    ::llvm::ArrayRef<::mlir::Type> getResultTypes() {
      return getFunctionType().getResults();
    }
    /// True once every timed operation has a start time.
    bool isScheduled();
  }];
}

def Pulse_ReturnOp : Pulse_Op<"return", [Pure, HasParent<"ScheduleOp">,
    ReturnLike, Terminator]> {
  let summary = "end a schedule, returning its captured bits";
  let arguments = (ins Variadic<AnyType>:$operands);
  let assemblyFormat = "attr-dict ($operands^ `:` type($operands))?";
  let hasVerifier = 1;
}

#endif // QOPT_DIALECT_PULSE_OPS_TD
