// --import-pulse-json: Qobj-style instructions that the export does not
// write but that read in, and the errors for malformed input, each naming
// the file and the JSON path of the offending value (syntax errors also
// the line and column).
// RUN: rm -rf %t && split-file %s %t
// RUN: qopt-translate --import-pulse-json %t/qobj.json | FileCheck %s --check-prefix=QOBJ
// RUN: not qopt-translate --import-pulse-json %t/syntax.json 2>&1 | FileCheck %s --check-prefix=SYNTAX
// RUN: not qopt-translate --import-pulse-json %t/format.json 2>&1 | FileCheck %s --check-prefix=FORMAT
// RUN: not qopt-translate --import-pulse-json %t/channel.json 2>&1 | FileCheck %s --check-prefix=CHANNEL
// RUN: not qopt-translate --import-pulse-json %t/instruction.json 2>&1 | FileCheck %s --check-prefix=INSTRUCTION
// RUN: not qopt-translate --import-pulse-json %t/parameter.json 2>&1 | FileCheck %s --check-prefix=PARAMETER
// RUN: not qopt-translate --import-pulse-json %t/phase.json 2>&1 | FileCheck %s --check-prefix=PHASE
// RUN: not qopt-translate --import-pulse-json %t/amplitude.json 2>&1 | FileCheck %s --check-prefix=AMPLITUDE
// RUN: not qopt-translate --import-pulse-json %t/overlap.json 2>&1 | FileCheck %s --check-prefix=OVERLAP
// RUN: not qopt-translate --import-pulse-json %t/duration.json 2>&1 | FileCheck %s --check-prefix=DURATION
// A memory slot no acquire writes reads 0: a bit the circuit never measured.
// RUN: qopt-translate --import-pulse-json %t/slots.json | FileCheck %s --check-prefix=SLOTS
// RUN: not qopt-translate --import-pulse-json %t/acquire.json 2>&1 | FileCheck %s --check-prefix=ACQUIRE

// A multi-qubit acquire on "qubits" becomes one capture per qubit, each
// returned in its memory slot; a real "amp" with an "angle" is taken as
// is; instructions are put in time order.
// QOBJ:      pulse.schedule @qobj() -> (i1, i1) attributes {dt = 2.500000e-01 : f64, duration = 48 : i64}
// QOBJ-DAG:  %[[AMP:.*]] = arith.constant 2.500000e-01 : f64
// QOBJ-DAG:  %[[ANGLE:.*]] = arith.constant 1.000000e+00 : f64
// QOBJ:      %[[WAVE:.*]] = pulse.constant(%[[AMP]], %[[ANGLE]]) : !pulse.waveform<16>
// QOBJ:      pulse.play %d0, %[[WAVE]] at 0 : !pulse.drive, !pulse.waveform<16>
// QOBJ-NEXT: %[[A2:.*]] = pulse.capture %a2, 32 at 16 : !pulse.acquire
// QOBJ-NEXT: %[[A0:.*]] = pulse.capture %a0, 32 at 16 : !pulse.acquire
// QOBJ-NEXT: pulse.return %[[A0]], %[[A2]] : i1, i1

// SYNTAX: syntax.json:3:16: error: invalid JSON: Invalid JSON value
// FORMAT: format.json:0:0: error: format: expected "qopt-pulse-v1", got "qobj"
// CHANNEL: channel.json:0:0: error: schedules[0].instructions[0].ch: expected a channel name d<i>, u<k>, m<i> or a<i>, got "x1"
// INSTRUCTION: instruction.json:0:0: error: schedules[0].instructions[0].name: unknown instruction 'pv': neither parametric_pulse, fc, setp, shiftf, setf, delay, acquire, barrier nor a pulse_library entry
// PARAMETER: parameter.json:0:0: error: schedules[0].instructions[0].parameters: a gaussian_square pulse has no parameter 'risefall'
// PHASE: phase.json:0:0: error: schedules[0].instructions[0].phase: expected a number, got "-(P0)"; parametric (string) values cannot be imported
// AMPLITUDE: amplitude.json:0:0: error: schedules[0].instructions[0]: 'pulse.drag' op amplitude magnitude must be at most 1, got 1.50
// OVERLAP: overlap.json:0:0: error: schedules[0].instructions[1]: 'pulse.delay' op starts at 8 on channel d0, before the previous operation there ends at 16
// DURATION: duration.json:0:0: error: schedules[0].duration_dt: is 10 but the last instruction ends at 16 dt
// SLOTS:      pulse.schedule @s() -> (i1, i1)
// SLOTS:        %[[BIT:.*]] = pulse.capture
// SLOTS:        %[[ZERO:.*]] = arith.constant false
// SLOTS-NEXT:   pulse.return %[[ZERO]], %[[BIT]] : i1, i1
// ACQUIRE: acquire.json:0:0: error: schedules[0].instructions[0].ch: 'acquire' needs an acquire channel a<i>

//--- qobj.json
{"format": "qopt-pulse-v1", "dt_ns": 0.25, "schedules": [
  {"name": "qobj", "duration_dt": 48, "instructions": [
    {"t0": 16, "name": "acquire", "duration": 32, "qubits": [2, 0], "memory_slot": [1, 0]},
    {"t0": 0, "ch": "d0", "name": "parametric_pulse", "pulse_shape": "constant",
     "parameters": {"amp": 0.25, "angle": 1.0, "duration": 16}}]}]}
//--- syntax.json
{"format": "qopt-pulse-v1",
 "dt_ns": 0.2,
 "schedules": [}
//--- format.json
{"format": "qobj", "dt_ns": 0.2, "schedules": []}
//--- channel.json
{"format": "qopt-pulse-v1", "dt_ns": 0.2, "schedules": [{"name": "s", "duration_dt": 16, "instructions": [
  {"t0": 0, "ch": "x1", "name": "delay", "duration": 16}]}]}
//--- instruction.json
{"format": "qopt-pulse-v1", "dt_ns": 0.2, "schedules": [{"name": "s", "duration_dt": 16, "instructions": [
  {"t0": 0, "ch": "d0", "name": "pv", "val": [0.1, 0]}]}]}
//--- parameter.json
{"format": "qopt-pulse-v1", "dt_ns": 0.2, "schedules": [{"name": "s", "duration_dt": 64, "instructions": [
  {"t0": 0, "ch": "u0", "name": "parametric_pulse", "pulse_shape": "gaussian_square",
   "parameters": {"amp": [0.1, 0], "duration": 64, "sigma": 8, "risefall": 16}}]}]}
//--- phase.json
{"format": "qopt-pulse-v1", "dt_ns": 0.2, "schedules": [{"name": "s", "duration_dt": 0, "instructions": [
  {"t0": 0, "ch": "d0", "name": "fc", "phase": "-(P0)"}]}]}
//--- amplitude.json
{"format": "qopt-pulse-v1", "dt_ns": 0.2, "schedules": [{"name": "s", "duration_dt": 160, "instructions": [
  {"t0": 0, "ch": "d0", "name": "parametric_pulse", "pulse_shape": "drag",
   "parameters": {"amp": [1.5, 0], "duration": 160, "sigma": 40, "beta": 0}}]}]}
//--- overlap.json
{"format": "qopt-pulse-v1", "dt_ns": 0.2, "schedules": [{"name": "s", "duration_dt": 16, "instructions": [
  {"t0": 0, "ch": "d0", "name": "delay", "duration": 16},
  {"t0": 8, "ch": "d0", "name": "delay", "duration": 8}]}]}
//--- duration.json
{"format": "qopt-pulse-v1", "dt_ns": 0.2, "schedules": [{"name": "s", "duration_dt": 10, "instructions": [
  {"t0": 0, "ch": "d0", "name": "delay", "duration": 16}]}]}
//--- slots.json
{"format": "qopt-pulse-v1", "dt_ns": 0.2, "schedules": [{"name": "s", "duration_dt": 16, "memory_slots": 2, "instructions": [
  {"t0": 0, "ch": "a0", "name": "acquire", "duration": 16, "qubits": [0], "memory_slot": [1]}]}]}
//--- acquire.json
{"format": "qopt-pulse-v1", "dt_ns": 0.2, "schedules": [{"name": "s", "duration_dt": 16, "instructions": [
  {"t0": 0, "ch": "m0", "name": "acquire", "duration": 16}]}]}
