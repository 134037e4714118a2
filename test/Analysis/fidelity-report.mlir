// fidelity-report on a synthetic pair whose numbers make the estimates
// computable by hand (Inputs/hand2.json: x error 0.01, cx error 0.02,
// readout error 0.05, relaxation negligible).
// RUN: qopt %s --target=%S/Inputs/hand2.json --fidelity-report 2>&1 | FileCheck %s
// RUN: qopt %s --target=%S/Inputs/hand2.json --fidelity-report=esp 2>&1 | FileCheck %s --check-prefix=ESP
// The report runs after -O<n> wherever it is on the command line: here on
// the mapped circuit.
// RUN: qopt %s --fidelity-report=esp --target=%S/Inputs/hand2.json -O1 2>&1 | FileCheck %s --check-prefix=ESP
// The learned estimate from the compiled-in model and from the same model
// file loaded by path agree (its accuracy is checked against the training
// script's reference predictions in unittests/Analysis).
// RUN: qopt %s --target=%S/Inputs/hand2.json --fidelity-report=learned 2>&1 | FileCheck %s --check-prefix=LEARNED
// RUN: qopt %s --target=%S/Inputs/hand2.json --fidelity-report=learned 2>&1 | grep -o 'learned 0[.][0-9]*' > %t.shipped
// RUN: qopt %s --target=%S/Inputs/hand2.json --fidelity-report="estimator=learned model=%S/../../models/fidelity-mpnn.json" 2>&1 | grep -o 'learned 0[.][0-9]*' | diff %t.shipped -
// The default (auto) skips simulation above auto-simulate-max-qubits and
// says so; all simulates whatever the size.
// RUN: qopt %s --target=%S/Inputs/hand2.json --fidelity-report="auto-simulate-max-qubits=1" 2>&1 | FileCheck %s --check-prefix=AUTO
// RUN: qopt %s --target=%S/Inputs/hand2.json --fidelity-report="estimator=all auto-simulate-max-qubits=1" 2>&1 | FileCheck %s
// AUTO: remark: fidelity-report: @pair on hand2: ESP 0.8756; learned {{0\.[0-9][0-9][0-9][0-9]}}; not simulated (2 qubits, {{[0-9]+}} gates; auto simulates up to 1 qubits and gates x 4^qubits up to 2e+07, estimator=simulate forces it)
// AUTO-NOT: state fidelity
// Nor does it simulate above its work budget, gates x 4^qubits.
// RUN: qopt %s --target=%S/Inputs/hand2.json --fidelity-report="auto-simulate-max-work=31" 2>&1 | FileCheck %s --check-prefix=WORK
// RUN: qopt %s --target=%S/Inputs/hand2.json --fidelity-report="auto-simulate-max-work=32" 2>&1 | FileCheck %s --check-prefix=WITHIN
// WORK: not simulated (2 qubits, 2 gates; auto simulates up to 10 qubits and gates x 4^qubits up to 31, estimator=simulate forces it)
// WITHIN: density-matrix simulation of 2 qubit(s)
// RUN: qopt %s --target=%S/Inputs/hand2.json --fidelity-report="estimator=simulate density-matrix-max-qubits=0 shots=2000 seed=5" 2>&1 | FileCheck %s --check-prefix=TRAJ

// Circuit: x q0; cx q0, q1; measure both (ideal outcome 11).
// ESP = (1 - 0.01)(1 - 0.02)(1 - 0.05)^2 = 0.87561.
// Depolarizing parameters making those average errors: p1 = 2 * 0.01 =
// 0.02, p2 = 4/3 * 0.02 = 0.026667.
// State fidelity: after x, <1|rho|1> = 1 - p1/2 = 0.99, carried to |11> by
// the cx; then 0.99 (1 - p2) + p2/4 = 0.97027.
// Hellinger fidelity: the ideal distribution is all on 11, so it is the
// noisy P(read 11) = 0.97027 * 0.95^2 + 0.0164 * 0.05^2
// + 2 * 0.0066667 * 0.95 * 0.05 = 0.87634.
// PST (x, cx, cx, x, each with its noise, then read 00): every state stays
// diagonal, so the distribution can be followed by hand:
// 00 0.94178, 01 0.01316, 10 0.03191, 11 0.01316 before readout, and
// P(read 00) = 0.94178 * 0.9025 + (0.01316 + 0.03191) * 0.0475
// + 0.01316 * 0.0025 = 0.85213.
// CHECK: remark: fidelity-report: @pair on hand2: ESP 0.8756; learned {{0\.[0-9][0-9][0-9][0-9]}}; density-matrix simulation of 2 qubit(s): state fidelity 0.9703, PST 0.8521, Hellinger fidelity 0.8763
// CHECK: func.func @pair() -> (i1, i1) attributes {qopt.fidelity = {esp = 0.8756{{[0-9]*}} : f64, hellinger = 0.8763{{[0-9]*}} : f64, learned = {{0\.[0-9]+}} : f64, method = "density-matrix", pst = 0.8521{{[0-9]*}} : f64, state_fidelity = 0.9702{{[0-9]*}} : f64}}

// LEARNED: remark: fidelity-report: @pair on hand2: learned {{0\.[0-9][0-9][0-9][0-9]$}}
// LEARNED: qopt.fidelity = {learned = {{0\.[0-9]+}} : f64}

// ESP: remark: fidelity-report: @pair on hand2: ESP 0.8756
// ESP-NOT: simulation

// Trajectories agree within their 95% interval (2000 of them).
// TRAJ: remark: fidelity-report: @pair on hand2: trajectories simulation of 2 qubit(s) (2000 trajectories, seed 5): state fidelity 0.9{{[67][0-9]*}} +- 0.00{{[0-9]*}}, PST 0.8{{[45][0-9]*}} +- 0.0{{[0-9]*}}, Hellinger fidelity 0.8{{[78][0-9]*}}
func.func @pair() -> (i1, i1) {
  %q0 = qgate.physical 0
  %q1 = qgate.physical 1
  %a = qgate.x %q0
  %b, %c = qgate.cx %a, %q1
  %d, %m0 = qgate.measure %b
  %e, %m1 = qgate.measure %c
  return %m0, %m1 : i1, i1
}
