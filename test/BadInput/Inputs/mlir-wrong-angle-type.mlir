func.func @f(%t: f32) {
  %q = qgate.alloc
  %a = qgate.rz(%t) %q
  return
}
