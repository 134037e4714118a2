//===- QGateTypes.td - qgate types -------------------------*- tablegen -*-===//

#ifndef QOPT_DIALECT_QGATE_TYPES_TD
#define QOPT_DIALECT_QGATE_TYPES_TD

include "qopt/Dialect/QGate/QGateDialect.td"
include "mlir/IR/AttrTypeBase.td"

def QGate_QubitType : TypeDef<QGate_Dialect, "Qubit"> {
  let mnemonic = "qubit";
  let summary = "the state of one qubit at one point of a circuit";
  let description = [{
    A value of this type names one qubit between two operations. Operations
    consume it and yield the qubit's next value, and each value is used at
    most once.

    Virtual and physical qubits share this type; the operation that created
    the wire (`qgate.alloc` or `qgate.physical`) says which it is. Keeping one
    type means a mapping pass rewrites only the allocations, not the type of
    every value along every wire.
  }];
}

#endif // QOPT_DIALECT_QGATE_TYPES_TD
