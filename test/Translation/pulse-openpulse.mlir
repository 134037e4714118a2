// OpenQASM 3 with OpenPulse from a small circuit lowered and scheduled on the
// cut-down belem calibration, and from hand-written schedules without a
// target.
// RUN: qopt %S/Inputs/pulse-bell.mlir --target=%S/../Pulse/Inputs/belem-cut --lower-to-pulse --schedule-pulses --emit=openpulse 2>/dev/null | FileCheck %s
// RUN: qopt-translate --export-openpulse %S/Inputs/pulse-handwritten.mlir | FileCheck %s --check-prefix=KINDS

// CHECK:      OPENQASM 3.0;
// CHECK-NEXT: defcalgrammar "openpulse";
// CHECK:      // @bell: 27888 dt of 0.2222222222222222 ns (6197.3 ns)
// CHECK-NEXT: // Frame frequencies (Hz) from target 'belem': qubit_freq_est for d<i>,
// CHECK:      bit[2] c_bell;
// CHECK:      cal {
// CHECK-NEXT:   extern gaussian_square(complex[float[64]], duration, duration, duration) -> waveform;
// CHECK-NEXT:   extern drag(complex[float[64]], duration, duration, float[64]) -> waveform;
// CHECK-NEXT:   extern capture_v2(frame, duration) -> bit;
// CHECK-EMPTY:
// CHECK-NEXT:   extern port d0;
// CHECK-NEXT:   extern port d1;
// CHECK-NEXT:   extern port u0;
// CHECK-NEXT:   extern port u1;
// CHECK-NEXT:   extern port u4;
// CHECK-NEXT:   extern port u5;
// CHECK-NEXT:   extern port m0;
// CHECK-NEXT:   extern port m1;
// CHECK-NEXT:   extern port a0;
// CHECK-NEXT:   extern port a1;
// Frequencies from defs_belem.json: qubit_freq_est [5.090167234445013,
// 5.245306068285918, ...] GHz, meas_freq_est [7.301661824000001,
// 7.3934280470000004, ...] GHz; u1 drives qubit 1 at qubit 0's frequency
// (conf_belem.json: u1 operates on [1, 0]).
// CHECK-NEXT:   frame d0_frame = newframe(d0, 5090167234.445013, 0.0);
// CHECK-NEXT:   frame d1_frame = newframe(d1, 5245306068.28591{{[0-9]}}, 0.0);
// CHECK-NEXT:   frame u0_frame = newframe(u0, 5245306068.28591{{[0-9]}}, 0.0);
// CHECK-NEXT:   frame u1_frame = newframe(u1, 5090167234.445013, 0.0);
// CHECK:        frame m0_frame = newframe(m0, 7301661824.{{[0-9]*}}, 0.0);
// CHECK:        frame a0_frame = newframe(a0, 7301661824.{{[0-9]*}}, 0.0);
// CHECK:        waveform w0 = drag(0.11611164023256612 + 0.00520266659227898{{[0-9]}}im, 160dt, 40dt, -2.4030014266125312);
// CHECK:        waveform w4 = gaussian_square(-0.1403867972196908 - 0.029393107462631535im, 1584dt, 1328dt, 64dt);
// CHECK:        waveform w9 = gaussian_square(0.00021361106067258886 + 0.02999923949560652im, 22400dt, 22144dt, 64dt);
// CHECK:      }
// The body in time order: each frame's clock reaches an instruction's start
// through the instructions before it and explicit delays.
// CHECK:      // @bell
// CHECK-NEXT: cal {
// CHECK-NEXT:   play(d0_frame, w0);
// CHECK-NEXT:   barrier d0_frame, u1_frame;
// CHECK-NEXT:   shift_phase(d0_frame, -0.5);
// CHECK-NEXT:   shift_phase(u1_frame, -0.5);
// CHECK-NEXT:   barrier d0_frame, d1_frame, u0_frame, u1_frame, u4_frame, u5_frame;
// CHECK-NEXT:   shift_phase(d0_frame, -3.141592653589793);
// CHECK-NEXT:   play(d0_frame, w1);
// CHECK:        shift_phase(u1_frame, -3.141592653589793);
// CHECK-NEXT:   delay[160dt] u1_frame;
// CHECK:        play(u1_frame, w4);
// CHECK:        barrier d0_frame, m0_frame, a0_frame;
// CHECK-NEXT:   play(m0_frame, w9);
// CHECK-NEXT:   c_bell[0] = capture_v2(a0_frame, 22400dt);
// CHECK:        c_bell[1] = capture_v2(a1_frame, 22400dt);
// CHECK-NEXT:   delay[1680dt] m0_frame;
// CHECK-NEXT:   delay[1680dt] m1_frame;
// CHECK:      }

// KINDS:      // @kinds: 120 dt of 0.5 ns (60.0 ns)
// KINDS-NEXT: // @second: 8 dt of 0.5 ns (4.0 ns)
// KINDS-NEXT: // No target is recorded on the module (compile with --target), so every
// KINDS-NEXT: // frame frequency is written as 0.0.
// KINDS:      bit[1] c_kinds;
// KINDS-NOT:  bit[
// KINDS:      extern gaussian(complex[float[64]], duration, duration) -> waveform;
// KINDS:      extern constant(complex[float[64]], duration) -> waveform;
// KINDS:      frame d0_frame = newframe(d0, 0.0, 0.0);
// KINDS:      waveform w0 = gaussian(0.3535533905932738 + 0.35355339059327373im, 16dt, 4dt);
// KINDS-NEXT: waveform w1 = {0.0 + 0.0im, 0.25 + 0.25im, 0.5 + 0.0im, 0.25 - 0.25im};
// KINDS-NEXT: waveform w2 = drag(3.061616997868383e-17 + 0.5im, 16dt, 4dt, -0.25);
// KINDS-NEXT: waveform w3 = gaussian_square(0.5 + 0.0im, 24dt, 8dt, 4dt);
// KINDS-NEXT: waveform w4 = constant(0.5 + 0.0im, 56dt);
// Frequencies in Hz (the IR has GHz), phases in radians.
// KINDS:      // @kinds
// KINDS-NEXT: cal {
// KINDS-NEXT:   set_frequency(d0_frame, 5000000000.0);
// KINDS-NEXT:   set_phase(d0_frame, 0.0);
// KINDS-NEXT:   play(d0_frame, w0);
// KINDS-NEXT:   shift_frequency(d0_frame, 1000000.0);
// KINDS-NEXT:   shift_phase(d0_frame, 1.5707963267948966);
// KINDS-NEXT:   play(d0_frame, w1);
// KINDS-NEXT:   delay[4dt] d0_frame;
// KINDS-NEXT:   play(d0_frame, w2);
// KINDS-NEXT:   barrier d0_frame, m0_frame, a0_frame;
// KINDS-NEXT:   play(m0_frame, w3);
// KINDS-NEXT:   c_kinds[0] = capture_v2(a0_frame, 80dt);
// KINDS-NEXT:   play(m0_frame, w4);
// KINDS-NEXT: }
// The second schedule starts once every frame is done with the first; its
// d1 play waits 4 dt, its capture's bit is not returned.
// KINDS:      // @second
// KINDS-NEXT: cal {
// KINDS-NEXT:   barrier d0_frame, d1_frame, m0_frame, a0_frame, a1_frame;
// KINDS-NEXT:   capture_v2(a1_frame, 8dt);
// KINDS-NEXT:   delay[4dt] d1_frame;
// KINDS-NEXT:   play(d1_frame, w1);
// KINDS-NEXT: }
