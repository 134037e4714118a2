// Two scheduled pulse programs written by hand, without a target, that use
// every instruction kind the pulse exports know: each waveform shape, all
// four frame changes, a delay, a capture whose bit is returned and one whose
// bit is not, and barriers. Used by the pulse-*.mlir tests.
module {
  pulse.schedule @kinds() -> i1 attributes {dt = 0.5 : f64, duration = 120 : i64} {
    %d0 = pulse.channel d0
    %m0 = pulse.channel m0
    %a0 = pulse.channel a0
    %half = arith.constant 0.5 : f64
    %zero = arith.constant 0.0 : f64
    %quarter_turn = arith.constant 1.5707963267948966 : f64
    %eighth_turn = arith.constant 0.78539816339744828 : f64
    %sigma = arith.constant 4.0 : f64
    %width = arith.constant 8.0 : f64
    %beta = arith.constant -0.25 : f64
    %ghz = arith.constant 5.0 : f64
    %mhz = arith.constant 1.0e-3 : f64
    %gauss = pulse.gaussian(%half, %eighth_turn, %sigma) : !pulse.waveform<16>
    %square = pulse.gaussian_square(%half, %zero, %sigma, %width) : !pulse.waveform<24>
    %drag = pulse.drag(%half, %quarter_turn, %sigma, %beta) : !pulse.waveform<16>
    %flat = pulse.constant(%half, %zero) : !pulse.waveform<56>
    %steps = pulse.sampled [0.0, 0.0, 0.25, 0.25, 0.5, 0.0, 0.25, -0.25] : !pulse.waveform<4>
    pulse.set_frequency %d0, %ghz at 0 : !pulse.drive
    pulse.set_phase %d0, %zero at 0 : !pulse.drive
    pulse.play %d0, %gauss at 0 : !pulse.drive, !pulse.waveform<16>
    pulse.shift_frequency %d0, %mhz at 16 : !pulse.drive
    pulse.shift_phase %d0, %quarter_turn at 16 : !pulse.drive
    pulse.play %d0, %steps at 16 : !pulse.drive, !pulse.waveform<4>
    pulse.delay %d0, 4 at 20 : !pulse.drive
    pulse.play %d0, %drag at 24 : !pulse.drive, !pulse.waveform<16>
    pulse.barrier %d0, %m0, %a0 at 40 : !pulse.drive, !pulse.measure, !pulse.acquire
    pulse.play %m0, %square at 40 : !pulse.measure, !pulse.waveform<24>
    pulse.play %m0, %flat at 64 : !pulse.measure, !pulse.waveform<56>
    %bit = pulse.capture %a0, 80 at 40 : !pulse.acquire
    pulse.return %bit : i1
  }
  pulse.schedule @second() attributes {dt = 0.5 : f64, duration = 8 : i64} {
    %d1 = pulse.channel d1
    %a1 = pulse.channel a1
    %steps = pulse.sampled [0.0, 0.0, 0.25, 0.25, 0.5, 0.0, 0.25, -0.25] : !pulse.waveform<4>
    pulse.play %d1, %steps at 4 : !pulse.drive, !pulse.waveform<4>
    %unused = pulse.capture %a1, 8 at 0 : !pulse.acquire
    pulse.return
  }
}
