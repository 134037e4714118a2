//===- DropFinalDiagonal.cpp - diagonal gates before measurement ----------===//

#include "qopt/Transforms/Passes.h"

#include "qopt/Dialect/QGate/QGate.h"

namespace qopt {
#define GEN_PASS_DEF_DROPFINALDIAGONAL
#include "qopt/Transforms/Passes.h.inc"
} // namespace qopt

using namespace mlir;
using namespace qopt;
using namespace qopt::qgate;

namespace {

/// True if every output of `gate` goes straight into a measurement.
bool measuredNext(GateOpInterface gate) {
  return llvm::all_of(gate.getQubitOutputs(), [](Value out) {
    return out.hasOneUse() && isa<MeasureOp>(*out.getUsers().begin());
  });
}

struct DropFinalDiagonalPass
    : public qopt::impl::DropFinalDiagonalBase<DropFinalDiagonalPass> {
  using DropFinalDiagonalBase::DropFinalDiagonalBase;

  void runOnOperation() override {
    // Removing one gate can put another diagonal gate next to a measurement.
    for (bool changed = true; changed;) {
      changed = false;
      SmallVector<Operation *> drop;
      getOperation().walk([&](GateOpInterface gate) {
        if (gate->hasTrait<qgate::OpTrait::Diagonal>() && measuredNext(gate))
          drop.push_back(gate);
      });
      for (Operation *op : drop) {
        op->replaceAllUsesWith(cast<GateOpInterface>(op).getQubitInputs());
        op->erase();
        ++numDropped;
        changed = true;
      }
    }
  }
};

} // namespace
