//===- PostLayout.cpp - a routed circuit on better calibrated qubits ------===//

#include "qopt/Transforms/Passes.h"

#include "MappingSupport.h"

#include "qopt/Dialect/QGate/QGate.h"
#include "qopt/Mapping/Layout.h"
#include "qopt/Simulation/Equivalence.h"

namespace qopt {
#define GEN_PASS_DEF_POSTLAYOUT
#include "qopt/Transforms/Passes.h.inc"
} // namespace qopt

using namespace mlir;
using namespace qopt;
using namespace qopt::qgate;

namespace {

struct PostLayoutPass : public qopt::impl::PostLayoutBase<PostLayoutPass> {
  using PostLayoutBase::PostLayoutBase;

  void runOnOperation() override {
    ModuleOp module = getOperation();
    FailureOr<MappingTarget> target = loadMappingTarget(module, "post-layout");
    if (failed(target))
      return signalPassFailure();
    for (auto func : module.getOps<func::FuncOp>())
      if (!func.isExternal() && failed(moveFunction(func, *target->graph)))
        return signalPassFailure();
  }

private:
  LogicalResult moveFunction(func::FuncOp func,
                             const mapping::CouplingGraph &graph) {
    FailureOr<CircuitWires> wires = collectCircuitWires(func);
    if (failed(wires))
      return failure();
    if (wires->starts.empty())
      return success();
    if (!wires->isPhysical())
      return func.emitError("post-layout needs a routed circuit on device "
                            "qubits; run layout and route first");
    // The circuit's wires are its device qubits; each gate stays on its
    // wires, so placing the wires elsewhere moves the whole circuit.
    std::vector<unsigned> current;
    for (const std::optional<int64_t> &index : wires->physicalIndex)
      current.push_back(*index);
    for (auto [gate, op] : llvm::zip(wires->circuit.gates, wires->ops))
      if (gate.needsAdjacency &&
          !graph.adjacent(current[gate.wires[0]], current[gate.wires[1]]))
        return op->emitError("post-layout needs a routed circuit; this gate "
                             "is not on a coupler");
    std::optional<std::vector<unsigned>> better =
        mapping::findZeroSwapLayout(wires->circuit, graph, searchBudget);
    double before = mapping::placementCost(wires->circuit, graph, current);
    if (!better || mapping::placementCost(wires->circuit, graph, *better) >=
                       before - 1e-12)
      return success();

    DenseMap<int64_t, int64_t> moved;
    for (auto [wire, start] : llvm::enumerate(wires->starts)) {
      auto physical = cast<PhysicalOp>(start);
      moved[physical.getIndex()] = (*better)[wire];
      physical.setIndex((*better)[wire]);
    }
    for (StringRef name : {kInitialLayoutAttrName, kFinalLayoutAttrName}) {
      auto layout = func->getAttrOfType<DenseI64ArrayAttr>(name);
      if (!layout)
        continue;
      SmallVector<int64_t> renamed;
      for (int64_t p : layout.asArrayRef())
        renamed.push_back(moved.lookup(p));
      func->setAttr(name, DenseI64ArrayAttr::get(&getContext(), renamed));
    }
    ++numMoved;
    emitRemark(func.getLoc(), "post-layout: moved to better calibrated "
                              "qubits; ESP ")
        << formatESP(before) << " -> "
        << formatESP(mapping::placementCost(wires->circuit, graph, *better));
    return success();
  }
};

} // namespace
