// Export to OpenQASM 3.0 (stdgates.inc).
// RUN: qopt-translate --export-qasm3 -split-input-file %s | FileCheck %s

// Every gate's stdgates name; the gates stdgates lacks are defined up front,
// in order of first use.
// CHECK-LABEL: OPENQASM 3.0;
// CHECK-NEXT: include "stdgates.inc";
// CHECK-NEXT: gate sxdg a { s a; h a; s a; }
// CHECK-NEXT: gate iswap a, b { s a; s b; h a; cx a, b; cx b, a; h b; }
// CHECK-NEXT: gate ecr a, b { h b; cx a, b; rz(pi/4) b; cx a, b; h b; x a; h b; cx a, b; rz(-pi/4) b; cx a, b; h b; }
// CHECK-NEXT: gate rxx(theta) a, b { h a; h b; cx a, b; rz(theta) b; cx a, b; h a; h b; }
// CHECK-NEXT: gate ryy(theta) a, b { rx(pi/2) a; rx(pi/2) b; cx a, b; rz(theta) b; cx a, b; rx(-pi/2) a; rx(-pi/2) b; }
// CHECK-NEXT: gate rzz(theta) a, b { cx a, b; rz(theta) b; cx a, b; }
// CHECK-NEXT: qubit[3] q;
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
// CHECK-NEXT: ry(-pi/2) q[0];
// CHECK-NEXT: rz(3*pi/4) q[0];
// CHECK-NEXT: p(0.45000000000000001) q[0];
// CHECK-NEXT: U(0.29999999999999999, -pi/2, 3*pi/4) q[0];
// CHECK-NEXT: cx q[0], q[1];
// CHECK-NEXT: cy q[1], q[0];
// CHECK-NEXT: cz q[1], q[2];
// CHECK-NEXT: ch q[2], q[0];
// CHECK-NEXT: swap q[2], q[0];
// CHECK-NEXT: iswap q[2], q[1];
// CHECK-NEXT: ecr q[2], q[1];
// CHECK-NEXT: rxx(0.29999999999999999) q[1], q[0];
// CHECK-NEXT: ryy(-pi/2) q[1], q[2];
// CHECK-NEXT: rzz(3*pi/4) q[1], q[2];
// CHECK-NEXT: crx(0.29999999999999999) q[1], q[0];
// CHECK-NEXT: cry(-pi/2) q[1], q[0];
// CHECK-NEXT: crz(3*pi/4) q[1], q[2];
// CHECK-NEXT: cp(0.45000000000000001) q[1], q[0];
// CHECK-NEXT: cu(0.29999999999999999, -pi/2, 3*pi/4, 0.45000000000000001) q[1], q[0];
// CHECK-NEXT: cu(3*pi/4, 0.29999999999999999, -pi/2, 0) q[1], q[2];
// CHECK-NEXT: ccx q[1], q[2], q[0];
// CHECK-NEXT: cswap q[0], q[1], q[2];
// CHECK-NEXT: barrier q[0], q[2];
// CHECK-EMPTY:
func.func @all_gates() {
  %a = arith.constant 0.3 : f64
  %b = arith.constant -1.5707963267948966 : f64
  %c = arith.constant 2.3561944901923448 : f64
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
  %24:2 = qgate.rxx(%a) %22#1, %20#1
  %25:2 = qgate.ryy(%b) %24#0, %22#0
  %26:2 = qgate.rzz(%c) %25#0, %25#1
  %27:2 = qgate.crx(%a) %26#0, %24#1
  %28:2 = qgate.cry(%b) %27#0, %27#1
  %29:2 = qgate.crz(%c) %28#0, %26#1
  %30:2 = qgate.cp(%d) %29#0, %28#1
  // stdgates' cu always takes the control phase.
  %31:2 = qgate.cu(%a, %b, %c, %d) %30#0, %30#1
  %32:2 = qgate.cu(%c, %a, %b, %zero) %31#0, %29#1
  %33:3 = qgate.ccx %32#0, %32#1, %31#1
  %34:3 = qgate.cswap %33#2, %33#0, %33#1
  %35:2 = qgate.barrier %34#0, %34#2
  return
}

// -----

// Register layouts become qubit and bit arrays; measurements are
// assignments.
// CHECK-LABEL: OPENQASM 3.0;
// CHECK-NEXT: include "stdgates.inc";
// CHECK-NEXT: qubit[2] a;
// CHECK-NEXT: qubit[1] b;
// CHECK-NEXT: bit[2] c;
// CHECK-NEXT: bit[1] meas;
// CHECK-NEXT: cx a[1], b[0];
// CHECK-NEXT: c[1] = measure a[0];
// CHECK-NEXT: reset a[0];
// CHECK-NEXT: meas[0] = measure b[0];
// CHECK-EMPTY:
func.func @layout() -> (i1, i1) attributes {qgate.qregs = [["a", 2], ["b", 1]], qgate.cregs = [["c", 2]]} {
  %a0 = qgate.alloc
  %a1 = qgate.alloc
  %b0 = qgate.alloc
  %0:2 = qgate.cx %a1, %b0
  %1, %m0 = qgate.measure %a0 -> "c"[1]
  %2 = qgate.reset %1
  %3, %m1 = qgate.measure %0#1
  return %m0, %m1 : i1, i1
}

// -----

// Device qubits are hardware qubits $k and need no declaration.
// CHECK-LABEL: OPENQASM 3.0;
// CHECK-NEXT: include "stdgates.inc";
// CHECK-NEXT: bit[1] c;
// CHECK-NEXT: cz $3, $0;
// CHECK-NEXT: barrier $3, $0;
// CHECK-NEXT: c[0] = measure $0;
// CHECK-EMPTY:
func.func @physical() -> i1 {
  %p3 = qgate.physical 3
  %p0 = qgate.physical 0
  %0:2 = qgate.cz %p3, %p0
  %1:2 = qgate.barrier %0#0, %0#1
  %2, %m = qgate.measure %1#1 -> "c"[0]
  return %m : i1
}

// -----

// One if statement per operation of a conditional branch.
// CHECK-LABEL: OPENQASM 3.0;
// CHECK-NEXT: include "stdgates.inc";
// CHECK-NEXT: gate rzz(theta) a, b { cx a, b; rz(theta) b; cx a, b; }
// CHECK-NEXT: qubit[2] q;
// CHECK-NEXT: bit[2] c;
// CHECK-NEXT: h q[0];
// CHECK-NEXT: c[0] = measure q[0];
// CHECK-NEXT: if (c == 1) { x q[1]; }
// CHECK-NEXT: if (c == 1) { rzz(pi/2) q[1], q[0]; }
// CHECK-NEXT: if (c == 1) { c[1] = measure q[1]; }
// CHECK-NEXT: if (c == 3) { reset q[0]; }
func.func @conditional() -> (i1, i1) attributes {qgate.cregs = [["c", 2]]} {
  %false = arith.constant false
  %pi2 = arith.constant 1.5707963267948966 : f64
  %q0 = qgate.alloc
  %q1 = qgate.alloc
  %0 = qgate.h %q0
  %1, %c0 = qgate.measure %0 -> "c"[0]
  %cond = qgate.creg_equals "c"[%c0, %false], 1
  %2:3 = scf.if %cond -> (!qgate.qubit, !qgate.qubit, i1) {
    %x = qgate.x %q1
    %r:2 = qgate.rzz(%pi2) %x, %1
    %t, %c1 = qgate.measure %r#0 -> "c"[1]
    scf.yield %t, %r#1, %c1 : !qgate.qubit, !qgate.qubit, i1
  } else {
    scf.yield %q1, %1, %false : !qgate.qubit, !qgate.qubit, i1
  }
  %cond2 = qgate.creg_equals "c"[%c0, %2#2], 3
  %3 = scf.if %cond2 -> (!qgate.qubit) {
    %y = qgate.reset %2#1
    scf.yield %y : !qgate.qubit
  } else {
    scf.yield %2#1 : !qgate.qubit
  }
  return %c0, %2#2 : i1, i1
}
