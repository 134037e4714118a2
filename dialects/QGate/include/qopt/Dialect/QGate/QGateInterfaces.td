//===- QGateInterfaces.td - qubit and gate op interfaces ---*- tablegen -*-===//

#ifndef QOPT_DIALECT_QGATE_INTERFACES_TD
#define QOPT_DIALECT_QGATE_INTERFACES_TD

include "mlir/IR/OpBase.td"

def QubitOpInterface : OpInterface<"QubitOpInterface"> {
  let cppNamespace = "::qopt::qgate";
  let description = [{
    An operation that threads qubits: it consumes qubit values and yields one
    new value per consumed qubit, in the same order. Gates, measurement, reset
    and barrier implement it, so a pass can follow a wire through any of them
    with `getOutputForInput` / `getInputForOutput`.
  }];
  let methods = [
    InterfaceMethod<"The consumed qubit values, in operand order.",
      "::mlir::SmallVector<::mlir::Value>", "getQubitInputs", (ins), [{}],
      [{ return ::qopt::qgate::detail::filterQubits($_op->getOperands()); }]>,
    InterfaceMethod<"The yielded qubit values; the i-th continues the i-th input.",
      "::mlir::SmallVector<::mlir::Value>", "getQubitOutputs", (ins), [{}],
      [{ return ::qopt::qgate::detail::filterQubits($_op->getResults()); }]>,
    InterfaceMethod<"The yielded value that continues `input`, or null.",
      "::mlir::Value", "getOutputForInput", (ins "::mlir::Value":$input), [{}],
      [{ return ::qopt::qgate::detail::mapWire(
             $_op.getQubitInputs(), $_op.getQubitOutputs(), input); }]>,
    InterfaceMethod<"The consumed value that `output` continues, or null.",
      "::mlir::Value", "getInputForOutput", (ins "::mlir::Value":$output), [{}],
      [{ return ::qopt::qgate::detail::mapWire(
             $_op.getQubitOutputs(), $_op.getQubitInputs(), output); }]>,
  ];
  let verify = [{ return ::qopt::qgate::detail::verifyQubitOp($_op); }];
}

def GateOpInterface : OpInterface<"GateOpInterface", [QubitOpInterface]> {
  let cppNamespace = "::qopt::qgate";
  let description = [{
    A unitary gate. Its first `getNumQubits()` operands are qubits and the
    remaining `getNumParams()` operands are `f64` angles. When the angles are
    known, the interface gives the gate's unitary as an Eigen matrix (first
    qubit operand = most significant bit) and can build the inverse gate.
  }];
  let methods = [
    InterfaceMethod<"Number of qubits the gate acts on.",
      "unsigned", "getNumQubits", (ins), [{}],
      [{ return $_op->getNumResults(); }]>,
    InterfaceMethod<"Number of angle operands.",
      "unsigned", "getNumParams", (ins), [{}],
      [{ return $_op->getNumOperands() - $_op->getNumResults(); }]>,
    InterfaceMethod<"The angle operands, in declaration order.",
      "::mlir::OperandRange", "getParams", (ins), [{}],
      [{ return $_op->getOperands().drop_front($_op->getNumResults()); }]>,
    InterfaceMethod<[{
        The gate's unitary for the given angles (one per angle operand), of
        dimension 2^getNumQubits().
      }],
      "::Eigen::MatrixXcd", "computeMatrix",
      (ins "::llvm::ArrayRef<double>":$params)>,
    InterfaceMethod<"The angles when all of them are constants.",
      "std::optional<::llvm::SmallVector<double>>", "getConstantParams",
      (ins), [{}],
      [{ return ::qopt::qgate::detail::getConstantParams($_op->getOperands()
             .drop_front($_op->getNumResults())); }]>,
    InterfaceMethod<"The unitary when all angles are constants.",
      "std::optional<::Eigen::MatrixXcd>", "getConstantMatrix", (ins), [{}],
      [{
        auto params = $_op.getConstantParams();
        if (!params)
          return std::nullopt;
        return $_op.computeMatrix(*params);
      }]>,
    InterfaceMethod<[{
        Builds the inverse of this gate applied to `qubits` (one per qubit of
        this gate, in the same order) and returns the final qubit values.
        Angles are negated with `arith.negf`, so symbolic gates invert too.
      }],
      "::llvm::SmallVector<::mlir::Value>", "buildInverse",
      (ins "::mlir::OpBuilder &":$builder, "::mlir::ValueRange":$qubits),
      [{}], [{ return ::qopt::qgate::detail::buildInverse($_op, builder, qubits); }]>,
  ];
  let verify = [{ return ::qopt::qgate::detail::verifyGateOp($_op); }];
}

#endif // QOPT_DIALECT_QGATE_INTERFACES_TD
