// RUN: not qopt %s --prune-gates 2>&1 | FileCheck %s --check-prefix=NONE
// RUN: not qopt %s --prune-gates="tolerance=0.1 ratio=0.2" 2>&1 | FileCheck %s --check-prefix=NONE
// RUN: not qopt %s --prune-gates=ratio=1.5 2>&1 | FileCheck %s --check-prefix=RATIO
// NONE: error: prune-gates needs exactly one of tolerance=<angle>, ratio=<fraction> or fidelity-aware
// RATIO: error: prune-gates ratio must be in [0, 1], got 1.5
module {
}
