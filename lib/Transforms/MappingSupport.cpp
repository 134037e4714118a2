//===- MappingSupport.cpp - circuits as seen by layout and routing --------===//

#include "MappingSupport.h"

#include "qopt/Dialect/QGate/QGate.h"
#include "qopt/Target/TargetLoader.h"

#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/IR/Threading.h"
#include "mlir/IR/IRMapping.h"
#include "mlir/Interfaces/SideEffectInterfaces.h"
#include "mlir/Transforms/RegionUtils.h"
#include "llvm/ADT/SetVector.h"
#include "llvm/Support/Format.h"

#include <cmath>
#include <map>
#include <mutex>

using namespace mlir;
using namespace qopt;
using namespace qopt::qgate;

/// Per qubit of `gate`: 'Z' if it commutes with Z there, else 'X' if with X,
/// else 'G'. Symbolic angles are replaced by a generic value: the gates'
/// structure, not a special angle, decides.
static SmallVector<char, 2> wireActions(GateOpInterface gate) {
  std::optional<Eigen::MatrixXcd> matrix = gate.getConstantMatrix();
  if (!matrix)
    matrix =
        gate.computeMatrix(SmallVector<double>(gate.getNumParams(), 0.7137));
  unsigned n = gate.getNumQubits();
  auto commutesWith = [&](unsigned wire, const Eigen::Matrix2cd &pauli) {
    Eigen::MatrixXcd embedded = Eigen::MatrixXcd::Identity(1, 1);
    for (unsigned q = 0; q < n; ++q) {
      Eigen::MatrixXcd factor = q == wire ? Eigen::MatrixXcd(pauli)
                                          : Eigen::MatrixXcd::Identity(2, 2);
      Eigen::MatrixXcd next(embedded.rows() * 2, embedded.cols() * 2);
      for (Eigen::Index i = 0; i < embedded.rows(); ++i)
        for (Eigen::Index j = 0; j < embedded.cols(); ++j)
          next.block(2 * i, 2 * j, 2, 2) = embedded(i, j) * factor;
      embedded = next;
    }
    return ((*matrix) * embedded - embedded * (*matrix)).cwiseAbs().maxCoeff() <
           1e-9;
  };
  Eigen::Matrix2cd z, x;
  z << 1, 0, 0, -1;
  x << 0, 1, 1, 0;
  SmallVector<char, 2> actions;
  for (unsigned wire = 0; wire < n; ++wire)
    actions.push_back(commutesWith(wire, z)   ? 'Z'
                      : commutesWith(wire, x) ? 'X'
                                              : 'G');
  return actions;
}

/// The qubits a conditional uses from above, in the order of the results
/// that carry them on, or failure (with a diagnostic) if it is not the form
/// OpenQASM's `if` imports as: every result a qubit, and each branch taking
/// each used qubit through gates to the result of the same position.
static FailureOr<SmallVector<Value>> conditionalQubits(scf::IfOp conditional) {
  auto fail = [&]() {
    return conditional.emitError(
        "layout and routing handle a conditional whose branches apply gates "
        "to qubits from outside and yield them back, one result per qubit");
  };
  if (!llvm::all_of(conditional.getResults(), isQubit))
    return fail();
  // Follows a yielded value back through the branch's gates to the value
  // it started from.
  auto origin = [&](Value value) -> Value {
    while (Operation *def = value.getDefiningOp()) {
      if (!conditional->isProperAncestor(def))
        break;
      auto gate = dyn_cast<QubitOpInterface>(def);
      if (!gate)
        return nullptr;
      value = gate.getInputForOutput(value);
    }
    return value;
  };
  SmallVector<Value> inputs;
  for (Region &region : conditional->getRegions()) {
    if (region.empty())
      continue;
    SmallVector<Value> origins;
    for (Value yielded : region.front().getTerminator()->getOperands())
      origins.push_back(origin(yielded));
    if (inputs.empty())
      inputs = origins;
    if (origins != inputs || llvm::is_contained(origins, Value()))
      return fail();
  }
  llvm::SetVector<Value> usedAbove;
  getUsedValuesDefinedAbove(conditional->getRegions(), usedAbove);
  for (Value used : usedAbove)
    if (isQubit(used) && !llvm::is_contained(inputs, used))
      return fail();
  if (llvm::SmallDenseSet<Value>(inputs.begin(), inputs.end()).size() !=
      inputs.size())
    return fail();
  return inputs;
}

SmallVector<Value> qopt::mappedQubitInputs(Operation *op) {
  if (auto conditional = dyn_cast<scf::IfOp>(op)) {
    FailureOr<SmallVector<Value>> inputs = conditionalQubits(conditional);
    return succeeded(inputs) ? *inputs : SmallVector<Value>();
  }
  return cast<QubitOpInterface>(op).getQubitInputs();
}

Value qopt::mappedQubitOutput(Operation *op, Value input) {
  if (isa<scf::IfOp>(op)) {
    SmallVector<Value> inputs = mappedQubitInputs(op);
    return op->getResult(llvm::find(inputs, input) - inputs.begin());
  }
  return cast<QubitOpInterface>(op).getOutputForInput(input);
}

void qopt::splitWideConditionals(func::FuncOp func) {
  for (auto conditional :
       llvm::make_early_inc_range(func.getBody().getOps<scf::IfOp>())) {
    FailureOr<SmallVector<Value>> inputs = conditionalQubits(conditional);
    if (failed(inputs) || inputs->size() <= 2)
      continue;
    Block &thenBlock = conditional.getThenRegion().front();
    // Splitting repeats the condition, which is an SSA value: unchanged.
    // Only gates and pure computations (their angles) can be split apart.
    bool splittable =
        llvm::all_of(thenBlock.without_terminator(), [](Operation &op) {
          return isa<QubitOpInterface>(op) ||
                 (op.getNumRegions() == 0 && isMemoryEffectFree(&op));
        });
    if (!splittable)
      continue;
    OpBuilder builder(conditional);
    IRMapping mapping;
    // Each qubit's value so far, starting from the conditional's inputs.
    DenseMap<Value, Value> current;
    for (Value input : *inputs)
      current[input] = input;
    for (Operation &op : thenBlock.without_terminator()) {
      auto gate = dyn_cast<QubitOpInterface>(op);
      if (!gate) {
        builder.clone(op, mapping); // An angle: computed unconditionally.
        continue;
      }
      SmallVector<Value> gateInputs = gate.getQubitInputs();
      SmallVector<Value> before;
      for (Value input : gateInputs)
        before.push_back(mapping.lookupOrDefault(input));
      SmallVector<Type> types(before.size(), before.front().getType());
      auto single = builder.create<scf::IfOp>(conditional.getLoc(), types,
                                              conditional.getCondition(),
                                              /*withElseRegion=*/true);
      OpBuilder inside = single.getThenBodyBuilder();
      Operation *clone = inside.clone(op, mapping);
      SmallVector<Value> after;
      for (Value input : gateInputs)
        after.push_back(clone->getResult(
            cast<OpResult>(gate.getOutputForInput(input)).getResultNumber()));
      inside.create<scf::YieldOp>(conditional.getLoc(), after);
      single.getElseBodyBuilder().create<scf::YieldOp>(conditional.getLoc(),
                                                       before);
      for (auto [index, input] : llvm::enumerate(gateInputs))
        mapping.map(gate.getOutputForInput(input), single.getResult(index));
    }
    SmallVector<Value> results;
    for (Value yielded : thenBlock.getTerminator()->getOperands())
      results.push_back(mapping.lookupOrDefault(yielded));
    conditional.replaceAllUsesWith(results);
    conditional.erase();
  }
}

FailureOr<CircuitWires> qopt::collectCircuitWires(func::FuncOp func) {
  CircuitWires wires;
  DenseMap<Value, unsigned> wireOf;
  DenseMap<Operation *, unsigned> gateIndex;
  for (BlockArgument arg : func.getArguments())
    if (isQubit(arg))
      return func.emitError("layout and routing need qubits from qgate.alloc "
                            "or qgate.physical; argument #")
             << arg.getArgNumber() << " is a qubit";
  // Non-qubit ops that read measurement results (the conditions of `if`).
  DenseSet<Operation *> classical;
  auto readsMeasurements = [&](Operation *op) {
    return llvm::any_of(op->getOperands(), [&](Value operand) {
      Operation *def = operand.getDefiningOp();
      return def && (isa<MeasureOp>(def) || classical.contains(def));
    });
  };
  auto touchesQubits = [](Operation *op) {
    return llvm::any_of(op->getOperands(), isQubit) ||
           llvm::any_of(op->getResults(), isQubit);
  };
  for (Operation &opRef : func.getBody().getOps()) {
    Operation *op = &opRef;
    if (isa<AllocOp, PhysicalOp>(op)) {
      wireOf[op->getResult(0)] = wires.starts.size();
      wires.starts.push_back(op);
      auto physical = dyn_cast<PhysicalOp>(op);
      wires.physicalIndex.push_back(
          physical ? std::optional<int64_t>(physical.getIndex())
                   : std::nullopt);
      if (wires.physicalIndex.front().has_value() !=
          wires.physicalIndex.back().has_value())
        return op->emitError("layout and routing need all qubits virtual "
                             "(qgate.alloc) or all on the device "
                             "(qgate.physical)");
      continue;
    }
    auto conditional = dyn_cast<scf::IfOp>(op);
    if (!isa<QubitOpInterface>(op) && !conditional) {
      if (isa<func::ReturnOp>(op))
        continue;
      if (touchesQubits(op))
        return op->emitError("layout and routing do not handle '")
               << op->getName() << "' on qubits (control flow) yet";
      WalkResult nested = op->walk([&](Operation *inner) {
        return inner != op && touchesQubits(inner) ? WalkResult::interrupt()
                                                   : WalkResult::advance();
      });
      if (nested.wasInterrupted())
        return op->emitError("layout and routing do not handle gates inside '")
               << op->getName() << "' yet";
      if (readsMeasurements(op)) {
        classical.insert(op);
        wires.classicalOps.push_back(op);
      }
      continue;
    }
    mapping::MappingGate gate;
    SmallVector<Value> inputs;
    if (conditional) {
      FailureOr<SmallVector<Value>> used = conditionalQubits(conditional);
      if (failed(used))
        return failure();
      inputs = *used;
      if (inputs.size() > 2)
        return op->emitError("a conditional on ")
               << inputs.size()
               << " qubits; layout and routing handle conditionals on at "
                  "most two";
      // Its cost is that of its gates; measurements it reads come first.
      gate.twoQubitGates = 0;
      gate.pulses = 0;
      conditional->walk([&](GateOpInterface inner) {
        if (inner.getNumQubits() == 2)
          ++gate.twoQubitGates;
        else if (!inner->hasTrait<qgate::OpTrait::Diagonal>())
          ++gate.pulses;
      });
      gate.twoQubitGates = std::max(gate.twoQubitGates, 1u);
      SmallVector<Value> worklist = {conditional.getCondition()};
      DenseSet<Operation *> seen;
      while (!worklist.empty()) {
        Operation *def = worklist.pop_back_val().getDefiningOp();
        if (!def || !seen.insert(def).second)
          continue;
        if (isa<MeasureOp>(def))
          gate.after.push_back(gateIndex.lookup(def));
        else
          llvm::append_range(worklist, def->getOperands());
      }
    } else {
      inputs = cast<QubitOpInterface>(op).getQubitInputs();
      if (inputs.size() > 2 && !isa<BarrierOp>(op))
        return op->emitError("acts on ")
               << inputs.size()
               << " qubits; decompose it first (to-target-basis) so that "
                  "routing sees at most two";
      if (isa<SwapOp>(op))
        gate.twoQubitGates = 3;
      if (op->hasTrait<qgate::OpTrait::Diagonal>() || isa<IdOp>(op))
        gate.pulses = 0;
      if (auto gateOp = dyn_cast<GateOpInterface>(op))
        gate.actions = wireActions(gateOp);
    }
    for (Value input : inputs)
      gate.wires.push_back(wireOf.lookup(input));
    gate.needsAdjacency = inputs.size() == 2 && !isa<BarrierOp>(op);
    gate.isMeasurement = isa<MeasureOp>(op);
    for (Value input : inputs)
      wireOf[mappedQubitOutput(op, input)] = wireOf.lookup(input);
    gateIndex[op] = wires.ops.size();
    wires.ops.push_back(op);
    wires.circuit.gates.push_back(gate);
  }
  wires.circuit.numWires = wires.starts.size();
  return wires;
}

FailureOr<MappingTarget> qopt::loadMappingTarget(ModuleOp module,
                                                 StringRef pass) {
  if (!module->hasAttr(kTargetAttrName))
    return module.emitError(pass)
           << " needs a target: run attach-target (qopt --target=<device>)";
  auto device = target::loadModuleTarget(module);
  if (failed(device))
    return failure();
  MappingTarget result;
  result.device = std::move(*device);
  // One graph per cached target (the target cache keeps them all alive).
  static std::mutex cacheMutex;
  static std::map<std::shared_ptr<const target::Target>,
                  std::shared_ptr<const mapping::CouplingGraph>>
      cache;
  std::lock_guard<std::mutex> lock(cacheMutex);
  std::shared_ptr<const mapping::CouplingGraph> &graph = cache[result.device];
  if (!graph)
    graph = std::make_shared<const mapping::CouplingGraph>(
        mapping::CouplingGraph::fromTarget(*result.device));
  result.graph = graph;
  return result;
}

mapping::ParallelFor qopt::contextParallelFor(MLIRContext *context) {
  return [context](size_t count, llvm::function_ref<void(size_t)> body) {
    mlir::parallelFor(context, 0, count, body);
  };
}

std::string qopt::formatESP(double cost) {
  std::string text;
  llvm::raw_string_ostream os(text);
  os << llvm::format("%.4g", std::exp(-cost));
  return text;
}
