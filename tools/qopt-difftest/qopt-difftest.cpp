//===- qopt-difftest.cpp - whole-pipeline differential testing ------------===//
//
//   qopt-difftest [--circuits=N] [--seed=S] [--targets=a,b] [--jobs=J]
//                 [--failures-dir=DIR] [--index=K]
//
// Generates random OpenQASM 2 programs (every gate kind, user gates,
// broadcast, mid-circuit measurement, reset, `if`), imports each, and runs
// it through -O0 ... -O3 both without a target and mapped to a device
// (to-target-basis, layout, route, post-layout, to-target-basis, then the
// level's optimization without the approximate pruning). Every result is
// checked against the imported program with the equivalence oracle behind
// qopt-check, up to layout. A pipeline that fails or a mismatch is a bug:
// the program is written to --failures-dir and the exit code is 1.
//
//===----------------------------------------------------------------------===//

#include "RandomQasmProgram.h"

#include "qopt/Dialect/QGate/QGate.h"
#include "qopt/InitQOpt.h"
#include "qopt/Simulation/Equivalence.h"
#include "qopt/Support/ParallelForEach.h"
#include "qopt/Support/ProgressBar.h"
#include "qopt/Target/TargetLoader.h"
#include "qopt/Transforms/Passes.h"
#include "qopt/Translation/OpenQasm.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/Diagnostics.h"
#include "mlir/IR/MLIRContext.h"
#include "mlir/Pass/PassManager.h"
#include "mlir/Pass/PassRegistry.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Format.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/InitLLVM.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/SourceMgr.h"
#include "llvm/Support/raw_ostream.h"

#include <atomic>
#include <chrono>
#include <map>
#include <mutex>
#include <thread>

using namespace mlir;
using namespace qopt;
namespace cl = llvm::cl;

namespace {

cl::OptionCategory category("qopt-difftest options");
cl::opt<unsigned> numCircuits("circuits", cl::init(100),
                              cl::desc("Random programs to test"),
                              cl::cat(category));
cl::opt<uint64_t> seed("seed", cl::init(1),
                       cl::desc("Seed of the program sequence"),
                       cl::cat(category));
cl::list<std::string>
    targets("targets", cl::CommaSeparated,
            cl::desc("Devices to map to, in rotation among those wide enough "
                     "(default: belem, jakarta, montreal, sherbrooke)"),
            cl::cat(category));
cl::opt<unsigned> minQubits("min-qubits", cl::init(2),
                            cl::desc("Fewest qubits in a program"),
                            cl::cat(category));
cl::opt<unsigned> maxQubits("max-qubits", cl::init(10),
                            cl::desc("Most qubits in a program"),
                            cl::cat(category));
cl::opt<unsigned> maxGates("max-gates", cl::init(40),
                           cl::desc("Most gates in a program"),
                           cl::cat(category));
cl::opt<unsigned> jobs("jobs", cl::init(0),
                       cl::desc("Worker threads (default: all cores)"),
                       cl::cat(category));
cl::opt<std::string>
    failuresDir("failures-dir",
                cl::desc("Write each failing program here, as "
                         "<seed>-<index>.qasm with the failure in a comment"),
                cl::cat(category));
cl::opt<bool> verbose("verbose",
                      cl::desc("Print each program's index, width, target "
                               "and time as it finishes"),
                      cl::cat(category));
cl::opt<bool> printProgram(
    "print-program",
    cl::desc("With --index: print the program as OpenQASM and stop"),
    cl::cat(category));
cl::opt<bool>
    injectBug("inject-bug",
              cl::desc("Delete the first gate that is not diagonal from every "
                       "compiled program: shows that the check catches a wrong "
                       "compilation"),
              cl::cat(category));
cl::opt<int64_t> onlyIndex("index", cl::init(-1),
                           cl::desc("Test only this program, printing it and "
                                    "every configuration's verdict"),
                           cl::cat(category));

struct Configuration {
  unsigned level;
  bool mapped;
};

struct Verdict {
  enum Kind { Equivalent, Failed } kind = Equivalent;
  std::string detail;
};

struct ProgramResult {
  std::string qasm;
  unsigned numQubits = 0;
  std::string target;
  std::vector<std::pair<std::string, Verdict>> verdicts;
  double seconds = 0;
};

uint64_t programSeed(size_t index) {
  // splitmix64 of (seed, index): neighbouring indices give unrelated
  // programs, and any one program can be regenerated alone with --index.
  uint64_t z = seed * 0x9E3779B97F4A7C15ull + index + 1;
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
  return z ^ (z >> 31);
}

std::string describe(const Configuration &config, llvm::StringRef target) {
  return "-O" + std::to_string(config.level) +
         (config.mapped ? " mapped to " + target.str() : " unmapped");
}

/// Builds the configuration's pipeline; mapping strategies vary with the
/// program so that every layout and routing mode is exercised. The trivial
/// layout is left to small devices: on a 127-qubit one it can spread a
/// program over two dozen qubits, whose check then simulates 2^24 amplitudes
/// (and sherbrooke's broken couplers cut its qubit 6 off entirely).
LogicalResult buildPipeline(PassManager &pm, const Configuration &config,
                            llvm::StringRef target, unsigned targetWidth,
                            uint64_t programSeed) {
  if (config.mapped) {
    static const char *const layouts[] = {"noise-adaptive", "sabre", "trivial"};
    unsigned numLayouts = targetWidth <= 16 ? 3 : 2;
    std::string pipeline = llvm::formatv(
        "attach-target{{target={0}},to-target-basis,layout{{strategy={1} "
        "seed={2} trials=4},route{{seed={2} trials=4 noise-aware={3}},"
        "post-layout,to-target-basis",
        target, layouts[programSeed % numLayouts], programSeed % 1000,
        (programSeed >> 8) % 2 ? "true" : "false");
    if (failed(parsePassPipeline(pipeline, pm)))
      return failure();
  }
  buildOptimizationPipeline(pm, config.level, /*approximate=*/false);
  return success();
}

Verdict runConfiguration(ModuleOp original, const Configuration &config,
                         llvm::StringRef target, unsigned targetWidth,
                         uint64_t programSeed) {
  MLIRContext *context = original.getContext();
  std::string diagnostics;
  ScopedDiagnosticHandler handler(context, [&](Diagnostic &diag) {
    if (diag.getSeverity() == DiagnosticSeverity::Error) {
      llvm::raw_string_ostream os(diagnostics);
      os << diag.getLocation() << ": " << diag << "\n";
    }
    return success();
  });
  OwningOpRef<ModuleOp> compiled = original.clone();
  PassManager pm(context);
  if (failed(buildPipeline(pm, config, target, targetWidth, programSeed)))
    return {Verdict::Failed, "cannot build the pipeline: " + diagnostics};
  if (failed(pm.run(*compiled)))
    return {Verdict::Failed, "the pipeline failed: " + diagnostics};
  auto before = *original.getOps<func::FuncOp>().begin();
  auto after = *compiled->getOps<func::FuncOp>().begin();
  if (injectBug)
    after.walk([](qgate::GateOpInterface gate) {
      if (gate->hasTrait<qgate::OpTrait::Diagonal>())
        return WalkResult::advance();
      for (Value input : gate.getQubitInputs())
        gate.getOutputForInput(input).replaceAllUsesWith(input);
      gate->erase();
      return WalkResult::interrupt();
    });
  EquivalenceOptions options;
  options.upToLayout = config.mapped;
  // -O3 drops diagonal gates just before measurements; no outcome shows
  // them.
  options.ignoreFinalPhases = config.level == 3;
  // Beyond 6 qubits, 4 Haar-random input states instead of every basis
  // state: a wrong rewrite still shows with probability 1, and mapped
  // programs of 1,000 gates check in milliseconds instead of seconds.
  unsigned numQubits = before.getNumArguments() +
                       llvm::range_size(before.getOps<qgate::AllocOp>());
  if (numQubits > 6) {
    options.method = EquivalenceOptions::Method::Random;
    options.numStates = 4;
    options.seed = programSeed;
  }
  FailureOr<EquivalenceResult> result =
      checkEquivalence(before, after, options);
  if (failed(result))
    return {Verdict::Failed, "cannot check the result: " + diagnostics};
  if (!result->equivalent) {
    std::string text;
    llvm::raw_string_ostream os(text);
    os << "not equivalent: "
       << (result->reason.empty()
               ? "distance " + std::to_string(result->distance) + " (" +
                     result->method + ")"
               : result->reason);
    return {Verdict::Failed, text};
  }
  return {};
}

ProgramResult testProgram(size_t index, MLIRContext &context,
                          llvm::ArrayRef<std::string> devices,
                          const std::map<std::string, unsigned> &widths) {
  ProgramResult result;
  uint64_t programSeed = ::programSeed(index);
  difftest::RandomProgramOptions options;
  options.minQubits = minQubits;
  options.maxQubits = maxQubits;
  options.maxGates = std::max(options.minGates, maxGates.getValue());
  difftest::RandomProgram program =
      difftest::generateRandomProgram(programSeed, options);
  if (printProgram) {
    llvm::outs() << program.qasm;
    std::exit(0);
  }
  result.qasm = program.qasm;
  result.numQubits = program.numQubits;

  // Devices wide enough, in rotation.
  std::vector<std::string> wideEnough;
  for (const std::string &device : devices)
    if (widths.at(device) >= program.numQubits)
      wideEnough.push_back(device);
  if (!wideEnough.empty())
    result.target = wideEnough[index % wideEnough.size()];

  std::string diagnostics;
  ScopedDiagnosticHandler handler(&context, [&](Diagnostic &diag) {
    llvm::raw_string_ostream os(diagnostics);
    os << diag.getLocation() << ": " << diag << "\n";
    return success();
  });
  llvm::SourceMgr sourceMgr;
  sourceMgr.AddNewSourceBuffer(
      llvm::MemoryBuffer::getMemBufferCopy(program.qasm, "program.qasm"),
      llvm::SMLoc());
  OwningOpRef<ModuleOp> module = importOpenQasm2(sourceMgr, &context);
  if (!module) {
    result.verdicts.push_back(
        {"import", {Verdict::Failed, "import failed: " + diagnostics}});
    return result;
  }
  for (unsigned level = 0; level <= 3; ++level)
    for (bool mapped : {false, true}) {
      if (mapped && result.target.empty())
        continue;
      Configuration config{level, mapped};
      result.verdicts.push_back(
          {describe(config, result.target),
           runConfiguration(*module, config, result.target,
                            widths.at(result.target), programSeed)});
    }
  return result;
}

void writeFailure(size_t index, const ProgramResult &result) {
  if (failuresDir.empty())
    return;
  llvm::sys::fs::create_directories(failuresDir);
  llvm::SmallString<256> path(failuresDir);
  llvm::sys::path::append(path, std::to_string(seed) + "-" +
                                    std::to_string(index) + ".qasm");
  std::error_code error;
  llvm::raw_fd_ostream os(path, error);
  if (error) {
    llvm::errs() << "qopt-difftest: cannot write " << path << ": "
                 << error.message() << "\n";
    return;
  }
  for (const auto &[name, verdict] : result.verdicts)
    if (verdict.kind == Verdict::Failed) {
      std::string text = name + ": " + verdict.detail;
      for (llvm::StringRef line : llvm::split(text, '\n'))
        if (!line.empty())
          os << "// " << line << "\n";
    }
  os << result.qasm;
}

} // namespace

int main(int argc, char **argv) {
  llvm::InitLLVM init(argc, argv);
  registerAllPasses();
  cl::HideUnrelatedOptions(category);
  cl::ParseCommandLineOptions(
      argc, argv,
      "qopt-difftest: random programs through every optimization level, "
      "with and without mapping, checked for equivalence\n");
  if (minQubits < 1 || maxQubits < minQubits || maxQubits > 12) {
    llvm::errs() << "error: need 1 <= --min-qubits <= --max-qubits <= 12\n";
    return 2;
  }
  if (targets.empty())
    for (const char *device : {"belem", "jakarta", "montreal", "sherbrooke"})
      targets.push_back(device);

  DialectRegistry registry;
  registerAllDialects(registry);
  std::map<std::string, unsigned> widths;
  {
    MLIRContext context(registry);
    for (const std::string &device : targets) {
      std::string errors;
      auto loaded = target::loadTargetQuietly(device, &context, errors);
      if (failed(loaded)) {
        llvm::errs() << "error: cannot load target '" << device
                     << "': " << llvm::StringRef(errors).rtrim() << "\n";
        return 2;
      }
      widths[device] = (*loaded)->numQubits;
    }
  }

  size_t first = onlyIndex >= 0 ? onlyIndex : 0;
  size_t last = onlyIndex >= 0 ? onlyIndex + 1 : numCircuits.getValue();
  std::vector<ProgramResult> results(last - first);
  std::atomic<size_t> done{0}, failedPrograms{0};
  std::mutex mutex;
  ProgressBar progress(results.size());
  auto makeContext = [&] {
    auto context = std::make_unique<MLIRContext>(
        registry, MLIRContext::Threading::DISABLED);
    context->loadAllAvailableDialects();
    context->printOpOnDiagnostic(false);
    return context;
  };
  auto test = [&](std::unique_ptr<MLIRContext> &context, size_t offset) {
    size_t i = first + offset;
    auto start = std::chrono::steady_clock::now();
    ProgramResult result = testProgram(i, *context, targets, widths);
    result.seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start)
            .count();
    if (verbose) {
      std::lock_guard<std::mutex> lock(mutex);
      llvm::errs() << "program " << i << ": " << result.numQubits << " qubits, "
                   << result.target << ", "
                   << llvm::format("%.2fs", result.seconds) << "\n";
    }
    bool failed = llvm::any_of(result.verdicts, [](const auto &entry) {
      return entry.second.kind == Verdict::Failed;
    });
    if (failed) {
      ++failedPrograms;
      writeFailure(i, result);
    }
    results[i - first] = std::move(result);
    std::lock_guard<std::mutex> lock(mutex);
    progress.update(++done, std::to_string(failedPrograms) + " failing");
  };
  parallelForEachWithState(results.size(), jobs, makeContext, test);
  progress.finish();

  // Every failure, then the summary.
  size_t runs = 0, equivalent = 0, withControl = 0;
  for (auto [offset, result] : llvm::enumerate(results)) {
    size_t index = first + offset;
    withControl += llvm::StringRef(result.qasm).contains("if (") ||
                   llvm::StringRef(result.qasm).contains("reset ");
    if (onlyIndex >= 0)
      llvm::outs() << result.qasm << "\n";
    for (const auto &[name, verdict] : result.verdicts) {
      ++runs;
      if (onlyIndex >= 0)
        llvm::outs() << name << ": "
                     << (verdict.kind == Verdict::Equivalent ? "equivalent"
                                                             : verdict.detail)
                     << "\n";
      switch (verdict.kind) {
      case Verdict::Equivalent:
        ++equivalent;
        break;
      case Verdict::Failed:
        llvm::errs() << "FAIL program " << index << " (--seed=" << seed
                     << " --index=" << index << "), " << name << ": "
                     << verdict.detail << "\n";
      }
    }
  }
  llvm::outs() << "qopt-difftest: " << results.size() << " programs (seed "
               << seed << ", " << withControl << " with reset or if), " << runs
               << " compilations: " << equivalent << " equivalent, "
               << runs - equivalent << " failed\n";
  return failedPrograms ? 1 : 0;
}
