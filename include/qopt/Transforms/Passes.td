//===- Passes.td - qopt's passes ---------------------------*- tablegen -*-===//

#ifndef QOPT_TRANSFORMS_PASSES_TD
#define QOPT_TRANSFORMS_PASSES_TD

include "mlir/Pass/PassBase.td"

def AttachTarget : Pass<"attach-target", "mlir::ModuleOp"> {
  let summary = "Record the device a module is compiled for";
  let description = [{
    Loads a device target and records it on the module as
    `qgate.target = #qgate.target<...>` (name, qubit count, calibration date,
    content hash, source). `qopt --target=<spec>` runs this pass first.

    The spec is a shipped target's name (`montreal`), a directory holding an
    IBM `conf_*.json` and `props_*.json` (and optionally `defs_*.json`), or a
    compact `qopt-target-v1` JSON file, so lit tests can point at a fixture:
    `qopt %s --target=%S/Inputs/line5.json`.

    The pass fails if the target does not load or if the circuit uses device
    qubits the target lacks, or needs more qubits than the device has.

    Before:
    ```mlir
    module { func.func @f() { %q = qgate.physical 3 ... } }
    ```
    After `--attach-target=target=line5.json`:
    ```mlir
    module attributes {qgate.target = #qgate.target<name = "line5",
        num_qubits = 5, calibration_date = "synthetic",
        content_hash = "sha256:...", source = "line5.json">} { ... }
    ```
  }];
  let options = [
    Option<"targetSpec", "target", "std::string", /*default=*/"\"montreal\"",
           "Shipped target name, IBM device directory, or compact JSON file">,
  ];
  let statistics = [
    Statistic<"numTargetQubits", "target-qubits",
              "Qubits of the attached target">,
  ];
}

#endif // QOPT_TRANSFORMS_PASSES_TD
