//===- QGate.h - the qgate dialect, types and operations --------*- C++ -*-===//

#ifndef QOPT_DIALECT_QGATE_QGATE_H
#define QOPT_DIALECT_QGATE_QGATE_H

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/IR/Builders.h"
#include "mlir/IR/BuiltinTypes.h"
#include "mlir/IR/Dialect.h"
#include "mlir/IR/OpDefinition.h"
#include "mlir/IR/OpImplementation.h"
#include "mlir/Interfaces/InferTypeOpInterface.h"
#include "mlir/Interfaces/SideEffectInterfaces.h"

#include <Eigen/Core>
#include <optional>

#include "qopt/Dialect/QGate/QGateTraits.h"

#include "qopt/Dialect/QGate/QGateDialect.h.inc"

#define GET_TYPEDEF_CLASSES
#include "qopt/Dialect/QGate/QGateTypes.h.inc"

#define GET_ATTRDEF_CLASSES
#include "qopt/Dialect/QGate/QGateAttributes.h.inc"

namespace qopt::qgate {
class GateOpInterface;
namespace detail {
/// The values of `values` whose type is !qgate.qubit.
llvm::SmallVector<mlir::Value> filterQubits(mlir::ValueRange values);
/// The element of `to` at the position of `value` in `from`, or null.
mlir::Value mapWire(llvm::ArrayRef<mlir::Value> from,
                    llvm::ArrayRef<mlir::Value> to, mlir::Value value);
/// The constant values of `params`, if all of them are constants.
std::optional<llvm::SmallVector<double>>
getConstantParams(mlir::ValueRange params);
llvm::SmallVector<mlir::Value> buildInverse(mlir::Operation *gate,
                                            mlir::OpBuilder &builder,
                                            mlir::ValueRange qubits);
mlir::LogicalResult verifyQubitOp(mlir::Operation *op);
mlir::LogicalResult verifyGateOp(mlir::Operation *op);
} // namespace detail

/// Name of the module attribute holding the #qgate.target.
inline constexpr llvm::StringLiteral kTargetAttrName = "qgate.target";

/// Creates the gate `name` (an op name such as "qgate.rz") on `qubits` with
/// angle operands `params`; its results continue `qubits` in order.
mlir::Operation *buildGate(mlir::OpBuilder &builder, mlir::Location loc,
                           mlir::OperationName name, mlir::ValueRange qubits,
                           mlir::ValueRange params = {});

/// The device qubit the wire `qubit` lies on: follows it back through qubit
/// ops and scf.if results to its qgate.physical. Nullopt for virtual qubits
/// and wires that start at a block argument.
std::optional<int64_t> traceDeviceQubit(mlir::Value qubit);

/// traceDeviceQubit for every qubit value under `root` at once, in one pass
/// over the IR: tracing each gate's wires back separately costs time
/// quadratic in the circuit's depth. A snapshot: values created after it
/// are unknown.
llvm::DenseMap<mlir::Value, int64_t> mapDeviceQubits(mlir::Operation *root);

/// Device qubits for a pass that asks about many gates while rewriting:
/// mapDeviceQubits up front, and values created later traced back only to
/// the nearest known one. forget() an op before erasing it, so that a new
/// value allocated at its result's address is not mistaken for it.
class DeviceQubitIndex {
public:
  explicit DeviceQubitIndex(mlir::Operation *root)
      : known(mapDeviceQubits(root)) {}
  std::optional<int64_t> lookup(mlir::Value qubit) const;
  void forget(mlir::Operation *op);

private:
  llvm::DenseMap<mlir::Value, int64_t> known;
};

/// True if `value` is a qubit.
inline bool isQubit(mlir::Value value) {
  return llvm::isa<QubitType>(value.getType());
}
} // namespace qopt::qgate

#include "qopt/Dialect/QGate/QGateInterfaces.h.inc"

#define GET_OP_CLASSES
#include "qopt/Dialect/QGate/QGateOps.h.inc"

#endif // QOPT_DIALECT_QGATE_QGATE_H
