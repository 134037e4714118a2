//===- ResynthesizeTwoQubitBlocks.cpp - fewest-CX two-qubit blocks --------===//

#include "qopt/Transforms/Passes.h"

#include "GateEmission.h"

#include "qopt/Dialect/QGate/QGate.h"
#include "qopt/Synthesis/EulerDecomposition.h"
#include "qopt/Synthesis/TwoQubitDecomposition.h"
#include "qopt/Target/TargetLoader.h"

#include "llvm/ADT/DenseSet.h"

namespace qopt {
#define GEN_PASS_DEF_RESYNTHESIZETWOQUBITBLOCKS
#include "qopt/Transforms/Passes.h.inc"
} // namespace qopt

using namespace mlir;
using namespace qopt;
using namespace qopt::qgate;

namespace {

/// A gate on `numQubits` qubits whose matrix is known.
std::optional<Eigen::MatrixXcd> constantMatrix(Operation *op,
                                               unsigned numQubits) {
  auto gate = dyn_cast_or_null<GateOpInterface>(op);
  if (!gate || gate.getNumQubits() != numQubits)
    return std::nullopt;
  return gate.getConstantMatrix();
}

/// The sole user of `qubit`, if it is in `block`.
Operation *soleUserIn(Value qubit, Block *block) {
  if (!qubit.hasOneUse())
    return nullptr;
  Operation *user = *qubit.getUsers().begin();
  return user->getBlock() == block ? user : nullptr;
}

Eigen::Matrix4cd onWire(const Eigen::Matrix2cd &gate, unsigned wire) {
  Eigen::Matrix2cd id = Eigen::Matrix2cd::Identity();
  const Eigen::Matrix2cd &first = wire == 0 ? gate : id;
  const Eigen::Matrix2cd &second = wire == 0 ? id : gate;
  Eigen::Matrix4cd k;
  for (int i = 0; i < 2; ++i)
    for (int j = 0; j < 2; ++j)
      k.block<2, 2>(2 * i, 2 * j) = first(i, j) * second;
  return k;
}

Eigen::Matrix4cd swapWires(const Eigen::Matrix4cd &m) {
  Eigen::Matrix4cd swap = Eigen::Matrix4cd::Zero();
  swap(0, 0) = swap(1, 2) = swap(2, 1) = swap(3, 3) = 1;
  return swap * m * swap;
}

/// Gates acting only on two wires, from a first two-qubit gate up to the
/// last two-qubit gate on the same pair, and their product.
struct TwoQubitBlock {
  SmallVector<Operation *> ops;
  /// The wires entering the block (the first gate's operands) and leaving it.
  Value inputs[2], outputs[2];
  Eigen::Matrix4cd unitary;
  unsigned numTwoQubitGates = 0;
};

std::optional<TwoQubitBlock> collectBlock(Operation *first) {
  std::optional<Eigen::MatrixXcd> firstMatrix = constantMatrix(first, 2);
  if (!firstMatrix)
    return std::nullopt;
  TwoQubitBlock block;
  block.ops.push_back(first);
  block.inputs[0] = first->getOperand(0);
  block.inputs[1] = first->getOperand(1);
  block.outputs[0] = first->getResult(0);
  block.outputs[1] = first->getResult(1);
  block.unitary = *firstMatrix;
  block.numTwoQubitGates = 1;
  Block *parent = first->getBlock();
  while (true) {
    // One-qubit gates join only if a two-qubit gate on the pair follows.
    SmallVector<Operation *> pending;
    Eigen::Matrix4cd pendingProduct = Eigen::Matrix4cd::Identity();
    Value wires[2] = {block.outputs[0], block.outputs[1]};
    for (unsigned w = 0; w < 2; ++w) {
      while (Operation *next = soleUserIn(wires[w], parent)) {
        std::optional<Eigen::MatrixXcd> m = constantMatrix(next, 1);
        if (!m)
          break;
        pendingProduct = onWire(Eigen::Matrix2cd(*m), w) * pendingProduct;
        pending.push_back(next);
        wires[w] = next->getResult(0);
      }
    }
    Operation *next = soleUserIn(wires[0], parent);
    if (!next || next != soleUserIn(wires[1], parent))
      break;
    std::optional<Eigen::MatrixXcd> m = constantMatrix(next, 2);
    if (!m)
      break;
    Eigen::Matrix4cd gate = *m;
    bool swapped = next->getOperand(0) == wires[1];
    if (swapped)
      gate = swapWires(gate);
    block.unitary = gate * pendingProduct * block.unitary;
    block.ops.append(pending.begin(), pending.end());
    block.ops.push_back(next);
    block.outputs[0] = next->getResult(swapped ? 1 : 0);
    block.outputs[1] = next->getResult(swapped ? 0 : 1);
    ++block.numTwoQubitGates;
  }
  return block;
}

struct ResynthesizeTwoQubitBlocksPass
    : public qopt::impl::ResynthesizeTwoQubitBlocksBase<
          ResynthesizeTwoQubitBlocksPass> {
  using ResynthesizeTwoQubitBlocksBase::ResynthesizeTwoQubitBlocksBase;

  void runOnOperation() override {
    ModuleOp module = getOperation();
    SmallVector<std::string> basis(basisGates.begin(), basisGates.end());
    std::shared_ptr<const target::Target> device;
    if (module->hasAttr(kTargetAttrName)) {
      auto loaded = target::loadModuleTarget(module);
      if (failed(loaded))
        return signalPassFailure();
      device = std::move(*loaded);
      if (basis.empty())
        basis.assign(device->basisGates.begin(), device->basisGates.end());
    }
    if (!basis.empty() && !llvm::is_contained(basis, "cx")) {
      emitRemark(module.getLoc(),
                 "resynth-2q: the basis has no cx; nothing done");
      return;
    }
    zsx = llvm::is_contained(basis, "rz") && llvm::is_contained(basis, "sx");
    useX = llvm::is_contained(basis, "x");

    SmallVector<Operation *> starts;
    module.walk([&](Operation *op) {
      if (constantMatrix(op, 2))
        starts.push_back(op);
    });
    // Blocks end where another starts, so each start is visited once; the
    // ones replaced are remembered so their pointers are not followed.
    DenseSet<Operation *> erased;
    DeviceQubitIndex deviceQubits(module);
    for (Operation *start : starts) {
      if (erased.contains(start))
        continue;
      std::optional<TwoQubitBlock> block = collectBlock(start);
      if (!block || block->numTwoQubitGates < 2)
        continue;
      bool reversed = prefersReversedCX(*block, device.get(), deviceQubits);
      Eigen::Matrix4cd unitary =
          reversed ? swapWires(block->unitary) : block->unitary;
      auto steps = synthesis::synthesizeTwoQubit(unitary);
      if (!steps)
        continue;
      unsigned numCX = llvm::count_if(
          *steps, [](const synthesis::TwoQubitStep &s) { return s.isCX; });
      if (numCX >= block->numTwoQubitGates)
        continue;
      emit(*block, *steps, reversed);
      for (Operation *op : llvm::reverse(block->ops)) {
        erased.insert(op);
        deviceQubits.forget(op);
        op->erase();
      }
      ++numBlocksResynthesized;
      numTwoQubitGatesRemoved += block->numTwoQubitGates - numCX;
    }
  }

private:
  /// True when the CX should have the block's second wire as control: the
  /// wires are device qubits coupled only from the second to the first.
  static bool prefersReversedCX(const TwoQubitBlock &block,
                                const target::Target *device,
                                const DeviceQubitIndex &deviceQubits) {
    if (!device)
      return false;
    std::optional<int64_t> first = deviceQubits.lookup(block.inputs[0]);
    std::optional<int64_t> second = deviceQubits.lookup(block.inputs[1]);
    if (!first || !second)
      return false;
    return !device->isUsableCoupling(*first, *second) &&
           device->isUsableCoupling(*second, *first);
  }

  /// Builds `steps` before the block's first op and reroutes its outputs.
  void emit(TwoQubitBlock &block, ArrayRef<synthesis::TwoQubitStep> steps,
            bool reversed) {
    Operation *first = block.ops.front();
    OpBuilder builder(first);
    Location loc = first->getLoc();
    MLIRContext *context = builder.getContext();
    // Wire i of the synthesized circuit is block wire i, or 1 - i reversed.
    Value wires[2] = {block.inputs[reversed ? 1 : 0],
                      block.inputs[reversed ? 0 : 1]};
    for (const synthesis::TwoQubitStep &step : steps) {
      if (step.isCX) {
        Operation *cx =
            buildGate(builder, loc, OperationName("qgate.cx", context),
                      {wires[0], wires[1]});
        wires[0] = cx->getResult(0);
        wires[1] = cx->getResult(1);
        continue;
      }
      Value &wire = wires[step.qubit];
      if (zsx) {
        wire = buildZSXSequence(builder, loc, wire,
                                synthesis::synthesizeZSX(step.gate, useX));
      } else {
        synthesis::ZYZAngles zyz = synthesis::decomposeZYZ(step.gate);
        wire = buildOneQubitGate(builder, loc, "u", wire,
                                 {zyz.theta, zyz.phi, zyz.lambda});
      }
    }
    block.outputs[0].replaceAllUsesWith(wires[reversed ? 1 : 0]);
    block.outputs[1].replaceAllUsesWith(wires[reversed ? 0 : 1]);
  }

  bool zsx = false, useX = false;
};

} // namespace
