//===- PruneBoundTest.cpp - pruning stays within its reported bound -------===//
//
// On random variational-style circuits with many angles near 0 or 2*pi,
// the operator-norm distance (after the best global phase) between the
// circuit before and after prune-gates never exceeds the bound the pass
// reports.
//
//===----------------------------------------------------------------------===//

#include "GateTestSupport.h"

#include "qopt/InitQOpt.h"
#include "qopt/Simulation/CircuitUnitary.h"
#include "qopt/Transforms/Passes.h"

#include "mlir/Pass/PassManager.h"

#include "gtest/gtest.h"

#include <Eigen/SVD>
#include <random>

using namespace mlir;
using namespace qopt;

namespace {

/// min over phi of ||a - e^{i phi} b|| (spectral norm), by a fine scan of
/// phi refined around the best point.
double phaseAlignedDistance(const Eigen::MatrixXcd &a,
                            const Eigen::MatrixXcd &b) {
  auto at = [&](double phi) {
    Eigen::MatrixXcd d = a - std::polar(1.0, phi) * b;
    return Eigen::JacobiSVD<Eigen::MatrixXcd>(d).singularValues()(0);
  };
  double best = 1e9, bestPhi = 0;
  for (int i = 0; i < 720; ++i) {
    double phi = 2 * M_PI * i / 720, d = at(phi);
    if (d < best) {
      best = d;
      bestPhi = phi;
    }
  }
  for (double step = 2 * M_PI / 720; step > 1e-9; step /= 2)
    for (double phi : {bestPhi - step, bestPhi + step})
      if (double d = at(phi); d < best) {
        best = d;
        bestPhi = phi;
      }
  return best;
}

TEST(PruneGates, DistanceStaysWithinReportedBound) {
  static bool registered = (registerAllPasses(), true);
  (void)registered;
  std::unique_ptr<MLIRContext> context = test::makeContext();
  std::mt19937_64 rng(42);
  const char *rotations[] = {"rx", "ry", "rz", "p", "crx", "crz", "rzz"};
  unsigned pruned = 0;
  for (int c = 0; c < 60; ++c) {
    for (const char *mode : {"tolerance=0.05", "ratio=0.3"}) {
      test::CircuitBuilder circuit(*context, 3);
      std::mt19937_64 local(rng());
      for (int g = 0; g < 30; ++g) {
        const char *name = rotations[local() % 7];
        bool twoQubit = name[0] == 'c' || llvm::StringRef(name) == "rzz";
        unsigned a = local() % 3, b = (a + 1 + local() % 2) % 3;
        // Trained-like angles: many near 0 or a full period.
        double angle =
            std::uniform_real_distribution<double>(-0.08, 0.08)(local);
        if (local() % 3 == 0)
          angle += 2 * M_PI;
        if (local() % 3 == 1)
          angle = std::uniform_real_distribution<double>(-3, 3)(local);
        if (twoQubit)
          circuit.addGate(name, {a, b}, {angle});
        else
          circuit.addGate(name, {a}, {angle});
        if (local() % 4 == 0)
          circuit.addGate("cx", {b, a}, {});
      }
      func::FuncOp func = circuit.finish();
      FailureOr<Eigen::MatrixXcd> before =
          computeCircuitUnitary(func.getBody().front());
      ASSERT_TRUE(succeeded(before));

      double bound = 0;
      unsigned count = 0;
      ScopedDiagnosticHandler handler(context.get(), [&](Diagnostic &diag) {
        std::string text = diag.str();
        size_t at = text.find("at most ");
        if (diag.getSeverity() == DiagnosticSeverity::Remark &&
            at != std::string::npos) {
          bound = std::stod(text.substr(at + 8));
          count = std::stoul(text.substr(text.find("pruned ") + 7));
        }
        return success();
      });
      PassManager pm(context.get());
      ASSERT_TRUE(succeeded(
          parsePassPipeline(std::string("prune-gates{") + mode + "}", pm)));
      ASSERT_TRUE(succeeded(pm.run(*circuit.module)));
      FailureOr<Eigen::MatrixXcd> after =
          computeCircuitUnitary(func.getBody().front());
      ASSERT_TRUE(succeeded(after));
      double distance = phaseAlignedDistance(*before, *after);
      EXPECT_LE(distance, bound * (1 + 1e-9) + 1e-9)
          << mode << " circuit " << c << " pruned " << count;
      pruned += count;
    }
  }
  // The circuits are built to be pruned; an idle pass proves nothing.
  EXPECT_GT(pruned, 500u);
}

} // namespace
