//===- PulseDialect.td - the pulse dialect definition ------*- tablegen -*-===//

#ifndef QOPT_DIALECT_PULSE_DIALECT_TD
#define QOPT_DIALECT_PULSE_DIALECT_TD

include "mlir/IR/OpBase.td"

def Pulse_Dialect : Dialect {
  let name = "pulse";
  let cppNamespace = "::qopt::pulse";
  let summary = "Pulse programs on a device's channels, with verified timing";
  let description = [{
    The `pulse` dialect represents what a superconducting device executes:
    waveforms played on channels, idles, frame changes and acquisitions,
    inside a `pulse.schedule`.

    **Channels, not ports and frames.** A channel is IBM's unit of control:
    drive `d<i>` (single-qubit pulses on qubit i), control `u<k>`
    (cross-resonance: qubit k's control line driven at another qubit's
    frequency), measure `m<i>` (readout stimulus) and acquire `a<i>`
    (digitizer). Each channel carries its own frame: a phase, changed by
    `shift_phase`/`set_phase`, and a frequency, changed by
    `shift_frequency`/`set_frequency`. This is exactly the model of the
    calibration data qopt lowers from (`cmd_def` in IBM's `defs_*.json`)
    and of IBM's Qobj pulse format, so lowering and export are lossless and
    a virtual Z is a phase shift on the channels the calibration names. A
    port-plus-frame model would split each channel into a (port, frame)
    pair and then need mixed frames to say that `u<k>` runs at another
    qubit's frequency; the OpenPulse export builds those frames from the
    channels when it needs them.

    **Waveforms** are values of type `!pulse.waveform<N>`, where N is the
    duration in samples of `dt`. Keeping the duration in the type makes every
    `play` statically timed, while amplitudes, angles, widths, sigmas and
    DRAG betas are `f64` operands that may be function arguments, so a
    variational pulse program stays symbolic.

    **Timing is verified, not assumed.** Every timed operation has an
    optional `at` start time (an inherent attribute, in `dt`). In an
    unscheduled program none has one, and time is implied by order: on each
    channel, operations run in program order, and `pulse.barrier` aligns the
    channels it names. `schedule-pulses` assigns every start time and the
    schedule's `duration`. The `pulse.schedule` verifier then checks that
    the start times are all present or all absent, that on every channel
    each operation starts no earlier than the previous one ended (no
    overlap, program order kept), that barriers start no earlier than the
    end of any channel they name, and that `duration` is the end of the
    last operation.
  }];
  let dependentDialects = ["::mlir::arith::ArithDialect"];
  let useDefaultTypePrinterParser = 1;
}

class Pulse_Op<string mnemonic, list<Trait> traits = []>
    : Op<Pulse_Dialect, mnemonic, traits>;

#endif // QOPT_DIALECT_PULSE_DIALECT_TD
