//===- MutationTest.cpp - qopt-check catches real mistakes ----------------===//
//
// Mutants of the QASMBench circuits must all be told apart from the original:
// one CX with control and target swapped, one angle moved by 1e-6, or one
// gate deleted. Circuits up to 8 qubits are compared exactly, wider ones
// (to 17) with two random states, which keeps the suite fast. Only circuits
// compared as unitaries are used: a distribution over a few measured bits can
// legitimately hide a mutation.
//
//===----------------------------------------------------------------------===//

#include "QasmBenchSupport.h"

#include "qopt/Dialect/QGate/GateAlgebra.h"
#include "qopt/Simulation/Equivalence.h"

#include "mlir/IR/IRMapping.h"

#include "gtest/gtest.h"

#include <random>

using namespace mlir;
using namespace qopt;
using namespace qopt::test;

namespace {

enum class Mutation { SwapCx, NudgeAngle, DeleteGate };

/// The gates of `func` a mutation may target.
SmallVector<Operation *> candidates(func::FuncOp func, Mutation mutation) {
  SmallVector<Operation *> ops;
  func.walk([&](qgate::GateOpInterface gate) {
    switch (mutation) {
    case Mutation::SwapCx:
      if (isa<qgate::CXOp>(gate))
        ops.push_back(gate);
      break;
    case Mutation::NudgeAngle:
      if (gate.getNumParams() > 0)
        ops.push_back(gate);
      break;
    case Mutation::DeleteGate: {
      // Deleting an identity changes nothing, so it is not a mutant.
      std::optional<Eigen::MatrixXcd> m = gate.getConstantMatrix();
      if (m && !qgate::isIdentityUpToPhase(*m))
        ops.push_back(gate);
      break;
    }
    }
  });
  return ops;
}

void mutate(Operation *op, Mutation mutation) {
  auto gate = cast<qgate::GateOpInterface>(op);
  OpBuilder builder(op);
  switch (mutation) {
  case Mutation::SwapCx: {
    auto cx = cast<qgate::CXOp>(op);
    auto swapped = builder.create<qgate::CXOp>(cx.getLoc(), cx.getTarget(),
                                               cx.getControl());
    cx.getControlOut().replaceAllUsesWith(swapped.getTargetOut());
    cx.getTargetOut().replaceAllUsesWith(swapped.getControlOut());
    cx.erase();
    break;
  }
  case Mutation::NudgeAngle: {
    double angle = (*gate.getConstantParams())[0];
    Value nudged = builder.create<arith::ConstantOp>(
        op->getLoc(), builder.getF64FloatAttr(angle + 1e-6));
    op->setOperand(gate.getNumQubits(), nudged);
    break;
  }
  case Mutation::DeleteGate:
    for (auto [in, out] :
         llvm::zip(gate.getQubitInputs(), gate.getQubitOutputs()))
      out.replaceAllUsesWith(in);
    op->erase();
    break;
  }
}

class MutationTest : public ::testing::TestWithParam<Benchmark> {};

TEST_P(MutationTest, EveryMutantIsCaught) {
  const Benchmark &bench = GetParam();
  std::unique_ptr<MLIRContext> context = makeContext();
  std::string diagnostics;
  std::string path = bench.directory + "/" + bench.name + ".qasm";
  OwningOpRef<ModuleOp> original = importFile(*context, path, diagnostics);
  ASSERT_TRUE(original) << diagnostics;

  EquivalenceOptions options;
  if (bench.qubits > 8) {
    options.method = EquivalenceOptions::Method::Random;
    options.numStates = 2;
  }
  std::mt19937_64 rng(std::hash<std::string>()(bench.name));
  unsigned mutants = 0;
  for (Mutation mutation :
       {Mutation::SwapCx, Mutation::NudgeAngle, Mutation::DeleteGate}) {
    // Two mutants of each kind, at random sites.
    for (int trial = 0; trial < 2; ++trial) {
      OwningOpRef<ModuleOp> mutant = importFile(*context, path, diagnostics);
      SmallVector<Operation *> sites = candidates(circuitOf(*mutant), mutation);
      if (sites.empty())
        continue;
      Operation *site = sites[rng() % sites.size()];
      std::string where;
      llvm::raw_string_ostream os(where);
      site->getLoc().print(os);
      mutate(site, mutation);
      ++mutants;
      FailureOr<EquivalenceResult> result =
          checkEquivalence(circuitOf(*original), circuitOf(*mutant), options);
      ASSERT_TRUE(succeeded(result));
      EXPECT_FALSE(result->equivalent)
          << "mutation " << int(mutation) << " at " << where
          << " not detected (" << result->method << ", distance "
          << result->distance << ")";
    }
  }
  EXPECT_GT(mutants, 0u);
}

/// Circuits compared as unitaries (no mid-circuit measurement, reset or
/// condition), small enough to simulate.
std::vector<Benchmark> unitaryBenchmarks() {
  std::vector<Benchmark> result;
  for (const Benchmark &bench : validBenchmarks(17))
    if (bench.name != "cc_n12" && bench.name != "square_root_n18")
      result.push_back(bench);
  return result;
}

INSTANTIATE_TEST_SUITE_P(Circuits, MutationTest,
                         ::testing::ValuesIn(unitaryBenchmarks()),
                         [](const ::testing::TestParamInfo<Benchmark> &info) {
                           return info.param.name;
                         });

} // namespace
