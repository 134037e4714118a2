// Every pulse verifier error, with its exact message and location.
// RUN: qopt %s -split-input-file -verify-diagnostics

pulse.schedule @zero_duration() {
  %amp = arith.constant 0.2 : f64
  // expected-error @below {{waveform duration must be a positive number of dt, got 0}}
  %w = pulse.constant(%amp, %amp) : !pulse.waveform<0>
  pulse.return
}

// -----

pulse.schedule @amplitude_above_one() {
  %amp = arith.constant 1.5 : f64
  %zero = arith.constant 0.0 : f64
  %sigma = arith.constant 40.0 : f64
  // expected-error @below {{'pulse.drag' op amplitude magnitude must be at most 1, got 1.5}}
  %w = pulse.drag(%amp, %zero, %sigma, %zero) : !pulse.waveform<160>
  pulse.return
}

// -----

pulse.schedule @nonpositive_sigma() {
  %amp = arith.constant 0.5 : f64
  %zero = arith.constant 0.0 : f64
  // expected-error @below {{'pulse.gaussian' op sigma must be positive, got 0}}
  %w = pulse.gaussian(%amp, %zero, %zero) : !pulse.waveform<160>
  pulse.return
}

// -----

pulse.schedule @width_above_duration() {
  %amp = arith.constant 0.5 : f64
  %zero = arith.constant 0.0 : f64
  %sigma = arith.constant 64.0 : f64
  %width = arith.constant 2000.0 : f64
  // expected-error @below {{'pulse.gaussian_square' op width must lie in [0, duration = 1584], got 2000}}
  %w = pulse.gaussian_square(%amp, %zero, %sigma, %width) : !pulse.waveform<1584>
  pulse.return
}

// -----

pulse.schedule @nan_angle() {
  %amp = arith.constant 0.5 : f64
  %nan = arith.constant 0x7FF8000000000000 : f64
  // expected-error @below {{'pulse.constant' op angle is not finite}}
  %w = pulse.constant(%amp, %nan) : !pulse.waveform<16>
  pulse.return
}

// -----

pulse.schedule @sampled_length() {
  // expected-error @below {{'pulse.sampled' op has 2 samples but the waveform lasts 3 dt (samples are interleaved real, imaginary)}}
  %w = pulse.sampled [0.0, 0.0, 0.1, 0.0] : !pulse.waveform<3>
  pulse.return
}

// -----

pulse.schedule @sample_above_one() {
  // expected-error @below {{'pulse.sampled' op sample 1 has modulus 1.25, above 1}}
  %w = pulse.sampled [0.0, 0.0, 0.75, 1.0] : !pulse.waveform<2>
  pulse.return
}

// -----

pulse.schedule @delay_not_positive() {
  %d0 = pulse.channel d0
  // expected-error @below {{'pulse.delay' op attribute 'duration' failed to satisfy constraint: 64-bit signless integer attribute whose value is positive}}
  pulse.delay %d0, 0 : !pulse.drive
  pulse.return
}

// -----

pulse.schedule @capture_on_drive() {
  %d0 = pulse.channel d0
  // expected-error @below {{'pulse.capture' op captures on an acquire channel a<i>, not '!pulse.drive'}}
  %bit = pulse.capture %d0, 100 : !pulse.drive
  pulse.return
}

// -----

pulse.schedule @bad_channel_name() {
  // expected-error @below {{expected a channel name d<i>, u<k>, m<i> or a<i>, got 'q0'}}
  %q0 = pulse.channel q0
  pulse.return
}

// -----

pulse.schedule @overlapping_plays() attributes {duration = 300 : i64} {
  %d0 = pulse.channel d0
  %amp = arith.constant 0.2 : f64
  %zero = arith.constant 0.0 : f64
  %sigma = arith.constant 40.0 : f64
  %x = pulse.drag(%amp, %zero, %sigma, %zero) : !pulse.waveform<160>
  pulse.play %d0, %x at 0 : !pulse.drive, !pulse.waveform<160>
  // expected-error @below {{'pulse.play' op starts at 140 on channel d0, before the previous operation there ends at 160}}
  pulse.play %d0, %x at 140 : !pulse.drive, !pulse.waveform<160>
  pulse.return
}

// -----

pulse.schedule @barrier_too_early() attributes {duration = 320 : i64} {
  %d0 = pulse.channel d0
  %d1 = pulse.channel d1
  %amp = arith.constant 0.2 : f64
  %zero = arith.constant 0.0 : f64
  %sigma = arith.constant 40.0 : f64
  %x = pulse.drag(%amp, %zero, %sigma, %zero) : !pulse.waveform<160>
  pulse.play %d0, %x at 0 : !pulse.drive, !pulse.waveform<160>
  // expected-error @below {{'pulse.barrier' op starts at 100 on channel d0, before the previous operation there ends at 160}}
  pulse.barrier %d0, %d1 at 100 : !pulse.drive, !pulse.drive
  pulse.play %d1, %x at 160 : !pulse.drive, !pulse.waveform<160>
  pulse.return
}

// -----

pulse.schedule @partly_scheduled() attributes {duration = 160 : i64} {
  %d0 = pulse.channel d0
  %amp = arith.constant 0.2 : f64
  %zero = arith.constant 0.0 : f64
  %sigma = arith.constant 40.0 : f64
  %x = pulse.drag(%amp, %zero, %sigma, %zero) : !pulse.waveform<160>
  pulse.play %d0, %x at 0 : !pulse.drive, !pulse.waveform<160>
  // expected-error @below {{'pulse.shift_phase' op has no start time, but other operations in the schedule do: a schedule is timed entirely or not at all}}
  pulse.shift_phase %d0, %zero : !pulse.drive
  pulse.return
}

// -----

// expected-error @below {{'pulse.schedule' op duration 200 differs from the end of its last operation, 160}}
pulse.schedule @wrong_duration() attributes {duration = 200 : i64} {
  %d0 = pulse.channel d0
  %amp = arith.constant 0.2 : f64
  %zero = arith.constant 0.0 : f64
  %sigma = arith.constant 40.0 : f64
  %x = pulse.drag(%amp, %zero, %sigma, %zero) : !pulse.waveform<160>
  pulse.play %d0, %x at 0 : !pulse.drive, !pulse.waveform<160>
  pulse.return
}

// -----

// expected-error @below {{'pulse.schedule' op has timed operations but no duration}}
pulse.schedule @no_duration() {
  %d0 = pulse.channel d0
  %zero = arith.constant 0.0 : f64
  pulse.shift_phase %d0, %zero at 0 : !pulse.drive
  pulse.return
}

// -----

pulse.schedule @negative_start() attributes {duration = 0 : i64} {
  %d0 = pulse.channel d0
  %zero = arith.constant 0.0 : f64
  // expected-error @below {{'pulse.shift_phase' op starts at negative time -5}}
  pulse.shift_phase %d0, %zero at -5 : !pulse.drive
  pulse.return
}

// -----

// expected-error @below {{'pulse.schedule' op dt must be a positive number of ns, got -1}}
pulse.schedule @negative_dt() attributes {dt = -1.0 : f64} {
  pulse.return
}

// -----

pulse.schedule @channel_argument(%d0: !pulse.drive) {
  %zero = arith.constant 0.0 : f64
  // expected-error @below {{'pulse.shift_phase' op uses a channel that is not made by pulse.channel in this schedule}}
  pulse.shift_phase %d0, %zero : !pulse.drive
  pulse.return
}

// -----

pulse.schedule @return_mismatch() -> i1 {
  // expected-error @below {{'pulse.return' op operand types do not match the schedule's results}}
  pulse.return
}

// -----

pulse.schedule @empty_barrier() {
  // expected-error @below {{'pulse.barrier' op needs at least one channel}}
  "pulse.barrier"() : () -> ()
  pulse.return
}

// -----

pulse.schedule @waveform_too_long() {
  %amp = arith.constant 0.2 : f64
  // expected-error @below {{waveform duration 16777217 dt is beyond the limit of 16777216 samples}}
  %w = pulse.constant(%amp, %amp) : !pulse.waveform<16777217>
  pulse.return
}

// -----

pulse.schedule @delay_too_long() {
  %d0 = pulse.channel d0
  // expected-error @below {{'pulse.delay' op lasts 1099511627777 dt, beyond the limit of 1099511627776}}
  pulse.delay %d0, 1099511627777 : !pulse.drive
  pulse.return
}

// -----

pulse.schedule @start_too_late() attributes {duration = 9223372036854775807 : i64} {
  %d0 = pulse.channel d0
  %zero = arith.constant 0.0 : f64
  // expected-error @below {{'pulse.shift_phase' op starts at 9223372036854775807 dt, beyond the limit of 1099511627776}}
  pulse.shift_phase %d0, %zero at 9223372036854775807 : !pulse.drive
  pulse.return
}
