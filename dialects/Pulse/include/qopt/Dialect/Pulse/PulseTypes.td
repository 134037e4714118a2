//===- PulseTypes.td - pulse types -------------------------*- tablegen -*-===//

#ifndef QOPT_DIALECT_PULSE_TYPES_TD
#define QOPT_DIALECT_PULSE_TYPES_TD

include "qopt/Dialect/Pulse/PulseDialect.td"
include "mlir/IR/AttrTypeBase.td"

class Pulse_ChannelType<string name, string typeMnemonic, string what>
    : TypeDef<Pulse_Dialect, name> {
  let mnemonic = typeMnemonic;
  let summary = what;
  let description = [{
    A channel value, made by `pulse.channel`. The channel's identity is the
    kind and index of that op; two `pulse.channel` ops with the same name
    are the same channel.
  }];
}

def Pulse_DriveType : Pulse_ChannelType<"Drive", "drive",
    "a qubit's drive channel, d<i>">;
def Pulse_ControlType : Pulse_ChannelType<"Control", "control",
    "a control (cross-resonance) channel, u<k>">;
def Pulse_MeasureType : Pulse_ChannelType<"Measure", "measure",
    "a qubit's readout stimulus channel, m<i>">;
def Pulse_AcquireType : Pulse_ChannelType<"Acquire", "acquire",
    "a qubit's acquisition channel, a<i>">;

def Pulse_AnyChannel : AnyTypeOf<[Pulse_DriveType, Pulse_ControlType,
    Pulse_MeasureType, Pulse_AcquireType], "any pulse channel">;
/// Channels that output waveforms and carry a frame.
def Pulse_OutputChannel : AnyTypeOf<[Pulse_DriveType, Pulse_ControlType,
    Pulse_MeasureType], "a drive, control or measure channel">;

def Pulse_WaveformType : TypeDef<Pulse_Dialect, "Waveform"> {
  let mnemonic = "waveform";
  let summary = "a complex envelope of a fixed number of samples";
  let description = [{
    `!pulse.waveform<160>` is an envelope lasting 160 samples of the
    device's `dt`. The duration is part of the type so that every `play` is
    statically timed; it must be positive.
  }];
  let parameters = (ins "int64_t":$duration);
  let assemblyFormat = "`<` $duration `>`";
  let genVerifyDecl = 1;
}

#endif // QOPT_DIALECT_PULSE_TYPES_TD
