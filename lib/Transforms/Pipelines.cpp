//===- Pipelines.cpp - qopt's -O0 ... -O3 optimization pipelines ----------===//

#include "qopt/Transforms/Passes.h"

#include "mlir/Pass/PassManager.h"
#include "mlir/Pass/PassRegistry.h"
#include "mlir/Transforms/Passes.h"

using namespace mlir;

/// One Euler rotation per one-qubit run (in the target's basis when a target
/// is attached); fusing first turns runs into rz sx rz forms whose rz then
/// cancel and merge through cx, and a second fusion collects what that
/// exposed.
static void addOneQubitFusion(OpPassManager &pm) {
  pm.addPass(qopt::createFuseSingleQubitRuns());
  pm.addPass(qopt::createCommuteCancel());
  pm.addPass(createCanonicalizerPass());
  pm.addPass(qopt::createFuseSingleQubitRuns());
  pm.addPass(createCanonicalizerPass());
}

void qopt::buildOptimizationPipeline(OpPassManager &pm, unsigned level,
                                     bool approximate) {
  if (level == 0)
    return;
  // -O1: cancellation, rotation merging and identity removal, also through
  // commuting gates.
  pm.addPass(createCanonicalizerPass());
  pm.addPass(createCommuteCancel());
  pm.addPass(createCanonicalizerPass());
  if (level == 1)
    return;
  // -O2: one-qubit run fusion.
  addOneQubitFusion(pm);
  if (level == 2)
    return;
  // -O3: two-qubit blocks with the fewest CX; diagonal gates before
  // measurements dropped (the outcomes cannot show them); then the one-qubit
  // gates the synthesis left around the CX fused and cancelled like at -O2.
  pm.addPass(createResynthesizeTwoQubitBlocks());
  pm.addPass(createDropFinalDiagonal());
  addOneQubitFusion(pm);
  if (!approximate)
    return;
  // Gates whose calibrated error exceeds what dropping them costs, on
  // circuits mapped to a target; what is left is fused once more.
  PruneGatesOptions prune;
  prune.fidelityAware = true;
  prune.onlyMapped = true;
  pm.addPass(createPruneGates(prune));
  pm.addPass(createFuseSingleQubitRuns());
  pm.addPass(createCanonicalizerPass());
}

void qopt::registerOptimizationPipelines() {
  for (unsigned level = 0; level <= 3; ++level) {
    static std::string names[4], descriptions[4];
    names[level] = "qopt-O" + std::to_string(level);
    descriptions[level] =
        "qopt's optimization pipeline at level " + std::to_string(level);
    PassPipelineRegistration<>(
        names[level], descriptions[level],
        [level](OpPassManager &pm) { buildOptimizationPipeline(pm, level); });
  }
}
