//===- MappingSupport.h - circuits as seen by layout and routing -*- C++
//-*-===//

#ifndef QOPT_LIB_TRANSFORMS_MAPPINGSUPPORT_H
#define QOPT_LIB_TRANSFORMS_MAPPINGSUPPORT_H

#include "qopt/Mapping/CouplingGraph.h"
#include "qopt/Mapping/Router.h"
#include "qopt/Target/Target.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/IR/BuiltinOps.h"

#include <memory>

namespace qopt {

/// A circuit function's wires and the operations on them, in program order.
struct CircuitWires {
  /// Wire i starts at `starts[i]`: a qgate.alloc or qgate.physical op.
  llvm::SmallVector<mlir::Operation *> starts;
  /// Per wire, the device qubit it starts on (qgate.physical only).
  llvm::SmallVector<std::optional<int64_t>> physicalIndex;
  /// Operations on qubits, gates and conditionals (scf.if), in program
  /// order; entry i is gate i of `circuit`.
  llvm::SmallVector<mlir::Operation *> ops;
  /// Operations that compute on measurement results, such as the conditions
  /// of conditionals, in program order.
  llvm::SmallVector<mlir::Operation *> classicalOps;
  mapping::MappingCircuit circuit;

  bool isPhysical() const {
    return !physicalIndex.empty() && physicalIndex.front().has_value();
  }
};

/// Reads `func` for mapping. A conditional (OpenQASM's `if`, an scf.if whose
/// branches take qubits through gates) is one operation on the qubits it
/// uses, ordered after the measurements its condition reads. Fails with a
/// diagnostic on what mapping cannot handle: qubit arguments, other control
/// flow on qubits, gates or conditionals on more than two qubits, and a mix
/// of virtual and device qubits.
mlir::FailureOr<CircuitWires> collectCircuitWires(mlir::func::FuncOp func);

/// Splits each conditional on more than two qubits (an `if` on a gate that
/// to-target-basis expanded) into one conditional per gate, on the same
/// condition, so that routing sees at most two qubits at a time.
void splitWideConditionals(mlir::func::FuncOp func);

/// The qubits an operation of CircuitWires::ops acts on, in wire order, and
/// the value that carries `input` on after it. Conditionals included.
llvm::SmallVector<mlir::Value> mappedQubitInputs(mlir::Operation *op);
mlir::Value mappedQubitOutput(mlir::Operation *op, mlir::Value input);

/// The module's target and its coupling graph.
struct MappingTarget {
  std::shared_ptr<const target::Target> device;
  /// Built once per loaded target (its distance tables take milliseconds on
  /// a 127-qubit device) and shared by layout, route and post-layout.
  std::shared_ptr<const mapping::CouplingGraph> graph;
};
mlir::FailureOr<MappingTarget> loadMappingTarget(mlir::ModuleOp module,
                                                 llvm::StringRef pass);

/// Runs layout or routing trials on `context`'s threads (none under
/// --mlir-disable-threading).
mapping::ParallelFor contextParallelFor(mlir::MLIRContext *context);

/// exp(-cost) of the routed circuit, printed with four digits.
std::string formatESP(double cost);

} // namespace qopt

#endif // QOPT_LIB_TRANSFORMS_MAPPINGSUPPORT_H
