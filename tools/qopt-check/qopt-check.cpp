//===- qopt-check.cpp - decide whether two circuits are equivalent --------===//
//
//   qopt-check A B [--up-to-layout] [--method=auto|exact|random]
//              [--states=N] [--seed=S] [--tolerance=T] [--func=NAME]
//
// A and B are .mlir or .qasm files, or '-' for standard input (OpenQASM is
// recognised by its header). Prints one line: the verdict, the method and,
// when they differ, the distance. Exits 0 when equivalent, 1 when not, and 2
// when an input cannot be read or simulated. See qopt/Simulation/
// Equivalence.h for the methods and the layout contract.
//
//===----------------------------------------------------------------------===//

#include "qopt/Dialect/QGate/QGate.h"
#include "qopt/InitQOpt.h"
#include "qopt/Simulation/Equivalence.h"
#include "qopt/Translation/MlirInputLimits.h"
#include "qopt/Translation/OpenQasm.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/Diagnostics.h"
#include "mlir/IR/DialectRegistry.h"
#include "mlir/IR/MLIRContext.h"
#include "mlir/Parser/Parser.h"
#include "mlir/Support/FileUtilities.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/Format.h"
#include "llvm/Support/InitLLVM.h"
#include "llvm/Support/SourceMgr.h"
#include "llvm/Support/raw_ostream.h"

using namespace mlir;
namespace cl = llvm::cl;

static cl::OptionCategory category("qopt-check options");
static cl::opt<std::string> fileA(cl::Positional, cl::Required,
                                  cl::desc("<first circuit>"),
                                  cl::cat(category));
static cl::opt<std::string> fileB(cl::Positional, cl::Required,
                                  cl::desc("<second circuit>"),
                                  cl::cat(category));
static cl::opt<bool>
    upToLayout("up-to-layout",
               cl::desc("Match qubits through qgate.initial_layout and "
                        "qgate.final_layout instead of by wire order"),
               cl::cat(category));
static cl::opt<qopt::EquivalenceOptions::Method>
    method("method", cl::desc("How unitaries are compared"),
           cl::values(clEnumValN(qopt::EquivalenceOptions::Method::Auto, "auto",
                                 "exact up to 12 qubits when affordable, else "
                                 "random states (default)"),
                      clEnumValN(qopt::EquivalenceOptions::Method::Exact,
                                 "exact", "full unitary, at most 12 qubits"),
                      clEnumValN(qopt::EquivalenceOptions::Method::Random,
                                 "random", "random input states")),
           cl::init(qopt::EquivalenceOptions::Method::Auto), cl::cat(category));
static cl::opt<unsigned> numStates("states",
                                   cl::desc("Random input states (default 8)"),
                                   cl::init(8), cl::cat(category));
static cl::opt<uint64_t> seed("seed", cl::desc("Random generator seed"),
                              cl::init(20261126), cl::cat(category));
static cl::opt<double>
    tolerance("tolerance",
              cl::desc("Largest distance called equivalent (default 1e-8)"),
              cl::init(1e-8), cl::cat(category));
static cl::opt<bool> ignoreFinalPhases(
    "ignore-final-phases",
    cl::desc("If every qubit is measured at the end, ignore phases on basis "
             "states before the measurements (they cannot be observed)"),
    cl::cat(category));
static cl::list<int64_t> initialLayout(
    "initial-layout", cl::CommaSeparated,
    cl::desc("For a second circuit on device qubits without its layout "
             "recorded (OpenQASM on physical qubits: qubit i is device qubit "
             "i): the device qubit of each logical qubit at the start; "
             "implies --up-to-layout"),
    cl::value_desc("p0,p1,..."), cl::cat(category));
static cl::list<int64_t> finalLayout(
    "final-layout", cl::CommaSeparated,
    cl::desc("With --initial-layout: the device qubit of each logical qubit "
             "at the end (default: the initial layout)"),
    cl::value_desc("q0,q1,..."), cl::cat(category));
static cl::opt<std::string>
    funcName("func", cl::desc("Circuit function to compare in each input"),
             cl::cat(category));

static OwningOpRef<ModuleOp>
load(llvm::StringRef path, llvm::SourceMgr &sourceMgr, MLIRContext &context) {
  std::string error;
  std::unique_ptr<llvm::MemoryBuffer> buffer = openInputFile(path, &error);
  if (!buffer) {
    llvm::errs() << "qopt-check: " << error << "\n";
    return nullptr;
  }
  bool qasm = qopt::looksLikeOpenQasm(path, buffer->getBuffer());
  unsigned id = sourceMgr.AddNewSourceBuffer(std::move(buffer), llvm::SMLoc());
  if (qasm) {
    // The importer reads the main buffer; give it a manager of its own.
    llvm::SourceMgr qasmMgr;
    qasmMgr.AddNewSourceBuffer(
        llvm::MemoryBuffer::getMemBufferCopy(
            sourceMgr.getMemoryBuffer(id)->getBuffer(), path),
        llvm::SMLoc());
    SourceMgrDiagnosticHandler handler(qasmMgr, &context);
    return qopt::importOpenQasm2(qasmMgr, &context);
  }
  if (failed(qopt::checkMlirInputLimits(sourceMgr, id, &context)))
    return nullptr;
  // The manager holds both inputs for diagnostics; parse this one by name.
  return parseSourceString<ModuleOp>(sourceMgr.getMemoryBuffer(id)->getBuffer(),
                                     ParserConfig(&context), path);
}

/// Records --initial-layout and --final-layout on `func`, whose i-th
/// allocated qubit becomes device qubit i (unused ones are dropped).
static LogicalResult applyLayoutOptions(func::FuncOp func,
                                        llvm::StringRef path) {
  if (func->hasAttr(qopt::kInitialLayoutAttrName)) {
    llvm::errs() << "qopt-check: " << path
                 << " records its own layout; --initial-layout is for "
                    "circuits that do not\n";
    return failure();
  }
  SmallVector<qopt::qgate::AllocOp> allocs;
  func.walk([&](qopt::qgate::AllocOp alloc) { allocs.push_back(alloc); });
  ArrayRef<int64_t> final =
      finalLayout.empty() ? ArrayRef<int64_t>(initialLayout) : finalLayout;
  if (final.size() != initialLayout.size()) {
    llvm::errs() << "qopt-check: --initial-layout names "
                 << initialLayout.size() << " qubits, --final-layout "
                 << final.size() << "\n";
    return failure();
  }
  for (int64_t qubit : llvm::concat<const int64_t>(initialLayout, final))
    if (qubit < 0 || qubit >= int64_t(allocs.size())) {
      llvm::errs() << "qopt-check: layout names device qubit " << qubit
                   << ", but " << path << " has " << allocs.size()
                   << " qubits\n";
      return failure();
    }
  OpBuilder builder(func.getContext());
  for (auto [index, alloc] : llvm::enumerate(allocs)) {
    // A device qubit the circuit never touches is not simulated.
    if (alloc->use_empty() && !llvm::is_contained(initialLayout, index) &&
        !llvm::is_contained(final, index)) {
      alloc.erase();
      continue;
    }
    builder.setInsertionPoint(alloc);
    auto physical = builder.create<qopt::qgate::PhysicalOp>(
        alloc.getLoc(), builder.getI64IntegerAttr(index));
    alloc.replaceAllUsesWith(physical.getOperation());
    alloc.erase();
  }
  func->setAttr(qopt::kInitialLayoutAttrName,
                builder.getDenseI64ArrayAttr(initialLayout));
  func->setAttr(qopt::kFinalLayoutAttrName,
                builder.getDenseI64ArrayAttr(final));
  return success();
}

static func::FuncOp pickCircuit(ModuleOp module, llvm::StringRef path) {
  SmallVector<func::FuncOp> candidates;
  for (auto func : module.getOps<func::FuncOp>())
    if (!func.isExternal() && (funcName.empty() || func.getName() == funcName))
      candidates.push_back(func);
  if (candidates.size() == 1)
    return candidates.front();
  if (candidates.empty())
    llvm::errs() << "qopt-check: " << path << ": no circuit function"
                 << (funcName.empty() ? "" : " named '" + funcName + "'")
                 << "\n";
  else
    llvm::errs() << "qopt-check: " << path << " has " << candidates.size()
                 << " circuit functions; choose one with --func\n";
  return nullptr;
}

int main(int argc, char **argv) {
  llvm::InitLLVM init(argc, argv);
  cl::HideUnrelatedOptions(category);
  cl::ParseCommandLineOptions(
      argc, argv,
      "qopt-check: decide whether two quantum circuits are equivalent\n");

  DialectRegistry registry;
  qopt::registerAllDialects(registry);
  MLIRContext context(registry);
  context.loadAllAvailableDialects();
  // Errors point at the circuit's file:line:col; a dump of a whole circuit
  // after each one would bury them.
  context.printOpOnDiagnostic(false);
  llvm::SourceMgr sourceMgr;
  SourceMgrDiagnosticHandler handler(sourceMgr, &context);

  OwningOpRef<ModuleOp> moduleA = load(fileA, sourceMgr, context);
  if (!moduleA)
    return 2;
  OwningOpRef<ModuleOp> moduleB = load(fileB, sourceMgr, context);
  if (!moduleB)
    return 2;
  func::FuncOp a = pickCircuit(*moduleA, fileA);
  func::FuncOp b = pickCircuit(*moduleB, fileB);
  if (!a || !b)
    return 2;
  if (!initialLayout.empty() && failed(applyLayoutOptions(b, fileB)))
    return 2;
  if (initialLayout.empty() && !finalLayout.empty()) {
    llvm::errs() << "qopt-check: --final-layout needs --initial-layout\n";
    return 2;
  }

  qopt::EquivalenceOptions options;
  options.method = method;
  options.numStates = numStates;
  options.seed = seed;
  options.upToLayout = upToLayout || !initialLayout.empty();
  options.tolerance = tolerance;
  options.ignoreFinalPhases = ignoreFinalPhases;
  FailureOr<qopt::EquivalenceResult> result =
      qopt::checkEquivalence(a, b, options);
  if (failed(result))
    return 2;
  if (result->equivalent) {
    llvm::outs() << "equivalent (" << result->method << ")\n";
    return 0;
  }
  llvm::outs() << "not equivalent: ";
  if (!result->reason.empty())
    llvm::outs() << result->reason;
  else
    llvm::outs() << "distance " << llvm::format("%.3e", result->distance)
                 << " (" << result->method << ")";
  llvm::outs() << "\n";
  return 1;
}
