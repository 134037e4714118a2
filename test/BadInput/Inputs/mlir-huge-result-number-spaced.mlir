// The same with the result number on the next line, after a comment: the
// lexer skips both between `%y` and `#4000000000` (found by qopt-fuzz-check).
func.func @f() {
  %q = qgate.alloc
  %r = qgate.x %y // the value
      #4000000000
  return
}
