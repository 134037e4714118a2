//===- PulseTranslateRegistration.cpp - qopt-translate's pulse formats ----===//

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
  auto exporter = [](LogicalResult (*fn)(ModuleOp, llvm::raw_ostream &)) {
    return [fn](Operation *op, llvm::raw_ostream &os) -> LogicalResult {
      auto module = dyn_cast<ModuleOp>(op);
      if (!module)
        return op->emitError("expected a builtin.module to export");
      // An export error names its op; the op's text would bury the message.
      op->getContext()->printOpOnDiagnostic(false);
      return fn(module, os);
    };
  };
  TranslateFromMLIRRegistration exportJson(
      "export-pulse-json",
      "export scheduled pulse programs as qopt-pulse-v1 JSON",
      exporter(exportPulseJson), dialects);
  TranslateToMLIRRegistration importJson(
      "import-pulse-json",
      "import qopt-pulse-v1 JSON as scheduled pulse programs",
      [](llvm::SourceMgr &sourceMgr, MLIRContext *context) {
        return OwningOpRef<Operation *>(
            importPulseJson(sourceMgr, context).release());
      },
      dialects);
  TranslateFromMLIRRegistration exportOpenPulseProgram(
      "export-openpulse",
      "export scheduled pulse programs as OpenQASM 3 with OpenPulse",
      exporter(exportOpenPulse), dialects);
  TranslateFromMLIRRegistration exportSvg(
      "export-pulse-svg", "draw scheduled pulse programs as an SVG picture",
      exporter(exportPulseSvg), dialects);
}
