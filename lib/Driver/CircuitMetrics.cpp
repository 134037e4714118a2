//===- CircuitMetrics.cpp - size and depth of a qgate circuit -------------===//

#include "qopt/Driver/CircuitMetrics.h"

#include "qopt/Dialect/QGate/QGate.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "llvm/ADT/DenseMap.h"

using namespace mlir;
using namespace qopt;

driver::CircuitMetrics driver::measureCircuit(func::FuncOp func) {
  CircuitMetrics metrics;
  // The depth at which each qubit value becomes available.
  llvm::DenseMap<Value, unsigned> level;
  auto isQubit = [](Value value) {
    return isa<qgate::QubitType>(value.getType());
  };
  for (BlockArgument argument : func.getArguments())
    metrics.qubits += isQubit(argument);
  // Post-order: a conditional's branches are measured before it.
  func.walk([&](Operation *op) {
    if (auto ifOp = dyn_cast<scf::IfOp>(op)) {
      for (auto [index, result] : llvm::enumerate(ifOp.getResults())) {
        if (!isQubit(result))
          continue;
        unsigned deepest = 0;
        for (Region &region : ifOp->getRegions())
          if (!region.empty())
            deepest = std::max(
                deepest,
                level.lookup(
                    region.front().getTerminator()->getOperand(index)));
        level[result] = deepest;
        metrics.depth = std::max(metrics.depth, deepest);
      }
      return;
    }
    if (isa<qgate::AllocOp, qgate::PhysicalOp>(op))
      ++metrics.qubits;
    unsigned start = 0;
    for (Value operand : op->getOperands())
      if (isQubit(operand))
        start = std::max(start, level.lookup(operand));
    bool counts = isa<qgate::MeasureOp, qgate::ResetOp>(op);
    if (auto gate = dyn_cast<qgate::GateOpInterface>(op);
        gate && !isa<qgate::IdOp>(op)) {
      counts = true;
      ++metrics.gates;
      metrics.twoQubitGates += gate.getNumQubits() == 2;
    }
    metrics.measurements += isa<qgate::MeasureOp>(op);
    unsigned end = start + counts;
    for (Value result : op->getResults())
      if (isQubit(result))
        level[result] = end;
    metrics.depth = std::max(metrics.depth, end);
  });
  return metrics;
}
