//===- LowerToPulse.cpp - gates to calibrated pulse schedules -------------===//
//
// A dialect conversion from qgate circuits on device qubits to pulse
// schedules; the machinery is in PulseLowering.
//
//===----------------------------------------------------------------------===//

#include "qopt/Transforms/Passes.h"

#include "PulseLowering.h"

namespace qopt {
#define GEN_PASS_DEF_LOWERTOPULSE
#include "qopt/Transforms/Passes.h.inc"
} // namespace qopt

using namespace mlir;
using namespace qopt;
using namespace qopt::pulse_lowering;

namespace {

struct LowerToPulsePass
    : public qopt::impl::LowerToPulseBase<LowerToPulsePass> {
  using LowerToPulseBase::LowerToPulseBase;

  void runOnOperation() override {
    ModuleOp module = getOperation();
    auto device = loadPulseTarget(module, "lower-to-pulse");
    if (failed(device))
      return signalPassFailure();
    LoweringState state(**device, "lower-to-pulse");
    SmallVector<func::FuncOp> circuits = collectCircuits(module);
    bool ok = true;
    for (func::FuncOp func : circuits)
      ok &= succeeded(
          checkCircuit(func, state, [](Operation *) { return false; }));
    if (!ok)
      return signalPassFailure();
    for (func::FuncOp func : circuits)
      replaceWithSchedule(func, state, {});
    if (failed(runPulseConversion(module, state,
                                  RewritePatternSet(&getContext()))))
      return signalPassFailure();
    numGatesLowered += state.numGates;
    for (auto &entry : state.emitters)
      numPlays += entry.second->numPlays;
  }
};

} // namespace
