// Result 4,000,000,000 of %y: MLIR 19's parser would reserve memory for every
// result up to it before finding that %y is never defined.
func.func @f() {
  %q = qgate.alloc
  %r = qgate.x %y#4000000000
  return
}
