//===- AttachTarget.cpp - record the device a module is compiled for ------===//

#include "qopt/Transforms/Passes.h"

#include "qopt/Dialect/QGate/QGate.h"
#include "qopt/Target/TargetLoader.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"

namespace qopt {
#define GEN_PASS_DEF_ATTACHTARGET
#include "qopt/Transforms/Passes.h.inc"
} // namespace qopt

using namespace mlir;
using namespace qopt;

namespace {

struct AttachTargetPass
    : public qopt::impl::AttachTargetBase<AttachTargetPass> {
  using AttachTargetBase::AttachTargetBase;

  void runOnOperation() override {
    ModuleOp module = getOperation();
    MLIRContext *context = &getContext();
    // Loading reports into the JSON files; keep those messages, but print
    // them plainly: IBM's files are single lines far too long to quote.
    std::string messages;
    FailureOr<std::unique_ptr<target::Target>> loaded;
    {
      ScopedDiagnosticHandler handler(context, [&](Diagnostic &diag) {
        if (diag.getSeverity() != DiagnosticSeverity::Error)
          return success(); // warnings are qopt-target-info's business
        std::string text;
        llvm::raw_string_ostream os(text);
        if (auto file = dyn_cast<FileLineColLoc>(diag.getLocation()))
          os << file.getFilename().getValue() << ":" << file.getLine() << ":"
             << file.getColumn() << ": ";
        os << diag.str();
        messages += (messages.empty() ? "" : "\n") + text;
        return success();
      });
      loaded = target::loadTarget(targetSpec, context);
    }
    if (failed(loaded)) {
      // On the location, not the op: quoting the whole module would bury
      // the message.
      emitError(module.getLoc(), "cannot load target '")
          << targetSpec << "': " << messages;
      return signalPassFailure();
    }
    const target::Target &device = **loaded;
    numTargetQubits = device.numQubits;

    // A circuit on virtual qubits must fit on the device.
    for (auto func : module.getOps<func::FuncOp>()) {
      unsigned virtualQubits = 0;
      func.walk([&](qgate::AllocOp) { ++virtualQubits; });
      if (virtualQubits > device.numQubits) {
        emitError(func.getLoc(), "circuit needs ")
            << virtualQubits << " qubits but target '" << device.name
            << "' has " << device.numQubits;
        return signalPassFailure();
      }
    }
    module->setAttr(qgate::kTargetAttrName,
                    qgate::TargetAttr::get(context, device.name,
                                           device.numQubits,
                                           device.calibrationDate,
                                           device.contentHash, device.source));
    // Physical qubits beyond the device are caught by the attribute's
    // verifier when the pass manager verifies the module.
  }
};

} // namespace
