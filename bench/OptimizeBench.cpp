//===- OptimizeBench.cpp - gate counts against Qiskit's ------------------===//
//
//   qopt-bench-optimize [--reps=N] [--circuit=NAME[,NAME...]]
//                       [--equiv-max-qubits=N] [--circuits=DIR]
//
// Compiles every QASMBench circuit for IBM montreal's basis {rz, sx, x, cx}
// (washington, same basis, for circuits wider than montreal's 27 qubits):
// attach-target, canonicalize, to-target-basis, then qopt's -O1, -O2 and -O3
// pipelines. It counts the gates that remain and times the compilation. The
// baseline is upstream's own `<name>_transpiled.qasm`, the same circuit
// lowered to {rz, sx, x, cx} by Qiskit (not routed), imported and counted by
// the same rule in the same run.
//
// Gates are ops implementing qgate::GateOpInterface other than qgate.id;
// measurements, resets and barriers are not gates. Two-qubit gates are those
// with getNumQubits() == 2.
//
//===----------------------------------------------------------------------===//

#include "BenchSupport.h"
#include "CircuitSupport.h"

#include "qopt/Dialect/QGate/QGate.h"
#include "qopt/InitQOpt.h"
#include "qopt/Simulation/Equivalence.h"
#include "qopt/Transforms/Passes.h"
#include "qopt/Translation/OpenQasm.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/Diagnostics.h"
#include "mlir/IR/DialectRegistry.h"
#include "mlir/IR/MLIRContext.h"
#include "mlir/Pass/PassManager.h"
#include "mlir/Transforms/Passes.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Format.h"
#include "llvm/Support/InitLLVM.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/SourceMgr.h"

#include <cmath>
#include <cstring>
#include <iterator>
#include <memory>
#include <tuple>

using namespace mlir;
using namespace qopt::bench;
namespace cl = llvm::cl;

static cl::OptionCategory category("qopt-bench-optimize options");
static cl::opt<unsigned> reps("reps",
                              cl::desc("Timed compilations per circuit and "
                                       "level"),
                              cl::init(5), cl::cat(category));
static cl::list<std::string>
    circuitNames("circuit",
                 cl::desc("Only these QASMBench circuits (default: all)"),
                 cl::CommaSeparated, cl::cat(category));
static cl::opt<unsigned> equivMaxQubits(
    "equiv-max-qubits",
    cl::desc("Check -O3 against the original up to this many qubits"),
    cl::init(10), cl::cat(category));
static cl::opt<std::string>
    circuitsDir("circuits",
                cl::desc("QASMBench directory (small/, medium/, large/)"),
                cl::init(QOPT_BENCH_CIRCUITS_DIR), cl::cat(category));

namespace {

constexpr unsigned kLevels[] = {1, 2, 3};
constexpr unsigned kNumLevels = std::size(kLevels);
/// Montreal's width; wider circuits go to washington (127 qubits).
constexpr unsigned kMontrealQubits = 27;

struct Circuit {
  std::string name, path, transpiledPath;
  std::string text;
  unsigned qubits = 0;
  const char *device = "montreal";
  Counts qiskit, basisOnly, levels[kNumLevels];
  double compileMs[kNumLevels] = {};
  /// "yes", "no" or "-" (not checked).
  std::string equiv = "-";
  std::string equivDetail;
};

unsigned countQubits(ModuleOp module) {
  unsigned qubits = 0;
  module.walk([&](qopt::qgate::AllocOp) { ++qubits; });
  return qubits;
}

/// attach-target, canonicalize, to-target-basis, then qopt's -O`level`.
void buildPipeline(PassManager &pm, const char *device, unsigned level) {
  qopt::AttachTargetOptions target;
  target.targetSpec = device;
  pm.addPass(qopt::createAttachTarget(target));
  pm.addPass(createCanonicalizerPass());
  pm.addPass(qopt::createToTargetBasis());
  qopt::buildOptimizationPipeline(pm, level);
}

/// Imports `circuit` into a fresh context and compiles it at `level`
/// (0: basis translation only). Only the pass manager is timed.
OwningOpRef<ModuleOp> compile(const Circuit &circuit, unsigned level,
                              MLIRContext &context, double &ms,
                              std::string &error) {
  OwningOpRef<ModuleOp> module =
      importText(circuit.text, circuit.path, context, error);
  if (!module)
    return nullptr;
  ScopedDiagnosticHandler quiet(&context, [&](Diagnostic &diag) {
    if (diag.getSeverity() == DiagnosticSeverity::Error && error.empty())
      error = diag.str();
    return success();
  });
  Clock::time_point start = Clock::now();
  PassManager pm(&context);
  buildPipeline(pm, circuit.device, level);
  LogicalResult result = pm.run(*module);
  ms = millisecondsSince(start);
  if (failed(result)) {
    if (error.empty())
      error = "pass pipeline failed";
    return nullptr;
  }
  return module;
}

std::string pair(const Counts &counts) {
  return std::to_string(counts.total) + " / " + std::to_string(counts.twoQubit);
}

} // namespace

int main(int argc, char **argv) {
  llvm::InitLLVM init(argc, argv);
  cl::HideUnrelatedOptions(category);
  cl::ParseCommandLineOptions(
      argc, argv,
      "qopt-bench-optimize: gate counts against Qiskit's transpiled "
      "circuits\n");
  if (reps == 0) {
    llvm::errs() << "qopt-bench-optimize: --reps must be positive\n";
    return 1;
  }

  DialectRegistry registry;
  qopt::registerAllDialects(registry);
  qopt::registerAllPasses();

  // Load every circuit and its Qiskit version once; count the baseline.
  std::vector<Circuit> circuits;
  std::vector<std::string> skipped;
  for (auto &[name, path] : findCircuits(circuitsDir)) {
    if (!circuitNames.empty() && !llvm::is_contained(circuitNames, name))
      continue;
    Circuit circuit;
    circuit.name = name;
    circuit.path = path;
    circuit.transpiledPath =
        path.substr(0, path.size() - strlen(".qasm")) + "_transpiled.qasm";
    std::string error, transpiledText;
    auto context = freshContext(registry);
    OwningOpRef<ModuleOp> original, transpiled;
    if (readFile(circuit.path, circuit.text, error))
      original = importText(circuit.text, circuit.path, *context, error);
    if (original && readFile(circuit.transpiledPath, transpiledText, error))
      transpiled =
          importText(transpiledText, circuit.transpiledPath, *context, error);
    if (!original || !transpiled) {
      skipped.push_back(name + ": " + (original ? "`_transpiled.qasm`: " : "") +
                        error);
      continue;
    }
    circuit.qubits = countQubits(*original);
    if (circuit.qubits > kMontrealQubits)
      circuit.device = "washington";
    circuit.qiskit = countGates(*transpiled);
    circuits.push_back(std::move(circuit));
  }
  if (circuits.empty()) {
    llvm::errs() << "qopt-bench-optimize: no circuits under " << circuitsDir
                 << "\n";
    return 1;
  }
  llvm::sort(circuits, [](const Circuit &a, const Circuit &b) {
    return std::tie(a.qubits, a.name) < std::tie(b.qubits, b.name);
  });

  // Untimed: counts at every level, and -O3 checked against the original.
  int exitCode = 0;
  for (Circuit &circuit : circuits) {
    for (unsigned i = 0; i <= kNumLevels; ++i) {
      unsigned level = i == 0 ? 0 : kLevels[i - 1];
      auto context = freshContext(registry);
      double ms;
      std::string error;
      OwningOpRef<ModuleOp> module =
          compile(circuit, level, *context, ms, error);
      if (!module) {
        llvm::errs() << circuit.path << ": -O" << level << " failed: " << error
                     << "\n";
        return 1;
      }
      Counts counts = countGates(*module);
      (i == 0 ? circuit.basisOnly : circuit.levels[i - 1]) = counts;
      if (level != 3 || circuit.qubits > equivMaxQubits)
        continue;
      std::string importError;
      OwningOpRef<ModuleOp> original =
          importText(circuit.text, circuit.path, *context, importError);
      std::string diagnostic;
      ScopedDiagnosticHandler quiet(context.get(), [&](Diagnostic &diag) {
        if (diagnostic.empty())
          diagnostic = diag.str();
        return success();
      });
      // -O3 drops diagonal gates right before measurements.
      qopt::EquivalenceOptions options;
      options.ignoreFinalPhases = true;
      FailureOr<qopt::EquivalenceResult> result = qopt::checkEquivalence(
          circuitOf(*original), circuitOf(*module), options);
      if (failed(result)) {
        circuit.equiv = "no";
        circuit.equivDetail = "cannot simulate: " + diagnostic;
      } else {
        circuit.equiv = result->equivalent ? "yes" : "no";
        circuit.equivDetail =
            result->method + ", distance " + std::to_string(result->distance) +
            (result->reason.empty() ? "" : ", ") + result->reason;
      }
      if (circuit.equiv == "no")
        exitCode = 1;
    }
  }

  // Timed: the levels alternate within each repetition so that all of them
  // see the same machine load; repetition 0 is an untimed warm-up.
  for (Circuit &circuit : circuits) {
    std::vector<double> samples[kNumLevels];
    for (unsigned rep = 0; rep <= reps; ++rep) {
      for (unsigned i = 0; i < kNumLevels; ++i) {
        auto context = freshContext(registry);
        double ms;
        std::string error;
        OwningOpRef<ModuleOp> module =
            compile(circuit, kLevels[i], *context, ms, error);
        if (!module) {
          llvm::errs() << circuit.path << ": failed while timing: " << error
                       << "\n";
          return 1;
        }
        if (rep)
          samples[i].push_back(ms);
      }
    }
    for (unsigned i = 0; i < kNumLevels; ++i)
      circuit.compileMs[i] = summarize(samples[i]).median;
  }

  llvm::raw_ostream &os = llvm::outs();
  printRunHeader(os, "Optimization against Qiskit's transpiled circuits", reps);
  os << "Gates: total / two-qubit, excluding barriers, measurements, resets "
        "and id. basis: after to-target-basis only (no -O). ratio: ours at "
        "-O3 over Qiskit (below 1 is fewer gates). equiv: -O3 against the "
        "original circuit, up to "
     << equivMaxQubits << " qubits.\n\n";
  os << "| circuit | qubits | device | qiskit | basis | O1 | O2 | O3 "
        "| total ratio | 2q ratio | compile ms O1 / O2 / O3 | equiv |\n"
     << "|---|--:|---|--:|--:|--:|--:|--:|--:|--:|--:|:-:|\n";
  std::vector<double> totalRatios[kNumLevels], twoQubitRatios[kNumLevels];
  unsigned atOrBelowBoth[kNumLevels] = {}, totalBelow[kNumLevels] = {},
           twoQubitBelow[kNumLevels] = {};
  for (const Circuit &circuit : circuits) {
    for (unsigned i = 0; i < kNumLevels; ++i) {
      const Counts &ours = circuit.levels[i];
      // Every circuit here has gates and CXs on Qiskit's side; guard anyway.
      if (circuit.qiskit.total)
        totalRatios[i].push_back(double(ours.total) / circuit.qiskit.total);
      if (circuit.qiskit.twoQubit)
        twoQubitRatios[i].push_back(double(ours.twoQubit) /
                                    circuit.qiskit.twoQubit);
      totalBelow[i] += ours.total <= circuit.qiskit.total;
      twoQubitBelow[i] += ours.twoQubit <= circuit.qiskit.twoQubit;
      atOrBelowBoth[i] += ours.total <= circuit.qiskit.total &&
                          ours.twoQubit <= circuit.qiskit.twoQubit;
    }
    const Counts &o3 = circuit.levels[kNumLevels - 1];
    auto ratio = [](unsigned ours, unsigned theirs) -> std::string {
      if (!theirs)
        return "n/a";
      std::string text;
      llvm::raw_string_ostream(text)
          << llvm::format("%.3f", double(ours) / theirs);
      return text;
    };
    os << "| " << circuit.name << " | " << circuit.qubits << " | "
       << circuit.device << " | " << pair(circuit.qiskit) << " | "
       << pair(circuit.basisOnly) << " | " << pair(circuit.levels[0]) << " | "
       << pair(circuit.levels[1]) << " | " << pair(o3) << " | "
       << ratio(o3.total, circuit.qiskit.total) << " | "
       << ratio(o3.twoQubit, circuit.qiskit.twoQubit) << " | "
       << llvm::format("%.2f / %.2f / %.2f", circuit.compileMs[0],
                       circuit.compileMs[1], circuit.compileMs[2])
       << " | " << (circuit.equiv == "no" ? "**no**" : circuit.equiv) << " |\n";
  }

  os << "\n| level | geomean total ratio | geomean 2q ratio | total <= qiskit "
        "| 2q <= qiskit | both <= qiskit |\n"
     << "|---|--:|--:|--:|--:|--:|\n";
  for (unsigned i = 0; i < kNumLevels; ++i)
    os << "| -O" << kLevels[i] << " | "
       << llvm::format("%.3f", geomean(totalRatios[i])) << " | "
       << llvm::format("%.3f", geomean(twoQubitRatios[i])) << " | "
       << totalBelow[i] << " of " << circuits.size() << " | "
       << twoQubitBelow[i] << " of " << circuits.size() << " | "
       << atOrBelowBoth[i] << " of " << circuits.size() << " |\n";

  std::vector<const Circuit *> notEquivalent;
  for (const Circuit &circuit : circuits)
    if (circuit.equiv == "no")
      notEquivalent.push_back(&circuit);
  unsigned checked =
      llvm::count_if(circuits, [](const Circuit &c) { return c.equiv != "-"; });
  os << "\nEquivalence of -O3 with the original: " << checked
     << " circuits checked, " << notEquivalent.size() << " NOT equivalent.\n";
  for (const Circuit *circuit : notEquivalent)
    os << "- **NOT EQUIVALENT: " << circuit->name << "** ("
       << circuit->equivDetail << ")\n";
  if (!skipped.empty()) {
    os << "\nSkipped (import failed):\n";
    for (const std::string &line : skipped)
      os << "- " << line << "\n";
  }
  return exitCode;
}
