// lower-to-pulse on a cut-down belem calibration (Inputs/belem-cut): each
// gate becomes its calibrated cmd_def sequence.
// RUN: qopt %s --target=%S/Inputs/belem-cut --lower-to-pulse -split-input-file | FileCheck %s

// sx is the calibrated DRAG pulse on d0; rz(0.5) is a virtual Z: a phase
// shift of -0.5 on d0 and on u1, the control channel calibrated to follow
// qubit 0's frame; measure plays the readout stimulus on m0 (22400 dt, then
// the calibrated 1680 dt delay) and captures a0 for 22400 dt.
// CHECK-LABEL: pulse.schedule @sx_rz_measure() -> i1
// CHECK-SAME: attributes {dt = 0.2222{{[0-9]*}} : f64}
// CHECK-DAG: %d0 = pulse.channel d0
// CHECK-DAG: %u1 = pulse.channel u1
// CHECK-DAG: %m0 = pulse.channel m0
// CHECK-DAG: %a0 = pulse.channel a0
// CHECK-DAG: %[[SX:.*]] = pulse.drag(%{{.*}}) : !pulse.waveform<160>
// CHECK-DAG: %[[STIM:.*]] = pulse.gaussian_square(%{{.*}}) : !pulse.waveform<22400>
// CHECK: pulse.play %d0, %[[SX]] : !pulse.drive, !pulse.waveform<160>
// CHECK-NEXT: pulse.barrier %d0, %u1 : !pulse.drive, !pulse.control
// CHECK-NEXT: %[[MINUS:.*]] = arith.constant -5.000000e-01 : f64
// CHECK-NEXT: pulse.shift_phase %d0, %[[MINUS]] : !pulse.drive
// CHECK: pulse.shift_phase %u1, %{{.*}} : !pulse.control
// CHECK-NEXT: pulse.barrier %d0, %m0, %a0 : !pulse.drive, !pulse.measure, !pulse.acquire
// CHECK-NEXT: pulse.play %m0, %[[STIM]] : !pulse.measure, !pulse.waveform<22400>
// CHECK-NEXT: pulse.delay %m0, 1680 : !pulse.measure
// CHECK-NEXT: %[[BIT:.*]] = pulse.capture %a0, 22400 : !pulse.acquire
// CHECK-NEXT: pulse.barrier %d0, %m0, %a0
// CHECK-NEXT: pulse.return %[[BIT]] : i1
// CHECK-NOT: qgate.{{[a-z]+}} %
func.func @sx_rz_measure() -> i1 {
  %half = arith.constant 0.5 : f64
  %q0 = qgate.physical 0
  %q1 = qgate.sx %q0
  %q2 = qgate.rz(%half) %q1
  %q3, %bit = qgate.measure %q2
  return %bit : i1
}

// -----

// A symbolic angle stays symbolic: rz(theta) shifts by arith.negf(theta),
// and u(theta, phi, lambda) is IBM's u3: shifts by -lambda, the sx pulse,
// -theta, the inverse-phase pulse, -phi (cmd_def's -(P2), -(P0), -(P1)).
// CHECK: pulse.schedule @symbolic(%[[THETA:.*]]: f64, %[[PHI:.*]]: f64, %[[LAMBDA:.*]]: f64)
// CHECK: %[[NEG:.*]] = arith.negf %[[THETA]] : f64
// CHECK-NEXT: pulse.shift_phase %d1, %[[NEG]] : !pulse.drive
// CHECK: %[[NL:.*]] = arith.negf %[[LAMBDA]] : f64
// CHECK-NEXT: pulse.shift_phase %d1, %[[NL]] : !pulse.drive
// CHECK-NEXT: pulse.play %d1
// CHECK-NEXT: %[[NT:.*]] = arith.negf %[[THETA]] : f64
// CHECK-NEXT: pulse.shift_phase %d1, %[[NT]] : !pulse.drive
// CHECK-NEXT: pulse.play %d1
// CHECK-NEXT: %[[NP:.*]] = arith.negf %[[PHI]] : f64
// CHECK-NEXT: pulse.shift_phase %d1, %[[NP]] : !pulse.drive
func.func @symbolic(%theta: f64, %phi: f64, %lambda: f64) {
  %q0 = qgate.physical 1
  %q1 = qgate.rz(%theta) %q0
  %q2 = qgate.u(%theta, %phi, %lambda) %q1
  return
}

// -----

// id is an idle of the calibrated identity's length; a barrier becomes a
// pulse barrier on the qubits' drive channels.
// CHECK-LABEL: pulse.schedule @idle_and_barrier()
// CHECK: pulse.delay %d0, 160 : !pulse.drive
// CHECK-NEXT: pulse.barrier %d0, %d1 : !pulse.drive, !pulse.drive
// CHECK-NEXT: pulse.play %d1
func.func @idle_and_barrier() {
  %q0 = qgate.physical 0
  %q1 = qgate.physical 1
  %a = qgate.id %q0
  %b, %c = qgate.barrier %a, %q1
  %d = qgate.x %c
  return
}
