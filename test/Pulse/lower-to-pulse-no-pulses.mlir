// A target without pulse calibrations, and no target at all.
// RUN: not qopt %s --target=%S/../Target/Inputs/line5.json --lower-to-pulse 2>&1 | FileCheck %s --check-prefix=NODEFS
// RUN: not qopt %s --lower-to-pulse 2>&1 | FileCheck %s --check-prefix=NOTARGET
// NODEFS: error: lower-to-pulse: target 'line5' has no pulse calibrations (IBM defs_*.json)
// NOTARGET: error: lower-to-pulse needs a target: run attach-target (qopt --target=<device>)
func.func @f() {
  %q0 = qgate.physical 0
  %a = qgate.x %q0
  return
}
