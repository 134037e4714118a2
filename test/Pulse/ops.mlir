// Every pulse op parses, verifies and prints back; the printed form parses
// again to the same thing.
// RUN: qopt %s | FileCheck %s
// RUN: qopt %s | qopt | FileCheck %s

// CHECK-LABEL: pulse.schedule @unscheduled(%{{.*}}: f64) -> i1
// CHECK-DAG: %d0 = pulse.channel d0
// CHECK-DAG: %u3 = pulse.channel u3
// CHECK-DAG: %m0 = pulse.channel m0
// CHECK-DAG: %a0 = pulse.channel a0
// CHECK: pulse.gaussian(%{{.*}}, %{{.*}}, %{{.*}}) : !pulse.waveform<64>
// CHECK: pulse.gaussian_square(%{{.*}}, %{{.*}}, %{{.*}}, %{{.*}}) : !pulse.waveform<1584>
// CHECK: pulse.drag(%{{.*}}, %{{.*}}, %{{.*}}, %{{.*}}) : !pulse.waveform<160>
// CHECK: pulse.constant(%{{.*}}, %{{.*}}) : !pulse.waveform<16>
// CHECK: pulse.sampled [0.000000e+00, 0.000000e+00, 1.000000e-01, 2.000000e-01] : !pulse.waveform<2>
// CHECK: pulse.shift_phase %d0, %{{.*}} : !pulse.drive
// CHECK: pulse.set_phase %u3, %{{.*}} : !pulse.control
// CHECK: pulse.shift_frequency %d0, %{{.*}} : !pulse.drive
// CHECK: pulse.set_frequency %m0, %{{.*}} : !pulse.measure
// CHECK: pulse.play %d0, %{{.*}} : !pulse.drive, !pulse.waveform<160>
// CHECK: pulse.delay %u3, 100 : !pulse.control
// CHECK: pulse.barrier %d0, %u3, %m0, %a0 : !pulse.drive, !pulse.control, !pulse.measure, !pulse.acquire
// CHECK: %[[BIT:.*]] = pulse.capture %a0, 22400 : !pulse.acquire
// CHECK: pulse.return %[[BIT]] : i1
pulse.schedule @unscheduled(%theta: f64) -> i1 {
  %d0 = pulse.channel d0
  %u3 = pulse.channel u3
  %m0 = pulse.channel m0
  %a0 = pulse.channel a0
  %amp = arith.constant 0.2 : f64
  %zero = arith.constant 0.0 : f64
  %sigma = arith.constant 16.0 : f64
  %width = arith.constant 1328.0 : f64
  %beta = arith.constant -2.4 : f64
  %g = pulse.gaussian(%amp, %zero, %sigma) : !pulse.waveform<64>
  %cr = pulse.gaussian_square(%amp, %theta, %sigma, %width) : !pulse.waveform<1584>
  %x = pulse.drag(%theta, %zero, %sigma, %beta) : !pulse.waveform<160>
  %flat = pulse.constant(%amp, %zero) : !pulse.waveform<16>
  %s = pulse.sampled [0.0, 0.0, 0.1, 0.2] : !pulse.waveform<2>
  pulse.shift_phase %d0, %theta : !pulse.drive
  pulse.set_phase %u3, %zero : !pulse.control
  pulse.shift_frequency %d0, %amp : !pulse.drive
  pulse.set_frequency %m0, %amp : !pulse.measure
  pulse.play %d0, %x : !pulse.drive, !pulse.waveform<160>
  pulse.delay %u3, 100 : !pulse.control
  pulse.barrier %d0, %u3, %m0, %a0 : !pulse.drive, !pulse.control, !pulse.measure, !pulse.acquire
  %bit = pulse.capture %a0, 22400 : !pulse.acquire
  pulse.return %bit : i1
}

// A scheduled program: back-to-back plays on one channel, a barrier at the
// time its last channel frees up, and the duration at the last end.
// CHECK-LABEL: pulse.schedule @scheduled()
// CHECK-SAME: attributes {dt = 0.2222{{[0-9]*}} : f64, duration = 480 : i64}
// CHECK: pulse.play %d0, %{{.*}} at 0 : !pulse.drive, !pulse.waveform<160>
// CHECK: pulse.play %d0, %{{.*}} at 160 : !pulse.drive, !pulse.waveform<160>
// CHECK: pulse.barrier %d0, %d1 at 320 : !pulse.drive, !pulse.drive
// CHECK: pulse.play %d1, %{{.*}} at 320 : !pulse.drive, !pulse.waveform<160>
pulse.schedule @scheduled() attributes {dt = 0.2222222222222222 : f64, duration = 480 : i64} {
  %d0 = pulse.channel d0
  %d1 = pulse.channel d1
  %amp = arith.constant 0.2 : f64
  %zero = arith.constant 0.0 : f64
  %sigma = arith.constant 40.0 : f64
  %x = pulse.drag(%amp, %zero, %sigma, %zero) : !pulse.waveform<160>
  pulse.play %d0, %x at 0 : !pulse.drive, !pulse.waveform<160>
  pulse.play %d0, %x at 160 : !pulse.drive, !pulse.waveform<160>
  pulse.barrier %d0, %d1 at 320 : !pulse.drive, !pulse.drive
  pulse.play %d1, %x at 320 : !pulse.drive, !pulse.waveform<160>
  pulse.return
}
