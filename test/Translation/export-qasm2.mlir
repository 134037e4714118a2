// Export to OpenQASM 2.0 (Qiskit's qelib1.inc).
// RUN: qopt-translate --export-qasm -split-input-file %s | FileCheck %s

// The first function re-imports to an equivalent circuit; qopt-check
// compares unitaries, so it has no measurements.
// RUN: sed -n '/^\/\/ -----/q;p' %s > %t.mlir
// RUN: qopt-translate --export-qasm %t.mlir | qopt-translate --import-qasm -o %t.roundtrip.mlir
// RUN: qopt-check %t.mlir %t.roundtrip.mlir | FileCheck %s --check-prefix=ROUNDTRIP
// ROUNDTRIP: {{^}}equivalent

// The last function, with mid-circuit measurements and conditions, returns
// its register bits as an import does, so the exported program is compared
// by the distribution of those bits.
// RUN: sed -n '/^func.func @conditional/,$p' %s > %t.cond.mlir
// RUN: qopt-translate --export-qasm %t.cond.mlir -o %t.cond.qasm
// RUN: qopt-check %t.cond.mlir %t.cond.qasm | FileCheck %s --check-prefix=ROUNDTRIP

// Every gate's qelib1 name; the gates qelib1 lacks are defined up front,
// in order of first use.
// CHECK-LABEL: OPENQASM 2.0;
// CHECK-NEXT: include "qelib1.inc";
// CHECK-NEXT: gate iswap a,b { s a; s b; h a; cx a,b; cx b,a; h b; }
// CHECK-NEXT: gate ecr a,b { h b; cx a,b; rz(pi/4) b; cx a,b; h b; x a; h b; cx a,b; rz(-pi/4) b; cx a,b; h b; }
// CHECK-NEXT: gate ryy(theta) a,b { rx(pi/2) a; rx(pi/2) b; cx a,b; rz(theta) b; cx a,b; rx(-pi/2) a; rx(-pi/2) b; }
// CHECK-NEXT: qreg q[3];
// CHECK-NEXT: id q[0];
// CHECK-NEXT: x q[0];
// CHECK-NEXT: y q[0];
// CHECK-NEXT: z q[0];
// CHECK-NEXT: h q[0];
// CHECK-NEXT: s q[0];
// CHECK-NEXT: sdg q[0];
// CHECK-NEXT: t q[0];
// CHECK-NEXT: tdg q[0];
// CHECK-NEXT: sx q[0];
// CHECK-NEXT: sxdg q[0];
// CHECK-NEXT: rx(0.29999999999999999) q[0];
// CHECK-NEXT: ry(-1.1000000000000001) q[0];
// CHECK-NEXT: rz(2.7000000000000002) q[0];
// CHECK-NEXT: u1(0.45000000000000001) q[0];
// CHECK-NEXT: u3(0.29999999999999999,-1.1000000000000001,2.7000000000000002) q[0];
// CHECK-NEXT: cx q[0],q[1];
// CHECK-NEXT: cy q[1],q[0];
// CHECK-NEXT: cz q[1],q[2];
// CHECK-NEXT: ch q[2],q[0];
// CHECK-NEXT: swap q[2],q[0];
// CHECK-NEXT: iswap q[2],q[1];
// CHECK-NEXT: ecr q[2],q[1];
// CHECK-NEXT: ecr q[1],q[0];
// CHECK-NEXT: rxx(0.29999999999999999) q[1],q[0];
// CHECK-NEXT: ryy(-1.1000000000000001) q[1],q[2];
// CHECK-NEXT: rzz(2.7000000000000002) q[1],q[2];
// CHECK-NEXT: crx(0.29999999999999999) q[1],q[0];
// CHECK-NEXT: cry(-1.1000000000000001) q[1],q[0];
// CHECK-NEXT: crz(2.7000000000000002) q[1],q[2];
// CHECK-NEXT: cu1(0.45000000000000001) q[1],q[0];
// CHECK-NEXT: cu(0.29999999999999999,-1.1000000000000001,2.7000000000000002,0.45000000000000001) q[1],q[0];
// CHECK-NEXT: cu3(2.7000000000000002,0.29999999999999999,-1.1000000000000001) q[1],q[2];
// CHECK-NEXT: ccx q[1],q[2],q[0];
// CHECK-NEXT: cswap q[0],q[1],q[2];
// CHECK-NEXT: iswap q[0],q[2];
// CHECK-NEXT: ryy(0.45000000000000001) q[2],q[1];
// CHECK-NEXT: barrier q[0],q[2];
// CHECK-EMPTY:
func.func @all_gates() {
  %a = arith.constant 0.3 : f64
  %b = arith.constant -1.1 : f64
  %c = arith.constant 2.7 : f64
  %d = arith.constant 0.45 : f64
  %zero = arith.constant 0.0 : f64
  %q0 = qgate.alloc
  %q1 = qgate.alloc
  %q2 = qgate.alloc
  %0 = qgate.id %q0
  %1 = qgate.x %0
  %2 = qgate.y %1
  %3 = qgate.z %2
  %4 = qgate.h %3
  %5 = qgate.s %4
  %6 = qgate.sdg %5
  %7 = qgate.t %6
  %8 = qgate.tdg %7
  %9 = qgate.sx %8
  %10 = qgate.sxdg %9
  %11 = qgate.rx(%a) %10
  %12 = qgate.ry(%b) %11
  %13 = qgate.rz(%c) %12
  %14 = qgate.p(%d) %13
  %15 = qgate.u(%a, %b, %c) %14
  %16:2 = qgate.cx %15, %q1
  %17:2 = qgate.cy %16#1, %16#0
  %18:2 = qgate.cz %17#0, %q2
  %19:2 = qgate.ch %18#1, %17#1
  %20:2 = qgate.swap %19#0, %19#1
  %21:2 = qgate.iswap %20#0, %18#0
  %22:2 = qgate.ecr %21#0, %21#1
  %23:2 = qgate.ecr %22#1, %20#1
  %24:2 = qgate.rxx(%a) %23#0, %23#1
  %25:2 = qgate.ryy(%b) %24#0, %22#0
  %26:2 = qgate.rzz(%c) %25#0, %25#1
  %27:2 = qgate.crx(%a) %26#0, %24#1
  %28:2 = qgate.cry(%b) %27#0, %27#1
  %29:2 = qgate.crz(%c) %28#0, %26#1
  %30:2 = qgate.cp(%d) %29#0, %28#1
  // cu3 when the control phase is zero, else the 4-angle cu.
  %31:2 = qgate.cu(%a, %b, %c, %d) %30#0, %30#1
  %32:2 = qgate.cu(%c, %a, %b, %zero) %31#0, %29#1
  %33:3 = qgate.ccx %32#0, %32#1, %31#1
  %34:3 = qgate.cswap %33#2, %33#0, %33#1
  %35:2 = qgate.iswap %34#0, %34#2
  %36:2 = qgate.ryy(%d) %35#1, %34#1
  %37:2 = qgate.barrier %35#0, %36#0
  return
}

// -----

// Multiples of pi up to 4*pi with small denominators print symbolically,
// as the expression that re-imports to the same double; other angles print
// with 17 significant digits and a decimal point before any exponent.
// CHECK-LABEL: OPENQASM 2.0;
// CHECK-NOT: gate
// CHECK: qreg q[1];
// CHECK-NEXT: rz(0) q[0];
// CHECK-NEXT: rz(pi) q[0];
// CHECK-NEXT: rz(-pi) q[0];
// CHECK-NEXT: rz(pi/2) q[0];
// CHECK-NEXT: rz(-pi/2) q[0];
// CHECK-NEXT: rz(pi/4) q[0];
// CHECK-NEXT: rz(3*pi/4) q[0];
// CHECK-NEXT: rz(-3*pi/4) q[0];
// CHECK-NEXT: rz(2*pi/3) q[0];
// CHECK-NEXT: rz(5*pi/6) q[0];
// CHECK-NEXT: rz(2*pi) q[0];
// CHECK-NEXT: rz(-7*pi/2) q[0];
// CHECK-NEXT: rz(pi/128) q[0];
// CHECK-NEXT: rz(-511*pi/128) q[0];
// CHECK-NEXT: rz(4.0000000000000009) q[0];
// CHECK-NEXT: rz(1.5707963267948968) q[0];
// CHECK-NEXT: rz(0.10000000000000001) q[0];
// CHECK-NEXT: rz(1.0e+20) q[0];
// CHECK-NEXT: rz(-2.5000000000000001e-05) q[0];
// CHECK-NEXT: rz(12.566370614359172) q[0];
// CHECK-EMPTY:
func.func @angles() {
  %zero = arith.constant 0.0 : f64
  %pi = arith.constant 3.141592653589793 : f64
  %mpi = arith.constant -3.141592653589793 : f64
  %pi2 = arith.constant 1.5707963267948966 : f64
  %mpi2 = arith.constant -1.5707963267948966 : f64
  %pi4 = arith.constant 0.78539816339744828 : f64
  %pi34 = arith.constant 2.3561944901923448 : f64
  %mpi34 = arith.constant -2.3561944901923448 : f64
  %pi23 = arith.constant 2.0943951023931953 : f64
  %pi56 = arith.constant 2.6179938779914944 : f64
  %pi2x = arith.constant 6.2831853071795862 : f64
  %mpi72 = arith.constant -10.995574287564276 : f64
  %pi128 = arith.constant 0.024543692606170259 : f64
  %mpi511 = arith.constant -12.541826921753001 : f64
  %four = arith.constant 4.0000000000000009 : f64
  // pi/2 plus one ulp is not pi/2.
  %nearpi2 = arith.constant 1.5707963267948968 : f64
  %tenth = arith.constant 0.1 : f64
  %big = arith.constant 1.0e20 : f64
  %small = arith.constant -2.5e-5 : f64
  // 4*pi is outside the symbolic range.
  %pi4x = arith.constant 12.566370614359172 : f64
  %q = qgate.alloc
  %0 = qgate.rz(%zero) %q
  %1 = qgate.rz(%pi) %0
  %2 = qgate.rz(%mpi) %1
  %3 = qgate.rz(%pi2) %2
  %4 = qgate.rz(%mpi2) %3
  %5 = qgate.rz(%pi4) %4
  %6 = qgate.rz(%pi34) %5
  %7 = qgate.rz(%mpi34) %6
  %8 = qgate.rz(%pi23) %7
  %9 = qgate.rz(%pi56) %8
  %10 = qgate.rz(%pi2x) %9
  %11 = qgate.rz(%mpi72) %10
  %12 = qgate.rz(%pi128) %11
  %13 = qgate.rz(%mpi511) %12
  %14 = qgate.rz(%four) %13
  %15 = qgate.rz(%nearpi2) %14
  %16 = qgate.rz(%tenth) %15
  %17 = qgate.rz(%big) %16
  %18 = qgate.rz(%small) %17
  %19 = qgate.rz(%pi4x) %18
  return
}

// -----

// Imported register layouts are printed back; measurements write their
// targets.
// CHECK-LABEL: OPENQASM 2.0;
// CHECK-NEXT: include "qelib1.inc";
// CHECK-NEXT: qreg a[2];
// CHECK-NEXT: qreg b[1];
// CHECK-NEXT: creg c[2];
// CHECK-NEXT: creg d[1];
// CHECK-NEXT: cx a[1],b[0];
// CHECK-NEXT: measure b[0] -> d[0];
// CHECK-NEXT: measure a[0] -> c[1];
// CHECK-NEXT: reset a[0];
// CHECK-NEXT: barrier a[0],a[1],b[0];
// CHECK-NEXT: measure a[1] -> c[0];
// CHECK-EMPTY:
func.func @layout() -> (i1, i1, i1) attributes {qgate.qregs = [["a", 2], ["b", 1]], qgate.cregs = [["c", 2], ["d", 1]]} {
  %a0 = qgate.alloc
  %a1 = qgate.alloc
  %b0 = qgate.alloc
  %0:2 = qgate.cx %a1, %b0
  %1, %m0 = qgate.measure %0#1 -> "d"[0]
  %2, %m1 = qgate.measure %a0 -> "c"[1]
  %3 = qgate.reset %2
  %4:3 = qgate.barrier %3, %0#0, %1
  %5, %m2 = qgate.measure %4#1 -> "c"[0]
  return %m2, %m1, %m0 : i1, i1, i1
}

// -----

// A layout that no longer matches the qubits is dropped for one register.
// CHECK-LABEL: OPENQASM 2.0;
// CHECK-NEXT: include "qelib1.inc";
// CHECK-NEXT: qreg q[2];
// CHECK-NEXT: swap q[0],q[1];
// CHECK-EMPTY:
func.func @stale_layout() attributes {qgate.qregs = [["a", 2], ["b", 1]]} {
  %q0 = qgate.alloc
  %q1 = qgate.alloc
  %0:2 = qgate.swap %q0, %q1
  return
}

// -----

// Qubit arguments are the first wires. Without qgate.cregs, each register
// is as wide as its largest use; untargeted measurements write a scratch
// register.
// CHECK-LABEL: OPENQASM 2.0;
// CHECK-NEXT: include "qelib1.inc";
// CHECK-NEXT: qreg q[3];
// CHECK-NEXT: creg c[3];
// CHECK-NEXT: creg meas[2];
// CHECK-NEXT: ccx q[1],q[2],q[0];
// CHECK-NEXT: measure q[1] -> c[2];
// CHECK-NEXT: measure q[2] -> meas[0];
// CHECK-NEXT: measure q[0] -> meas[1];
// CHECK-EMPTY:
func.func @arguments(%arg0: !qgate.qubit, %arg1: !qgate.qubit) -> (i1, i1, i1) {
  %q2 = qgate.alloc
  %0:3 = qgate.ccx %arg1, %q2, %arg0
  %1, %m0 = qgate.measure %0#0 -> "c"[2]
  %2, %m1 = qgate.measure %0#1
  %3, %m2 = qgate.measure %0#2
  return %m0, %m1, %m2 : i1, i1, i1
}

// -----

// A classical register named q moves the default quantum register aside.
// CHECK-LABEL: OPENQASM 2.0;
// CHECK-NEXT: include "qelib1.inc";
// CHECK-NEXT: qreg q0[1];
// CHECK-NEXT: creg q[1];
// CHECK-NEXT: measure q0[0] -> q[0];
// CHECK-EMPTY:
func.func @name_clash() -> i1 attributes {qgate.cregs = [["q", 1]]} {
  %q0 = qgate.alloc
  %0, %m = qgate.measure %q0 -> "q"[0]
  return %m : i1
}

// -----

// Device qubits keep their index in a register wide enough for all of them.
// CHECK-LABEL: OPENQASM 2.0;
// CHECK-NEXT: include "qelib1.inc";
// CHECK-NEXT: qreg q[4];
// CHECK-NEXT: creg c[1];
// CHECK-NEXT: cz q[3],q[0];
// CHECK-NEXT: measure q[0] -> c[0];
// CHECK-EMPTY:
func.func @physical() -> i1 {
  %p3 = qgate.physical 3
  %p0 = qgate.physical 0
  %0:2 = qgate.cz %p3, %p0
  %1, %m = qgate.measure %0#1 -> "c"[0]
  return %m : i1
}

// -----

// Each operation of a conditional branch is its own if statement. Bits
// never measured are false; a measurement in a branch is the new value of
// its bit.
// CHECK-LABEL: OPENQASM 2.0;
// CHECK-NEXT: include "qelib1.inc";
// CHECK-NEXT: qreg q[2];
// CHECK-NEXT: creg c[2];
// CHECK-NEXT: creg f[1];
// CHECK-NEXT: h q[0];
// CHECK-NEXT: measure q[0] -> c[0];
// CHECK-NEXT: if(c==1) x q[1];
// CHECK-NEXT: if(c==1) crz(pi/2) q[1],q[0];
// CHECK-NEXT: if(c==1) reset q[0];
// CHECK-NEXT: if(c==1) measure q[1] -> c[1];
// CHECK-NEXT: if(c==3) y q[0];
// CHECK-NEXT: if(f==0) measure q[0] -> f[0];
func.func @conditional() -> (i1, i1, i1) attributes {qgate.cregs = [["c", 2], ["f", 1]]} {
  %false = arith.constant false
  %pi2 = arith.constant 1.5707963267948966 : f64
  %q0 = qgate.alloc
  %q1 = qgate.alloc
  %0 = qgate.h %q0
  %1, %c0 = qgate.measure %0 -> "c"[0]
  %cond = qgate.creg_equals "c"[%c0, %false], 1
  %2:3 = scf.if %cond -> (!qgate.qubit, !qgate.qubit, i1) {
    %x = qgate.x %q1
    %r:2 = qgate.crz(%pi2) %x, %1
    %s = qgate.reset %r#1
    %t, %c1 = qgate.measure %r#0 -> "c"[1]
    scf.yield %t, %s, %c1 : !qgate.qubit, !qgate.qubit, i1
  } else {
    scf.yield %q1, %1, %false : !qgate.qubit, !qgate.qubit, i1
  }
  %cond2 = qgate.creg_equals "c"[%c0, %2#2], 3
  %3 = scf.if %cond2 -> (!qgate.qubit) {
    %y = qgate.y %2#1
    scf.yield %y : !qgate.qubit
  } else {
    scf.yield %2#1 : !qgate.qubit
  }
  %cond3 = qgate.creg_equals "f"[%false], 0
  %4:2 = scf.if %cond3 -> (!qgate.qubit, i1) {
    %u, %f0 = qgate.measure %3 -> "f"[0]
    scf.yield %u, %f0 : !qgate.qubit, i1
  } else {
    scf.yield %3, %false : !qgate.qubit, i1
  }
  return %c0, %2#2, %4#1 : i1, i1, i1
}
