// What the pulse exports reject, with the message and where it points; the
// qopt driver's --emit errors; and no output file on failure.
// RUN: qopt-translate --export-pulse-json -split-input-file -verify-diagnostics %s
// RUN: not qopt-translate --export-openpulse -split-input-file %s 2>&1 | FileCheck %s --check-prefix=OPENPULSE
// RUN: not qopt-translate --export-pulse-svg -split-input-file %s 2>&1 | FileCheck %s --check-prefix=SVG
//
// RUN: not qopt %S/Inputs/pulse-bell.mlir --emit=bogus 2>&1 | FileCheck %s --check-prefix=BOGUS
// RUN: not qopt %S/Inputs/pulse-bell.mlir --emit=svg -split-input-file 2>&1 | FileCheck %s --check-prefix=SPLIT
// A failed export leaves no output file, and an existing one as it was:
// RUN: rm -f %t.json
// RUN: not qopt %S/Inputs/pulse-bell.mlir --target=%S/../Pulse/Inputs/belem-cut --lower-to-pulse --emit=pulse-json -o %t.json 2>&1 | FileCheck %s --check-prefix=UNSCHEDULED
// RUN: test ! -e %t.json
// RUN: echo previous > %t.kept.svg
// RUN: not qopt %S/Inputs/pulse-bell.mlir --emit=svg -o %t.kept.svg 2>&1 | FileCheck %s --check-prefix=NO-SCHEDULE
// RUN: FileCheck %s --check-prefix=KEPT --input-file=%t.kept.svg
// RUN: ls %t.kept.svg* | count 1

// BOGUS: error: unknown --emit format 'bogus'; expected mlir, pulse-json, openpulse or svg
// SPLIT: error: --emit=svg writes one module and cannot be combined with -split-input-file
// UNSCHEDULED: pulse-bell.mlir:4:1: error: 'pulse.schedule' op @bell is not scheduled; run --schedule-pulses before exporting it
// NO-SCHEDULE: pulse-bell.mlir:{{[0-9]+:[0-9]+}}: error: no pulse.schedule to export; lower the circuit with --lower-to-pulse --schedule-pulses first
// KEPT: previous

// OPENPULSE: error: no pulse.schedule to export
// OPENPULSE: error: 'pulse.schedule' op @unscheduled is not scheduled
// OPENPULSE: error: 'pulse.gaussian' op amp is not a constant
// OPENPULSE: error: 'pulse.shift_phase' op phase is not a constant
// OPENPULSE: error: 'pulse.return' op result #0 is not the bit of a pulse.capture
// SVG: error: no pulse.schedule to export
// SVG: error: 'pulse.schedule' op @unscheduled is not scheduled
// SVG: error: 'pulse.gaussian' op amp is not a constant
// SVG: error: 'pulse.shift_phase' op phase is not a constant
// SVG-NOT: pulse.capture

// expected-error @below {{no pulse.schedule to export; lower the circuit with --lower-to-pulse --schedule-pulses first}}
module {
  func.func @circuit() {
    return
  }
}

// -----

// expected-error @below {{'pulse.schedule' op @unscheduled is not scheduled; run --schedule-pulses before exporting it}}
pulse.schedule @unscheduled() attributes {dt = 0.5 : f64} {
  %d0 = pulse.channel d0
  pulse.delay %d0, 16 : !pulse.drive
  pulse.return
}

// -----

pulse.schedule @symbolic_amplitude(%amp: f64) attributes {dt = 0.5 : f64, duration = 16 : i64} {
  %d0 = pulse.channel d0
  %zero = arith.constant 0.0 : f64
  %sigma = arith.constant 4.0 : f64
  // expected-error @below {{'pulse.gaussian' op amp is not a constant; bind the schedule's parameters before exporting it}}
  %w = pulse.gaussian(%amp, %zero, %sigma) : !pulse.waveform<16>
  pulse.play %d0, %w at 0 : !pulse.drive, !pulse.waveform<16>
  pulse.return
}

// -----

pulse.schedule @symbolic_phase(%theta: f64) attributes {dt = 0.5 : f64, duration = 0 : i64} {
  %d0 = pulse.channel d0
  // expected-error @below {{'pulse.shift_phase' op phase is not a constant; bind the schedule's parameters before exporting it}}
  pulse.shift_phase %d0, %theta at 0 : !pulse.drive
  pulse.return
}

// -----

pulse.schedule @constant_result() -> i1 attributes {dt = 0.5 : f64, duration = 0 : i64} {
  %true = arith.constant true
  // expected-error @below {{'pulse.return' op result #0 is not the bit of a pulse.capture; exported results are the captures' memory slots, or constant 0 for bits never measured}}
  pulse.return %true : i1
}

// -----

pulse.schedule @same_bit_twice() -> (i1, i1) attributes {dt = 0.5 : f64, duration = 8 : i64} {
  %a0 = pulse.channel a0
  %bit = pulse.capture %a0, 8 at 0 : !pulse.acquire
  // expected-error @below {{'pulse.return' op result #1 returns the same captured bit as result #0; each capture has one memory slot}}
  pulse.return %bit, %bit : i1, i1
}

// -----

// The JSON alone needs physical time.
// expected-error @below {{'pulse.schedule' op @no_dt has no 'dt' (the sample time in ns that lower-to-pulse records from the target)}}
pulse.schedule @no_dt() attributes {duration = 8 : i64} {
  %d0 = pulse.channel d0
  pulse.delay %d0, 8 at 0 : !pulse.drive
  pulse.return
}

// -----

pulse.schedule @first() attributes {dt = 0.5 : f64, duration = 0 : i64} {
  pulse.return
}
// expected-error @below {{'pulse.schedule' op @second has dt = 0.25 ns but @first has 0.5 ns; the pulse JSON has one dt}}
pulse.schedule @second() attributes {dt = 0.25 : f64, duration = 0 : i64} {
  pulse.return
}
