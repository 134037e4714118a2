//===- Layout.cpp - place each virtual qubit on a device qubit ------------===//

#include "qopt/Transforms/Passes.h"

#include "MappingSupport.h"

#include "qopt/Dialect/QGate/QGate.h"
#include "qopt/Mapping/Layout.h"
#include "qopt/Simulation/Equivalence.h"

namespace qopt {
#define GEN_PASS_DEF_LAYOUT
#include "qopt/Transforms/Passes.h.inc"
} // namespace qopt

using namespace mlir;
using namespace qopt;
using namespace qopt::qgate;

namespace {

struct LayoutPass : public qopt::impl::LayoutBase<LayoutPass> {
  using LayoutBase::LayoutBase;

  void runOnOperation() override {
    ModuleOp module = getOperation();
    mapping::LayoutOptions options;
    if (strategy == "trivial")
      options.strategy = mapping::LayoutStrategy::Trivial;
    else if (strategy == "user")
      options.strategy = mapping::LayoutStrategy::User;
    else if (strategy == "sabre")
      options.strategy = mapping::LayoutStrategy::Sabre;
    else if (strategy == "noise-adaptive")
      options.strategy = mapping::LayoutStrategy::NoiseAdaptive;
    else {
      module.emitError("layout strategy must be trivial, user, sabre or "
                       "noise-adaptive, got '")
          << strategy << "'";
      return signalPassFailure();
    }
    options.userLayout.assign(qubits.begin(), qubits.end());
    options.router.seed = seed;
    options.router.trials = trials;
    options.router.parallelFor = contextParallelFor(&getContext());
    options.sabreRounds = rounds;
    options.searchBudget = searchBudget;
    options.searchWindow = std::max(1u, searchWindow.getValue());

    FailureOr<MappingTarget> target = loadMappingTarget(module, "layout");
    if (failed(target))
      return signalPassFailure();
    for (auto func : module.getOps<func::FuncOp>()) {
      if (func.isExternal())
        continue;
      splitWideConditionals(func);
      FailureOr<CircuitWires> wires = collectCircuitWires(func);
      if (failed(wires))
        return signalPassFailure();
      if (wires->starts.empty())
        continue;
      // Already placed (by hand or by an earlier layout): keep it, so that
      // -O<n> with --target can run on mapped circuits too.
      if (wires->isPhysical())
        continue;
      std::string error;
      std::optional<mapping::LayoutChoice> choice =
          mapping::chooseLayout(wires->circuit, *target->graph, options, error);
      if (!choice) {
        func.emitError("layout: ") << error;
        return signalPassFailure();
      }
      for (auto [wire, start] : llvm::enumerate(wires->starts)) {
        OpBuilder builder(start);
        Value physical = builder.create<PhysicalOp>(
            start->getLoc(), builder.getI64IntegerAttr(choice->layout[wire]));
        start->getResult(0).replaceAllUsesWith(physical);
        start->erase();
      }
      SmallVector<int64_t> layout(choice->layout.begin(), choice->layout.end());
      auto attr = DenseI64ArrayAttr::get(&getContext(), layout);
      func->setAttr(kInitialLayoutAttrName, attr);
      func->setAttr(kFinalLayoutAttrName, attr);
      if (choice->perfect)
        ++numPerfect;
      InFlightDiagnostic remark = emitRemark(func.getLoc(), "layout (");
      remark << strategy << "): ";
      if (choice->perfect)
        remark << "needs no SWAP; ESP "
               << formatESP(mapping::placementCost(
                      wires->circuit, *target->graph, choice->layout));
      else
        remark << "needs routing";
    }
  }
};

} // namespace
