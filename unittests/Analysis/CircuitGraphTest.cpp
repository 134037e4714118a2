//===- CircuitGraphTest.cpp - the features the learned model reads --------===//
//
// Checks the graph of small circuits on belem against values derived by
// hand from belem's calibration: nodes, edges, per-node error, idle windows,
// output flags, positions, and that ESP is the product of its factors.
//
//===----------------------------------------------------------------------===//

#include "qopt/Analysis/CircuitGraph.h"
#include "qopt/Analysis/FidelityAnalysis.h"
#include "qopt/InitQOpt.h"
#include "qopt/Transforms/Passes.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/IR/BuiltinOps.h"
#include "mlir/Parser/Parser.h"
#include "mlir/Pass/PassManager.h"

#include "gtest/gtest.h"

using namespace mlir;
using namespace qopt;

namespace {

class CircuitGraphTest : public ::testing::Test {
protected:
  CircuitGraphTest() {
    registerAllDialects(registry);
    context = std::make_unique<MLIRContext>(registry);
    context->loadAllAvailableDialects();
  }

  /// The graph of `body` (ops on %a = physical 0, %b = physical 1) on belem.
  CircuitGraph graphOf(const std::string &body) {
    std::string text = "func.func @c() -> (i1, i1) {\n"
                       "  %a = qgate.physical 0\n"
                       "  %b = qgate.physical 1\n" +
                       body + "}\n";
    module = parseSourceString<ModuleOp>(text, context.get());
    PassManager pm(context.get());
    pm.addPass(createAttachTarget(AttachTargetOptions{"belem"}));
    if (!module || failed(pm.run(*module))) {
      ADD_FAILURE() << "cannot parse or attach belem to:\n" << text;
      return {};
    }
    func::FuncOp func = *module->getOps<func::FuncOp>().begin();
    analysis = std::make_unique<FidelityAnalysis>(func);
    EXPECT_TRUE(analysis->isValid()) << analysis->getError();
    FailureOr<const CircuitGraph *> graph = analysis->graph();
    if (failed(graph)) {
      ADD_FAILURE() << analysis->getError();
      return {};
    }
    return **graph;
  }

  double feature(const CircuitGraph &graph, unsigned node,
                 llvm::StringRef name) {
    auto names = CircuitGraph::nodeFeatureNames();
    auto *found = llvm::find(names, name);
    EXPECT_NE(found, names.end()) << name.str();
    return graph.nodeFeatures[node * names.size() + (found - names.begin())];
  }

  double global(const CircuitGraph &graph, llvm::StringRef name) {
    auto names = CircuitGraph::globalFeatureNames();
    return graph.globalFeatures[llvm::find(names, name) - names.begin()];
  }

  const target::Target &belem() { return analysis->getTarget(); }
  double gateError(llvm::StringRef gate, llvm::ArrayRef<unsigned> qubits) {
    return *belem().findGate(gate, qubits)->error;
  }
  double gateLengthNs(llvm::StringRef gate, llvm::ArrayRef<unsigned> qubits) {
    return *belem().findGate(gate, qubits)->lengthNs;
  }

  DialectRegistry registry;
  std::unique_ptr<MLIRContext> context;
  OwningOpRef<ModuleOp> module;
  std::unique_ptr<FidelityAnalysis> analysis;
};

TEST_F(CircuitGraphTest, NodesEdgesAndEspFactors) {
  CircuitGraph graph = graphOf(R"(
  %t = arith.constant 0.5 : f64
  %a1 = qgate.x %a
  %a2 = qgate.rz(%t) %a1
  %a3, %b1 = qgate.cx %a2, %b
  %a4, %m0 = qgate.measure %a3
  %b2, %m1 = qgate.measure %b1
  return %m0, %m1 : i1, i1
)");
  // x, rz, cx, measure, measure; edges along each wire.
  ASSERT_EQ(graph.numNodes, 5u);
  std::vector<std::pair<unsigned, unsigned>> edges = {
      {0, 1}, {1, 2}, {2, 3}, {2, 4}};
  EXPECT_EQ(graph.edges, edges);
  EXPECT_EQ(feature(graph, 0, "is_x"), 1);
  EXPECT_EQ(feature(graph, 1, "is_rz"), 1);
  EXPECT_EQ(feature(graph, 2, "is_cx"), 1);
  EXPECT_EQ(feature(graph, 3, "is_measure"), 1);
  // Virtual rz costs nothing; x and cx their calibrated error.
  EXPECT_EQ(feature(graph, 1, "neg_log_fidelity"), 0);
  EXPECT_DOUBLE_EQ(feature(graph, 0, "neg_log_fidelity"),
                   -std::log1p(-gateError("x", {0})));
  EXPECT_DOUBLE_EQ(feature(graph, 2, "neg_log_fidelity"),
                   -std::log1p(-gateError("cx", {0, 1})));
  EXPECT_DOUBLE_EQ(feature(graph, 2, "duration_us"),
                   1e-3 * gateLengthNs("cx", {0, 1}));
  // Qubit 1 starts at the cx: no idle window before its first gate.
  EXPECT_EQ(feature(graph, 2, "q1_idle_us"), 0);
  EXPECT_EQ(graph.negLogIdleFidelity, 0);
  // The measurements end both wires, in slot 0; the cx ends none.
  EXPECT_EQ(feature(graph, 3, "q0_is_output"), 1);
  EXPECT_EQ(feature(graph, 4, "q0_is_output"), 1);
  EXPECT_EQ(feature(graph, 2, "q0_is_output"), 0);
  EXPECT_EQ(feature(graph, 2, "q1_is_output"), 0);
  // Layers: x 0, rz 1, cx 2, measurements 3 (depth 4).
  EXPECT_DOUBLE_EQ(feature(graph, 1, "layer_fraction"), 1.0 / 3);
  EXPECT_DOUBLE_EQ(feature(graph, 4, "layer_fraction"), 1.0);
  EXPECT_EQ(global(graph, "depth"), 4);
  EXPECT_EQ(global(graph, "num_2q"), 1);
  EXPECT_EQ(global(graph, "num_rz"), 1);
  EXPECT_EQ(global(graph, "num_measure"), 2);

  double readout0 = *belem().qubits[0].readoutError,
         readout1 = *belem().qubits[1].readoutError;
  double expected = (1 - gateError("x", {0})) * (1 - gateError("cx", {0, 1})) *
                    (1 - readout0) * (1 - readout1);
  EXPECT_NEAR(graph.esp(), expected, 1e-12);
  EXPECT_NEAR(*analysis->esp(), expected, 1e-12);
}

TEST_F(CircuitGraphTest, IdleWindowBeforeTheTwoQubitGate) {
  // Qubit 1 gets an x, then waits while qubit 0 runs x; sx; then the cx.
  CircuitGraph graph = graphOf(R"(
  %b1 = qgate.x %b
  %a1 = qgate.x %a
  %a2 = qgate.sx %a1
  %a3, %b2 = qgate.cx %a2, %b1
  %a4, %m0 = qgate.measure %a3
  %b3, %m1 = qgate.measure %b2
  return %m0, %m1 : i1, i1
)");
  double idleNs =
      gateLengthNs("x", {0}) + gateLengthNs("sx", {0}) - gateLengthNs("x", {1});
  ASSERT_GT(idleNs, 0);
  EXPECT_NEAR(feature(graph, 3, "q1_idle_us"), 1e-3 * idleNs, 1e-12);
  EXPECT_EQ(feature(graph, 3, "q0_idle_us"), 0);
  auto [t1, t2] = target::NoiseModel(belem()).coherenceTimes(1);
  double idleFidelity = target::averageFidelityFromProcess(
      target::thermalRelaxationProcessFidelity(t1, t2, idleNs), 2);
  EXPECT_NEAR(graph.negLogIdleFidelity, -std::log(idleFidelity), 1e-12);
  EXPECT_NEAR(feature(graph, 3, "q1_idle_neg_log_fidelity"),
              -std::log(idleFidelity), 1e-12);
  // The cx starts when qubit 0's sx ends.
  double scheduleNs = gateLengthNs("x", {0}) + gateLengthNs("sx", {0}) +
                      gateLengthNs("cx", {0, 1});
  EXPECT_NEAR(global(graph, "schedule_us"), 1e-3 * scheduleNs, 1e-12);
  EXPECT_NEAR(feature(graph, 3, "start_fraction"),
              (gateLengthNs("x", {0}) + gateLengthNs("sx", {0})) / scheduleNs,
              1e-12);
}

TEST_F(CircuitGraphTest, LeadingResetIsANodeButStartsNoIdleWindow) {
  // Qubit 1 is reset at time 0, then waits for qubit 0's x before the cx:
  // like ESP always did, idle time counts from a wire's first gate.
  CircuitGraph graph = graphOf(R"(
  %b1 = qgate.reset %b
  %a1 = qgate.x %a
  %a2, %b2 = qgate.cx %a1, %b1
  %a3, %m0 = qgate.measure %a2
  %b3, %m1 = qgate.measure %b2
  return %m0, %m1 : i1, i1
)");
  ASSERT_EQ(graph.numNodes, 5u);
  EXPECT_EQ(feature(graph, 0, "is_other_1q"), 1);
  // The cx's operands in order: qubit 0 (after the x), qubit 1 (the reset).
  std::vector<std::pair<unsigned, unsigned>> edges = {
      {1, 2}, {0, 2}, {2, 3}, {2, 4}};
  EXPECT_EQ(graph.edges, edges);
  EXPECT_EQ(feature(graph, 2, "q1_idle_us"), 0);
  EXPECT_EQ(graph.negLogIdleFidelity, 0);
  double expected = (1 - gateError("x", {0})) * (1 - gateError("cx", {0, 1})) *
                    (1 - *belem().qubits[0].readoutError) *
                    (1 - *belem().qubits[1].readoutError);
  EXPECT_NEAR(graph.esp(), expected, 1e-12);
  // A reset is not a unitary, so the state features take their values for
  // a Haar-random state: the channels' average fidelities.
  target::NoiseModel noise(belem());
  std::optional<target::GateNoise> x = noise.gateNoise("x", {0});
  ASSERT_TRUE(x);
  auto [t1, t2] = x->relaxation[0];
  double relaxation = target::averageFidelityFromProcess(
      target::thermalRelaxationProcessFidelity(t1, t2, x->durationNs), 2);
  EXPECT_NEAR(feature(graph, 1, "state_neg_log_fidelity"),
              -std::log(relaxation * (1 - x->depolarizing / 2)), 1e-12);
  EXPECT_EQ(feature(graph, 1, "q0_excited_population"), 0.5);
}

TEST_F(CircuitGraphTest, StateFeaturesFollowTheNoiselessState) {
  // Qubit 1 goes to |1> and back, then idles in |0> while qubit 0 runs three
  // x gates; the cx then sees |1>|0> and leaves |1>|1>.
  CircuitGraph graph = graphOf(R"(
  %b1 = qgate.x %b
  %b2 = qgate.x %b1
  %a1 = qgate.x %a
  %a2 = qgate.x %a1
  %a3 = qgate.x %a2
  %a4, %b3 = qgate.cx %a3, %b2
  %a5, %m0 = qgate.measure %a4
  %b4, %m1 = qgate.measure %b3
  return %m0, %m1 : i1, i1
)");
  ASSERT_EQ(graph.numNodes, 8u);
  target::NoiseModel noise(belem());
  // On |1>, thermal relaxation keeps <1|E(|1><1|)|1> = e^{-t/T1}; a pure
  // state on d levels keeps 1 - p + p/d of depolarizing.
  std::optional<target::GateNoise> x = noise.gateNoise("x", {0});
  ASSERT_TRUE(x && x->depolarizing > 0);
  EXPECT_NEAR(feature(graph, 2, "state_neg_log_fidelity"),
              x->durationNs / x->relaxation[0].first -
                  std::log(1 - x->depolarizing / 2),
              1e-12);
  EXPECT_NEAR(feature(graph, 2, "q0_excited_population"), 1, 1e-12);
  EXPECT_NEAR(feature(graph, 3, "q0_excited_population"), 0, 1e-12);
  EXPECT_NEAR(feature(graph, 2, "operand_purity"), 1, 1e-12);

  // Qubit 1 idled before the cx, which ESP charges, but in |0>, which
  // relaxation leaves alone: the cx's first-order share is its own noise.
  EXPECT_GT(feature(graph, 5, "q1_idle_neg_log_fidelity"), 0);
  std::optional<target::GateNoise> cx = noise.gateNoise("cx", {0, 1});
  ASSERT_TRUE(cx && cx->depolarizing > 0);
  EXPECT_NEAR(feature(graph, 5, "state_neg_log_fidelity"),
              cx->durationNs / cx->relaxation[0].first +
                  cx->durationNs / cx->relaxation[1].first -
                  std::log(1 - cx->depolarizing + cx->depolarizing / 4),
              1e-12);
  EXPECT_NEAR(feature(graph, 5, "q1_excited_population"), 1, 1e-12);
  // Measurements add no noise to the state.
  EXPECT_EQ(feature(graph, 6, "state_neg_log_fidelity"), 0);
  double sum = 0;
  for (unsigned node = 0; node < graph.numNodes; ++node)
    sum += feature(graph, node, "state_neg_log_fidelity");
  EXPECT_DOUBLE_EQ(global(graph, "state_neg_log"), sum);
}

/// sx then cx: a Bell-like pair, each qubit alone maximally mixed.
constexpr const char *kEntangledPair = R"(
  %a1 = qgate.sx %a
  %a2, %b1 = qgate.cx %a1, %b
  %a3, %m0 = qgate.measure %a2
  %b2, %m1 = qgate.measure %b1
  return %m0, %m1 : i1, i1
)";

TEST_F(CircuitGraphTest, EntangledOperandsAreLessPure) {
  CircuitGraph graph = graphOf(kEntangledPair);
  EXPECT_NEAR(feature(graph, 1, "operand_purity"), 1, 1e-12);
  EXPECT_NEAR(feature(graph, 1, "q0_excited_population"), 0.5, 1e-12);
  EXPECT_NEAR(feature(graph, 1, "q1_excited_population"), 0.5, 1e-12);
  EXPECT_NEAR(feature(graph, 2, "operand_purity"), 0.5, 1e-12);
}

TEST_F(CircuitGraphTest, JsonRoundTrip) {
  CircuitGraph graph = graphOf(kEntangledPair);
  std::string error;
  FailureOr<CircuitGraph> read = CircuitGraph::fromJson(graph.toJson(), error);
  ASSERT_TRUE(succeeded(read)) << error;
  EXPECT_EQ(read->nodeFeatures, graph.nodeFeatures);
  EXPECT_EQ(read->edges, graph.edges);
  EXPECT_EQ(read->globalFeatures, graph.globalFeatures);
  EXPECT_EQ(read->esp(), graph.esp());

  llvm::json::Object broken = graph.toJson();
  llvm::json::Array badEdges;
  badEdges.push_back(llvm::json::Array{0, 9});
  broken["edges"] = std::move(badEdges);
  EXPECT_TRUE(failed(CircuitGraph::fromJson(broken, error)));
  EXPECT_EQ(error, "an edge names a node that does not exist");
}

} // namespace
