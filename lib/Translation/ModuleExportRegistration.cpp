//===- ModuleExportRegistration.cpp - qopt-translate's exporters ----------===//

#include "ModuleExportRegistration.h"

#include "qopt/InitQOpt.h"
#include "qopt/Translation/MlirInputLimits.h"

#include "mlir/IR/DialectRegistry.h"
#include "mlir/IR/Verifier.h"
#include "mlir/Tools/ParseUtilities.h"
#include "mlir/Tools/mlir-translate/Translation.h"
#include "llvm/Support/SourceMgr.h"

using namespace mlir;

void qopt::registerModuleExport(llvm::StringRef name,
                                llvm::StringRef description,
                                ModuleExporter exporter) {
  TranslateRegistration registration(
      name, description,
      [exporter](const std::shared_ptr<llvm::SourceMgr> &sourceMgr,
                 llvm::raw_ostream &output,
                 MLIRContext *context) -> LogicalResult {
        DialectRegistry registry;
        registerAllDialects(registry);
        context->appendDialectRegistry(registry);
        if (failed(checkMlirInputLimits(*sourceMgr, sourceMgr->getMainFileID(),
                                        context)))
          return failure();
        OwningOpRef<Operation *> op = parseSourceFileForTool(
            sourceMgr, ParserConfig(context), /*insertImplicitModule=*/true);
        if (!op || failed(verify(*op)))
          return failure();
        auto module = dyn_cast<ModuleOp>(*op);
        if (!module)
          return op->emitError("expected a builtin.module to export");
        // An export error names its op; the op's text would bury the message.
        context->printOpOnDiagnostic(false);
        return exporter(module, output);
      });
}
