# Writes a 1,000,000-gate OpenQASM program on 20 qubits: a mix of one- and
# two-qubit gates, including a star of CX on q[0] that no placement on a
# heavy-hex device can embed, so routing must add SWAPs throughout.
BEGIN {
  print "OPENQASM 2.0;"
  print "include \"qelib1.inc\";"
  print "qreg q[20];"
  print "creg c[20];"
  for (i = 0; i < 1000000; i++) {
    kind = i % 7
    a = (i * 7) % 20
    b = (i * 13 + 5) % 20
    if (a == b) b = (b + 1) % 20
    if (kind == 0) printf "cx q[%d], q[%d];\n", a, b
    else if (kind == 1) printf "h q[%d];\n", a
    else if (kind == 2) printf "rz(%.4f) q[%d];\n", (i % 1000) * 0.001, a
    else if (kind == 3) printf "t q[%d];\n", b
    else if (kind == 4) printf "sx q[%d];\n", a
    else if (kind == 5) printf "x q[%d];\n", b
    else printf "cx q[0], q[%d];\n", 1 + (i % 19)
  }
  print "measure q -> c;"
}
