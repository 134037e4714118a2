//===- qopt-translate.cpp - translations in and out of qgate --------------===//
//
// mlir-translate style: --import-qasm, --export-qasm, --export-qasm3.
//
//===----------------------------------------------------------------------===//

#include "qopt/Translation/OpenQasm.h"

#include "mlir/Support/LogicalResult.h"
#include "mlir/Tools/mlir-translate/MlirTranslateMain.h"

int main(int argc, char **argv) {
  qopt::registerOpenQasmTranslations();
  return mlir::failed(
             mlir::mlirTranslateMain(argc, argv, "qopt translation tool"))
             ? 1
             : 0;
}
