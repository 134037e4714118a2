// to-target-basis reports what it cannot do.
// RUN: qopt %s -split-input-file --to-target-basis=basis=rz,cx -verify-diagnostics

// expected-error @below {{to-target-basis translates one-qubit gates to rz and sx, which the basis lacks}}
module {
}
