// sx q0; rz(0.5) q0; cx q0, q1; measure both: a small circuit for the
// pulse-*.mlir tests to lower on the cut-down belem calibration
// (../../Pulse/Inputs/belem-cut).
func.func @bell() -> (i1, i1) {
  %half = arith.constant 0.5 : f64
  %q0 = qgate.physical 0
  %q1 = qgate.physical 1
  %a = qgate.sx %q0
  %b = qgate.rz(%half) %a
  %c, %d = qgate.cx %b, %q1
  %e, %m0 = qgate.measure %c
  %f, %m1 = qgate.measure %d
  return %m0, %m1 : i1, i1
}
