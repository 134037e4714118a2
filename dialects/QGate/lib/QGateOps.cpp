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

LogicalResult MeasureOp::verify() {
  if (getCreg().has_value() != getCregIndex().has_value())
    return emitOpError("needs both a register name and a bit index, or "
                       "neither");
  if (getCregIndexAttr() && getCregIndexAttr().getInt() < 0)
    return emitOpError("register bit index must be non-negative, got ")
           << getCregIndexAttr().getInt();
  return success();
}

LogicalResult CregEqualsOp::verify() {
  size_t width = getBits().size();
  if (width == 0 || width > 63)
    return emitOpError("register width must be between 1 and 63 bits, got ")
           << width;
  int64_t value = getValueAttr().getInt();
  if (value < 0 || value >= (int64_t(1) << width))
    return emitOpError("value ")
           << value << " does not fit in a " << width << "-bit register";
  return success();
}

OpFoldResult CregEqualsOp::fold(FoldAdaptor adaptor) {
  // Known when every bit is a constant, e.g. before any measurement.
  uint64_t value = getValueAttr().getInt();
  for (auto [index, bit] : llvm::enumerate(adaptor.getBits())) {
    auto constant = dyn_cast_or_null<IntegerAttr>(bit);
    if (!constant)
      return {};
    bool expected = (value >> index) & 1;
    if (constant.getValue().getBoolValue() != expected)
      return BoolAttr::get(getContext(), false);
  }
  return BoolAttr::get(getContext(), true);
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
