// Four virtual qubits: a triangle a-b-c (which no line or grid holds
// without a SWAP) and d talking to c, then every qubit measured.
func.func @triangle_plus() -> (i1, i1, i1, i1) {
  %t = arith.constant 0.3 : f64
  %a = qgate.alloc
  %b = qgate.alloc
  %c = qgate.alloc
  %d = qgate.alloc
  %a1 = qgate.h %a
  %a2, %b1 = qgate.cx %a1, %b
  %b2, %c1 = qgate.cx %b1, %c
  %c2 = qgate.ry(%t) %c1
  %c3, %a3 = qgate.cx %c2, %a2
  %d1 = qgate.x %d
  %c4, %d2 = qgate.cx %c3, %d1
  %a4, %b3 = qgate.cx %a3, %b2
  %a5, %m0 = qgate.measure %a4
  %b4, %m1 = qgate.measure %b3
  %c5, %m2 = qgate.measure %c4
  %d3, %m3 = qgate.measure %d2
  return %m0, %m1, %m2, %m3 : i1, i1, i1, i1
}
