//===- CircuitMetrics.h - size and depth of a qgate circuit -----*- C++ -*-===//

#ifndef QOPT_DRIVER_CIRCUITMETRICS_H
#define QOPT_DRIVER_CIRCUITMETRICS_H

namespace mlir::func {
class FuncOp;
} // namespace mlir::func

namespace qopt::driver {

struct CircuitMetrics {
  /// Qubit arguments, qgate.alloc and qgate.physical.
  unsigned qubits = 0;
  /// Unitary gates other than qgate.id, also inside conditionals.
  unsigned gates = 0;
  unsigned twoQubitGates = 0;
  unsigned measurements = 0;
  /// The longest chain of gates, measurements and resets along the qubit
  /// wires (a conditional counts as its longest branch).
  unsigned depth = 0;
};

CircuitMetrics measureCircuit(mlir::func::FuncOp func);

} // namespace qopt::driver

#endif // QOPT_DRIVER_CIRCUITMETRICS_H
