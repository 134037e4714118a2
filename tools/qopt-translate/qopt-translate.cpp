//===- qopt-translate.cpp - translations in and out of qgate and pulse ----===//
//
// mlir-translate style: --import-qasm, --export-qasm, --export-qasm3 for
// circuits; --export-pulse-json, --import-pulse-json, --export-openpulse and
// --export-pulse-svg for scheduled pulse programs.
//
//===----------------------------------------------------------------------===//

#include "qopt/Translation/OpenQasm.h"
#include "qopt/Translation/PulseExport.h"

#include "mlir/Support/LogicalResult.h"
#include "mlir/Tools/mlir-translate/MlirTranslateMain.h"

int main(int argc, char **argv) {
  qopt::registerOpenQasmTranslations();
  qopt::registerPulseTranslations();
  return mlir::failed(
             mlir::mlirTranslateMain(argc, argv, "qopt translation tool"))
             ? 1
             : 0;
}
