func.func @f() {
  %q = qgate.physical -1
  return
}
