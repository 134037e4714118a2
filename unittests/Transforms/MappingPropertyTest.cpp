//===- MappingPropertyTest.cpp - routed circuits keep their meaning -------===//
//
// 500 random circuits (fixed seed) are placed and routed on a 5-qubit line,
// a 3x3 grid and IBM montreal with every layout strategy: every two-qubit
// gate must end on a coupler, the result must be equivalent to the input up
// to the recorded layouts, and the same seed must give the same output.
//
//===----------------------------------------------------------------------===//

#include "GateTestSupport.h"

#include "qopt/Dialect/QGate/QGate.h"
#include "qopt/InitQOpt.h"
#include "qopt/Simulation/Equivalence.h"
#include "qopt/Target/TargetLoader.h"
#include "qopt/Transforms/Passes.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/IR/Verifier.h"
#include "mlir/Parser/Parser.h"
#include "mlir/Pass/PassManager.h"

#include "gtest/gtest.h"

#include <random>
#include <sstream>

using namespace mlir;
using namespace qopt;

namespace {

/// A random circuit on `numQubits` allocated qubits, every qubit measured.
std::string randomCircuit(std::mt19937_64 &rng, unsigned numQubits) {
  const char *const oneQubit[] = {"h", "x", "sx", "t"};
  const char *const twoQubit[] = {"cx", "cz", "swap", "cx"};
  std::ostringstream os;
  os << "func.func @circuit() -> (";
  for (unsigned q = 0; q < numQubits; ++q)
    os << (q ? ", " : "") << "i1";
  os << ") {\n  %t = arith.constant 0.7 : f64\n";
  std::vector<std::string> wire(numQubits);
  unsigned next = 0;
  auto fresh = [&] { return "%v" + std::to_string(next++); };
  for (unsigned q = 0; q < numQubits; ++q) {
    wire[q] = fresh();
    os << "  " << wire[q] << " = qgate.alloc\n";
  }
  unsigned numGates = 6 + rng() % 14;
  for (unsigned g = 0; g < numGates; ++g) {
    unsigned a = rng() % numQubits;
    if (numQubits > 1 && rng() % 2) {
      unsigned b = (a + 1 + rng() % (numQubits - 1)) % numQubits;
      std::string ra = fresh(), rb = fresh();
      os << "  " << ra << ", " << rb << " = qgate." << twoQubit[rng() % 4]
         << " " << wire[a] << ", " << wire[b] << "\n";
      wire[a] = ra;
      wire[b] = rb;
    } else if (rng() % 3 == 0) {
      std::string r = fresh();
      os << "  " << r << " = qgate.ry(%t) " << wire[a] << "\n";
      wire[a] = r;
    } else {
      std::string r = fresh();
      os << "  " << r << " = qgate." << oneQubit[rng() % 4] << " " << wire[a]
         << "\n";
      wire[a] = r;
    }
  }
  std::vector<std::string> bits;
  for (unsigned q = 0; q < numQubits; ++q) {
    std::string out = fresh(), bit = fresh();
    os << "  " << out << ", " << bit << " = qgate.measure " << wire[q] << "\n";
    bits.push_back(bit);
  }
  os << "  return ";
  for (unsigned q = 0; q < numQubits; ++q)
    os << (q ? ", " : "") << bits[q];
  os << " : ";
  for (unsigned q = 0; q < numQubits; ++q)
    os << (q ? ", " : "") << "i1";
  os << "\n}\n";
  return os.str();
}

func::FuncOp circuitOf(ModuleOp module) {
  return *module.getOps<func::FuncOp>().begin();
}

TEST(MappingProperty, RoutedCircuitsAreOnCouplersAndEquivalent) {
  static bool registered = (registerAllPasses(), true);
  (void)registered;
  std::unique_ptr<MLIRContext> context = test::makeContext();
  context->printOpOnDiagnostic(false);
  const std::string devices[] = {
      QOPT_SOURCE_DIR "/test/Target/Inputs/line5.json",
      QOPT_SOURCE_DIR "/test/Transforms/Inputs/grid3x3.json", "montreal"};
  const char *const strategies[] = {"trivial", "sabre", "noise-adaptive"};
  std::mt19937_64 rng(20261127);
  constexpr int kCircuits = 500;
  unsigned checked = 0, withSwaps = 0;
  for (int c = 0; c < kCircuits; ++c) {
    const std::string &device = devices[c % 3];
    const char *strategy = strategies[(c / 3) % 3];
    unsigned numQubits = 2 + rng() % (c % 3 == 0 ? 4 : 6);
    std::string text = randomCircuit(rng, numQubits);
    std::string pipeline = "attach-target{target=" + device +
                           "},layout{strategy=" + strategy +
                           "},route{seed=" + std::to_string(c) + "}" +
                           (c % 2 ? ",post-layout" : "");
    OwningOpRef<ModuleOp> original =
        parseSourceString<ModuleOp>(text, context.get());
    ASSERT_TRUE(original) << text;
    // Silence the passes' remarks.
    ScopedDiagnosticHandler quiet(context.get(), [](Diagnostic &diag) {
      return success(diag.getSeverity() == DiagnosticSeverity::Remark);
    });
    auto mapOnce = [&]() {
      OwningOpRef<ModuleOp> module =
          parseSourceString<ModuleOp>(text, context.get());
      PassManager pm(context.get());
      EXPECT_TRUE(succeeded(parsePassPipeline(pipeline, pm)));
      EXPECT_TRUE(succeeded(pm.run(*module))) << pipeline << "\n" << text;
      return module;
    };
    OwningOpRef<ModuleOp> mapped = mapOnce();
    ASSERT_TRUE(succeeded(verify(*mapped)));

    // Every two-qubit gate on a usable coupler.
    auto target = target::loadModuleTarget(*mapped);
    ASSERT_TRUE(succeeded(target));
    bool swapped = false;
    circuitOf(*mapped).walk([&](qgate::GateOpInterface gate) {
      if (gate.getNumQubits() != 2)
        return;
      swapped |= isa<qgate::SwapOp>(gate);
      SmallVector<Value> in = gate.getQubitInputs();
      std::optional<int64_t> a = qgate::traceDeviceQubit(in[0]);
      std::optional<int64_t> b = qgate::traceDeviceQubit(in[1]);
      ASSERT_TRUE(a && b);
      EXPECT_TRUE((*target)->isUsableCoupling(*a, *b) ||
                  (*target)->isUsableCoupling(*b, *a))
          << "circuit " << c << ": " << gate->getName().getStringRef().str()
          << " on " << *a << ", " << *b << " (" << pipeline << ")";
    });
    withSwaps += swapped;

    EquivalenceOptions options;
    options.upToLayout = true;
    FailureOr<EquivalenceResult> result =
        checkEquivalence(circuitOf(*original), circuitOf(*mapped), options);
    ASSERT_TRUE(succeeded(result));
    EXPECT_TRUE(result->equivalent)
        << "circuit " << c << " (" << pipeline << "): " << result->method
        << " distance " << result->distance << " " << result->reason;

    // Determinism: the same pipeline and seed print the same circuit.
    if (c % 10 == 0) {
      std::string first, second;
      llvm::raw_string_ostream a(first), b(second);
      mapped->print(a);
      mapOnce()->print(b);
      EXPECT_EQ(a.str(), b.str()) << "circuit " << c;
    }
    ++checked;
  }
  EXPECT_EQ(checked, unsigned(kCircuits));
  // The test must exercise routing, not only lucky placements.
  EXPECT_GT(withSwaps, unsigned(kCircuits / 4));
}

} // namespace
