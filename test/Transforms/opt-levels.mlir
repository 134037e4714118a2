// qopt -O0 ... -O3 keep the circuit's meaning and only ever shrink it.
// RUN: qopt %S/Inputs/all-gates.mlir -O1 | qopt-check %S/Inputs/all-gates.mlir - | FileCheck %s
// RUN: qopt %S/Inputs/all-gates.mlir -O2 | qopt-check %S/Inputs/all-gates.mlir - | FileCheck %s
// RUN: qopt %S/Inputs/all-gates.mlir -O3 | qopt-check %S/Inputs/all-gates.mlir - | FileCheck %s
// RUN: qopt %qopt_src/bench/circuits/qasmbench/small/adder_n4/adder_n4.qasm --target=montreal -O2 | qopt-check --up-to-layout %qopt_src/bench/circuits/qasmbench/small/adder_n4/adder_n4.qasm - | FileCheck %s
// CHECK: equivalent

// -O3 on a measured QASMBench circuit, without mapping (no --target: the
// target is attached as a pass): two-qubit resynthesis takes qaoa_n6 from
// 54 CX to 36, and the result keeps the measurement statistics (the
// diagonal gates before the measurements are gone, so the unitary differs).
// RUN: qopt %qopt_src/bench/circuits/qasmbench/small/qaoa_n6/qaoa_n6.qasm --attach-target=target=montreal --to-target-basis -O3 -o %t.qaoa.mlir
// RUN: qopt-check --ignore-final-phases %qopt_src/bench/circuits/qasmbench/small/qaoa_n6/qaoa_n6.qasm %t.qaoa.mlir | FileCheck %s
// RUN: FileCheck %s --check-prefix=QAOA < %t.qaoa.mlir
// QAOA-COUNT-36: qgate.cx
// QAOA-NOT: qgate.cx

// With --target, -O3 also maps: every qubit is a device qubit, the layouts
// are recorded, and the result is equivalent up to them.
// RUN: qopt %qopt_src/bench/circuits/qasmbench/small/qaoa_n6/qaoa_n6.qasm --target=montreal -O3 -o %t.mapped.mlir 2>&1 | FileCheck %s --check-prefix=MAPPED-REMARKS
// RUN: qopt-check --up-to-layout --ignore-final-phases %qopt_src/bench/circuits/qasmbench/small/qaoa_n6/qaoa_n6.qasm %t.mapped.mlir | FileCheck %s
// RUN: FileCheck %s --check-prefix=MAPPED < %t.mapped.mlir
// MAPPED-REMARKS: remark: layout (noise-adaptive)
// MAPPED-REMARKS: remark: route: {{[0-9]+}} SWAP(s) added; depth {{[0-9]+}}; ESP
// MAPPED: qgate.initial_layout = array<i64
// MAPPED-NOT: qgate.alloc
// MAPPED-NOT: qgate.swap

// -O3 prunes by fidelity on circuits already on device qubits (the target
// attached as a pass, so nothing is translated first): rx(0.01) on a
// device qubit costs more in sx error than dropping it does.
// RUN: qopt %S/Inputs/mapped-tiny-rotation.mlir --attach-target=target=%S/Inputs/line3.json -O3 2>&1 | FileCheck %s --check-prefix=PRUNE
// PRUNE: remark: pruned 1 gate(s)
// PRUNE-NOT: qgate.rx

// -O0 changes nothing; -O1 and up cancel the h h pair and merge the rz's.
// RUN: qopt %s -O0 | FileCheck %s --check-prefix=O0
// RUN: qopt %s -O1 | FileCheck %s --check-prefix=O1
// RUN: qopt %s -O2 | FileCheck %s --check-prefix=O2
// O0-COUNT-2: qgate.h
// O0-COUNT-2: qgate.rz
// O1-NOT: qgate.h
// O1-COUNT-1: qgate.rz
// O1-NOT: qgate.rz
// O2-NOT: qgate.h
// O2: qgate.u
func.func @small(%q: !qgate.qubit) -> !qgate.qubit {
  %a = arith.constant 0.5 : f64
  %b = arith.constant 0.25 : f64
  %q1 = qgate.h %q
  %q2 = qgate.h %q1
  %q3 = qgate.rz(%a) %q2
  %q4 = qgate.rz(%b) %q3
  %q5 = qgate.sx %q4
  return %q5 : !qgate.qubit
}
