//===- QGateAttributes.td - qgate attributes ---------------*- tablegen -*-===//

#ifndef QOPT_DIALECT_QGATE_ATTRIBUTES_TD
#define QOPT_DIALECT_QGATE_ATTRIBUTES_TD

include "qopt/Dialect/QGate/QGateDialect.td"
include "mlir/IR/AttrTypeBase.td"

def QGate_TargetAttr : AttrDef<QGate_Dialect, "Target"> {
  let mnemonic = "target";
  let summary = "the device and calibration a module is compiled for";
  let description = [{
    Attached to a module as `qgate.target` by `--attach-target` (or
    `qopt --target=...`). It names the device, its qubit count, the date of
    the calibration and a SHA-256 of the calibration files, and where they
    were loaded from, so a compiled module says exactly what it was built
    for and a later pass can reload the same data and detect a different
    calibration.

    ```mlir
    module attributes {qgate.target = #qgate.target<name = "montreal",
        num_qubits = 27, calibration_date = "2021-03-15T15:02:06-04:00",
        content_hash = "sha256:6a7c...", source = "targets/montreal">} {}
    ```
  }];
  let parameters = (ins StringRefParameter<"device name">:$name,
                        "unsigned":$num_qubits,
                        StringRefParameter<"calibration date">:$calibration_date,
                        StringRefParameter<"SHA-256 of the files">:$content_hash,
                        StringRefParameter<"where the files were read">:$source);
  let assemblyFormat = "`<` struct(params) `>`";
}

#endif // QOPT_DIALECT_QGATE_ATTRIBUTES_TD
