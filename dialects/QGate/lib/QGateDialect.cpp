//===- QGateDialect.cpp - the qgate dialect -------------------------------===//

#include "qopt/Dialect/QGate/QGate.h"

#include "mlir/IR/DialectImplementation.h"
#include "llvm/ADT/TypeSwitch.h"

using namespace mlir;
using namespace qopt::qgate;

#include "qopt/Dialect/QGate/QGateDialect.cpp.inc"

#define GET_TYPEDEF_CLASSES
#include "qopt/Dialect/QGate/QGateTypes.cpp.inc"

void QGateDialect::initialize() {
  addTypes<
#define GET_TYPEDEF_LIST
#include "qopt/Dialect/QGate/QGateTypes.cpp.inc"
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
