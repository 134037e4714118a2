// native-pulse-ansatz on the cut-down belem calibration: rotations become
// one DRAG pulse each with a new amplitude argument, the cx one shortened
// cross-resonance pulse, and rz stays a virtual Z.
// RUN: qopt %s --target=%S/Inputs/belem-cut --native-pulse-ansatz 2>&1 | FileCheck %s
// RUN: qopt %s --target=%S/Inputs/belem-cut --native-pulse-ansatz=detuning=true 2>/dev/null | FileCheck %s --check-prefix=DETUNE
// RUN: qopt %s --target=%S/Inputs/belem-cut --native-pulse-ansatz=entangler-width-scale=0.01 2>&1 | FileCheck %s --check-prefix=WIDEN

// The calibrated x pulse of qubit 0 has |amp| = 0.24045 (and 160 dt, sigma
// 40, beta -2.43), so the amplitude per radian is 0.24045 / pi = 0.076538.
// belem's cx(0, 1) cross-resonance pulse on u1 is 1584 dt with a 1328 dt
// flat top and |amp| = 0.14343; at entangler-width-scale 0.25 the flat top
// is 332 dt, the pulse 588 dt, and the amplitude grows by the ratio of the
// envelope areas to 0.44764.
// Gate by gate: ry becomes rz sx rz sx rz (two 160 dt pulses), the cx lasts
// 3648 dt: 320 + 3648 = 3968 dt. Natively: 160 + 588 = 748 dt, 81.1% less.
// CHECK: remark: native-pulse-ansatz: @ansatz lasts 748 dt against 3968 dt lowered gate by gate (81.1% shorter); 2 pulse parameter(s)
// CHECK: pulse.schedule @ansatz(%[[T0:arg[0-9]+]]: f64, %[[T1:arg[0-9]+]]: f64,
// CHECK-SAME: %[[AMP:arg[0-9]+]]: f64 {pulse.ansatz = {angle_argument = 0 : i64, qubits = [0], role = "drag_amplitude", scale = 0.07653{{[0-9]*}} : f64}},
// CHECK-SAME: %[[CR:arg[0-9]+]]: f64 {pulse.ansatz = {initial = 0.4476{{[0-9]*}} : f64, qubits = [0, 1], role = "cr_amplitude"}})
// CHECK-DAG: %[[YAXIS:.*]] = arith.constant 1.5707963267948966 : f64
// CHECK-DAG: %[[WIDTH:.*]] = arith.constant 3.320000e+02 : f64
// CHECK: %[[DRAG:.*]] = pulse.drag(%[[AMP]], %[[YAXIS]], %{{.*}}, %{{.*}}) : !pulse.waveform<160>
// CHECK-NEXT: pulse.play %d0, %[[DRAG]] : !pulse.drive, !pulse.waveform<160>
// CHECK-NEXT: %[[CRW:.*]] = pulse.gaussian_square(%[[CR]], %{{.*}}, %{{.*}}, %[[WIDTH]]) : !pulse.waveform<588>
// CHECK-NEXT: pulse.barrier %d0, %d1, %u1
// CHECK-NEXT: pulse.play %u1, %[[CRW]] : !pulse.control, !pulse.waveform<588>
// CHECK-NEXT: pulse.barrier %d0, %d1, %u1
// CHECK: %[[NEG:.*]] = arith.negf %[[T1]] : f64
// CHECK-NEXT: pulse.shift_phase %d0, %[[NEG]] : !pulse.drive

// At entangler-width-scale 0.01 the equal-area amplitude would be far
// above max-entangler-amplitude (0.9), so the flat top widens to 96 dt
// (a 352 dt pulse) where the amplitude is just under 0.9.
// WIDEN: remark: native-pulse-ansatz: @ansatz lasts 512 dt against 3968 dt lowered gate by gate (87.1% shorter)
// WIDEN: %{{.*}}: f64 {pulse.ansatz = {initial = 0.8998{{[0-9]*}} : f64, qubits = [0, 1], role = "cr_amplitude"}}
// WIDEN: pulse.gaussian_square(%{{.*}}) : !pulse.waveform<352>

// DETUNE: pulse.schedule @ansatz(%{{.*}}: f64, %{{.*}}: f64, %[[AMP:arg[0-9]+]]: f64 {pulse.ansatz = {{.*}}drag_amplitude{{.*}}}, %[[DET:arg[0-9]+]]: f64 {pulse.ansatz = {initial = 0.000000e+00 : f64, qubits = [0], role = "drag_detuning"}}
// DETUNE: pulse.shift_frequency %d0, %[[DET]] : !pulse.drive
// DETUNE-NEXT: pulse.play %d0
// DETUNE-NEXT: %[[BACK:.*]] = arith.negf %[[DET]] : f64
// DETUNE-NEXT: pulse.shift_frequency %d0, %[[BACK]] : !pulse.drive
func.func @ansatz(%t0: f64, %t1: f64) {
  %q0 = qgate.physical 0
  %q1 = qgate.physical 1
  %a = qgate.ry(%t0) %q0
  %b, %c = qgate.cx %a, %q1
  %d = qgate.rz(%t1) %b
  return
}
