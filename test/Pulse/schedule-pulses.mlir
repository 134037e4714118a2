// Schedule durations equal the critical path of belem's calibrated
// sequences, computed by hand from Inputs/belem-cut/defs_belem.json:
//   x on d0 and sx on d1: DRAG pulses of 160 dt;
//   cx(0, 1): its last pulse is the DRAG on d0 at t0 = 3488, so 3648 dt;
//   measure: stimulus 22400 dt on m<i> then a 1680 dt delay, so 24080 dt.
// Circuit: x q0; x q0; sx q1; cx q0, q1; measure q0; measure q1.
//   As soon as possible: x, x on d0 over [0, 320); sx on d1 over [0, 160); the cx waits
//   for d0 and starts at 320, ends at 3968; both measurements run in
//   parallel over [3968, 28048). Duration 28048 dt = 6232.9 ns.
//   As late as possible: the same duration; the sx on d1 moves to [160, 320), right
//   before the cx.
// RUN: qopt %s --target=%S/Inputs/belem-cut --lower-to-pulse --schedule-pulses 2>&1 | FileCheck %s --check-prefix=ASAP
// RUN: qopt %s --target=%S/Inputs/belem-cut --lower-to-pulse --schedule-pulses=policy=alap 2>&1 | FileCheck %s --check-prefix=ALAP
// The scheduled output verifies when read back, and scheduling twice is a
// fixed point.
// RUN: qopt %s --target=%S/Inputs/belem-cut --lower-to-pulse --schedule-pulses -o %t.mlir
// RUN: qopt %t.mlir --schedule-pulses 2>&1 | FileCheck %s --check-prefix=ASAP

// ASAP: remark: schedule-pulses: @circuit lasts 28048 dt (6232.9 ns); utilization d0 {{.*}} d1 {{.*}} m0 79.9% m1 79.9% a0 79.9% a1 79.9%
// ASAP: pulse.schedule @circuit() -> (i1, i1) attributes {dt = {{.*}}, duration = 28048 : i64}
// ASAP: pulse.play %d0, %{{.*}} at 0 :
// ASAP-NEXT: pulse.play %d0, %{{.*}} at 160 :
// ASAP-NEXT: pulse.play %d1, %{{.*}} at 0 :
// ASAP-NEXT: pulse.barrier %d0, %d1, %u0, %u1, %u4, %u5 at 320 :
// ASAP: pulse.barrier %d0, %d1, %u0, %u1, %u4, %u5 at 3968 :
// ASAP: pulse.play %m0, %{{.*}} at 3968 :
// ASAP: pulse.capture %a1, 22400 at 3968 :

// ALAP: pulse.schedule @circuit() -> (i1, i1) attributes {dt = {{.*}}, duration = 28048 : i64}
// ALAP: pulse.play %d0, %{{.*}} at 0 :
// ALAP-NEXT: pulse.play %d0, %{{.*}} at 160 :
// ALAP-NEXT: pulse.play %d1, %{{.*}} at 160 :
// ALAP-NEXT: pulse.barrier %d0, %d1, %u0, %u1, %u4, %u5 at 320 :
func.func @circuit() -> (i1, i1) {
  %q0 = qgate.physical 0
  %q1 = qgate.physical 1
  %a = qgate.x %q0
  %b = qgate.x %a
  %c = qgate.sx %q1
  %d, %e = qgate.cx %b, %c
  %f, %m0 = qgate.measure %d
  %g, %m1 = qgate.measure %e
  return %m0, %m1 : i1, i1
}
