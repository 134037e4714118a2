// Pulse JSON (qopt-pulse-v1) of a small circuit lowered and scheduled on the
// cut-down belem calibration, and of hand-written schedules; the JSON reads
// back into the same JSON.
// RUN: qopt %S/Inputs/pulse-bell.mlir --target=%S/../Pulse/Inputs/belem-cut --lower-to-pulse --schedule-pulses --emit=pulse-json -o %t.json 2>/dev/null
// RUN: FileCheck %s --input-file=%t.json
// qopt-translate writes the same JSON from the scheduled module:
// RUN: qopt %S/Inputs/pulse-bell.mlir --target=%S/../Pulse/Inputs/belem-cut --lower-to-pulse --schedule-pulses -o %t.mlir 2>/dev/null
// RUN: qopt-translate --export-pulse-json %t.mlir | diff %t.json -
// Export -> import -> export repeats every byte, amplitudes included:
// RUN: qopt-translate --import-pulse-json %t.json -o %t.imported.mlir
// RUN: qopt-translate --export-pulse-json %t.imported.mlir | diff %t.json -
// RUN: FileCheck %s --check-prefix=IMPORTED --input-file=%t.imported.mlir
//
// Every instruction kind, sampled waveforms and two schedules:
// RUN: qopt-translate --export-pulse-json %S/Inputs/pulse-handwritten.mlir -o %t.kinds.json
// RUN: FileCheck %s --check-prefix=KINDS --input-file=%t.kinds.json
// RUN: qopt-translate --import-pulse-json %t.kinds.json | qopt-translate --export-pulse-json | diff %t.kinds.json -

// The numbers are belem's calibration (Inputs/belem-cut/defs_belem.json):
// sx on q0 is the DRAG pulse with amp [0.11611164023256612,
// 0.005202666592278983], sigma 40 and beta -2.4030014266125312 (the
// imaginary part comes back from polar form within an ulp); rz(0.5) is
// fc -0.5 on d0 and u1; the cx plays the cross-resonance gaussian_square on
// u1 with amp [-0.1403867972196908, -0.029393107462631535]; each measure
// plays its stimulus on m<i>, acquires a<i> into its memory slot and idles
// m<i> for 1680 dt.
// CHECK:      "format": "qopt-pulse-v1",
// CHECK-NEXT: "dt_ns": 0.2222222222222222,
// CHECK-NEXT: "schedules": [
// CHECK:      "name": "bell",
// CHECK-NEXT: "duration_dt": 27888,
// CHECK-NEXT: "duration_ns": 6197.333333333333,
// CHECK-NEXT: "memory_slots": 2,
// CHECK-NEXT: "instructions": [
// CHECK-NEXT: {"t0":0,"ch":"d0","name":"parametric_pulse","pulse_shape":"drag","parameters":{"amp":[0.11611164023256612,0.00520266659227898{{[0-9]}}],"duration":160,"sigma":40,"beta":-2.4030014266125312}},
// CHECK-NEXT: {"t0":160,"name":"barrier","channels":["d0","u1"]},
// CHECK-NEXT: {"t0":160,"ch":"d0","name":"fc","phase":-0.5},
// CHECK-NEXT: {"t0":160,"ch":"u1","name":"fc","phase":-0.5},
// CHECK:      {"t0":320,"ch":"u1","name":"parametric_pulse","pulse_shape":"gaussian_square","parameters":{"amp":[-0.1403867972196908,-0.029393107462631535],"duration":1584,"sigma":64,"width":1328}},
// CHECK:      {"t0":3808,"ch":"m0","name":"parametric_pulse","pulse_shape":"gaussian_square","parameters":{"amp":[0.00021361106067258886,0.02999923949560652],"duration":22400,"sigma":64,"width":22144}},
// CHECK-NEXT: {"t0":3808,"ch":"a0","name":"acquire","duration":22400,"qubits":[0],"memory_slot":[0]},
// CHECK:      {"t0":3808,"ch":"a1","name":"acquire","duration":22400,"qubits":[1],"memory_slot":[1]},
// CHECK-NEXT: {"t0":26208,"ch":"m0","name":"delay","duration":1680},
// CHECK-NEXT: {"t0":26208,"ch":"m1","name":"delay","duration":1680},
// CHECK:      "pulse_library": []

// IMPORTED:      pulse.schedule @bell() -> (i1, i1) attributes {dt = 0.22222222222222221 : f64, duration = 27888 : i64}
// IMPORTED:      pulse.drag
// IMPORTED-SAME: : !pulse.waveform<160>
// IMPORTED:      %[[BIT0:.*]] = pulse.capture %a0, 22400 at 3808 : !pulse.acquire
// IMPORTED:      %[[BIT1:.*]] = pulse.capture %a1, 22400 at 3808 : !pulse.acquire
// IMPORTED:      pulse.return %[[BIT0]], %[[BIT1]] : i1, i1

// KINDS:      "dt_ns": 0.5,
// KINDS:      "name": "kinds",
// KINDS-NEXT: "duration_dt": 120,
// KINDS-NEXT: "duration_ns": 60,
// KINDS-NEXT: "memory_slots": 1,
// KINDS-NEXT: "instructions": [
// KINDS-NEXT: {"t0":0,"ch":"d0","name":"setf","frequency":5},
// KINDS-NEXT: {"t0":0,"ch":"d0","name":"setp","phase":0},
// KINDS-NEXT: {"t0":0,"ch":"d0","name":"parametric_pulse","pulse_shape":"gaussian","parameters":{"amp":[0.3535533905932738,0.35355339059327373],"duration":16,"sigma":4}},
// KINDS-NEXT: {"t0":16,"ch":"d0","name":"shiftf","frequency":0.001},
// KINDS-NEXT: {"t0":16,"ch":"d0","name":"fc","phase":1.5707963267948966},
// KINDS-NEXT: {"t0":16,"ch":"d0","name":"sampled_0"},
// KINDS-NEXT: {"t0":20,"ch":"d0","name":"delay","duration":4},
// KINDS-NEXT: {"t0":24,"ch":"d0","name":"parametric_pulse","pulse_shape":"drag","parameters":{"amp":[3.061616997868383e-17,0.5],"duration":16,"sigma":4,"beta":-0.25}},
// KINDS-NEXT: {"t0":40,"name":"barrier","channels":["d0","m0","a0"]},
// KINDS-NEXT: {"t0":40,"ch":"m0","name":"parametric_pulse","pulse_shape":"gaussian_square","parameters":{"amp":[0.5,0],"duration":24,"sigma":4,"width":8}},
// KINDS-NEXT: {"t0":40,"ch":"a0","name":"acquire","duration":80,"qubits":[0],"memory_slot":[0]},
// KINDS-NEXT: {"t0":64,"ch":"m0","name":"parametric_pulse","pulse_shape":"constant","parameters":{"amp":[0.5,0],"duration":56}}
// KINDS-NEXT: ]
// A capture whose bit is not returned has no memory slot; the same samples
// in two schedules are one library entry.
// KINDS:      "name": "second",
// KINDS:      "memory_slots": 0,
// KINDS-NEXT: "instructions": [
// KINDS-NEXT: {"t0":0,"ch":"a1","name":"acquire","duration":8,"qubits":[1]},
// KINDS-NEXT: {"t0":4,"ch":"d1","name":"sampled_0"}
// KINDS:      "pulse_library": [
// KINDS-NEXT: {"name":"sampled_0","samples":{{\[\[}}0,0],[0.25,0.25],[0.5,0],[0.25,-0.25]]}
// KINDS-NEXT: ]
