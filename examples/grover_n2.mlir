// Grover search on 2 qubits, marked state |11>.
// A line-by-line qgate translation of QASMBench small/grover_n2 (see
// qasmbench/grover_n2.qasm, qasmbench/SOURCE.md and qasmbench/LICENSE).
// `qreg q[2]` becomes two allocations; `creg c[2]` becomes the returned bits.
func.func @grover_n2() -> (i1, i1) {
  %q0_0 = qgate.alloc
  %q1_0 = qgate.alloc
  // Uniform superposition.
  %q0_1 = qgate.h %q0_0
  %q1_1 = qgate.h %q1_0
  // Oracle: cz(q0, q1) written as h; cx; h.
  %q1_2 = qgate.h %q1_1
  %q0_2, %q1_3 = qgate.cx %q0_1, %q1_2
  %q1_4 = qgate.h %q1_3
  // Diffusion.
  %q0_3 = qgate.h %q0_2
  %q1_5 = qgate.h %q1_4
  %q0_4 = qgate.x %q0_3
  %q1_6 = qgate.x %q1_5
  %q1_7 = qgate.h %q1_6
  %q0_5, %q1_8 = qgate.cx %q0_4, %q1_7
  %q1_9 = qgate.h %q1_8
  %q0_6 = qgate.x %q0_5
  %q1_10 = qgate.x %q1_9
  %q0_7 = qgate.h %q0_6
  %q1_11 = qgate.h %q1_10
  %q0_8, %c0 = qgate.measure %q0_7
  %q1_12, %c1 = qgate.measure %q1_11
  return %c0, %c1 : i1, i1
}
