//===- CompileBench.cpp - whole-pipeline throughput of qopt compile -------===//
//
//   qopt-bench-compile [--reps=N] [--targets=montreal,washington]
//                      [--opt=2] [--synthetic=GATES,...] [--circuits=DIR]
//
// Times qopt::driver::compileFile, the whole default pipeline `qopt compile`
// runs (import, mapping, optimization, fidelity estimate by ESP, pulse
// lowering and scheduling, every output written), on each shared QASMBench
// circuit that fits each target, and on synthetic circuits of the given
// sizes. Noisy simulation is left out (--fidelity=esp): its cost is
// exponential in the width and is not compilation. Reports input gates per
// second and where the time goes, stage by stage. The baseline, timed in the
// same run, is importing the same OpenQASM (parse and build the IR): the
// least any compiler must do.
//
//===----------------------------------------------------------------------===//

#include "BenchSupport.h"
#include "CircuitSupport.h"

#include "qopt/Driver/Compile.h"
#include "qopt/InitQOpt.h"

#include "mlir/IR/Diagnostics.h"
#include "mlir/IR/MLIRContext.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Format.h"
#include "llvm/Support/InitLLVM.h"
#include "llvm/Support/Path.h"

#include <map>
#include <random>

using namespace mlir;
using namespace qopt;
using namespace qopt::bench;
namespace cl = llvm::cl;

static cl::OptionCategory category("qopt-bench-compile options");
static cl::opt<unsigned> reps("reps", cl::desc("Timed runs per circuit"),
                              cl::init(3), cl::cat(category));
static cl::list<std::string> targets("targets", cl::CommaSeparated,
                                     cl::desc("Targets (default: montreal, "
                                              "washington)"),
                                     cl::cat(category));
static cl::opt<unsigned> optLevel("opt", cl::desc("Optimization level"),
                                  cl::init(2), cl::cat(category));
static cl::list<unsigned>
    synthetic("synthetic", cl::CommaSeparated,
              cl::desc("Also time random circuits of these many gates (a "
                       "third CX, the rest one-qubit gates, on 20 qubits)"),
              cl::cat(category));
static cl::opt<std::string>
    circuitsDir("circuits", cl::desc("QASMBench directory"),
                cl::init(QOPT_BENCH_CIRCUITS_DIR), cl::cat(category));

namespace {

struct Input {
  std::string name, path;
  unsigned qubits = 0, gates = 0;
};

struct Row {
  Input input;
  double importMs = 0, compileMs = 0;
  unsigned gatesOut = 0, swaps = 0;
  /// Seconds by stage, from the median run's report.
  std::vector<std::pair<std::string, double>> stages;
};

/// A random circuit on 20 qubits: two thirds one-qubit gates (h, sx, rz with
/// arbitrary angles, x), one third cx between random distinct qubits.
std::string syntheticCircuit(unsigned gates, uint64_t seed) {
  std::mt19937_64 rng(seed);
  std::uniform_int_distribution<unsigned> qubit(0, 19), kind(0, 5);
  std::uniform_real_distribution<double> angle(-3.14, 3.14);
  std::string text = "OPENQASM 2.0;\ninclude \"qelib1.inc\";\nqreg q[20];\n"
                     "creg c[20];\n";
  llvm::raw_string_ostream os(text);
  for (unsigned i = 0; i < gates; ++i) {
    unsigned a = qubit(rng);
    switch (kind(rng)) {
    case 0:
      os << "h q[" << a << "];\n";
      break;
    case 1:
      os << "sx q[" << a << "];\n";
      break;
    case 2:
      os << "rz(" << llvm::format("%.6f", angle(rng)) << ") q[" << a << "];\n";
      break;
    case 3:
      os << "x q[" << a << "];\n";
      break;
    default: {
      unsigned b = qubit(rng);
      while (b == a)
        b = qubit(rng);
      os << "cx q[" << a << "],q[" << b << "];\n";
    }
    }
  }
  os << "measure q -> c;\n";
  return text;
}

double median(std::vector<double> samples) {
  return summarize(std::move(samples)).median;
}

} // namespace

int main(int argc, char **argv) {
  llvm::InitLLVM init(argc, argv);
  cl::HideUnrelatedOptions(category);
  cl::ParseCommandLineOptions(argc, argv, "qopt compile throughput\n");
  std::vector<std::string> devices(targets.begin(), targets.end());
  if (devices.empty())
    devices = {"montreal", "washington"};

  DialectRegistry registry;
  registerAllDialects(registry);
  llvm::SmallString<128> scratch;
  if (llvm::sys::fs::createUniqueDirectory("qopt-bench-compile", scratch)) {
    llvm::errs() << "cannot create a scratch directory\n";
    return 1;
  }

  // The inputs: QASMBench, then the synthetic circuits written to scratch.
  std::vector<Input> inputs;
  for (auto &[name, path] : findCircuits(circuitsDir)) {
    Input input;
    input.path = path;
    input.name = name;
    inputs.push_back(input);
  }
  for (unsigned gates : synthetic) {
    Input input;
    input.name = "random_" + std::to_string(gates);
    llvm::SmallString<128> path(scratch);
    llvm::sys::path::append(path, input.name + ".qasm");
    std::error_code error;
    llvm::raw_fd_ostream os(path, error);
    os << syntheticCircuit(gates, gates);
    input.path = path.str().str();
    inputs.push_back(input);
  }
  // Sizes and the baseline: the import alone, in a fresh context.
  std::map<std::string, double> importMs;
  for (Input &input : inputs) {
    std::string text, error;
    if (!readFile(input.path, text, error))
      continue;
    std::vector<double> samples;
    for (unsigned r = 0; r < std::max(reps.getValue(), 1u); ++r) {
      auto context = freshContext(registry);
      Clock::time_point start = Clock::now();
      OwningOpRef<ModuleOp> module =
          importText(text, input.path, *context, error);
      samples.push_back(millisecondsSince(start));
      if (!module)
        break;
      if (r == 0) {
        Counts counts = countGates(*module);
        input.gates = counts.total;
        func::FuncOp func = circuitOf(*module);
        input.qubits = 0;
        func.walk([&](qgate::AllocOp) { ++input.qubits; });
      }
    }
    importMs[input.path] = median(samples);
  }

  llvm::SmallString<128> outputs(scratch);
  llvm::sys::path::append(outputs, "out");
  printRunHeader(llvm::outs(), "qopt compile: whole-pipeline throughput", reps);
  llvm::outs() << "Pipeline: `qopt compile -O" << optLevel
               << " --fidelity=esp` (mapping, optimization, ESP, pulse "
                  "lowering and scheduling, all outputs written). Baseline: "
                  "OpenQASM import alone.\n\n";
  for (const std::string &device : devices) {
    driver::CompileOptions options;
    options.target = device;
    options.optLevel = optLevel;
    options.fidelityEstimator = "esp";
    std::vector<Row> rows;
    unsigned deviceQubits = 0;
    for (const Input &input : inputs) {
      if (!input.gates)
        continue;
      Row row;
      row.input = input;
      row.importMs = importMs[input.path];
      std::vector<double> samples;
      std::vector<driver::CompileReport> reports;
      bool ok = true;
      for (unsigned r = 0; r < std::max(reps.getValue(), 1u) && ok; ++r) {
        // As `qopt compile` runs a single circuit: threaded passes.
        MLIRContext context(registry, MLIRContext::Threading::ENABLED);
        std::string diagnostics;
        ScopedDiagnosticHandler quiet(&context, [&](Diagnostic &diag) {
          if (diag.getSeverity() == DiagnosticSeverity::Error)
            diagnostics += diag.str() + "\n";
          return success();
        });
        driver::CompileReport report;
        Clock::time_point start = Clock::now();
        ok = succeeded(driver::compileFile(input.path, outputs, options,
                                           context, report));
        samples.push_back(millisecondsSince(start));
        if (!ok && deviceQubits && input.qubits <= deviceQubits)
          llvm::errs() << input.name << " on " << device << ": "
                       << diagnostics;
        deviceQubits = std::max(deviceQubits, report.targetQubits);
        reports.push_back(std::move(report));
      }
      if (!ok)
        continue; // wider than the device, or a failure reported above
      // The report of the median run.
      std::vector<size_t> order(samples.size());
      for (size_t i = 0; i < order.size(); ++i)
        order[i] = i;
      llvm::sort(order, [&](size_t a, size_t b) {
        return samples[a] < samples[b];
      });
      const driver::CompileReport &report = reports[order[order.size() / 2]];
      row.compileMs = samples[order[order.size() / 2]];
      row.gatesOut = report.after.gates;
      row.swaps = report.swapsAdded;
      row.stages = report.stageSeconds;
      rows.push_back(std::move(row));
    }

    llvm::outs() << "## " << device << " (" << deviceQubits
                 << " qubits)\n\n"
                 << "| circuit | qubits | gates in | gates out | SWAPs | "
                    "import ms | compile ms | gates/s | compile / import |\n"
                 << "|---|---|---|---|---|---|---|---|---|\n";
    double totalGates = 0, totalMs = 0, totalImportMs = 0;
    std::map<std::string, double> stageTotals;
    for (const Row &row : rows) {
      llvm::outs() << "| " << row.input.name << " | " << row.input.qubits
                   << " | " << row.input.gates << " | " << row.gatesOut
                   << " | " << row.swaps << " | "
                   << llvm::format("%.2f", row.importMs) << " | "
                   << llvm::format("%.1f", row.compileMs) << " | "
                   << llvm::format("%.0f",
                                   row.input.gates / (row.compileMs / 1e3))
                   << " | "
                   << llvm::format("%.1fx", row.compileMs / row.importMs)
                   << " |\n";
      totalGates += row.input.gates;
      totalMs += row.compileMs;
      totalImportMs += row.importMs;
      for (auto &[stage, seconds] : row.stages)
        stageTotals[stage] += seconds * 1e3;
    }
    llvm::outs() << "\nAll " << rows.size() << " circuits: "
                 << llvm::format("%.0f", totalGates) << " input gates in "
                 << llvm::format("%.0f", totalMs) << " ms, "
                 << llvm::format("%.0f", totalGates / (totalMs / 1e3))
                 << " gates/s; "
                 << llvm::format("%.1fx", totalMs / totalImportMs)
                 << " the import alone.\n\nWhere the time goes (sum over "
                    "circuits, median runs):\n\n| stage | ms | share |\n"
                    "|---|---|---|\n";
    std::vector<std::pair<double, std::string>> byTime;
    double stageSum = 0;
    for (auto &[stage, ms] : stageTotals) {
      byTime.emplace_back(ms, stage);
      stageSum += ms;
    }
    llvm::sort(byTime, [](auto &a, auto &b) { return a.first > b.first; });
    for (auto &[ms, stage] : byTime)
      llvm::outs() << "| " << stage << " | " << llvm::format("%.1f", ms)
                   << " | " << llvm::format("%.1f%%", 100 * ms / stageSum)
                   << " |\n";
    llvm::outs() << "\n";
  }
  llvm::sys::fs::remove_directories(scratch);
  return 0;
}
