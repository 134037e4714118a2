//===- BasisTranslationTest.cpp - to-target-basis on real circuits --------===//
//
// Every QASMBench circuit, translated for a CX device (montreal) and an ECR
// device (sherbrooke), contains only basis gates and keeps its meaning:
// exact unitary up to 8 qubits, a random state up to 20 (the translated
// circuits are several times longer, and exact checks of them are slow),
// basis check only above. On physical qubits every ECR must run along one of
// sherbrooke's one-way couplers.
//
//===----------------------------------------------------------------------===//

#include "QasmBenchSupport.h"

#include "qopt/Dialect/QGate/QGate.h"
#include "qopt/Simulation/Equivalence.h"
#include "qopt/Target/TargetLoader.h"
#include "qopt/Transforms/Passes.h"

#include "mlir/IR/Verifier.h"
#include "mlir/Parser/Parser.h"
#include "mlir/Pass/PassManager.h"

#include "gtest/gtest.h"

using namespace mlir;
using namespace qopt;
using namespace qopt::test;

namespace {

LogicalResult translate(ModuleOp module, llvm::StringRef target) {
  PassManager pm(module.getContext());
  pm.addPass(createAttachTarget(AttachTargetOptions{target.str()}));
  pm.addPass(createToTargetBasis());
  return pm.run(module);
}

class BasisTranslationTest : public ::testing::TestWithParam<Benchmark> {};

TEST_P(BasisTranslationTest, OnlyBasisGatesAndSameMeaning) {
  const Benchmark &bench = GetParam();
  std::unique_ptr<MLIRContext> context = makeContext();
  std::string diagnostics;
  std::string path = bench.directory + "/" + bench.name + ".qasm";
  OwningOpRef<ModuleOp> original = importFile(*context, path, diagnostics);
  ASSERT_TRUE(original) << diagnostics;
  for (const auto &entry :
       {std::make_pair("montreal",
                       std::vector<std::string>{"id", "rz", "sx", "x", "cx"}),
        std::make_pair("sherbrooke", std::vector<std::string>{"id", "rz", "sx",
                                                              "x", "ecr"})}) {
    const std::string device = entry.first;
    const std::vector<std::string> &basis = entry.second;
    if (bench.qubits > 127)
      continue;
    SCOPED_TRACE(device);
    OwningOpRef<ModuleOp> module = importFile(*context, path, diagnostics);
    if (bench.qubits > 27 && device == "montreal")
      continue; // wider than the device
    ASSERT_TRUE(succeeded(translate(*module, device)));
    ASSERT_TRUE(succeeded(verify(*module)));
    module->walk([&](qgate::GateOpInterface gate) {
      llvm::StringRef name = gate->getName().stripDialect();
      EXPECT_TRUE(llvm::is_contained(basis, name)) << name.str();
    });
    if (bench.qubits > 20)
      continue;
    EquivalenceOptions options;
    if (bench.qubits > 8) {
      options.method = EquivalenceOptions::Method::Random;
      options.numStates = 1;
    }
    FailureOr<EquivalenceResult> result =
        checkEquivalence(circuitOf(*original), circuitOf(*module), options);
    ASSERT_TRUE(succeeded(result));
    EXPECT_TRUE(result->equivalent)
        << result->method << " distance " << result->distance << " "
        << result->reason;
  }
}

INSTANTIATE_TEST_SUITE_P(Circuits, BasisTranslationTest,
                         ::testing::ValuesIn(validBenchmarks(1000)),
                         [](const ::testing::TestParamInfo<Benchmark> &info) {
                           return info.param.name;
                         });

TEST(BasisTranslation, EcrFollowsSherbrookesOneWayCouplers) {
  std::unique_ptr<MLIRContext> context = makeContext();
  // Two-qubit gates both ways on every coupler among device qubits 0-4.
  std::string text = "func.func @f() {\n";
  for (int q = 0; q < 5; ++q)
    text += "  %p" + std::to_string(q) + "_0 = qgate.physical " +
            std::to_string(q) + "\n";
  std::vector<int> version(5, 0);
  auto wire = [&](int q) {
    return "%p" + std::to_string(q) + "_" + std::to_string(version[q]);
  };
  const std::pair<int, int> pairs[] = {{0, 1}, {1, 2}, {2, 3}, {3, 4}};
  for (auto [a, b] : pairs)
    for (auto [c, t] : {std::make_pair(a, b), std::make_pair(b, a)})
      for (const char *gate : {"cx", "ecr", "cz"}) {
        std::string in0 = wire(c), in1 = wire(t);
        ++version[c];
        ++version[t];
        text += "  " + wire(c) + ", " + wire(t) + " = qgate." + gate + " " +
                in0 + ", " + in1 + "\n";
      }
  text += "  return\n}\n";
  OwningOpRef<ModuleOp> original =
      parseSourceString<ModuleOp>(text, context.get());
  OwningOpRef<ModuleOp> module =
      parseSourceString<ModuleOp>(text, context.get());
  ASSERT_TRUE(original && module);
  ASSERT_TRUE(succeeded(translate(*module, "sherbrooke")));
  auto device = target::loadTarget("sherbrooke", context.get());
  ASSERT_TRUE(succeeded(device));
  unsigned ecrCount = 0;
  module->walk([&](qgate::ECROp ecr) {
    std::optional<int64_t> c = qgate::traceDeviceQubit(ecr.getQubit0());
    std::optional<int64_t> t = qgate::traceDeviceQubit(ecr.getQubit1());
    ASSERT_TRUE(c && t);
    EXPECT_TRUE((*device)->hasCoupling(*c, *t)) << *c << "->" << *t;
    ++ecrCount;
  });
  EXPECT_EQ(ecrCount, 24u);
  FailureOr<EquivalenceResult> result = checkEquivalence(
      circuitOf(*original), circuitOf(*module), EquivalenceOptions());
  ASSERT_TRUE(succeeded(result));
  EXPECT_TRUE(result->equivalent) << result->distance;
}

} // namespace
