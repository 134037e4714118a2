//===- TranslateRegistration.cpp - qopt-translate's translations ----------===//

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

  auto exporter = [](LogicalResult (*fn)(ModuleOp, llvm::raw_ostream &)) {
    return [fn](Operation *op, llvm::raw_ostream &os) -> LogicalResult {
      auto module = dyn_cast<ModuleOp>(op);
      if (!module)
        return op->emitError("expected a builtin.module to export");
      return fn(module, os);
    };
  };
  TranslateFromMLIRRegistration exportQasm(
      "export-qasm", "export a qgate circuit as OpenQASM 2.0",
      exporter(exportOpenQasm2),
      [](DialectRegistry &registry) { registerAllDialects(registry); });
  TranslateFromMLIRRegistration exportQasm3(
      "export-qasm3", "export a qgate circuit as OpenQASM 3.0",
      exporter(exportOpenQasm3),
      [](DialectRegistry &registry) { registerAllDialects(registry); });
}
