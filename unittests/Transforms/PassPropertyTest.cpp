//===- PassPropertyTest.cpp - exact passes keep random circuits' meaning --===//
//
// 1,000 random circuits (3-8 qubits, every gate kind, fixed seed) go through
// each exact pass pipeline and -O3 without pruning; every result must equal
// its input's unitary up to global phase. CX-heavy circuits check that
// two-qubit resynthesis fires and keeps the unitary.
//
//===----------------------------------------------------------------------===//

#include "GateTestSupport.h"

#include "qopt/Dialect/QGate/QGate.h"
#include "qopt/InitQOpt.h"
#include "qopt/Simulation/CircuitUnitary.h"
#include "qopt/Transforms/Passes.h"

#include "mlir/IR/Verifier.h"
#include "mlir/Pass/PassManager.h"

#include "gtest/gtest.h"

#include <cstdio>
#include <random>

using namespace mlir;
using namespace qopt;

namespace {

const char *const kPipelines[] = {
    "canonicalize",
    "to-target-basis{basis=rz,sx,x,cx}",
    "to-target-basis{basis=rz,sx,x,ecr}",
    "fuse-1q{basis=rz,sx,x,cx}",
    "fuse-1q",
    "commute-cancel",
    "canonicalize,commute-cancel,canonicalize",
    ("canonicalize,to-target-basis{basis=id,rz,sx,x,cx},canonicalize,"
     "commute-cancel,fuse-1q{basis=rz,sx,x,cx},canonicalize"),
    "resynth-2q",
    "resynth-2q{basis=rz,sx,x,cx}",
    // -O3 without pruning, built by buildOptimizationPipeline.
    nullptr,
};

/// Adds `pipeline`, or -O3 without pruning for nullptr.
LogicalResult addPipeline(PassManager &pm, const char *pipeline) {
  if (!pipeline) {
    buildOptimizationPipeline(pm, 3, /*approximate=*/false);
    return success();
  }
  return parsePassPipeline(pipeline, pm);
}

unsigned countTwoQubitGates(func::FuncOp func) {
  unsigned count = 0;
  func.walk(
      [&](qgate::GateOpInterface gate) { count += gate.getNumQubits() == 2; });
  return count;
}

TEST(PassProperty, RandomCircuitsKeepTheirMeaning) {
  static bool registered = (registerAllPasses(), true);
  (void)registered;
  std::unique_ptr<MLIRContext> context = test::makeContext();
  std::vector<test::GateKind> kinds = test::allGateKinds(*context);
  std::mt19937_64 rng(20261126);
  const double specials[] = {0, M_PI / 2, M_PI, -M_PI / 4, 2 * M_PI};
  constexpr int kCircuits = 1000;
  unsigned checked = 0;
  for (int c = 0; c < kCircuits; ++c) {
    unsigned numQubits = 3 + rng() % 6;
    const char *pipeline = kPipelines[c % std::size(kPipelines)];
    test::CircuitBuilder circuit(*context, numQubits);
    for (int g = 0; g < 16; ++g) {
      const test::GateKind &kind = kinds[rng() % kinds.size()];
      SmallVector<unsigned> wires;
      while (wires.size() < kind.numQubits) {
        unsigned w = rng() % numQubits;
        if (!llvm::is_contained(wires, w))
          wires.push_back(w);
      }
      std::vector<double> params;
      for (unsigned i = 0; i < kind.numParams; ++i)
        params.push_back(
            rng() % 3 == 0
                ? specials[rng() % 5]
                : std::uniform_real_distribution<double>(-4, 4)(rng));
      circuit.addGate(kind.name, wires, params);
    }
    func::FuncOp func = circuit.finish();
    FailureOr<Eigen::MatrixXcd> before =
        computeCircuitUnitary(func.getBody().front());
    ASSERT_TRUE(succeeded(before));
    PassManager pm(context.get());
    ASSERT_TRUE(succeeded(addPipeline(pm, pipeline)));
    std::string name = pipeline ? pipeline : "-O3 without pruning";
    ASSERT_TRUE(succeeded(pm.run(*circuit.module))) << name;
    ASSERT_TRUE(succeeded(verify(*circuit.module)));
    FailureOr<Eigen::MatrixXcd> after =
        computeCircuitUnitary(func.getBody().front());
    ASSERT_TRUE(succeeded(after));
    EXPECT_TRUE(equalUpToGlobalPhase(*after, *before, 1e-8))
        << "circuit " << c << " through " << name;
    ++checked;
  }
  EXPECT_EQ(checked, unsigned(kCircuits));
}

TEST(PassProperty, ResynthesisRemovesCXAndKeepsMeaning) {
  static bool registered = (registerAllPasses(), true);
  (void)registered;
  std::unique_ptr<MLIRContext> context = test::makeContext();
  std::mt19937_64 rng(7);
  const char *const oneQubit[] = {"h", "s", "t", "sx", "x"};
  unsigned before = 0, after = 0;
  for (int c = 0; c < 200; ++c) {
    test::CircuitBuilder circuit(*context, 3);
    for (int g = 0; g < 24; ++g) {
      unsigned a = rng() % 3, b = (a + 1 + rng() % 2) % 3;
      if (rng() % 2)
        circuit.addGate("cx", {a, b}, {});
      else if (rng() % 2)
        circuit.addGate(oneQubit[rng() % 5], {a}, {});
      else
        circuit.addGate("rz", {a},
                        {std::uniform_real_distribution<double>(-4, 4)(rng)});
    }
    func::FuncOp func = circuit.finish();
    FailureOr<Eigen::MatrixXcd> original =
        computeCircuitUnitary(func.getBody().front());
    ASSERT_TRUE(succeeded(original));
    before += countTwoQubitGates(func);
    PassManager pm(context.get());
    ASSERT_TRUE(succeeded(parsePassPipeline("resynth-2q", pm)));
    ASSERT_TRUE(succeeded(pm.run(*circuit.module)));
    ASSERT_TRUE(succeeded(verify(*circuit.module)));
    after += countTwoQubitGates(func);
    FailureOr<Eigen::MatrixXcd> result =
        computeCircuitUnitary(func.getBody().front());
    ASSERT_TRUE(succeeded(result));
    EXPECT_TRUE(equalUpToGlobalPhase(*result, *original, 1e-8))
        << "circuit " << c;
  }
  // Random CX on three wires often repeat a pair; fewer must remain.
  EXPECT_LT(after, before * 9 / 10) << before << " -> " << after;
  std::printf("resynth-2q: %u -> %u two-qubit gates\n", before, after);
}

} // namespace
