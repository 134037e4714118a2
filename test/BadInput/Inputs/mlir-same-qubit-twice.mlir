func.func @f() {
  %q = qgate.alloc
  %a, %b = qgate.cx %q, %q
  return
}
