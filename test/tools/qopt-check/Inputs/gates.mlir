func.func @gates() -> (!qgate.qubit, !qgate.qubit, !qgate.qubit) {
  %a = qgate.alloc
  %b = qgate.alloc
  %c = qgate.alloc
  %t = arith.constant 0.37 : f64
  %a1 = qgate.h %a
  %a2 = qgate.h %a1
  %a3 = qgate.rx(%t) %a2
  %a4, %b1 = qgate.cx %a3, %b
  %b2 = qgate.rz(%t) %b1
  %b3 = qgate.rz(%t) %b2
  %b4, %c1 = qgate.swap %b3, %c
  %c2, %b5 = qgate.swap %c1, %b4
  %a5, %c3, %b6 = qgate.ccx %a4, %c2, %b5
  return %a5, %b6, %c3 : !qgate.qubit, !qgate.qubit, !qgate.qubit
}
