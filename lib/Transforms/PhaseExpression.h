//===- PhaseExpression.h - IBM cmd_def phase expressions --------*- C++ -*-===//
//
// Calibrated schedules give the phase of a frame change either as a number
// or as an expression of the gate's parameters, such as "-(P0)". These are
// built as arith ops on the gate's angle operands, so symbolic angles stay
// symbolic and constant ones fold.
//
//===----------------------------------------------------------------------===//

#ifndef QOPT_LIB_TRANSFORMS_PHASEEXPRESSION_H
#define QOPT_LIB_TRANSFORMS_PHASEEXPRESSION_H

#include "mlir/IR/Builders.h"
#include "mlir/IR/Location.h"
#include "mlir/Support/LogicalResult.h"

namespace qopt {

/// Builds `expression` over `params` (P0, P1, ...). Grammar: sums and
/// differences of products and quotients of numbers, `pi`, `P<i>`, unary
/// minus and parentheses. Fails with a diagnostic at `loc` on anything else
/// or on a parameter the gate does not have.
mlir::FailureOr<mlir::Value> buildPhaseExpression(mlir::OpBuilder &builder,
                                                  mlir::Location loc,
                                                  llvm::StringRef expression,
                                                  mlir::ValueRange params);

} // namespace qopt

#endif // QOPT_LIB_TRANSFORMS_PHASEEXPRESSION_H
