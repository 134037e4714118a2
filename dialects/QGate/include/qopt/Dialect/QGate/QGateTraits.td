//===- QGateTraits.td - arity and property traits of gates -*- tablegen -*-===//

#ifndef QOPT_DIALECT_QGATE_TRAITS_TD
#define QOPT_DIALECT_QGATE_TRAITS_TD

include "mlir/IR/OpBase.td"

// Arity: the gate acts on N qubits, which are its first N operands and all of
// its results, and takes P angle operands after them.
class NumQubits<int n>
    : ParamNativeOpTrait<"NumQubits", !cast<string>(n)>,
      StructuralOpTrait {
  let cppNamespace = "::qopt::qgate::OpTrait";
}
class NumParams<int n>
    : ParamNativeOpTrait<"NumParams", !cast<string>(n)>,
      StructuralOpTrait {
  let cppNamespace = "::qopt::qgate::OpTrait";
}

// The gate is its own inverse (U = U^dagger), so two in a row cancel.
def Hermitian : NativeOpTrait<"Hermitian"> {
  let cppNamespace = "::qopt::qgate::OpTrait";
}

// The gate's matrix is diagonal in the computational basis; it commutes with
// every other diagonal gate and with measurement outcomes.
def Diagonal : NativeOpTrait<"Diagonal"> {
  let cppNamespace = "::qopt::qgate::OpTrait";
}

// A one-angle family with G(a) G(b) = G(a + b), so two in a row merge.
def Rotation : NativeOpTrait<"Rotation"> {
  let cppNamespace = "::qopt::qgate::OpTrait";
}

// Exchanging the gate's two qubits does not change its matrix.
def SymmetricQubits : NativeOpTrait<"SymmetricQubits"> {
  let cppNamespace = "::qopt::qgate::OpTrait";
}

#endif // QOPT_DIALECT_QGATE_TRAITS_TD
