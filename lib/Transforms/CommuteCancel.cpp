//===- CommuteCancel.cpp - cancel gates through commuting gates -----------===//

#include "qopt/Transforms/Passes.h"

#include "qopt/Dialect/QGate/GateAlgebra.h"
#include "qopt/Dialect/QGate/QGate.h"
#include "qopt/Simulation/CircuitUnitary.h"

#include "mlir/Dialect/Arith/IR/Arith.h"

namespace qopt {
#define GEN_PASS_DEF_COMMUTECANCEL
#include "qopt/Transforms/Passes.h.inc"
} // namespace qopt

using namespace mlir;
using namespace qopt;
using namespace qopt::qgate;

namespace {

/// The gate's unitary on `wires` (its own wires mapped into the union).
Eigen::MatrixXcd embed(const Eigen::MatrixXcd &gate,
                       ArrayRef<unsigned> positions, unsigned numWires) {
  Eigen::MatrixXcd full = Eigen::MatrixXcd::Identity(
      Eigen::Index(1) << numWires, Eigen::Index(1) << numWires);
  applyGate(full, gate, positions, numWires);
  return full;
}

/// True if `a` and `c` commute. `aWires`/`cWires` name their qubits by the
/// wire index in the walk; `c` may touch wires outside `a`.
bool commute(GateOpInterface a, ArrayRef<int> aWires, GateOpInterface c,
             ArrayRef<int> cWires) {
  bool bothDiagonal = a->hasTrait<qgate::OpTrait::Diagonal>() &&
                      c->hasTrait<qgate::OpTrait::Diagonal>();
  if (bothDiagonal)
    return true;
  std::optional<Eigen::MatrixXcd> ma = a.getConstantMatrix();
  std::optional<Eigen::MatrixXcd> mc = c.getConstantMatrix();
  if (!ma || !mc)
    return false;
  SmallVector<int> all(aWires.begin(), aWires.end());
  for (int w : cWires)
    if (!llvm::is_contained(all, w))
      all.push_back(w);
  auto positions = [&](ArrayRef<int> wires) {
    SmallVector<unsigned> out;
    for (int w : wires)
      out.push_back(llvm::find(all, w) - all.begin());
    return out;
  };
  unsigned n = all.size();
  Eigen::MatrixXcd fa = embed(*ma, positions(aWires), n);
  Eigen::MatrixXcd fc = embed(*mc, positions(cWires), n);
  return (fa * fc - fc * fa).cwiseAbs().maxCoeff() < 1e-12;
}

/// Numbers the wires of straight-line circuits: every qubit value gets the
/// index of the wire it lies on. Pre-order, so a function's qubit arguments
/// are numbered before the gates that consume them.
llvm::DenseMap<Value, int> numberWires(ModuleOp module) {
  llvm::DenseMap<Value, int> wireOf;
  int next = 0;
  module.walk<WalkOrder::PreOrder>([&](Operation *op) {
    for (Region &region : op->getRegions())
      for (Block &block : region)
        for (BlockArgument arg : block.getArguments())
          if (isQubit(arg) && !wireOf.count(arg))
            wireOf[arg] = next++;
    if (auto qubitOp = dyn_cast<QubitOpInterface>(op)) {
      for (auto [in, out] :
           llvm::zip(qubitOp.getQubitInputs(), qubitOp.getQubitOutputs())) {
        auto it = wireOf.find(in);
        wireOf[out] = it != wireOf.end() ? it->second : next++;
      }
      return;
    }
    for (Value result : op->getResults())
      if (isQubit(result))
        wireOf[result] = next++;
  });
  return wireOf;
}

struct CommuteCancelPass
    : public qopt::impl::CommuteCancelBase<CommuteCancelPass> {
  using CommuteCancelBase::CommuteCancelBase;

  void runOnOperation() override {
    // Repeat until nothing changes: one removal can expose another.
    for (bool changed = true; changed;) {
      changed = false;
      wireOf = numberWires(getOperation());
      SmallVector<Operation *> gates;
      getOperation().walk([&](GateOpInterface gate) { gates.push_back(gate); });
      llvm::DenseSet<Operation *> erased;
      for (Operation *op : gates) {
        if (erased.contains(op))
          continue;
        if (Operation *partner = tryCancel(cast<GateOpInterface>(op))) {
          erased.insert(op);
          if (numCancelledLastStep)
            erased.insert(partner);
          changed = true;
        }
      }
    }
  }

private:
  SmallVector<int> wiresOf(ValueRange values) {
    SmallVector<int> wires;
    for (Value v : values)
      wires.push_back(wireOf.lookup(v));
    return wires;
  }

  /// Walks forward from `a` past gates it commutes with. On finding its
  /// inverse on the same wires, removes both; on finding a rotation of the
  /// same kind, merges into it. Returns the gate met, or null.
  Operation *tryCancel(GateOpInterface a) {
    numCancelledLastStep = false;
    SmallVector<Value> current = a.getQubitOutputs();
    SmallVector<int> aWires = wiresOf(current);
    for (unsigned step = 0; step < maxLookahead; ++step) {
      // Gates whose every input on a's wires is current: nothing on those
      // wires lies between them and a.
      SmallVector<GateOpInterface> ready;
      for (Value v : current) {
        if (!v.hasOneUse())
          return nullptr;
        auto user = dyn_cast<GateOpInterface>(*v.getUsers().begin());
        if (!user || user->getBlock() != a->getBlock())
          return nullptr;
        bool isReady = llvm::all_of(user.getQubitInputs(), [&](Value in) {
          auto it = llvm::find(aWires, wireOf.lookup(in));
          return it == aWires.end() || current[it - aWires.begin()] == in;
        });
        if (isReady && !llvm::is_contained(ready, user))
          ready.push_back(user);
      }
      if (ready.empty())
        return nullptr;
      for (GateOpInterface c : ready) {
        SmallVector<int> cWires = wiresOf(c.getQubitInputs());
        if (cWires == aWires && isInversePair(a, c)) {
          c->replaceAllUsesWith(c.getQubitInputs());
          Operation *met = c;
          c->erase();
          remove(a);
          ++numCancelled;
          numCancelledLastStep = true;
          return met;
        }
        if (cWires == aWires && a->getName() == c->getName() &&
            a->hasTrait<qgate::OpTrait::Rotation>()) {
          OpBuilder builder(c);
          Value sum = qgate::buildMergedAngle(
              builder, c.getLoc(), c, a.getParams()[0], c.getParams()[0]);
          c->setOperand(c.getNumQubits(), sum);
          remove(a);
          ++numMerged;
          return c;
        }
      }
      for (GateOpInterface c : ready)
        if (!commute(a, aWires, c, wiresOf(c.getQubitInputs())))
          return nullptr;
      // Step past every ready gate on the wires it shares with a.
      for (GateOpInterface c : ready) {
        SmallVector<Value> inputs = c.getQubitInputs();
        SmallVector<Value> outputs = c.getQubitOutputs();
        for (auto [in, out] : llvm::zip(inputs, outputs)) {
          auto it = llvm::find(current, in);
          if (it != current.end())
            *it = out;
        }
      }
    }
    return nullptr;
  }

  void remove(GateOpInterface a) {
    a->replaceAllUsesWith(a.getQubitInputs());
    a->erase();
  }

  llvm::DenseMap<Value, int> wireOf;
  bool numCancelledLastStep = false;
};

} // namespace
