//===- GateEmission.h - building synthesized gates --------------*- C++ -*-===//
//
// Shared by the passes that re-synthesize gates from matrices.
//
//===----------------------------------------------------------------------===//

#ifndef QOPT_LIB_TRANSFORMS_GATEEMISSION_H
#define QOPT_LIB_TRANSFORMS_GATEEMISSION_H

#include "qopt/Synthesis/EulerDecomposition.h"

#include "mlir/IR/Builders.h"

namespace qopt {

/// Builds the one-qubit gate `qgate.<name>` with constant `angles` on
/// `qubit`; returns its output.
mlir::Value buildOneQubitGate(mlir::OpBuilder &builder, mlir::Location loc,
                              llvm::StringRef name, mlir::Value qubit,
                              llvm::ArrayRef<double> angles = {});

/// Builds an rz/sx/x sequence on `qubit`; returns the last output.
mlir::Value buildZSXSequence(mlir::OpBuilder &builder, mlir::Location loc,
                             mlir::Value qubit,
                             llvm::ArrayRef<synthesis::ZSXStep> steps);

} // namespace qopt

#endif // QOPT_LIB_TRANSFORMS_GATEEMISSION_H
