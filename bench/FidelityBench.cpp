//===- FidelityBench.cpp - ESP and the learned model against simulation ---===//
//
//   qopt-bench-fidelity [--random=N] [--random-compiled=N] [--variants=K]
//                       [--devices=...] [--seed-random=S] [--seed-algorithms=S]
//
// How well do the fast estimators predict what noisy density-matrix
// simulation says, and how much faster are they? Two held-out sets, made by
// the dataset library with the seeds and families the shipped model was
// *not* trained on (scripts/train-fidelity-model.sh):
//  - random: QuEst-style random circuits on device qubits and random
//    circuits compiled for the device (dataset seed 2);
//  - algorithms: the QASMBench families held out of training (adder, ising,
//    qft, qpe, wstate), compiled -O1..-O3 (dataset seed 3).
// For each it prints RMSE, R^2 and Spearman's rank correlation of ESP and
// of the learned model against the simulated state fidelity (and of ESP
// against PST and Hellinger fidelity), and the time per estimate of each,
// overall and on the 10-qubit circuits.
//
//===----------------------------------------------------------------------===//

#include "BenchSupport.h"
#include "CircuitSupport.h"

#include "qopt/Analysis/FidelityAnalysis.h"
#include "qopt/Dataset/FidelityDataset.h"
#include "qopt/InitQOpt.h"

#include "llvm/Support/CommandLine.h"
#include "llvm/Support/Format.h"

#include <numeric>

using namespace mlir;
using namespace qopt;
using namespace qopt::bench;

namespace {

struct Sample {
  std::string name;
  unsigned qubits = 0;
  double esp = 0, learned = 0, firstOrder = 0, fidelity = 0, pst = 0,
         hellinger = 0;
  double espSeconds = 0, learnedSeconds = 0, simulationSeconds = 0;
};

/// Estimates and simulates one held-out example; each estimator is timed
/// from a fresh analysis of the circuit, as a pass would pay for it.
std::optional<Sample> evaluate(const dataset::ExampleSpec &spec,
                               MLIRContext &context) {
  std::string error;
  FailureOr<OwningOpRef<ModuleOp>> module =
      dataset::buildCircuit(spec, context, error);
  if (failed(module))
    return std::nullopt;
  func::FuncOp func = circuitOf(**module);
  Sample sample;
  sample.name =
      spec.circuit.empty() ? dataset::kindName(spec.kind).str() : spec.circuit;
  func.walk([&](qgate::PhysicalOp) { ++sample.qubits; });
  if (sample.qubits > 10)
    return std::nullopt;
  Clock::time_point start = Clock::now();
  FailureOr<double> esp = FidelityAnalysis(func).esp();
  sample.espSeconds = millisecondsSince(start) / 1000;
  start = Clock::now();
  FidelityAnalysis learnedAnalysis(func);
  FailureOr<double> learned = learnedAnalysis.learned();
  sample.learnedSeconds = millisecondsSince(start) / 1000;
  FailureOr<const CircuitGraph *> graph = learnedAnalysis.graph();
  FidelityAnalysis analysis(func);
  start = Clock::now();
  FailureOr<sim::NoisyRunResult> run = analysis.simulate({});
  sample.simulationSeconds = millisecondsSince(start) / 1000;
  if (failed(esp) || failed(learned) || failed(graph) || failed(run))
    return std::nullopt;
  sample.firstOrder = (*graph)->firstOrderFidelity();
  sample.esp = *esp;
  sample.learned = *learned;
  sample.fidelity = run->stateFidelity;
  sample.pst = run->pst;
  sample.hellinger = run->hellinger;
  return sample;
}

std::vector<double> ranks(const std::vector<double> &values) {
  std::vector<size_t> order(values.size());
  std::iota(order.begin(), order.end(), 0);
  std::sort(order.begin(), order.end(),
            [&](size_t a, size_t b) { return values[a] < values[b]; });
  std::vector<double> rank(values.size());
  for (size_t i = 0; i < order.size();) {
    size_t j = i;
    while (j + 1 < order.size() && values[order[j + 1]] == values[order[i]])
      ++j;
    for (size_t k = i; k <= j; ++k)
      rank[order[k]] = (i + j) / 2.0;
    i = j + 1;
  }
  return rank;
}

double pearson(const std::vector<double> &x, const std::vector<double> &y) {
  double mx = 0, my = 0;
  for (size_t i = 0; i < x.size(); ++i) {
    mx += x[i];
    my += y[i];
  }
  mx /= x.size();
  my /= y.size();
  double sxy = 0, sxx = 0, syy = 0;
  for (size_t i = 0; i < x.size(); ++i) {
    sxy += (x[i] - mx) * (y[i] - my);
    sxx += (x[i] - mx) * (x[i] - mx);
    syy += (y[i] - my) * (y[i] - my);
  }
  return sxy / std::sqrt(sxx * syy);
}

/// RMSE, R^2 (1 - SS_res / SS_tot, of `predicted` as a predictor of
/// `actual`) and Spearman's rho.
void printAccuracy(llvm::StringRef set, llvm::StringRef comparison,
                   const std::vector<double> &predicted,
                   const std::vector<double> &actual) {
  double mean = 0, residual = 0, total = 0;
  for (double a : actual)
    mean += a;
  mean /= actual.size();
  for (size_t i = 0; i < actual.size(); ++i) {
    residual += (actual[i] - predicted[i]) * (actual[i] - predicted[i]);
    total += (actual[i] - mean) * (actual[i] - mean);
  }
  llvm::outs() << "| " << set << " | " << comparison << " | " << actual.size()
               << " | "
               << llvm::format("%.4f", std::sqrt(residual / actual.size()))
               << " | " << llvm::format("%.3f", 1 - residual / total) << " | "
               << llvm::format("%.3f", pearson(ranks(predicted), ranks(actual)))
               << " |\n";
}

void printTimes(llvm::StringRef set, llvm::ArrayRef<Sample> samples) {
  double esp = 0, learned = 0, simulation = 0;
  for (const Sample &s : samples) {
    esp += s.espSeconds;
    learned += s.learnedSeconds;
    simulation += s.simulationSeconds;
  }
  llvm::outs() << "| " << set << " | " << samples.size() << " | "
               << llvm::format("%.3f", 1e3 * esp / samples.size()) << " | "
               << llvm::format("%.3f", 1e3 * learned / samples.size()) << " | "
               << llvm::format("%.1f", 1e3 * simulation / samples.size())
               << " | " << llvm::format("%.0fx", simulation / learned)
               << " |\n";
}

void report(llvm::StringRef set, const std::vector<Sample> &samples) {
  if (samples.size() < 3)
    return;
  std::vector<double> esp, learned, firstOrder, fidelity, pst, hellinger;
  for (const Sample &s : samples) {
    firstOrder.push_back(s.firstOrder);
    esp.push_back(s.esp);
    learned.push_back(s.learned);
    fidelity.push_back(s.fidelity);
    pst.push_back(s.pst);
    hellinger.push_back(s.hellinger);
  }
  printAccuracy(set, "learned vs state fidelity", learned, fidelity);
  printAccuracy(set, "first order (no learning) vs state fidelity", firstOrder,
                fidelity);
  printAccuracy(set, "ESP vs state fidelity", esp, fidelity);
  printAccuracy(set, "ESP vs PST", esp, pst);
  printAccuracy(set, "ESP vs Hellinger fidelity", esp, hellinger);
}

} // namespace

int main(int argc, char **argv) {
  llvm::cl::list<std::string> devices(
      "devices", llvm::cl::CommaSeparated,
      llvm::cl::desc("Targets (default: montreal, jakarta, sherbrooke, "
                     "belem, as in training)"));
  llvm::cl::opt<unsigned> randomCount(
      "random", llvm::cl::init(100),
      llvm::cl::desc("Held-out random circuits on device qubits"));
  llvm::cl::opt<unsigned> randomCompiledCount(
      "random-compiled", llvm::cl::init(100),
      llvm::cl::desc("Held-out random circuits compiled for a device"));
  llvm::cl::opt<unsigned> variants(
      "variants", llvm::cl::init(3),
      llvm::cl::desc("Compilations per held-out algorithm and device"));
  llvm::cl::opt<uint64_t> seedRandom(
      "seed-random", llvm::cl::init(2),
      llvm::cl::desc("Dataset seed of the random set (training used 1)"));
  llvm::cl::opt<uint64_t> seedAlgorithms(
      "seed-algorithms", llvm::cl::init(3),
      llvm::cl::desc("Dataset seed of the algorithm set"));
  registerAllPasses();
  llvm::cl::ParseCommandLineOptions(argc, argv);

  DialectRegistry registry;
  registerAllDialects(registry);
  auto context = freshContext(registry);
  printRunHeader(llvm::outs(),
                 "ESP and the learned model against noisy density-matrix "
                 "simulation, on circuits held out of training",
                 1);

  dataset::DatasetPlan randomPlan;
  if (devices.empty())
    for (const char *device : {"montreal", "jakarta", "sherbrooke", "belem"})
      devices.push_back(device);
  randomPlan.devices.assign(devices.begin(), devices.end());
  randomPlan.random = randomCount;
  randomPlan.randomCompiled = randomCompiledCount;
  randomPlan.seed = seedRandom;
  dataset::DatasetPlan algorithmPlan;
  algorithmPlan.devices = randomPlan.devices;
  algorithmPlan.variants = variants;
  algorithmPlan.algorithmsDir = QOPT_BENCH_CIRCUITS_DIR;
  algorithmPlan.families = {"adder", "ising", "qft", "qpe", "wstate"};
  algorithmPlan.seed = seedAlgorithms;

  std::vector<Sample> random, algorithms, tenQubits;
  for (auto [plan, samples] : {std::pair{&randomPlan, &random},
                               std::pair{&algorithmPlan, &algorithms}}) {
    std::string error;
    auto specs = dataset::enumerateExamples(*plan, error);
    if (failed(specs)) {
      llvm::errs() << "error: " << error << "\n";
      return 1;
    }
    for (const dataset::ExampleSpec &spec : *specs)
      if (std::optional<Sample> sample = evaluate(spec, *context)) {
        samples->push_back(*sample);
        if (sample->qubits == 10)
          tenQubits.push_back(*sample);
      }
  }

  llvm::outs() << "| set | comparison | circuits | RMSE | R^2 | Spearman "
                  "|\n|---|---|---|---|---|---|\n";
  report("held-out random", random);
  report("held-out algorithm families", algorithms);
  llvm::outs() << "\nTime per estimate (each from a fresh analysis of the "
                  "circuit):\n\n| set | circuits | ESP ms | learned ms | "
                  "simulation ms | simulation / learned |\n"
                  "|---|---|---|---|---|---|\n";
  printTimes("held-out random", random);
  printTimes("held-out algorithm families", algorithms);
  if (!tenQubits.empty())
    printTimes("10-qubit circuits", tenQubits);
  llvm::outs() << "\nHeld-out algorithm circuits:\n\n| circuit | qubits | "
                  "ESP | learned | state fidelity |\n|---|---|---|---|---|\n";
  for (const Sample &s : algorithms)
    llvm::outs() << "| " << s.name << " | " << s.qubits << " | "
                 << llvm::format("%.4f", s.esp) << " | "
                 << llvm::format("%.4f", s.learned) << " | "
                 << llvm::format("%.4f", s.fidelity) << " |\n";
  return 0;
}
