//===- consumer.cpp - embedding qopt in another MLIR tool -----------------===//
//
// Registers qopt's dialects, parses a circuit, canonicalizes it, and reads
// each remaining gate's unitary through the GateOpInterface.
//
//===----------------------------------------------------------------------===//

#include "qopt/Dialect/QGate/QGate.h"
#include "qopt/InitQOpt.h"

#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/MLIRContext.h"
#include "mlir/Parser/Parser.h"
#include "mlir/Pass/PassManager.h"
#include "mlir/Transforms/Passes.h"
#include "llvm/Support/raw_ostream.h"

static const char *kCircuit = R"mlir(
func.func @main() -> (!qgate.qubit, !qgate.qubit) {
  %a = qgate.alloc
  %b = qgate.alloc
  %a1 = qgate.h %a
  %a2 = qgate.h %a1
  %a3 = qgate.h %a2
  %a4, %b1 = qgate.cx %a3, %b
  return %a4, %b1 : !qgate.qubit, !qgate.qubit
}
)mlir";

int main() {
  mlir::DialectRegistry registry;
  qopt::registerAllDialects(registry);
  mlir::MLIRContext context(registry);
  mlir::OwningOpRef<mlir::ModuleOp> module =
      mlir::parseSourceString<mlir::ModuleOp>(kCircuit, &context);
  if (!module)
    return 1;
  mlir::PassManager pm(&context);
  pm.addPass(mlir::createCanonicalizerPass());
  if (mlir::failed(pm.run(*module)))
    return 1;
  unsigned gates = 0;
  module->walk([&](qopt::qgate::GateOpInterface gate) {
    std::optional<Eigen::MatrixXcd> matrix = gate.getConstantMatrix();
    llvm::outs() << gate->getName() << " " << matrix->rows() << "x"
                 << matrix->cols() << "\n";
    ++gates;
  });
  llvm::outs() << "gates after canonicalize: " << gates << "\n";
  return gates == 2 ? 0 : 1;
}
