//===- QGateInterfaces.cpp - qubit/gate interfaces and trait checks -------===//

#include "qopt/Dialect/QGate/QGate.h"

#include "mlir/IR/Matchers.h"
#include "mlir/Interfaces/ControlFlowInterfaces.h"

#include <cmath>

using namespace mlir;
using namespace qopt::qgate;

#include "qopt/Dialect/QGate/QGateInterfaces.cpp.inc"

SmallVector<Value> qopt::qgate::detail::filterQubits(ValueRange values) {
  SmallVector<Value> qubits;
  for (Value value : values)
    if (isQubit(value))
      qubits.push_back(value);
  return qubits;
}

Value qopt::qgate::detail::mapWire(ArrayRef<Value> from, ArrayRef<Value> to,
                                   Value value) {
  for (auto [index, candidate] : llvm::enumerate(from))
    if (candidate == value)
      return index < to.size() ? to[index] : Value();
  return Value();
}

std::optional<SmallVector<double>>
qopt::qgate::detail::getConstantParams(ValueRange params) {
  SmallVector<double> values;
  for (Value param : params) {
    FloatAttr attr;
    if (!matchPattern(param, m_Constant(&attr)))
      return std::nullopt;
    values.push_back(attr.getValueAsDouble());
  }
  return values;
}

LogicalResult qopt::qgate::detail::verifyNumQubits(Operation *op, unsigned n) {
  if (op->getNumResults() != n)
    return op->emitOpError("expects ") << n << " qubit results";
  if (op->getNumOperands() < n)
    return op->emitOpError("expects ") << n << " qubit operands";
  for (unsigned i = 0; i < n; ++i) {
    if (!isQubit(op->getOperand(i)))
      return op->emitOpError("operand #")
             << i << " must be a !qgate.qubit, but got "
             << op->getOperand(i).getType();
    if (!isQubit(op->getResult(i)))
      return op->emitOpError("result #")
             << i << " must be a !qgate.qubit, but got "
             << op->getResult(i).getType();
  }
  return success();
}

LogicalResult qopt::qgate::detail::verifyNumParams(Operation *op, unsigned p) {
  if (op->getNumOperands() != op->getNumResults() + p)
    return op->emitOpError("expects ") << p << " angle operands";
  return success();
}

/// True if `a` and `b` sit in different regions of a common ancestor, as in
/// the two branches of an scf.if: at most one of them runs, so they may both
/// consume the same qubit.
static bool inExclusiveRegions(Operation *a, Operation *b) {
  llvm::SmallDenseMap<Operation *, Region *> regionOfA;
  for (Region *region = a->getParentRegion(); region;
       region = region->getParentRegion())
    regionOfA[region->getParentOp()] = region;
  for (Region *region = b->getParentRegion(); region;
       region = region->getParentRegion()) {
    auto it = regionOfA.find(region->getParentOp());
    if (it != regionOfA.end())
      return it->second != region;
  }
  return false;
}

/// True if `other` runs after `op` in program order, comparing their ancestors
/// in the innermost block that holds both.
static bool runsAfter(Operation *other, Operation *op) {
  for (Operation *anchor = op; anchor; anchor = anchor->getParentOp()) {
    Block *block = anchor->getBlock();
    if (!block)
      return false;
    if (Operation *otherAnchor = block->findAncestorOpInBlock(*other))
      return otherAnchor != anchor && anchor->isBeforeInBlock(otherAnchor);
  }
  return false;
}

LogicalResult qopt::qgate::detail::verifyQubitOp(Operation *op) {
  SmallVector<Value> inputs = filterQubits(op->getOperands());
  SmallVector<Value> outputs = filterQubits(op->getResults());
  if (inputs.size() != outputs.size())
    return op->emitOpError("must yield one qubit per consumed qubit (consumes ")
           << inputs.size() << ", yields " << outputs.size() << ")";
  for (auto [i, input] : llvm::enumerate(inputs)) {
    for (unsigned j = 0; j < i; ++j)
      if (inputs[j] == input)
        return op->emitOpError("names the same qubit twice (qubit operands #")
               << j << " and #" << i << ")";
    // Linearity: the qubit's state exists once, so only one op may consume
    // it on any path. When two qubit ops share an input, only the later one
    // reports, so the error points at the offending use.
    SmallVector<Operation *> conflicts;
    bool laterUseReports = false;
    for (OpOperand &use : input.getUses()) {
      Operation *other = use.getOwner();
      if (other == op || inExclusiveRegions(op, other))
        continue;
      conflicts.push_back(other);
      laterUseReports |= isa<QubitOpInterface>(other) && runsAfter(other, op);
    }
    if (conflicts.empty() || laterUseReports)
      continue;
    InFlightDiagnostic diag = op->emitOpError("consumes qubit operand #")
                              << i << ", which is already used elsewhere";
    for (Operation *other : conflicts)
      diag.attachNote(other->getLoc()) << "other use is here";
    return diag;
  }
  return success();
}

LogicalResult qopt::qgate::detail::verifyGateOp(Operation *op) {
  auto gate = cast<GateOpInterface>(op);
  for (auto [i, param] : llvm::enumerate(gate.getParams())) {
    FloatAttr attr;
    if (matchPattern(param, m_Constant(&attr)) &&
        !std::isfinite(attr.getValueAsDouble()))
      return op->emitOpError("angle operand #")
             << i
             << (std::isnan(attr.getValueAsDouble()) ? " is NaN"
                                                     : " is infinite")
             << "; angles must be finite";
  }
  return success();
}

DenseMap<Value, int64_t> qopt::qgate::mapDeviceQubits(Operation *root) {
  DenseMap<Value, int64_t> device;
  // Post-order: a block's ops in order, an op's regions before the op, so
  // every input is known before the op that reads it.
  root->walk([&](Operation *op) {
    if (auto physical = dyn_cast<PhysicalOp>(op)) {
      device[physical.getResult()] = physical.getIndexAttr().getInt();
    } else if (auto gate = dyn_cast<QubitOpInterface>(op)) {
      for (Value input : gate.getQubitInputs())
        if (auto it = device.find(input); it != device.end()) {
          int64_t index = it->second; // before an insertion moves it
          device[gate.getOutputForInput(input)] = index;
        }
    } else if (isa<RegionBranchOpInterface>(op) && op->getNumRegions() == 2 &&
               !op->getRegion(0).empty()) {
      Operation *yield = op->getRegion(0).front().getTerminator();
      for (OpResult result : op->getResults()) {
        if (result.getResultNumber() >= yield->getNumOperands())
          break;
        auto it = device.find(yield->getOperand(result.getResultNumber()));
        if (it != device.end()) {
          int64_t index = it->second;
          device[result] = index;
        }
      }
    }
  });
  return device;
}

/// One step back along a wire: the qubit value `qubit` continues, or null
/// at the wire's start (or where it cannot be followed).
static Value previousOnWire(Value qubit) {
  Operation *def = qubit.getDefiningOp();
  if (!def)
    return nullptr;
  if (auto op = dyn_cast<QubitOpInterface>(def))
    return op.getInputForOutput(qubit);
  // An if-like result (scf.if) continues the then-branch's yielded wire.
  if (isa<RegionBranchOpInterface>(def) && def->getNumRegions() == 2 &&
      !def->getRegion(0).empty()) {
    Operation *yield = def->getRegion(0).front().getTerminator();
    unsigned index = cast<OpResult>(qubit).getResultNumber();
    return index < yield->getNumOperands() ? yield->getOperand(index)
                                           : nullptr;
  }
  return nullptr;
}

std::optional<int64_t> qopt::qgate::traceDeviceQubit(Value qubit) {
  for (; qubit; qubit = previousOnWire(qubit))
    if (auto physical = qubit.getDefiningOp<PhysicalOp>())
      return physical.getIndexAttr().getInt();
  return std::nullopt;
}

std::optional<int64_t> qopt::qgate::DeviceQubitIndex::lookup(Value qubit) const {
  for (; qubit; qubit = previousOnWire(qubit)) {
    auto it = known.find(qubit);
    if (it != known.end())
      return it->second;
    if (auto physical = qubit.getDefiningOp<PhysicalOp>())
      return physical.getIndexAttr().getInt();
  }
  return std::nullopt;
}

void qopt::qgate::DeviceQubitIndex::forget(Operation *op) {
  for (Value result : op->getResults())
    known.erase(result);
}
