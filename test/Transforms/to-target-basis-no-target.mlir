// Without a basis option the module's target decides, so it must have one.
// RUN: qopt %s --to-target-basis -verify-diagnostics

// expected-error @below {{module has no 'qgate.target'; compile it with --target}}
module {
}
