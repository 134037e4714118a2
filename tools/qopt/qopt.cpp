//===- qopt.cpp - the qopt compiler driver --------------------------------===//
//
// An mlir-opt style driver over qopt's dialects and passes.
//
//===----------------------------------------------------------------------===//

#include "QOptVersion.h"
#include "qopt/InitQOpt.h"

#include "mlir/IR/DialectRegistry.h"
#include "mlir/Tools/mlir-opt/MlirOptMain.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/raw_ostream.h"

int main(int argc, char **argv) {
  llvm::cl::AddExtraVersionPrinter([](llvm::raw_ostream &os) {
    os << "qopt version " << QOPT_VERSION_STRING << "\n";
  });
  qopt::registerAllPasses();
  mlir::DialectRegistry registry;
  qopt::registerAllDialects(registry);
  return mlir::asMainReturnCode(mlir::MlirOptMain(
      argc, argv, "qopt: a noise-aware quantum circuit compiler\n", registry));
}
