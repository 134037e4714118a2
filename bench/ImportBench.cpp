//===- ImportBench.cpp - OpenQASM import speed ----------------------------===//
//
//   qopt-bench-import [--reps=N] [--top=K] [--circuits=DIR] [file.qasm...]
//
// Times importOpenQasm2 on the QASMBench circuits with the most gates (or on
// the given files). The baseline, timed in the same run, is MLIR's own parser
// reading the imported module printed in generic form without locations:
// both build the same ops in a fresh context, so import/parse says what the
// OpenQASM front end costs on top of building the IR.
//
//===----------------------------------------------------------------------===//

#include "BenchSupport.h"

#include "qopt/Dialect/QGate/QGate.h"
#include "qopt/InitQOpt.h"
#include "qopt/Translation/OpenQasm.h"

#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/Diagnostics.h"
#include "mlir/IR/DialectRegistry.h"
#include "mlir/IR/MLIRContext.h"
#include "mlir/IR/OperationSupport.h"
#include "mlir/Parser/Parser.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Format.h"
#include "llvm/Support/InitLLVM.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/SourceMgr.h"

#include <memory>
#include <tuple>

using namespace mlir;
using namespace qopt::bench;
namespace cl = llvm::cl;

static cl::OptionCategory category("qopt-bench-import options");
static cl::opt<unsigned> reps("reps", cl::desc("Timed runs per circuit"),
                              cl::init(20), cl::cat(category));
static cl::opt<unsigned>
    top("top", cl::desc("How many of the circuits with the most gates to time"),
        cl::init(8), cl::cat(category));
static cl::opt<std::string>
    circuitsDir("circuits", cl::desc("Directory searched for .qasm files"),
                cl::init(QOPT_BENCH_CIRCUITS_DIR), cl::cat(category));
static cl::list<std::string>
    files(cl::Positional, cl::desc("[circuit.qasm...]"), cl::cat(category));

namespace {

struct Circuit {
  std::string path, name, text;
  unsigned lines = 0, gates = 0;
  /// The imported module, generic form, no locations: the baseline's input.
  std::string mlirText;
  /// Why mlirText does not parse back to the same gates, if it does not.
  std::string baselineError;
};

/// Each timed run gets a context of its own, as a tool invocation would, so
/// no run finds attributes or locations uniqued by the one before. Dialects
/// are loaded up front: loading them is start-up cost, not parsing.
std::unique_ptr<MLIRContext> freshContext(const DialectRegistry &registry) {
  auto context = std::make_unique<MLIRContext>(registry);
  context->loadAllAvailableDialects();
  return context;
}

OwningOpRef<ModuleOp> importText(const Circuit &circuit, MLIRContext &context) {
  llvm::SourceMgr sourceMgr;
  sourceMgr.AddNewSourceBuffer(
      llvm::MemoryBuffer::getMemBufferCopy(circuit.text, circuit.path),
      llvm::SMLoc());
  return qopt::importOpenQasm2(sourceMgr, &context);
}

unsigned countGates(ModuleOp module) {
  unsigned gates = 0;
  module.walk([&](qopt::qgate::GateOpInterface) { ++gates; });
  return gates;
}

/// Loads and imports `path` once; fails (with the first diagnostic in
/// `error`) for circuits the importer rejects.
bool load(const std::string &path, const DialectRegistry &registry,
          Circuit &circuit, std::string &error) {
  auto buffer = llvm::MemoryBuffer::getFile(path, /*IsText=*/true);
  if (!buffer) {
    error = buffer.getError().message();
    return false;
  }
  circuit.path = path;
  circuit.name = llvm::sys::path::stem(path).str();
  circuit.text = (*buffer)->getBuffer().str();
  circuit.lines = llvm::count(circuit.text, '\n');
  auto context = freshContext(registry);
  ScopedDiagnosticHandler quiet(context.get(), [&](Diagnostic &diag) {
    if (diag.getSeverity() == DiagnosticSeverity::Error && error.empty())
      error = diag.str();
    return success();
  });
  OwningOpRef<ModuleOp> module = importText(circuit, *context);
  if (!module) {
    if (error.empty())
      error = "import failed";
    return false;
  }
  circuit.gates = countGates(*module);
  llvm::raw_string_ostream os(circuit.mlirText);
  module->print(os, OpPrintingFlags().printGenericOpForm());

  // A circuit whose text does not round-trip still gets its import timed.
  auto parseContext = freshContext(registry);
  ScopedDiagnosticHandler quietParse(parseContext.get(), [&](Diagnostic &d) {
    if (circuit.baselineError.empty())
      circuit.baselineError = d.str();
    return success();
  });
  OwningOpRef<ModuleOp> parsed =
      parseSourceString<ModuleOp>(circuit.mlirText, parseContext.get());
  if (parsed && countGates(*parsed) != circuit.gates)
    circuit.baselineError = "parsed back to a different gate count";
  else if (!parsed && circuit.baselineError.empty())
    circuit.baselineError = "parse failed";
  else if (parsed)
    circuit.baselineError.clear();
  return true;
}

std::vector<std::string> findQasmFiles(const std::string &dir) {
  std::vector<std::string> found;
  std::error_code ec;
  for (llvm::sys::fs::recursive_directory_iterator it(dir, ec), end;
       it != end && !ec; it.increment(ec))
    if (llvm::StringRef(it->path()).ends_with(".qasm"))
      found.push_back(it->path());
  llvm::sort(found);
  return found;
}

} // namespace

int main(int argc, char **argv) {
  llvm::InitLLVM init(argc, argv);
  cl::HideUnrelatedOptions(category);
  cl::ParseCommandLineOptions(argc, argv,
                              "qopt-bench-import: OpenQASM import speed\n");
  if (reps == 0) {
    llvm::errs() << "qopt-bench-import: --reps must be positive\n";
    return 1;
  }

  DialectRegistry registry;
  qopt::registerAllDialects(registry);

  std::vector<std::string> paths(files.begin(), files.end());
  bool explicitFiles = !paths.empty();
  if (!explicitFiles)
    paths = findQasmFiles(circuitsDir);
  std::vector<Circuit> circuits;
  for (const std::string &path : paths) {
    Circuit circuit;
    std::string error;
    if (load(path, registry, circuit, error)) {
      circuits.push_back(std::move(circuit));
      continue;
    }
    llvm::errs() << "skipped " << path << ": " << error << "\n";
    if (explicitFiles)
      return 1;
  }
  if (circuits.empty()) {
    llvm::errs() << "qopt-bench-import: no circuits under " << circuitsDir
                 << "\n";
    return 1;
  }
  if (!explicitFiles) {
    llvm::sort(circuits, [](const Circuit &a, const Circuit &b) {
      return std::tie(b.gates, a.name) < std::tie(a.gates, b.name);
    });
    if (circuits.size() > top)
      circuits.resize(top);
  }

  llvm::raw_ostream &os = llvm::outs();
  int exitCode = 0;
  printRunHeader(os, "OpenQASM import", reps);
  os << "| circuit | lines | gates | import ms | min-max ms | Mgates/s "
        "| klines/s | MLIR parse ms | import/parse |\n"
     << "|---|--:|--:|--:|--:|--:|--:|--:|--:|\n";
  for (const Circuit &circuit : circuits) {
    std::vector<double> importMs, parseMs;
    // Import and parse alternate so that both see the same load from
    // whatever else the machine runs; run 0 of each is an untimed warm-up.
    for (unsigned rep = 0; rep <= reps; ++rep) {
      {
        auto context = freshContext(registry);
        // Warnings (e.g. a missing header) would otherwise be printed, and
        // timed, on every run.
        ScopedDiagnosticHandler quiet(context.get(),
                                      [](Diagnostic &) { return success(); });
        Clock::time_point start = Clock::now();
        OwningOpRef<ModuleOp> module = importText(circuit, *context);
        double ms = millisecondsSince(start);
        if (!module) {
          llvm::errs() << circuit.path << ": import failed while timing\n";
          return 1;
        }
        if (rep)
          importMs.push_back(ms);
      }
      if (circuit.baselineError.empty()) {
        auto context = freshContext(registry);
        Clock::time_point start = Clock::now();
        OwningOpRef<ModuleOp> module =
            parseSourceString<ModuleOp>(circuit.mlirText, context.get());
        double ms = millisecondsSince(start);
        if (rep && module)
          parseMs.push_back(ms);
      }
    }
    Stats import = summarize(importMs), parse = summarize(parseMs);
    double seconds = import.median / 1e3;
    os << "| " << circuit.name << " | " << circuit.lines << " | "
       << circuit.gates << " | " << llvm::format("%.2f", import.median) << " | "
       << llvm::format("%.2f-%.2f", import.min, import.max) << " | "
       << llvm::format("%.2f", circuit.gates / seconds / 1e6) << " | "
       << llvm::format("%.0f", circuit.lines / seconds / 1e3) << " | ";
    if (circuit.baselineError.empty()) {
      os << llvm::format("%.2f", parse.median) << " | "
         << llvm::format("%.2f", import.median / parse.median) << " |\n";
    } else {
      os << "n/a | n/a |\n";
      llvm::errs() << circuit.path << ": no baseline, the imported module "
                   << "does not parse back: " << circuit.baselineError << "\n";
      exitCode = 1;
    }
    os.flush();
  }
  return exitCode;
}
