//===- FidelityBench.cpp - ESP against noisy simulation -------------------===//
//
//   qopt-bench-fidelity [--device=NAME] [--random=N] [--seed=S]
//                       [--max-qubits=N]
//
// How well does ESP predict what noisy simulation says, and how much faster
// is it? Two held-apart sets on one device:
//  - random circuits: 3-8 device qubits along a coupled path, 2-40 layers
//    of random rz/sx/x and cx on path neighbours, all measured;
//  - algorithm circuits: every QASMBench circuit of at most --max-qubits
//    qubits, compiled as `qopt --target=<device> -O3` does.
// For each circuit it computes ESP and the density-matrix simulation
// (state fidelity, PST, Hellinger fidelity) and prints, per set, RMSE, R^2
// and Spearman's rank correlation of ESP against each simulated quantity,
// and the time per estimate of each. The learned estimator is not there
// yet; these are the figures it must beat.
//
//===----------------------------------------------------------------------===//

#include "BenchSupport.h"
#include "CircuitSupport.h"

#include "qopt/Analysis/FidelityAnalysis.h"
#include "qopt/InitQOpt.h"
#include "qopt/Transforms/Passes.h"

#include "mlir/Parser/Parser.h"
#include "mlir/Pass/PassManager.h"
#include "mlir/Pass/PassRegistry.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/Format.h"

#include <numeric>
#include <random>

using namespace mlir;
using namespace qopt;
using namespace qopt::bench;

namespace {

struct Sample {
  std::string name;
  unsigned qubits = 0;
  double esp = 0, fidelity = 0, pst = 0, hellinger = 0;
  double espSeconds = 0, simulationSeconds = 0;
};

/// A random circuit on `path` (coupled device qubits in order).
std::string randomCircuit(const std::vector<unsigned> &path, unsigned layers,
                          std::mt19937_64 &rng) {
  unsigned n = path.size();
  std::vector<std::string> wire(n);
  unsigned version = 0;
  std::string body;
  auto fresh = [&](unsigned q) {
    return wire[q] = "%q" + std::to_string(q) + "_" + std::to_string(++version);
  };
  for (unsigned q = 0; q < n; ++q) {
    std::string start = fresh(q);
    body +=
        "  " + start + " = qgate.physical " + std::to_string(path[q]) + "\n";
  }
  std::uniform_real_distribution<double> angle(-M_PI, M_PI);
  unsigned constants = 0;
  for (unsigned layer = 0; layer < layers; ++layer) {
    for (unsigned q = 0; q < n; ++q) {
      std::string in = wire[q];
      switch (rng() % 4) {
      case 0: {
        std::string c = "%c" + std::to_string(constants++);
        body += "  " + c + " = arith.constant " + std::to_string(angle(rng)) +
                " : f64\n";
        body += "  " + fresh(q) + " = qgate.rz(" + c + ") " + in + "\n";
        break;
      }
      case 1:
        body += "  " + fresh(q) + " = qgate.sx " + in + "\n";
        break;
      case 2:
        body += "  " + fresh(q) + " = qgate.x " + in + "\n";
        break;
      default:
        break;
      }
    }
    for (unsigned q = layer % 2; q + 1 < n; q += 2)
      if (rng() % 2) {
        std::string a = wire[q], b = wire[q + 1];
        bool flip = rng() % 2;
        std::string outA = fresh(q), outB = fresh(q + 1);
        body += "  " + (flip ? outB + ", " + outA : outA + ", " + outB) +
                " = qgate.cx " + (flip ? b + ", " + a : a + ", " + b) + "\n";
      }
  }
  std::string results, types;
  for (unsigned q = 0; q < n; ++q) {
    std::string in = wire[q], bit = "%m" + std::to_string(q);
    body += "  " + fresh(q) + ", " + bit + " = qgate.measure " + in + "\n";
    results += (q ? ", " : "") + bit;
    types += q ? ", i1" : "i1";
  }
  return "func.func @random() -> (" + types + ") {\n" + body + "  return " +
         results + " : " + types + "\n}\n";
}

std::optional<Sample> evaluate(ModuleOp module, const std::string &name) {
  func::FuncOp func = circuitOf(module);
  if (!func)
    return std::nullopt;
  Sample sample;
  sample.name = name;
  Clock::time_point start = Clock::now();
  FidelityAnalysis analysis(func);
  FailureOr<double> esp = analysis.esp();
  sample.espSeconds = millisecondsSince(start) / 1000;
  if (!analysis.isValid() || failed(esp)) {
    llvm::errs() << name << ": " << analysis.getError() << "\n";
    return std::nullopt;
  }
  start = Clock::now();
  FailureOr<sim::NoisyRunResult> run = analysis.simulate({});
  sample.simulationSeconds = millisecondsSince(start) / 1000;
  if (failed(run)) {
    llvm::errs() << name << ": " << analysis.getError() << "\n";
    return std::nullopt;
  }
  sample.esp = *esp;
  sample.fidelity = run->stateFidelity;
  sample.pst = run->pst;
  sample.hellinger = run->hellinger;
  sample.qubits = run->numQubits;
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
void printAccuracy(llvm::StringRef set, llvm::StringRef quantity,
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
  llvm::outs() << "| " << set << " | ESP vs " << quantity << " | "
               << actual.size() << " | "
               << llvm::format("%.4f", std::sqrt(residual / actual.size()))
               << " | " << llvm::format("%.3f", 1 - residual / total) << " | "
               << llvm::format("%.3f", pearson(ranks(predicted), ranks(actual)))
               << " |\n";
}

void report(llvm::StringRef set, const std::vector<Sample> &samples) {
  if (samples.size() < 3)
    return;
  std::vector<double> esp, fidelity, pst, hellinger;
  double espSeconds = 0, simulationSeconds = 0;
  for (const Sample &s : samples) {
    esp.push_back(s.esp);
    fidelity.push_back(s.fidelity);
    pst.push_back(s.pst);
    hellinger.push_back(s.hellinger);
    espSeconds += s.espSeconds;
    simulationSeconds += s.simulationSeconds;
  }
  printAccuracy(set, "state fidelity", esp, fidelity);
  printAccuracy(set, "PST", esp, pst);
  printAccuracy(set, "Hellinger fidelity", esp, hellinger);
  llvm::outs() << "| " << set << " | time per estimate: ESP "
               << llvm::format("%.1f us", 1e6 * espSeconds / samples.size())
               << ", simulation "
               << llvm::format("%.2f ms",
                               1e3 * simulationSeconds / samples.size())
               << " (" << llvm::format("%.0fx", simulationSeconds / espSeconds)
               << ") | | | |\n";
}

} // namespace

int main(int argc, char **argv) {
  llvm::cl::opt<std::string> device("device", llvm::cl::init("montreal"),
                                    llvm::cl::desc("Shipped target"));
  llvm::cl::opt<unsigned> randomCount("random", llvm::cl::init(200),
                                      llvm::cl::desc("Random circuits"));
  llvm::cl::opt<uint64_t> seed("seed", llvm::cl::init(2026),
                               llvm::cl::desc("Random circuit seed"));
  llvm::cl::opt<unsigned> maxQubits(
      "max-qubits", llvm::cl::init(10),
      llvm::cl::desc("Largest QASMBench circuit evaluated"));
  registerAllPasses();
  llvm::cl::ParseCommandLineOptions(argc, argv);

  DialectRegistry registry;
  registerAllDialects(registry);
  auto context = freshContext(registry);
  ScopedDiagnosticHandler quiet(context.get(), [](Diagnostic &diagnostic) {
    return success(diagnostic.getSeverity() != DiagnosticSeverity::Error);
  });
  printRunHeader(llvm::outs(),
                 "ESP against noisy density-matrix simulation on " + device, 1);

  // A path of coupled qubits: montreal's 0-1-2-3-5-8-11-14, or 0..7.
  std::vector<unsigned> path =
      device == "montreal" ? std::vector<unsigned>{0, 1, 2, 3, 5, 8, 11, 14}
                           : std::vector<unsigned>{0, 1, 2, 3, 4, 5, 6, 7};
  std::mt19937_64 rng(seed);
  std::vector<Sample> random, algorithms;
  for (unsigned i = 0; i < randomCount; ++i) {
    unsigned n = 3 + rng() % 6, layers = 2 + rng() % 39;
    std::vector<unsigned> qubits(path.begin(), path.begin() + n);
    std::string text = randomCircuit(qubits, layers, rng);
    OwningOpRef<ModuleOp> module =
        parseSourceString<ModuleOp>(text, context.get());
    PassManager pm(context.get());
    pm.addPass(createAttachTarget(AttachTargetOptions{device}));
    if (!module || failed(pm.run(*module)))
      continue;
    if (auto sample = evaluate(*module, "random" + std::to_string(i)))
      random.push_back(*sample);
  }

  std::string pipeline = "attach-target{target=" + device +
                         "},to-target-basis,layout,route,post-layout,"
                         "to-target-basis,qopt-O3";
  for (auto &[name, path] : findCircuits(QOPT_BENCH_CIRCUITS_DIR)) {
    std::string text, error;
    if (!readFile(path, text, error))
      continue;
    OwningOpRef<ModuleOp> module = importText(text, path, *context, error);
    if (!module)
      continue;
    unsigned qubits = 0;
    module->walk([&](qgate::AllocOp) { ++qubits; });
    if (qubits > maxQubits)
      continue;
    PassManager pm(context.get());
    if (failed(parsePassPipeline(pipeline, pm)) || failed(pm.run(*module))) {
      llvm::errs() << name << ": does not compile for " << device << "\n";
      continue;
    }
    if (auto sample = evaluate(*module, name))
      algorithms.push_back(*sample);
  }

  llvm::outs() << "| set | comparison | circuits | RMSE | R^2 | Spearman "
                  "|\n|---|---|---|---|---|---|\n";
  report("random", random);
  report("QASMBench", algorithms);
  llvm::outs() << "\nQASMBench circuits (after -O3 on " << device
               << "):\n\n| circuit | qubits | ESP | state fidelity | PST | "
                  "Hellinger |\n|---|---|---|---|---|---|\n";
  for (const Sample &s : algorithms)
    llvm::outs() << "| " << s.name << " | " << s.qubits << " | "
                 << llvm::format("%.4f", s.esp) << " | "
                 << llvm::format("%.4f", s.fidelity) << " | "
                 << llvm::format("%.4f", s.pst) << " | "
                 << llvm::format("%.4f", s.hellinger) << " |\n";
  return 0;
}
