func.func @f() -> i1 {
  %c = arith.constant 0x4FF0000000000000 : f64
  %q = qgate.physical 0
  %a = qgate.rz(%c) %q
  %b = qgate.sx %a
  %d, %m = qgate.measure %b
  return %m : i1
}
