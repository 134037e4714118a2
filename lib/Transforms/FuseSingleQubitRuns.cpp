//===- FuseSingleQubitRuns.cpp - one Euler rotation per run ---------------===//

#include "qopt/Transforms/Passes.h"

#include "GateEmission.h"

#include "qopt/Dialect/QGate/GateAlgebra.h"
#include "qopt/Dialect/QGate/QGate.h"
#include "qopt/Synthesis/EulerDecomposition.h"
#include "qopt/Target/TargetLoader.h"

namespace qopt {
#define GEN_PASS_DEF_FUSESINGLEQUBITRUNS
#include "qopt/Transforms/Passes.h.inc"
} // namespace qopt

using namespace mlir;
using namespace qopt;
using namespace qopt::qgate;

namespace {

/// A one-qubit gate whose matrix is known.
std::optional<Eigen::Matrix2cd> fusibleMatrix(Operation *op) {
  auto gate = dyn_cast_or_null<GateOpInterface>(op);
  if (!gate || gate.getNumQubits() != 1)
    return std::nullopt;
  std::optional<Eigen::MatrixXcd> matrix = gate.getConstantMatrix();
  if (!matrix)
    return std::nullopt;
  return Eigen::Matrix2cd(*matrix);
}

/// The one-qubit gate that alone consumes `op`'s output, if fusible.
Operation *nextInRun(Operation *op) {
  Value out = op->getResult(0);
  if (!out.hasOneUse())
    return nullptr;
  Operation *user = *out.getUsers().begin();
  return fusibleMatrix(user) && user->getBlock() == op->getBlock() ? user
                                                                   : nullptr;
}

struct FuseSingleQubitRunsPass
    : public qopt::impl::FuseSingleQubitRunsBase<FuseSingleQubitRunsPass> {
  using FuseSingleQubitRunsBase::FuseSingleQubitRunsBase;

  void runOnOperation() override {
    ModuleOp module = getOperation();
    SmallVector<std::string> basis(basisGates.begin(), basisGates.end());
    if (basis.empty() && module->hasAttr(kTargetAttrName)) {
      auto device = target::loadModuleTarget(module);
      if (failed(device))
        return signalPassFailure();
      basis.assign((*device)->basisGates.begin(), (*device)->basisGates.end());
    }
    bool zsx =
        llvm::is_contained(basis, "rz") && llvm::is_contained(basis, "sx");
    bool useX = llvm::is_contained(basis, "x");

    // Run heads: fusible gates not fed by another fusible gate's sole use.
    SmallVector<Operation *> heads;
    module.walk([&](Operation *op) {
      if (!fusibleMatrix(op))
        return;
      Operation *producer = op->getOperand(0).getDefiningOp();
      if (producer && fusibleMatrix(producer) && nextInRun(producer) == op)
        return;
      heads.push_back(op);
    });

    for (Operation *head : heads) {
      SmallVector<Operation *> run = {head};
      while (Operation *next = nextInRun(run.back()))
        run.push_back(next);
      Eigen::Matrix2cd product = Eigen::Matrix2cd::Identity();
      unsigned oldPulses = 0;
      for (Operation *op : run) {
        Eigen::Matrix2cd m = *fusibleMatrix(op);
        product = m * product;
        oldPulses += synthesis::countPulses(synthesis::synthesizeZSX(m, useX));
      }
      bool identity = qgate::isIdentityUpToPhase(product);

      OpBuilder builder(run.back());
      Location loc = run.back()->getLoc();
      Value qubit = head->getOperand(0);
      unsigned newOps = 0;
      if (zsx) {
        auto steps = synthesis::synthesizeZSX(product, useX);
        unsigned newPulses = synthesis::countPulses(steps);
        bool cheaper = newPulses < oldPulses ||
                       (newPulses == oldPulses && steps.size() < run.size());
        if (!cheaper)
          continue;
        qubit = buildZSXSequence(builder, loc, qubit, steps);
        newOps = steps.size();
      } else {
        if (run.size() < 2 && !identity)
          continue;
        if (!identity) {
          synthesis::ZYZAngles zyz = synthesis::decomposeZYZ(product);
          qubit = buildOneQubitGate(builder, loc, "u", qubit,
                                    {zyz.theta, zyz.phi, zyz.lambda});
          newOps = 1;
        }
      }
      run.back()->getResult(0).replaceAllUsesWith(qubit);
      for (Operation *op : llvm::reverse(run))
        op->erase();
      ++numRunsFused;
      numGatesRemoved += run.size() - std::min<size_t>(run.size(), newOps);
    }
  }
};

} // namespace
