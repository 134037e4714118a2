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
  /// Operations on qubits; entry i is gate i of `circuit`.
  llvm::SmallVector<mlir::Operation *> ops;
  mapping::MappingCircuit circuit;

  bool isPhysical() const {
    return !physicalIndex.empty() && physicalIndex.front().has_value();
  }
};

/// Reads `func` for mapping. Fails with a diagnostic on what mapping cannot
/// handle: qubit arguments, control flow on qubits, gates on more than two
/// qubits, a mix of virtual and device qubits, and measurement results used
/// anywhere but the return.
mlir::FailureOr<CircuitWires> collectCircuitWires(mlir::func::FuncOp func);

/// The module's target and its coupling graph.
struct MappingTarget {
  std::unique_ptr<target::Target> device;
  mapping::CouplingGraph graph;
};
mlir::FailureOr<MappingTarget> loadMappingTarget(mlir::ModuleOp module,
                                                 llvm::StringRef pass);

/// exp(-cost) of the routed circuit, printed with four digits.
std::string formatESP(double cost);

} // namespace qopt

#endif // QOPT_LIB_TRANSFORMS_MAPPINGSUPPORT_H
