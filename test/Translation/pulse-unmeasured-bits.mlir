// A classical bit the circuit never measures (a register wider than its
// measurements, as in QASMBench's ghz_state_n23 or qft_n29) is returned as
// the constant 0. Every pulse export keeps it as a memory slot no capture
// writes, which reads 0, and importing the JSON gives the constant back.
// RUN: qopt %s --target=%S/../Pulse/Inputs/belem-cut --lower-to-pulse --schedule-pulses --emit=pulse-json 2>/dev/null | FileCheck %s --check-prefix=JSON
// RUN: qopt %s --target=%S/../Pulse/Inputs/belem-cut --lower-to-pulse --schedule-pulses --emit=openpulse 2>/dev/null | FileCheck %s --check-prefix=OPENPULSE
// RUN: qopt %s --target=%S/../Pulse/Inputs/belem-cut --lower-to-pulse --schedule-pulses --emit=pulse-json 2>/dev/null | qopt-translate --import-pulse-json | FileCheck %s --check-prefix=IMPORT

// JSON: "memory_slots": 3,
// JSON: "name":"acquire",{{.*}}"memory_slot":[0]
// JSON: "name":"acquire",{{.*}}"memory_slot":[2]
// JSON-NOT: "memory_slot":[1]

// OPENPULSE: bit[3] c_partial = "000"; // c_partial[1]: never measured, stays 0
// OPENPULSE-DAG: c_partial[0] = capture_v2(
// OPENPULSE-DAG: c_partial[2] = capture_v2(
// OPENPULSE-NOT: c_partial[1] =

// IMPORT: pulse.schedule @partial() -> (i1, i1, i1)
// IMPORT: %[[ZERO:.*]] = arith.constant false
// IMPORT-NEXT: pulse.return %{{.*}}, %[[ZERO]], %{{.*}} : i1, i1, i1

func.func @partial() -> (i1, i1, i1) {
  %false = arith.constant false
  %q0 = qgate.physical 0
  %q1 = qgate.physical 1
  %a = qgate.sx %q0
  %b, %c = qgate.cx %a, %q1
  %d, %m0 = qgate.measure %b
  %e, %m1 = qgate.measure %c
  return %m0, %false, %m1 : i1, i1, i1
}
