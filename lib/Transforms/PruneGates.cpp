//===- PruneGates.cpp - remove rotations close to the identity ------------===//

#include "qopt/Transforms/Passes.h"

#include "qopt/Dialect/QGate/QGate.h"
#include "qopt/Synthesis/EulerDecomposition.h"
#include "qopt/Target/TargetLoader.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "llvm/ADT/TypeSwitch.h"

#include <Eigen/Eigenvalues>
#include <algorithm>
#include <cmath>

namespace qopt {
#define GEN_PASS_DEF_PRUNEGATES
#include "qopt/Transforms/Passes.h.inc"
} // namespace qopt

using namespace mlir;
using namespace qopt;
using namespace qopt::qgate;

namespace {

/// min over phi of ||U - e^{i phi} I||: with U's eigenphases inside an arc of
/// length A on the unit circle, the best phi is its middle and the distance
/// is 2 sin(A / 4).
double distanceFromIdentity(const Eigen::MatrixXcd &unitary) {
  Eigen::ComplexEigenSolver<Eigen::MatrixXcd> solver(unitary, false);
  std::vector<double> phases;
  for (auto lambda : solver.eigenvalues())
    phases.push_back(std::arg(lambda));
  std::sort(phases.begin(), phases.end());
  double largestGap = phases.front() + 2 * M_PI - phases.back();
  for (size_t i = 1; i < phases.size(); ++i)
    largestGap = std::max(largestGap, phases[i] - phases[i - 1]);
  double arc = 2 * M_PI - largestGap;
  return 2 * std::sin(arc / 4);
}

/// Average gate infidelity of replacing `unitary` by the identity.
double droppingCost(const Eigen::MatrixXcd &unitary) {
  double d = unitary.rows();
  double trace = std::norm(unitary.trace());
  return 1 - (trace + d) / (d * (d + 1));
}

/// The calibrated error of running `gate` on its device qubits: the error of
/// the native pulses it takes.
FailureOr<double> deviceCost(GateOpInterface gate,
                             const target::Target &device,
                             const DeviceQubitIndex &deviceQubits) {
  SmallVector<unsigned> qubits;
  for (Value input : gate.getQubitInputs()) {
    std::optional<int64_t> q = deviceQubits.lookup(input);
    if (!q)
      return gate->emitOpError("fidelity-aware pruning needs circuits on "
                               "the target's physical qubits; map the "
                               "circuit first");
    qubits.push_back(*q);
  }
  auto error = [&](llvm::StringRef name, ArrayRef<unsigned> on) {
    const target::GateProperties *props = device.findGate(name, on);
    return props && props->error ? *props->error : 0.0;
  };
  llvm::StringRef name = gate->getName().stripDialect();
  if (name == "rz" || name == "p")
    return 0.0; // a frame change
  if (qubits.size() == 1) {
    if (const target::GateProperties *props = device.findGate(name, qubits))
      return props->error.value_or(0);
    std::optional<Eigen::MatrixXcd> m = gate.getConstantMatrix();
    unsigned pulses = synthesis::countPulses(
        synthesis::synthesizeZSX(Eigen::Matrix2cd(*m), false));
    return pulses * error("sx", qubits);
  }
  // Two-qubit rotations take two native two-qubit gates.
  llvm::StringRef native = device.twoQubitGate();
  double pair =
      std::max(error(native, qubits), error(native, {qubits[1], qubits[0]}));
  return 2 * pair;
}

/// The period after which a one-angle rotation is the identity up to
/// global phase.
std::optional<double> identityPeriod(Operation *op) {
  if (!op->hasTrait<qgate::OpTrait::Rotation>())
    return std::nullopt;
  return isa<CRXOp, CRYOp, CRZOp>(op) ? 4 * M_PI : 2 * M_PI;
}

struct PruneGatesPass : public qopt::impl::PruneGatesBase<PruneGatesPass> {
  using PruneGatesBase::PruneGatesBase;

  void runOnOperation() override {
    ModuleOp module = getOperation();
    bool byTolerance = tolerance >= 0, byRatio = ratio >= 0;
    if (int(byTolerance) + int(byRatio) + int(fidelityAware) != 1) {
      emitError(module.getLoc(), "prune-gates needs exactly one of "
                                 "tolerance=<angle>, ratio=<fraction> or "
                                 "fidelity-aware");
      return signalPassFailure();
    }
    std::shared_ptr<const target::Target> device;
    if (fidelityAware) {
      if (onlyMapped && !module->hasAttr(kTargetAttrName))
        return;
      auto loaded = target::loadModuleTarget(module);
      if (failed(loaded))
        return signalPassFailure();
      device = std::move(*loaded);
    }
    if (byRatio && ratio > 1) {
      emitError(module.getLoc(), "prune-gates ratio must be in [0, 1], got ")
          << ratio;
      return signalPassFailure();
    }

    bool failedGate = false;
    for (auto func : module.getOps<func::FuncOp>()) {
      struct Candidate {
        Operation *op;
        double distance;
        size_t order;
      };
      std::vector<Candidate> candidates;
      DeviceQubitIndex deviceQubits(func);
      func.walk([&](GateOpInterface gate) {
        if (gate.getNumParams() == 0)
          return;
        std::optional<SmallVector<double>> params = gate.getConstantParams();
        if (!params)
          return; // symbolic: bind the parameters first
        double distance = distanceFromIdentity(gate.computeMatrix(*params));
        if (fidelityAware) {
          if (onlyMapped &&
              !llvm::all_of(gate.getQubitInputs(), [&](Value q) {
                return deviceQubits.lookup(q).has_value();
              }))
            return;
          FailureOr<double> cost = deviceCost(gate, *device, deviceQubits);
          if (failed(cost)) {
            failedGate = true;
            return;
          }
          if (*cost <= droppingCost(gate.computeMatrix(*params)))
            return;
        }
        if (byTolerance) {
          std::optional<double> period = identityPeriod(gate);
          if (!period)
            return;
          double offset = std::abs(std::remainder((*params)[0], *period));
          if (tolerance == 0 ? offset != 0 : offset > tolerance)
            return;
        }
        candidates.push_back({gate, distance, candidates.size()});
      });
      if (failedGate)
        return signalPassFailure();
      if (byRatio) {
        // Closest first; program order breaks ties, so results repeat.
        std::sort(candidates.begin(), candidates.end(),
                  [](const Candidate &a, const Candidate &b) {
                    return a.distance != b.distance ? a.distance < b.distance
                                                    : a.order < b.order;
                  });
        candidates.resize(std::floor(ratio * candidates.size() + 1e-9));
      }
      double bound = 0;
      for (const Candidate &candidate : candidates) {
        auto gate = cast<GateOpInterface>(candidate.op);
        candidate.op->replaceAllUsesWith(gate.getQubitInputs());
        candidate.op->erase();
        bound += candidate.distance;
        ++numPruned;
      }
      if (!candidates.empty())
        emitRemark(func.getLoc(), "pruned ")
            << candidates.size() << " gate(s); the circuit moved by at most "
            << bound << " in operator norm";
    }
  }
};

} // namespace
