//===- QGateOps.cpp - qgate operation verifiers and hooks -----------------===//

#include "qopt/Dialect/QGate/QGate.h"

using namespace mlir;
using namespace qopt::qgate;

LogicalResult PhysicalOp::verify() {
  int64_t index = getIndexAttr().getInt();
  if (index < 0)
    return emitOpError("physical qubit index must be non-negative, got ")
           << index;
  // Physical wires start at the top of a circuit, so scanning the ops before
  // this one stays short in practice.
  for (Operation *prev = getOperation()->getPrevNode(); prev;
       prev = prev->getPrevNode()) {
    auto other = dyn_cast<PhysicalOp>(prev);
    if (other && other.getIndexAttr().getInt() == index)
      return (emitOpError("physical qubit ")
              << index << " already has a wire in this block")
                 .attachNote(other.getLoc())
             << "first started here";
  }
  return success();
}

LogicalResult BarrierOp::verify() {
  if (getQubits().empty())
    return emitOpError("needs at least one qubit");
  return success();
}

LogicalResult BarrierOp::inferReturnTypes(
    MLIRContext *context, std::optional<Location> location, ValueRange operands,
    DictionaryAttr attributes, OpaqueProperties properties, RegionRange regions,
    SmallVectorImpl<Type> &inferredReturnTypes) {
  inferredReturnTypes.assign(operands.size(), QubitType::get(context));
  return success();
}

#define GET_OP_CLASSES
#include "qopt/Dialect/QGate/QGateOps.cpp.inc"
