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
    std::string messages;
    FailureOr<std::shared_ptr<const target::Target>> loaded =
        target::loadTargetQuietly(targetSpec, context, messages);
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
