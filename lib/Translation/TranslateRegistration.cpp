//===- TranslateRegistration.cpp - qopt-translate's translations ----------===//

#include "ModuleExportRegistration.h"

#include "qopt/InitQOpt.h"
#include "qopt/Translation/OpenQasm.h"

#include "mlir/IR/DialectRegistry.h"
#include "mlir/Tools/mlir-translate/Translation.h"
#include "llvm/Support/SourceMgr.h"

using namespace mlir;

void qopt::registerOpenQasmTranslations() {
  TranslateToMLIRRegistration importQasm(
      "import-qasm", "import OpenQASM 2.0 into the qgate dialect",
      [](llvm::SourceMgr &sourceMgr, MLIRContext *context) {
        return OwningOpRef<Operation *>(
            importOpenQasm2(sourceMgr, context).release());
      },
      [](DialectRegistry &registry) { registerAllDialects(registry); });

  registerModuleExport("export-qasm", "export a qgate circuit as OpenQASM 2.0",
                       exportOpenQasm2);
  registerModuleExport("export-qasm3", "export a qgate circuit as OpenQASM 3.0",
                       exportOpenQasm3);
}
