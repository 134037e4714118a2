//===- GateTestSupport.h - qgate circuits in unit tests ---------*- C++ -*-===//

#ifndef QOPT_UNITTESTS_QGATE_GATETESTSUPPORT_H
#define QOPT_UNITTESTS_QGATE_GATETESTSUPPORT_H

#include "qopt/Dialect/QGate/QGate.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/MLIRContext.h"
#include "mlir/IR/OwningOpRef.h"
#include "mlir/IR/Verifier.h"

#include <string>
#include <vector>

namespace qopt::test {

/// A gate kind as the tests see it: mnemonic and arity.
struct GateKind {
  std::string name;
  unsigned numQubits;
  unsigned numParams;
};

/// Every gate of the dialect, read from the registered ops so that a new gate
/// is covered automatically. Arity comes from the op's traits.
std::vector<GateKind> allGateKinds(mlir::MLIRContext &context);

/// A context with qgate, arith and func loaded.
std::unique_ptr<mlir::MLIRContext> makeContext();

/// A module holding `func.func @circuit` with `numQubits` qubit arguments, and
/// a builder positioned before its terminator. The function returns its
/// qubits' final values once `finish` is called.
struct CircuitBuilder {
  CircuitBuilder(mlir::MLIRContext &context, unsigned numQubits);

  /// Appends gate `name` on wires `wires` with constant angles `params`.
  mlir::Operation *addGate(llvm::StringRef name, llvm::ArrayRef<unsigned> wires,
                           llvm::ArrayRef<double> params);
  /// Makes the function return the current value of every wire.
  mlir::func::FuncOp finish();

  mlir::OpBuilder builder;
  mlir::OwningOpRef<mlir::ModuleOp> module;
  mlir::func::FuncOp func;
  llvm::SmallVector<mlir::Value> wires;
};

} // namespace qopt::test

#endif // QOPT_UNITTESTS_QGATE_GATETESTSUPPORT_H
