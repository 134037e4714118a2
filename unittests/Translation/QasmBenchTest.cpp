//===- QasmBenchTest.cpp - every QASMBench circuit imports and round-trips ===//
//
// For each circuit shipped in bench/circuits/qasmbench:
//  - the original and the upstream-transpiled file import, except the three
//    vqe_uccsd circuits, which name undefined registers (see SOURCE.md) and
//    must be rejected with that diagnostic;
//  - the qubit count matches the upstream metric sheet (README.md);
//  - so do the original circuit's gate counts, where both count the same
//    thing: the sheet expands composite gates (cz, cp, ccx, ...) and qopt
//    keeps them, so totals are compared for circuits made of basic gates
//    only, and the two-qubit count is compared for all, after expanding each
//    qopt gate into its qelib1.inc CX count;
//  - export to OpenQASM 2 and re-import gives an equivalent circuit: exact
//    unitary up to 12 qubits, a random-state fingerprint up to 24, identical
//    IR above;
//  - up to 12 qubits, the original is equivalent to upstream's transpiled
//    version (whose angles are printed to fewer digits, hence a 1e-6
//    tolerance).
//
//===----------------------------------------------------------------------===//

#include "QasmBenchSupport.h"

#include "qopt/Dialect/QGate/QGate.h"
#include "qopt/InitQOpt.h"
#include "qopt/Simulation/Equivalence.h"
#include "qopt/Translation/OpenQasm.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/IR/Diagnostics.h"
#include "mlir/IR/MLIRContext.h"
#include "mlir/IR/Verifier.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/TypeSwitch.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/SourceMgr.h"

#include "gtest/gtest.h"

using namespace mlir;
using namespace qopt;
using namespace qopt::test;

namespace {

/// CX gates in each gate's qelib1.inc definition.
unsigned cxCount(Operation *op) {
  return llvm::TypeSwitch<Operation *, unsigned>(op)
      .Case<qgate::CXOp, qgate::CYOp, qgate::CZOp>([](auto) { return 1; })
      .Case<qgate::CHOp, qgate::CPOp, qgate::CRXOp, qgate::CRYOp, qgate::CRZOp,
            qgate::CUOp, qgate::RXXOp, qgate::RZZOp>([](auto) { return 2; })
      .Case<qgate::SwapOp>([](auto) { return 3; })
      .Case<qgate::CCXOp>([](auto) { return 6; })
      .Case<qgate::CSwapOp>([](auto) { return 8; })
      .Default([](Operation *) { return 0; });
}

/// Gates QASMBench's metric sheet counts as one gate each.
bool isBasicGate(Operation *op) {
  return isa<qgate::XOp, qgate::YOp, qgate::ZOp, qgate::HOp, qgate::SOp,
             qgate::SdgOp, qgate::TOp, qgate::TdgOp, qgate::IdOp, qgate::RXOp,
             qgate::RYOp, qgate::RZOp, qgate::UOp, qgate::POp, qgate::CXOp>(op);
}

struct Counts {
  unsigned qubits = 0, gates = 0, cx = 0, measures = 0;
  bool onlyBasic = true;
};

Counts count(ModuleOp module) {
  Counts counts;
  module.walk([&](Operation *op) {
    if (isa<qgate::AllocOp>(op))
      ++counts.qubits;
    if (isa<qgate::MeasureOp>(op))
      ++counts.measures;
    if (isa<qgate::GateOpInterface>(op)) {
      ++counts.gates;
      counts.cx += cxCount(op);
      counts.onlyBasic &= isBasicGate(op);
    }
  });
  return counts;
}

class QasmBenchTest : public ::testing::TestWithParam<Benchmark> {
protected:
  void SetUp() override { context = makeContext(); }
  std::unique_ptr<MLIRContext> context;
};

TEST(QasmBench, AllCircuitsPresent) { EXPECT_EQ(listBenchmarks().size(), 35u); }

TEST_P(QasmBenchTest, ImportMatchesMetricSheet) {
  const Benchmark &bench = GetParam();
  for (const char *suffix : {"", "_transpiled"}) {
    SCOPED_TRACE(bench.name + suffix);
    std::string diagnostics;
    OwningOpRef<ModuleOp> module = importFile(
        *context, bench.directory + "/" + bench.name + suffix + ".qasm",
        diagnostics);
    if (hasUndefinedRegisters(bench)) {
      EXPECT_FALSE(module);
      EXPECT_NE(diagnostics.find("undefined register 'q'"), std::string::npos)
          << diagnostics;
      continue;
    }
    ASSERT_TRUE(module) << diagnostics;
    ASSERT_TRUE(succeeded(verify(*module)));
    Counts counts = count(*module);
    EXPECT_EQ(counts.qubits, bench.qubits);
    // The sheet describes the original circuit; upstream's transpiler has
    // optimised the other version.
    if (!std::string(suffix).empty())
      continue;
    // qugan_n39's sheet says 226 two-qubit gates, but its own transpiled file
    // and the upstream README table both have 296 CX, which is what the
    // circuit's qelib1 expansion gives.
    unsigned expectedDual =
        bench.name == "qugan_n39" ? 296 : bench.dualGateCount;
    EXPECT_EQ(counts.cx, expectedDual);
    if (counts.onlyBasic)
      EXPECT_EQ(counts.gates, bench.gateCount);
  }
}

class QasmBenchRoundTrip : public QasmBenchTest {};
class QasmBenchUpstream : public QasmBenchTest {};

TEST_P(QasmBenchRoundTrip, ExportReimportIsEquivalent) {
  const Benchmark &bench = GetParam();
  std::string diagnostics;
  OwningOpRef<ModuleOp> original = importFile(
      *context, bench.directory + "/" + bench.name + ".qasm", diagnostics);
  ASSERT_TRUE(original) << diagnostics;
  std::string exported;
  llvm::raw_string_ostream os(exported);
  ASSERT_TRUE(succeeded(exportOpenQasm2(*original, os)));
  OwningOpRef<ModuleOp> reimported = importText(*context, exported);
  ASSERT_TRUE(reimported) << exported;

  if (bench.qubits > 24) {
    // Too wide to simulate here: the re-imported IR must be the same.
    auto print = [](ModuleOp module) {
      std::string text;
      llvm::raw_string_ostream os(text);
      circuitOf(module).getBody().front().walk([&](Operation *op) {
        if (op->getDialect()->getNamespace() != "qgate")
          return;
        op->print(os, OpPrintingFlags().printGenericOpForm());
        os << "\n";
      });
      return text;
    };
    EXPECT_EQ(print(*original), print(*reimported));
    return;
  }
  EquivalenceOptions options;
  if (bench.qubits > 12) {
    options.method = EquivalenceOptions::Method::Random;
    options.numStates = 1;
  }
  FailureOr<EquivalenceResult> result =
      checkEquivalence(circuitOf(*original), circuitOf(*reimported), options);
  ASSERT_TRUE(succeeded(result));
  EXPECT_TRUE(result->equivalent) << result->method << " distance "
                                  << result->distance << " " << result->reason;
}

TEST_P(QasmBenchUpstream, MatchesTranspiledVersion) {
  const Benchmark &bench = GetParam();
  std::string diagnostics;
  OwningOpRef<ModuleOp> original = importFile(
      *context, bench.directory + "/" + bench.name + ".qasm", diagnostics);
  OwningOpRef<ModuleOp> transpiled = importFile(
      *context, bench.directory + "/" + bench.name + "_transpiled.qasm",
      diagnostics);
  ASSERT_TRUE(original && transpiled) << diagnostics;
  EquivalenceOptions options;
  options.tolerance = 1e-6;
  FailureOr<EquivalenceResult> result =
      checkEquivalence(circuitOf(*original), circuitOf(*transpiled), options);
  ASSERT_TRUE(succeeded(result));
  EXPECT_TRUE(result->equivalent) << result->method << " distance "
                                  << result->distance << " " << result->reason;
}

std::string benchName(const ::testing::TestParamInfo<Benchmark> &info) {
  return info.param.name;
}

INSTANTIATE_TEST_SUITE_P(Circuits, QasmBenchTest,
                         ::testing::ValuesIn(listBenchmarks()), benchName);
INSTANTIATE_TEST_SUITE_P(Circuits, QasmBenchRoundTrip,
                         ::testing::ValuesIn(validBenchmarks(1000)), benchName);
INSTANTIATE_TEST_SUITE_P(Circuits, QasmBenchUpstream,
                         ::testing::ValuesIn(validBenchmarks(12)), benchName);

} // namespace
