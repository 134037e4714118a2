// Not a result number: %y#4000000000 in a comment.
func.func @f() attributes {note = "%y#4000000000 \" %z#5000000000"} {
  return
}
