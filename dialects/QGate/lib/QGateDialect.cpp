//===- QGateDialect.cpp - the qgate dialect -------------------------------===//

#include "qopt/Dialect/QGate/QGate.h"

#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/DialectImplementation.h"
#include "llvm/ADT/TypeSwitch.h"

using namespace mlir;
using namespace qopt::qgate;

#include "qopt/Dialect/QGate/QGateDialect.cpp.inc"

#define GET_TYPEDEF_CLASSES
#include "qopt/Dialect/QGate/QGateTypes.cpp.inc"

#define GET_ATTRDEF_CLASSES
#include "qopt/Dialect/QGate/QGateAttributes.cpp.inc"

void QGateDialect::initialize() {
  addTypes<
#define GET_TYPEDEF_LIST
#include "qopt/Dialect/QGate/QGateTypes.cpp.inc"
      >();
  addAttributes<
#define GET_ATTRDEF_LIST
#include "qopt/Dialect/QGate/QGateAttributes.cpp.inc"
      >();
  addOperations<
#define GET_OP_LIST
#include "qopt/Dialect/QGate/QGateOps.cpp.inc"
      >();
}

Operation *QGateDialect::materializeConstant(OpBuilder &builder,
                                             Attribute value, Type type,
                                             Location loc) {
  // Folded conditions and angles are ordinary arith constants.
  return arith::ConstantOp::materialize(builder, value, type, loc);
}

LogicalResult QGateDialect::verifyOperationAttribute(Operation *op,
                                                     NamedAttribute attr) {
  // Register layouts (OpenQASM import) and qubit layouts (mapping) are
  // function metadata, checked by the code that reads them.
  if (llvm::is_contained({"qgate.qregs", "qgate.cregs", "qgate.initial_layout",
                          "qgate.final_layout"},
                         attr.getName().getValue()))
    return success();
  if (attr.getName() != kTargetAttrName)
    return op->emitError("unknown qgate attribute '")
           << attr.getName().getValue() << "'";
  if (!isa<ModuleOp>(op))
    return op->emitError("'") << kTargetAttrName << "' belongs on a module";
  auto target = dyn_cast<TargetAttr>(attr.getValue());
  if (!target)
    return op->emitError("'")
           << kTargetAttrName << "' must be a #qgate.target attribute";
  // A circuit may not use device qubits the target does not have.
  WalkResult result = op->walk([&](PhysicalOp physical) {
    if (physical.getIndexAttr().getInt() >= int64_t(target.getNumQubits())) {
      physical.emitOpError("uses qubit ")
          << physical.getIndexAttr().getInt() << " but target '"
          << target.getName() << "' has " << target.getNumQubits() << " qubits";
      return WalkResult::interrupt();
    }
    return WalkResult::advance();
  });
  return failure(result.wasInterrupted());
}
