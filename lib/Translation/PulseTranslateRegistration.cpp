//===- PulseTranslateRegistration.cpp - qopt-translate's pulse formats ----===//

#include "ModuleExportRegistration.h"

#include "qopt/InitQOpt.h"
#include "qopt/Translation/PulseExport.h"

#include "mlir/IR/DialectRegistry.h"
#include "mlir/Tools/mlir-translate/Translation.h"
#include "llvm/Support/SourceMgr.h"

using namespace mlir;

void qopt::registerPulseTranslations() {
  auto dialects = [](DialectRegistry &registry) {
    registerAllDialects(registry);
  };
  registerModuleExport("export-pulse-json",
                       "export scheduled pulse programs as qopt-pulse-v1 JSON",
                       exportPulseJson);
  TranslateToMLIRRegistration importJson(
      "import-pulse-json",
      "import qopt-pulse-v1 JSON as scheduled pulse programs",
      [](llvm::SourceMgr &sourceMgr, MLIRContext *context) {
        return OwningOpRef<Operation *>(
            importPulseJson(sourceMgr, context).release());
      },
      dialects);
  registerModuleExport(
      "export-openpulse",
      "export scheduled pulse programs as OpenQASM 3 with OpenPulse",
      exportOpenPulse);
  registerModuleExport("export-pulse-svg",
                       "draw scheduled pulse programs as an SVG picture",
                       exportPulseSvg);
}
