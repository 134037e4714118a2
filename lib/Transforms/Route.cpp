//===- Route.cpp - SWAPs so that every two-qubit gate is on a coupler -----===//

#include "qopt/Transforms/Passes.h"

#include "MappingSupport.h"

#include "qopt/Dialect/QGate/QGate.h"
#include "qopt/Simulation/Equivalence.h"

#include "mlir/IR/IRMapping.h"

namespace qopt {
#define GEN_PASS_DEF_ROUTE
#include "qopt/Transforms/Passes.h.inc"
} // namespace qopt

using namespace mlir;
using namespace qopt;
using namespace qopt::qgate;

namespace {

struct RoutePass : public qopt::impl::RouteBase<RoutePass> {
  using RouteBase::RouteBase;

  void runOnOperation() override {
    ModuleOp module = getOperation();
    FailureOr<MappingTarget> target = loadMappingTarget(module, "route");
    if (failed(target))
      return signalPassFailure();
    if (method != "sabre" && method != "shortest-path") {
      module.emitError("route method must be sabre or shortest-path, got '")
          << method << "'";
      return signalPassFailure();
    }
    mapping::RouterOptions options;
    options.seed = seed;
    options.trials = trials;
    options.extendedSetSize = lookahead;
    options.extendedSetWeight = lookaheadWeight;
    options.decayIncrement = decay;
    options.noiseAware = noiseAware;
    options.parallelFor = contextParallelFor(&getContext());
    for (auto func : module.getOps<func::FuncOp>())
      if (!func.isExternal() && failed(routeFunction(func, *target, options)))
        return signalPassFailure();
  }

private:
  LogicalResult routeFunction(func::FuncOp func, const MappingTarget &target,
                              const mapping::RouterOptions &options) {
    splitWideConditionals(func);
    FailureOr<CircuitWires> wires = collectCircuitWires(func);
    if (failed(wires))
      return failure();
    if (wires->starts.empty())
      return success();
    if (!wires->isPhysical())
      return func.emitError("route needs the circuit on device qubits; run "
                            "layout first");
    const mapping::CouplingGraph &graph = *target.graph;
    std::vector<unsigned> initial;
    for (const std::optional<int64_t> &index : wires->physicalIndex) {
      if (*index >= graph.numQubits())
        return func.emitError("device qubit ")
               << *index << " is beyond the target's " << graph.numQubits();
      initial.push_back(*index);
    }
    std::string error;
    std::optional<mapping::RoutingResult> routed =
        method == "shortest-path"
            ? mapping::routeAlongShortestPaths(wires->circuit, graph, initial,
                                               error)
            : mapping::route(wires->circuit, graph, initial, options, error);
    if (!routed)
      return func.emitError("route: ") << error;

    // Rebuild the circuit before the terminator in routed order, following
    // the value that currently sits on each device qubit.
    Block &body = func.getBody().front();
    Operation *terminator = body.getTerminator();
    std::vector<Value> current(graph.numQubits());
    for (auto [wire, start] : llvm::enumerate(wires->starts))
      current[initial[wire]] = start->getResult(0);
    auto valueOn = [&](unsigned physical) {
      if (!current[physical]) {
        OpBuilder top(&body, body.begin());
        current[physical] = top.create<PhysicalOp>(
            func.getLoc(), top.getI64IntegerAttr(physical));
      }
      return current[physical];
    };
    std::vector<unsigned> position = initial; // wire -> device qubit
    // Layers of gates on each device qubit so far (barriers excluded).
    std::vector<unsigned> depth(graph.numQubits(), 0);
    IRMapping mapping;
    OpBuilder builder(terminator);
    // Computations on measurement results move with the measurements: each
    // is cloned when a conditional needs it, the rest at the end.
    DenseSet<Operation *> classicalOps(wires->classicalOps.begin(),
                                       wires->classicalOps.end());
    std::function<void(Value)> cloneClassical = [&](Value value) {
      Operation *def = value.getDefiningOp();
      if (!def || !classicalOps.contains(def) || mapping.contains(value))
        return;
      for (Value operand : def->getOperands())
        cloneClassical(operand);
      builder.clone(*def, mapping);
    };
    for (const mapping::RoutedStep &step : routed->steps) {
      if (!step.gate) {
        // A SWAP becomes three two-qubit gates.
        unsigned layer = std::max(depth[step.swapA], depth[step.swapB]) + 3;
        depth[step.swapA] = depth[step.swapB] = layer;
        Value a = valueOn(step.swapA), b = valueOn(step.swapB);
        auto swap = builder.create<SwapOp>(func.getLoc(), a, b);
        current[step.swapA] = swap->getResult(0);
        current[step.swapB] = swap->getResult(1);
        for (unsigned &p : position)
          p = p == step.swapA ? step.swapB : (p == step.swapB ? step.swapA : p);
        continue;
      }
      Operation *op = wires->ops[*step.gate];
      const mapping::MappingGate &gate = wires->circuit.gates[*step.gate];
      SmallVector<Value> inputs = mappedQubitInputs(op);
      for (Value operand : op->getOperands())
        cloneClassical(operand);
      if (!isa<BarrierOp>(op)) {
        unsigned layer = 0;
        for (unsigned wire : gate.wires)
          layer = std::max(layer, depth[position[wire]] + 1);
        for (unsigned wire : gate.wires)
          depth[position[wire]] = layer;
      }
      for (auto [input, wire] : llvm::zip(inputs, gate.wires))
        mapping.map(input, valueOn(position[wire]));
      Operation *clone = builder.clone(*op, mapping);
      for (auto [input, wire] : llvm::zip(inputs, gate.wires))
        current[position[wire]] = clone->getResult(
            cast<OpResult>(mappedQubitOutput(op, input)).getResultNumber());
    }
    for (Operation *op : wires->classicalOps)
      for (Value result : op->getResults())
        cloneClassical(result);
    // Returned qubits are each wire's last value, now wherever it ended.
    DenseMap<Value, unsigned> finalWire;
    for (auto [g, op] : llvm::enumerate(wires->ops))
      for (auto [input, wire] :
           llvm::zip(mappedQubitInputs(op), wires->circuit.gates[g].wires))
        finalWire[mappedQubitOutput(op, input)] = wire;
    for (auto [wire, start] : llvm::enumerate(wires->starts))
      finalWire.try_emplace(start->getResult(0), wire);
    for (OpOperand &operand : terminator->getOpOperands()) {
      Value value = operand.get();
      if (isQubit(value))
        operand.set(current[position[finalWire.lookup(value)]]);
      else if (Value mapped = mapping.lookupOrNull(value))
        operand.set(mapped);
    }
    // The originals go last first, so that no erased op has users left.
    DenseSet<Operation *> originals(wires->ops.begin(), wires->ops.end());
    originals.insert(wires->classicalOps.begin(), wires->classicalOps.end());
    for (Operation &op : llvm::make_early_inc_range(llvm::reverse(body)))
      if (originals.contains(&op))
        op.erase();

    // Logical qubit i started on initial_layout[i] (or wire i's device
    // qubit when the circuit had no layout yet) and ends where that wire
    // went.
    SmallVector<int64_t> initialLayout, finalLayout;
    auto recorded =
        func->getAttrOfType<DenseI64ArrayAttr>(kInitialLayoutAttrName);
    if (recorded)
      initialLayout.assign(recorded.asArrayRef().begin(),
                           recorded.asArrayRef().end());
    else
      initialLayout.assign(initial.begin(), initial.end());
    // A circuit routed before (or whose own SWAP gates the recorded final
    // layout accounts for) ends logical qubit i on the wire that holds it
    // per qgate.final_layout; that wire now ends where this routing took it.
    auto recordedFinal =
        func->getAttrOfType<DenseI64ArrayAttr>(kFinalLayoutAttrName);
    if (recordedFinal && recordedFinal.size() != int64_t(initialLayout.size()))
      return func.emitError("qgate.final_layout lists ")
             << recordedFinal.size() << " qubits but qgate.initial_layout "
             << initialLayout.size();
    for (auto [i, start] : llvm::enumerate(initialLayout)) {
      if (!llvm::is_contained(initial, unsigned(start)))
        return func.emitError("initial layout names device qubit ")
               << start << ", which the circuit does not use";
      int64_t endWire = recordedFinal ? recordedFinal[i] : start;
      auto it = llvm::find(initial, unsigned(endWire));
      if (it == initial.end())
        return func.emitError("final layout names device qubit ")
               << endWire << ", which the circuit does not use";
      finalLayout.push_back(position[it - initial.begin()]);
    }
    func->setAttr(kInitialLayoutAttrName,
                  DenseI64ArrayAttr::get(&getContext(), initialLayout));
    func->setAttr(kFinalLayoutAttrName,
                  DenseI64ArrayAttr::get(&getContext(), finalLayout));
    numSwaps += routed->numSwaps;
    emitRemark(func.getLoc(), "route: ")
        << routed->numSwaps << " SWAP(s) added; depth "
        << *llvm::max_element(depth) << "; ESP "
        << formatESP(routed->totalCost);
    return success();
  }
};

} // namespace
