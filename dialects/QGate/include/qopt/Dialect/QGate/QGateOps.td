//===- QGateOps.td - qgate operations ----------------------*- tablegen -*-===//

#ifndef QOPT_DIALECT_QGATE_OPS_TD
#define QOPT_DIALECT_QGATE_OPS_TD

include "qopt/Dialect/QGate/QGateDialect.td"
include "qopt/Dialect/QGate/QGateAttributes.td"
include "qopt/Dialect/QGate/QGateInterfaces.td"
include "qopt/Dialect/QGate/QGateTraits.td"
include "qopt/Dialect/QGate/QGateTypes.td"
include "mlir/Interfaces/InferTypeOpInterface.td"
include "mlir/Interfaces/SideEffectInterfaces.td"

//===----------------------------------------------------------------------===//
// Allocation
//===----------------------------------------------------------------------===//

def QGate_AllocOp : QGate_Op<"alloc", [MemoryEffects<[MemAlloc]>]> {
  let summary = "allocate a virtual qubit in state |0>";
  let description = [{
    Starts a wire on a fresh virtual qubit. Layout later assigns it to a
    physical qubit.

    ```mlir
    %q = qgate.alloc
    ```
  }];
  let results = (outs QGate_QubitType:$qubit);
  let assemblyFormat = "attr-dict";
}

def QGate_PhysicalOp : QGate_Op<"physical", [MemoryEffects<[MemAlloc]>]> {
  let summary = "start a wire on a physical qubit of the device";
  let description = [{
    Starts a wire on the device qubit with the given index, in state |0>.
    Indices are the device's own and need not be contiguous. The verifier
    rejects a negative index and a second `qgate.physical` of the same index
    earlier in the same block, since one device qubit has only one wire.

    ```mlir
    %q3 = qgate.physical 3
    ```
  }];
  let arguments = (ins I64Attr:$index);
  let results = (outs QGate_QubitType:$qubit);
  let assemblyFormat = "$index attr-dict";
  let hasVerifier = 1;
}

//===----------------------------------------------------------------------===//
// Gates
//===----------------------------------------------------------------------===//

// A unitary gate on the named qubits with the named f64 angles. Operands are
// the qubits then the angles; the i-th result continues the i-th qubit.
// Printed as `qgate.<mnemonic>(angles...) qubits...`.
class QGate_GateOp<string mnemonic, list<string> qubitNames,
                   list<string> paramNames, list<Trait> traits = []>
    : QGate_Op<mnemonic, !listconcat(traits, [
        DeclareOpInterfaceMethods<GateOpInterface>,
        NumQubits<!size(qubitNames)>,
        NumParams<!size(paramNames)>])> {
  let arguments = !con(
      !dag(ins, !listsplat(QGate_QubitType, !size(qubitNames)), qubitNames),
      !dag(ins, !listsplat(F64, !size(paramNames)), paramNames));
  let results = !dag(outs, !listsplat(QGate_QubitType, !size(qubitNames)),
                     !foreach(n, qubitNames, n # "_out"));
  let assemblyFormat =
      !if(!empty(paramNames), "",
          "`(` " # !interleave(!foreach(p, paramNames, "$" # p), " `,` ")
                 # " `)` ")
      # !interleave(!foreach(q, qubitNames, "$" # q), " `,` ")
      # " attr-dict";
}

class OneQubitGate<string mnemonic, list<Trait> traits = []>
    : QGate_GateOp<mnemonic, ["qubit"], [], traits>;
class OneQubitRotation<string mnemonic, list<Trait> traits = []>
    : QGate_GateOp<mnemonic, ["qubit"], ["theta"], !listconcat([Rotation], traits)>;
class ControlledGate<string mnemonic, list<Trait> traits = []>
    : QGate_GateOp<mnemonic, ["control", "target"], [], traits>;
class ControlledRotation<string mnemonic, list<Trait> traits = []>
    : QGate_GateOp<mnemonic, ["control", "target"], ["theta"],
                   !listconcat([Rotation], traits)>;
class TwoQubitGate<string mnemonic, list<string> params = [],
                   list<Trait> traits = []>
    : QGate_GateOp<mnemonic, ["qubit0", "qubit1"], params, traits>;

def QGate_IdOp : OneQubitGate<"id", [Hermitian, Diagonal]> {
  let summary = "identity gate";
  let description = [{
    The identity. It is kept by canonicalization because on hardware it is a
    timed idle of one single-qubit gate length, not a no-op.
  }];
}
def QGate_XOp : OneQubitGate<"x", [Hermitian]> {
  let summary = "Pauli X (bit flip)";
  let description = [{
    `[[0, 1], [1, 0]]`.
  }];
}
def QGate_YOp : OneQubitGate<"y", [Hermitian]> {
  let summary = "Pauli Y";
  let description = [{
    `[[0, -i], [i, 0]]`.
  }];
}
def QGate_ZOp : OneQubitGate<"z", [Hermitian, Diagonal]> {
  let summary = "Pauli Z (phase flip)";
  let description = [{
    `[[1, 0], [0, -1]]`.
  }];
}
def QGate_HOp : OneQubitGate<"h", [Hermitian]> {
  let summary = "Hadamard";
  let description = [{
    `[[1, 1], [1, -1]] / sqrt(2)`.
  }];
}
def QGate_SOp : OneQubitGate<"s", [Diagonal]> {
  let summary = "S = sqrt(Z)";
  let description = [{
    `diag(1, i)`; its inverse is `sdg`.
  }];
}
def QGate_SdgOp : OneQubitGate<"sdg", [Diagonal]> {
  let summary = "S-dagger";
  let description = [{
    `diag(1, -i)`; its inverse is `s`.
  }];
}
def QGate_TOp : OneQubitGate<"t", [Diagonal]> {
  let summary = "T = sqrt(S)";
  let description = [{
    `diag(1, exp(i pi/4))`; its inverse is `tdg`.
  }];
}
def QGate_TdgOp : OneQubitGate<"tdg", [Diagonal]> {
  let summary = "T-dagger";
  let description = [{
    `diag(1, exp(-i pi/4))`; its inverse is `t`.
  }];
}
def QGate_SXOp : OneQubitGate<"sx"> {
  let summary = "sqrt(X)";
  let description = [{
    `[[1+i, 1-i], [1-i, 1+i]] / 2`, a native gate of IBM devices; its inverse
    is `sxdg`.
  }];
}
def QGate_SXdgOp : OneQubitGate<"sxdg"> {
  let summary = "sqrt(X)-dagger";
  let description = [{
    `[[1-i, 1+i], [1+i, 1-i]] / 2`; its inverse is `sx`.
  }];
}
def QGate_RXOp : OneQubitRotation<"rx"> {
  let summary = "rotation about X";
  let description = [{
    `exp(-i theta X / 2)`.
  }];
}
def QGate_RYOp : OneQubitRotation<"ry"> {
  let summary = "rotation about Y";
  let description = [{
    `exp(-i theta Y / 2)`.
  }];
}
def QGate_RZOp : OneQubitRotation<"rz", [Diagonal]> {
  let summary = "rotation about Z";
  let description = [{
    `exp(-i theta Z / 2) = diag(exp(-i theta/2), exp(i theta/2))`. This
    differs from `p(theta)` (qelib1's `u1`) only by a global phase.
  }];
}
def QGate_POp : QGate_GateOp<"p", ["qubit"], ["lambda"], [Rotation, Diagonal]> {
  let summary = "phase gate (qelib1 u1)";
  let description = [{
    `diag(1, exp(i lambda))`.
  }];
}
def QGate_UOp : QGate_GateOp<"u", ["qubit"], ["theta", "phi", "lambda"]> {
  let summary = "generic single-qubit gate U(theta, phi, lambda)";
  let description = [{
    OpenQASM 2's `U`:
    `[[cos(theta/2), -exp(i lambda) sin(theta/2)],
      [exp(i phi) sin(theta/2), exp(i (phi+lambda)) cos(theta/2)]]`.
    Its inverse is `u(-theta, -lambda, -phi)`.
  }];
}
def QGate_CXOp : ControlledGate<"cx", [Hermitian]> {
  let summary = "controlled X (CNOT)";
  let description = [{
    Flips `target` when `control` is |1>.
  }];
}
def QGate_CYOp : ControlledGate<"cy", [Hermitian]> {
  let summary = "controlled Y";
  let description = [{
    `y` on `target` when `control` is |1>.
  }];
}
def QGate_CZOp : ControlledGate<"cz", [Hermitian, Diagonal, SymmetricQubits]> {
  let summary = "controlled Z";
  let description = [{
    `diag(1, 1, 1, -1)`; symmetric in its qubits.
  }];
}
def QGate_CHOp : ControlledGate<"ch", [Hermitian]> {
  let summary = "controlled Hadamard";
  let description = [{
    `h` on `target` when `control` is |1>.
  }];
}
def QGate_SwapOp : TwoQubitGate<"swap", [], [Hermitian, SymmetricQubits]> {
  let summary = "exchange two qubits";
  let description = [{
    Exchanges the states of its qubits: `[[1,0,0,0],[0,0,1,0],[0,1,0,0],[0,0,0,1]]`; symmetric and its own inverse.
  }];
}
def QGate_ISwapOp : TwoQubitGate<"iswap", [], [SymmetricQubits]> {
  let summary = "iSWAP";
  let description = [{
    Exchanges |01> and |10> with a phase i: `[[1,0,0,0],[0,0,i,0],[0,i,0,0],
    [0,0,0,1]]`. Its inverse is `iswap` followed by `z` on both qubits.
  }];
}
def QGate_ECROp : TwoQubitGate<"ecr", [], [Hermitian]> {
  let summary = "echoed cross-resonance gate";
  let description = [{
    `(X⊗I - Y⊗X) / sqrt(2)`, with `qubit0` (the cross-resonance control) the
    left factor: `[[0,0,1,i],[0,0,i,1],[1,-i,0,0],[-i,1,0,0]] / sqrt(2)`.
    This is Qiskit's `ECRGate` written big-endian. It is the native
    two-qubit gate of IBM Eagle devices and is its own inverse.
  }];
}
def QGate_RXXOp : TwoQubitGate<"rxx", ["theta"], [Rotation, SymmetricQubits]> {
  let summary = "XX rotation";
  let description = [{
    `exp(-i theta X⊗X / 2)`.
  }];
}
def QGate_RYYOp : TwoQubitGate<"ryy", ["theta"], [Rotation, SymmetricQubits]> {
  let summary = "YY rotation";
  let description = [{
    `exp(-i theta Y⊗Y / 2)`.
  }];
}
def QGate_RZZOp : TwoQubitGate<"rzz", ["theta"],
                               [Rotation, Diagonal, SymmetricQubits]> {
  let summary = "ZZ rotation";
  let description = [{
    `exp(-i theta Z⊗Z / 2)`.
  }];
}
def QGate_CRXOp : ControlledRotation<"crx"> {
  let summary = "controlled rx";
  let description = [{
    `rx(theta)` on `target` when `control` is |1>.
  }];
}
def QGate_CRYOp : ControlledRotation<"cry"> {
  let summary = "controlled ry";
  let description = [{
    `ry(theta)` on `target` when `control` is |1>.
  }];
}
def QGate_CRZOp : ControlledRotation<"crz", [Diagonal]> {
  let summary = "controlled rz";
  let description = [{
    `rz(theta)` on `target` when `control` is |1>.
  }];
}
def QGate_CPOp : QGate_GateOp<"cp", ["control", "target"], ["lambda"],
                              [Rotation, Diagonal, SymmetricQubits]> {
  let summary = "controlled phase (qelib1 cu1)";
  let description = [{
    `diag(1, 1, 1, exp(i lambda))`; symmetric in its qubits.
  }];
}
def QGate_CUOp : QGate_GateOp<"cu", ["control", "target"],
                              ["theta", "phi", "lambda", "gamma"]> {
  let summary = "controlled U with a control phase";
  let description = [{
    Applies `exp(i gamma) u(theta, phi, lambda)` to `target` when `control`
    is |1> (OpenQASM 3's `cu`). qelib1's `cu3(theta, phi, lambda)` is
    `cu(theta, phi, lambda, 0)`.
  }];
}
def QGate_CCXOp : QGate_GateOp<"ccx", ["control0", "control1", "target"], [],
                               [Hermitian]> {
  let summary = "Toffoli (doubly controlled X)";
  let description = [{
    Flips `target` when both controls are |1>.
  }];
}
def QGate_CSwapOp : QGate_GateOp<"cswap", ["control", "target0", "target1"],
                                 [], [Hermitian]> {
  let summary = "Fredkin (controlled swap)";
  let description = [{
    Exchanges `target0` and `target1` when `control` is |1>.
  }];
}

//===----------------------------------------------------------------------===//
// Non-unitary operations
//===----------------------------------------------------------------------===//

def QGate_MeasureOp : QGate_Op<"measure", [QubitOpInterface]> {
  let summary = "measure a qubit in the computational basis";
  let description = [{
    Yields the qubit's post-measurement value and the outcome bit. The
    optional target names the classical register bit the outcome is written
    to, as in OpenQASM's `measure q[0] -> c[3]`; the outcome itself is the
    `i1` result, and the target only says where an OpenQASM export stores it.

    ```mlir
    %q1, %bit = qgate.measure %q0
    %q2, %c3 = qgate.measure %q1 -> "c"[3]
    ```
  }];
  let arguments = (ins QGate_QubitType:$qubit, OptionalAttr<StrAttr>:$creg,
                       OptionalAttr<I64Attr>:$creg_index);
  let results = (outs QGate_QubitType:$qubit_out, I1:$bit);
  let assemblyFormat = [{
    $qubit (`->` $creg^ `[` $creg_index `]`)? attr-dict
  }];
  let hasVerifier = 1;
}

def QGate_CregEqualsOp : QGate_Op<"creg_equals", [Pure]> {
  let summary = "compare a classical register with an integer";
  let description = [{
    True when the register whose bits are `bits` (bit 0 first, the least
    significant, as OpenQASM 2 reads a register) holds `value`. It is the
    condition of OpenQASM 2's `if (c == n)`, which becomes an `scf.if` that
    threads the qubits the guarded gate acts on.

    ```mlir
    %cond = qgate.creg_equals "c"[%b0, %b1], 2
    ```
  }];
  let arguments = (ins StrAttr:$creg, Variadic<I1>:$bits, I64Attr:$value);
  let results = (outs I1:$result);
  let assemblyFormat = "$creg `[` $bits `]` `,` $value attr-dict";
  let hasVerifier = 1;
  let hasFolder = 1;
}

def QGate_ResetOp : QGate_Op<"reset", [QubitOpInterface]> {
  let summary = "reset a qubit to |0>";
  let arguments = (ins QGate_QubitType:$qubit);
  let results = (outs QGate_QubitType:$qubit_out);
  let assemblyFormat = "$qubit attr-dict";
}

def QGate_BarrierOp : QGate_Op<"barrier", [
    QubitOpInterface, DeclareOpInterfaceMethods<InferTypeOpInterface>]> {
  let summary = "stop optimizations and scheduling from moving gates across";
  let description = [{
    Threads its qubits unchanged. Gates may not be reordered across it.

    ```mlir
    %a1, %b1 = qgate.barrier %a0, %b0
    ```
  }];
  let arguments = (ins Variadic<QGate_QubitType>:$qubits);
  let results = (outs Variadic<QGate_QubitType>:$qubits_out);
  let assemblyFormat = "$qubits attr-dict";
  let hasVerifier = 1;
}

#endif // QOPT_DIALECT_QGATE_OPS_TD
