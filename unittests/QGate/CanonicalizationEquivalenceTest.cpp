//===- CanonicalizationEquivalenceTest.cpp - canonicalize keeps meaning ---===//
//
// Random circuits built to give the canonicalizer work (repeated gates,
// inverses, identity angles, symmetric gates on swapped wires) must keep their
// unitary, up to global phase, through -canonicalize.
//
//===----------------------------------------------------------------------===//

#include "GateTestSupport.h"

#include "qopt/Simulation/CircuitUnitary.h"

#include "mlir/Pass/PassManager.h"
#include "mlir/Transforms/Passes.h"

#include "gtest/gtest.h"

#include <random>

using namespace mlir;
using namespace qopt;

namespace {

unsigned countGates(func::FuncOp func) {
  unsigned count = 0;
  func.walk([&](qgate::GateOpInterface) { ++count; });
  return count;
}

TEST(CanonicalizationEquivalence, RandomCircuitsKeepTheirUnitary) {
  std::unique_ptr<MLIRContext> context = test::makeContext();
  std::vector<test::GateKind> kinds = test::allGateKinds(*context);
  std::mt19937_64 rng(7);
  const double specials[] = {0.0, M_PI / 2, M_PI, 2 * M_PI, 4 * M_PI, -M_PI};
  constexpr unsigned kNumQubits = 4;
  constexpr int kNumCircuits = 300;
  unsigned gatesBefore = 0, gatesAfter = 0;

  for (int c = 0; c < kNumCircuits; ++c) {
    test::CircuitBuilder circuit(*context, kNumQubits);
    test::GateKind previousKind;
    SmallVector<unsigned> previousWires;
    std::vector<double> previousParams;
    for (int g = 0; g < 24; ++g) {
      test::GateKind kind = kinds[rng() % kinds.size()];
      SmallVector<unsigned> wires;
      std::vector<double> params;
      unsigned mode = rng() % 4;
      if (g > 0 && mode == 0) {
        // Repeat the previous gate, possibly with its wires reversed.
        kind = previousKind;
        wires = previousWires;
        if (wires.size() == 2 && rng() % 2)
          std::swap(wires[0], wires[1]);
        params = previousParams;
        if (rng() % 2)
          for (double &p : params)
            p = -p;
      } else {
        while (wires.size() < kind.numQubits) {
          unsigned wire = rng() % kNumQubits;
          if (!llvm::is_contained(wires, wire))
            wires.push_back(wire);
        }
        for (unsigned i = 0; i < kind.numParams; ++i)
          params.push_back(
              rng() % 2 ? specials[rng() % 6]
                        : std::uniform_real_distribution<double>(-7, 7)(rng));
      }
      circuit.addGate(kind.name, wires, params);
      previousKind = kind;
      previousWires = wires;
      previousParams = params;
    }
    func::FuncOp func = circuit.finish();
    ASSERT_TRUE(succeeded(verify(*circuit.module)));
    FailureOr<Eigen::MatrixXcd> before =
        computeCircuitUnitary(func.getBody().front());
    ASSERT_TRUE(succeeded(before));
    gatesBefore += countGates(func);

    PassManager pm(context.get());
    pm.addPass(createCanonicalizerPass());
    ASSERT_TRUE(succeeded(pm.run(*circuit.module)));
    ASSERT_TRUE(succeeded(verify(*circuit.module)));
    FailureOr<Eigen::MatrixXcd> after =
        computeCircuitUnitary(func.getBody().front());
    ASSERT_TRUE(succeeded(after));
    gatesAfter += countGates(func);
    EXPECT_TRUE(equalUpToGlobalPhase(*after, *before, 1e-9))
        << "circuit " << c << " changed meaning under -canonicalize";
  }
  // The circuits are built to be simplifiable; if nothing was removed, the
  // test is not exercising the patterns at all.
  EXPECT_LT(gatesAfter, gatesBefore * 9 / 10)
      << "before " << gatesBefore << ", after " << gatesAfter;
}

} // namespace
