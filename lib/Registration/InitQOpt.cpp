//===- InitQOpt.cpp - register qopt's dialects and passes -----------------===//

#include "qopt/InitQOpt.h"

#include "qopt/Dialect/Pulse/Pulse.h"
#include "qopt/Dialect/QGate/QGate.h"
#include "qopt/Transforms/Passes.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/IR/DialectRegistry.h"
#include "mlir/Transforms/Passes.h"

void qopt::registerAllDialects(mlir::DialectRegistry &registry) {
  registry.insert<qgate::QGateDialect, pulse::PulseDialect,
                  mlir::arith::ArithDialect,
                  mlir::func::FuncDialect, mlir::scf::SCFDialect>();
}

void qopt::registerAllPasses() {
  mlir::registerTransformsPasses();
  registerQOptPasses();
  registerOptimizationPipelines();
}
