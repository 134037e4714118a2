func.func @f() {
  %q = qgate.alloc
  %a = qgate.x %q
  %b = qgate.x %q
  return
}
