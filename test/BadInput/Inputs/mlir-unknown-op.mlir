func.func @f() {
  %q = qgate.alloc
  %a = qgate.frobnicate %q
  return
}
