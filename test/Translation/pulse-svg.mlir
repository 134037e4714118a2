// The SVG picture of a small circuit lowered and scheduled on the cut-down
// belem calibration, and of hand-written schedules: well-formed XML with one
// lane per channel the schedule uses (sorted d, u, m, a, then by index), the
// same bytes on every run.
// RUN: qopt %S/Inputs/pulse-bell.mlir --target=%S/../Pulse/Inputs/belem-cut --lower-to-pulse --schedule-pulses --emit=svg -o %t.svg 2>/dev/null
// RUN: python3 -c "import sys, xml.etree.ElementTree as ET; root = ET.parse(sys.argv[1]).getroot(); ns = '{http://www.w3.org/2000/svg}'; [print(s.get('data-name') + ':', *[g.get('data-channel') for g in s.iter(ns + 'g') if g.get('class') == 'lane']) for s in root.iter(ns + 'g') if s.get('class') == 'schedule']" %t.svg | FileCheck %s --check-prefix=LANES
// RUN: FileCheck %s --input-file=%t.svg
// RUN: qopt %S/Inputs/pulse-bell.mlir --target=%S/../Pulse/Inputs/belem-cut --lower-to-pulse --schedule-pulses --emit=svg 2>/dev/null | cmp %t.svg -
//
// RUN: qopt-translate --export-pulse-svg %S/Inputs/pulse-handwritten.mlir -o %t.kinds.svg
// RUN: python3 -c "import sys, xml.etree.ElementTree as ET; root = ET.parse(sys.argv[1]).getroot(); ns = '{http://www.w3.org/2000/svg}'; [print(s.get('data-name') + ':', *[g.get('data-channel') for g in s.iter(ns + 'g') if g.get('class') == 'lane']) for s in root.iter(ns + 'g') if s.get('class') == 'schedule']" %t.kinds.svg | FileCheck %s --check-prefix=KINDS-LANES
// RUN: FileCheck %s --check-prefix=KINDS --input-file=%t.kinds.svg

// LANES:      bell: d0 d1 u0 u1 u4 u5 m0 m1 a0 a1
// LANES-NOT:  {{.}}

// CHECK:      <?xml version="1.0" encoding="UTF-8"?>
// CHECK-NEXT: <svg xmlns="http://www.w3.org/2000/svg" width="1200.0" height="{{[0-9.]+}}"
// CHECK-NEXT: <title>qopt pulse schedule @bell</title>
// CHECK:      @bell: 27888 dt × 0.2222 ns = 6197.3 ns
// At 160 dt, rz(0.5) shifts the phase of d0 by -0.5 and the cx's
// calibration by -π more: one marker with the sum; on d1 the cx shifts by
// -π/2.
// CHECK:      <g class="lane" data-channel="d0">
// CHECK:      <g class="play"><polygon points="{{[0-9., ]+}}" fill="#648fff"{{.*}}<title>drag, 160 dt, on d0 at 0 dt</title></g>
// CHECK:      <g class="frame-change">{{.*}}>−3.64</text><title>−3.64 at 160 dt</title></g>
// CHECK-NOT:  <g class="frame-change">{{.*}} at 160 dt</title>
// CHECK:      <g class="lane" data-channel="d1">
// CHECK:      <g class="frame-change">{{.*}}<title>−π/2 at 160 dt</title></g>
// CHECK:      <g class="lane" data-channel="u1">
// CHECK:      <title>gaussian_square, 1584 dt, on u1 at 320 dt</title>
// CHECK:      <g class="lane" data-channel="a0">
// CHECK:      <g class="capture"><rect {{.*}}capture 22400 dt → result 0</text><title>capture on a0 at 3808 dt for 22400 dt</title></g>
// The time axis is in ns with round ticks.
// CHECK:      <g class="time-axis">
// CHECK:      >1000</text>
// CHECK:      >6000</text>
// CHECK:      time (ns)
// CHECK:      </svg>

// KINDS-LANES:      kinds: d0 m0 a0
// KINDS-LANES-NEXT: second: d1 a1
// KINDS-LANES-NOT:  {{.}}

// KINDS:      <title>qopt pulse schedules @kinds, @second</title>
// KINDS:      <title>f=5.0000 GHz, φ=0 at 0 dt</title>
// KINDS:      <title>Δf=1.00 MHz, π/2 at 16 dt</title>
// KINDS:      <title>sampled, 4 dt, on d0 at 16 dt</title>
// KINDS:      <title>constant, 56 dt, on m0 at 64 dt</title>
