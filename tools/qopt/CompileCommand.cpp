//===- CompileCommand.cpp - `qopt compile` -------------------------------===//
//
// `qopt compile circuit.qasm [more.qasm | directory ...] -o out/` runs the
// default pipeline (qopt/Driver/Compile.h) on each input, in parallel on
// every core, and writes each one's outputs and report into out/. A failing
// circuit is reported with its diagnostics and the rest go on; the exit
// status is non-zero if any failed.
//
//===----------------------------------------------------------------------===//

#include "CompileCommand.h"

#include "qopt/Driver/Compile.h"
#include "qopt/InitQOpt.h"
#include "qopt/Support/ParallelForEach.h"
#include "qopt/Support/ProgressBar.h"
#include "qopt/Target/TargetLoader.h"

#include "mlir/IR/Diagnostics.h"
#include "mlir/IR/DialectRegistry.h"
#include "mlir/IR/MLIRContext.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/SourceMgr.h"
#include "llvm/Support/raw_ostream.h"

#include <mutex>

using namespace mlir;
namespace cl = llvm::cl;

static cl::SubCommand compileCommand(
    "compile",
    "Compile OpenQASM 2 or MLIR circuits for a device: mapping, "
    "optimization, pulses, fidelity estimate; outputs and a report per "
    "circuit in the output directory");

static cl::OptionCategory inputCategory("1. Input and output");
static cl::OptionCategory targetCategory("2. Target and mapping");
static cl::OptionCategory optimizationCategory("3. Optimization and pruning");
static cl::OptionCategory pulseCategory("4. Pulses");
static cl::OptionCategory fidelityCategory("5. Fidelity estimate");

static cl::list<std::string>
    inputs(cl::Positional, cl::OneOrMore, cl::sub(compileCommand),
           cl::desc("<circuit.qasm | circuit.mlir | directory>..."),
           cl::cat(inputCategory));
static cl::opt<std::string>
    outputDirectory("o", cl::sub(compileCommand),
                    cl::desc("Output directory, created if missing "
                             "(default: qopt-out)"),
                    cl::value_desc("directory"), cl::init("qopt-out"),
                    cl::cat(inputCategory));
static cl::opt<unsigned>
    jobs("j", cl::sub(compileCommand),
         cl::desc("Circuits compiled at once (default 0: every core)"),
         cl::init(0), cl::cat(inputCategory));
static cl::opt<bool> quiet("quiet", cl::sub(compileCommand),
                           cl::desc("Print only failures and the final count"),
                           cl::cat(inputCategory));

static cl::opt<std::string> targetSpec(
    "target", cl::sub(compileCommand),
    cl::desc("Device: a shipped target name (qopt --list-targets), an IBM "
             "device directory (conf_*.json, props_*.json, defs_*.json) or a "
             "qopt-target-v1 file (default: montreal)"),
    cl::value_desc("name|directory|file"), cl::cat(targetCategory));
static cl::opt<uint64_t> seed("seed", cl::sub(compileCommand),
                              cl::desc("Seed of the layout and routing trials"),
                              cl::init(20261127), cl::cat(targetCategory));

static cl::opt<unsigned> optLevel(
    "O", cl::sub(compileCommand), cl::Prefix,
    cl::desc("Optimization level 0-3 after mapping (default 2; see qopt "
             "--help for what each adds)"),
    cl::value_desc("level"), cl::init(2), cl::cat(optimizationCategory));
static cl::opt<bool>
    prune("prune", cl::sub(compileCommand),
          cl::desc("Fidelity-aware pruning: drop gates whose calibrated error "
                   "exceeds what removing them costs (changes the circuit, "
                   "within a reported bound)"),
          cl::cat(optimizationCategory));

static cl::opt<bool>
    noPulses("no-pulses", cl::sub(compileCommand),
             cl::desc("Skip lowering to calibrated pulses and scheduling "
                      "(and the pulse JSON, OpenPulse and SVG outputs)"),
             cl::cat(pulseCategory));

static cl::opt<std::string> fidelity(
    "fidelity", cl::sub(compileCommand),
    cl::desc("Estimator: auto (ESP, learned, and noisy simulation when it "
             "is cheap: up to 10 qubits and gates x 4^qubits up to 2e7), "
             "esp, simulate, learned or all (default auto)"),
    cl::init("auto"), cl::cat(fidelityCategory));

/// The circuits named by the arguments: files as given, directories
/// searched for *.qasm and *.mlir, sorted.
static LogicalResult collectInputs(std::vector<std::string> &files) {
  for (const std::string &input : inputs) {
    if (!llvm::sys::fs::is_directory(input)) {
      files.push_back(input);
      continue;
    }
    std::vector<std::string> found;
    std::error_code error;
    for (llvm::sys::fs::recursive_directory_iterator it(input, error), end;
         it != end && !error; it.increment(error)) {
      llvm::StringRef path = it->path();
      if ((path.ends_with(".qasm") || path.ends_with(".mlir")) &&
          llvm::sys::fs::is_regular_file(path))
        found.push_back(path.str());
    }
    if (error) {
      llvm::errs() << "error: cannot read directory '" << input
                   << "': " << error.message() << "\n";
      return failure();
    }
    if (found.empty()) {
      llvm::errs() << "error: no .qasm or .mlir files in '" << input << "'\n";
      return failure();
    }
    llvm::sort(found);
    files.insert(files.end(), found.begin(), found.end());
  }
  // Outputs are named after the input; two inputs of one name would
  // overwrite each other's.
  llvm::StringMap<std::string> byName;
  for (const std::string &file : files) {
    std::string name = llvm::sys::path::stem(file).str();
    auto [it, inserted] = byName.try_emplace(name, file);
    if (!inserted) {
      llvm::errs() << "error: '" << it->second << "' and '" << file
                   << "' would both write " << name
                   << ".* in the output directory; compile them separately\n";
      return failure();
    }
  }
  return success();
}

int qopt::runCompileCommand(int argc, char **argv) {
  cl::HideUnrelatedOptions({&inputCategory, &targetCategory,
                            &optimizationCategory, &pulseCategory,
                            &fidelityCategory});
  cl::ParseCommandLineOptions(
      argc, argv,
      "qopt compile: circuits to device-ready outputs\n\n"
      "For each circuit, writes into the output directory <name>.qasm "
      "(OpenQASM 2 on physical qubits), <name>.mlir, <name>.pulse.json, "
      "<name>.openpulse.qasm (OpenQASM 3 with OpenPulse), <name>.pulses.svg "
      "and a report, <name>.report.md and <name>.report.json.\n");
  if (optLevel > 3) {
    llvm::errs() << "error: unknown optimization level -O" << optLevel
                 << "; qopt has -O0 to -O3\n";
    return 1;
  }
  if (fidelity != "auto" && fidelity != "esp" && fidelity != "simulate" &&
      fidelity != "learned" && fidelity != "all") {
    llvm::errs() << "error: unknown --fidelity estimator '" << fidelity
                 << "'; expected auto, esp, simulate, learned or all\n";
    return 1;
  }
  std::vector<std::string> files;
  if (failed(collectInputs(files)))
    return 1;

  driver::CompileOptions options;
  options.target = targetSpec;
  options.optLevel = optLevel;
  options.prune = prune;
  options.seed = seed;
  options.fidelityEstimator = fidelity;
  options.pulses = !noPulses;

  DialectRegistry registry;
  registerAllDialects(registry);
  {
    // A target that does not load would fail every circuit: say so once.
    MLIRContext context(registry);
    target::printDiagnosticsPlainly(&context);
    if (failed(target::loadTarget(
            options.target.empty() ? llvm::StringRef(target::kDefaultTargetName)
                                   : llvm::StringRef(options.target),
            &context)))
      return 1;
  }
  bool batch = files.size() > 1;
  ProgressBar progress(batch ? files.size() : 0);
  std::mutex printing;
  std::vector<std::string> failures;
  size_t done = 0;
  parallelForEach(files.size(), jobs, [&](size_t index) {
    const std::string &file = files[index];
    // A context per circuit: the threads share nothing but the target cache.
    // One circuit alone gets the cores for its passes (layout and routing
    // trials run in parallel); a batch runs a circuit per core instead.
    MLIRContext context(registry, batch ? MLIRContext::Threading::DISABLED
                                        : MLIRContext::Threading::ENABLED);
    // An error names its file:line:col; a dump of the circuit after it
    // would bury it.
    context.printOpOnDiagnostic(false);
    std::string diagnostics;
    llvm::raw_string_ostream diagnosticStream(diagnostics);
    llvm::SourceMgr sourceMgr;
    SourceMgrDiagnosticHandler handler(sourceMgr, &context, diagnosticStream);
    driver::CompileReport report;
    LogicalResult result =
        driver::compileFile(file, outputDirectory, options, context, report);
    std::lock_guard<std::mutex> lock(printing);
    ++done;
    if (batch)
      progress.clear();
    llvm::errs() << diagnostics;
    if (failed(result)) {
      llvm::errs() << "qopt compile: " << file << " failed\n";
      failures.push_back(file);
    } else if (!quiet) {
      driver::printReportSummary(report, llvm::outs());
      llvm::outs().flush();
    }
    if (batch)
      progress.update(done, std::to_string(failures.size()) + " failed");
  });
  progress.finish();
  // Threads finish in any order; the list does not depend on it.
  llvm::sort(failures);
  if (batch || !failures.empty())
    llvm::outs() << "qopt compile: " << files.size() - failures.size() << " of "
                 << files.size() << " circuit(s) compiled into "
                 << llvm::StringRef(outputDirectory).rtrim('/') << "/"
                 << (failures.empty() ? "" : "; failed:");
  for (const std::string &file : failures)
    llvm::outs() << " " << file;
  if (batch || !failures.empty())
    llvm::outs() << "\n";
  return failures.empty() ? 0 : 1;
}
