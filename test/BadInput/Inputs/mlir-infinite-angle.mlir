func.func @f() {
  %c = arith.constant 0x7FF0000000000000 : f64
  %q = qgate.alloc
  %a = qgate.rz(%c) %q
  return
}
