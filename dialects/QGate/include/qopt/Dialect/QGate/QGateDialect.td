//===- QGateDialect.td - the qgate dialect definition ------*- tablegen -*-===//

#ifndef QOPT_DIALECT_QGATE_DIALECT_TD
#define QOPT_DIALECT_QGATE_DIALECT_TD

include "mlir/IR/OpBase.td"

def QGate_Dialect : Dialect {
  let name = "qgate";
  let cppNamespace = "::qopt::qgate";
  let summary = "Gate-level quantum circuits with qubits as SSA values";
  let description = [{
    The `qgate` dialect represents quantum circuits in value semantics: a qubit
    is an SSA value of type `!qgate.qubit`, and every operation that acts on a
    qubit consumes it and yields a new value for the qubit's next state. The
    circuit's dependency graph is therefore the def-use graph, so cancellation
    and commutation are local rewrites and a wire can be followed without any
    side analysis.

    Each qubit value is *linear*: it is used at most once, and no operation
    names the same qubit twice. The verifier enforces both.

    There is one operation per gate, so the verifier knows every gate's arity.
    Rotation angles are `f64` SSA operands: constants come from
    `arith.constant`, and a variational circuit keeps its free parameters as
    function arguments.

    Matrices use the big-endian convention: the first qubit operand is the most
    significant bit of the basis-state index, so `cx %c, %t` is
    `[[1,0,0,0],[0,1,0,0],[0,0,0,1],[0,0,1,0]]`.

    Canonicalization (`-canonicalize`) preserves a circuit's unitary up to
    global phase and applies three gate-generic rewrites:
    - a gate with constant angles that make it the identity up to global
      phase (`rz(0)`, `rx(2*pi)`, `u(0, a, -a)`, `crz(4*pi)`) is removed, within
      a 1e-12 entry-wise tolerance that only absorbs the rounding of `2*pi`;
    - a gate followed on the same wires by its inverse is removed: `h h`,
      `cx cx` on the same ordered qubits, `s sdg`, `rx(a) rx(-a)` (constants or
      `arith.negf`), `u(t,p,l) u(-t,-l,-p)`; symmetric gates (`cz`, `swap`,
      `rzz`, `cp`, ...) also cancel with their qubits swapped;
    - two adjacent rotations of the same kind on the same wires merge, with
      the angles added by `arith.addf`, so symbolic angles merge too.
    `qgate.id` is kept: on hardware it is a timed idle. `qgate.barrier` stops
    all three.
  }];
  let dependentDialects = ["::mlir::arith::ArithDialect"];
  let useDefaultTypePrinterParser = 1;
  let useDefaultAttributePrinterParser = 1;
  let hasOperationAttrVerify = 1;
  let hasCanonicalizer = 1;
  let hasConstantMaterializer = 1;
}

class QGate_Op<string mnemonic, list<Trait> traits = []>
    : Op<QGate_Dialect, mnemonic, traits>;

#endif // QOPT_DIALECT_QGATE_DIALECT_TD
