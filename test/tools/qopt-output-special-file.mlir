// Output to a special file is written through, never renamed over: after
// `-o /dev/null` it is still the character device (a regression: writing
// through a temporary and renaming replaced it with a regular file).
// RUN: qopt %s -o /dev/null
// RUN: test -c /dev/null
// RUN: qopt %s --emit=mlir -o %t.mlir && test -f %t.mlir
func.func @empty() {
  return
}
