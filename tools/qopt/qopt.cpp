//===- qopt.cpp - the qopt compiler driver --------------------------------===//
//
// An mlir-opt style driver over qopt's dialects and passes that also reads
// OpenQASM 2.0: a `.qasm` input (or --input=qasm) is imported first, keeping
// its file:line:col locations, and then runs through the pass pipeline like
// any MLIR input.
//
//===----------------------------------------------------------------------===//

#include "QOptVersion.h"
#include "qopt/InitQOpt.h"
#include "qopt/Target/TargetLoader.h"
#include "qopt/Translation/OpenQasm.h"

#include "mlir/IR/AsmState.h"
#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/Diagnostics.h"
#include "mlir/IR/DialectRegistry.h"
#include "mlir/IR/MLIRContext.h"
#include "mlir/Support/FileUtilities.h"
#include "mlir/Tools/mlir-opt/MlirOptMain.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/InitLLVM.h"
#include "llvm/Support/SourceMgr.h"
#include "llvm/Support/ToolOutputFile.h"
#include "llvm/Support/raw_ostream.h"

using namespace mlir;

// --target and --list-targets are read before the command line is parsed
// (see main); these declarations give them their --help text.
static llvm::cl::opt<std::string> targetOption(
    "target",
    llvm::cl::desc("Compile for this device: a shipped target name, an IBM "
                   "device directory (conf_*.json, props_*.json, defs_*.json) "
                   "or a qopt-target-v1 JSON file; runs --attach-target first"),
    llvm::cl::value_desc("name|directory|file"));
static llvm::cl::opt<bool>
    listTargetsOption("list-targets",
                      llvm::cl::desc("List the shipped targets and exit"));

static llvm::cl::opt<unsigned> optLevelOption(
    "O",
    llvm::cl::desc("Optimization level 0-3 (-O1: canonicalize and "
                   "commute-cancel; -O2: also one-qubit run fusion; -O3: also "
                   "two-qubit resynthesis, diagonal gates before measurement "
                   "removed and fidelity-aware pruning of mapped circuits); "
                   "runs after the other passes on the command line, and "
                   "with --target first maps the circuit (to-target-basis, "
                   "layout, route, post-layout, to-target-basis)"),
    llvm::cl::Prefix, llvm::cl::value_desc("level"));

static llvm::cl::opt<std::string> inputFormat(
    "input",
    llvm::cl::desc("Input format: 'mlir', 'qasm' (OpenQASM 2.0), or 'auto' "
                   "to choose by the file extension"),
    llvm::cl::init("auto"));

/// Imports the OpenQASM program in `buffer` and returns it as MLIR text with
/// its locations. Diagnostics go to stderr, or to the verifier under
/// -verify-diagnostics; `imported` is false when the import failed.
static FailureOr<std::unique_ptr<llvm::MemoryBuffer>>
importQasm(std::unique_ptr<llvm::MemoryBuffer> buffer,
           DialectRegistry &registry, const MlirOptMainConfig &config,
           bool &imported) {
  MLIRContext context(registry);
  llvm::SourceMgr sourceMgr;
  std::string name = buffer->getBufferIdentifier().str();
  sourceMgr.AddNewSourceBuffer(std::move(buffer), llvm::SMLoc());
  std::string text;
  if (config.shouldVerifyDiagnostics()) {
    SourceMgrDiagnosticVerifierHandler handler(sourceMgr, &context);
    OwningOpRef<ModuleOp> module = qopt::importOpenQasm2(sourceMgr, &context);
    imported = bool(module);
    if (module) {
      llvm::raw_string_ostream os(text);
      module->print(os, OpPrintingFlags().enableDebugInfo());
    }
    if (failed(handler.verify()))
      return failure();
  } else {
    SourceMgrDiagnosticHandler handler(sourceMgr, &context);
    OwningOpRef<ModuleOp> module = qopt::importOpenQasm2(sourceMgr, &context);
    imported = bool(module);
    if (!module)
      return failure();
    llvm::raw_string_ostream os(text);
    module->print(os, OpPrintingFlags().enableDebugInfo());
  }
  // A name of its own: diagnostics located in the .qasm file must quote the
  // OpenQASM source, not this text.
  return llvm::MemoryBuffer::getMemBufferCopy(text, name + ".imported.mlir");
}

int main(int argc, char **argv) {
  llvm::InitLLVM init(argc, argv);
  llvm::cl::AddExtraVersionPrinter([](llvm::raw_ostream &os) {
    os << "qopt version " << QOPT_VERSION_STRING << "\n";
  });
  qopt::registerAllPasses();
  DialectRegistry registry;
  qopt::registerAllDialects(registry);

  // --target=X becomes the first pass of the pipeline, --attach-target.
  std::vector<std::string> rewritten, optLevels;
  std::vector<char *> args = {argv[0]};
  for (int i = 1; i < argc; ++i) {
    llvm::StringRef arg = argv[i];
    if (arg == "--list-targets" || arg == "-list-targets") {
      for (const std::string &name : qopt::target::listShippedTargets())
        llvm::outs() << name
                     << (name == qopt::target::kDefaultTargetName ? " (default)"
                                                                  : "")
                     << "\n";
      return 0;
    }
    // -O0 ... -O3 name the registered qopt-O<n> pipelines.
    if (arg.size() == 3 && arg.starts_with("-O") && arg[2] >= '0' &&
        arg[2] <= '3') {
      optLevels.push_back(("--qopt-O" + arg.drop_front(2)).str());
      continue;
    }
    if (arg.consume_front("--target=") || arg.consume_front("-target=")) {
      rewritten.push_back(("--attach-target=target=" + arg).str());
      continue;
    }
    if ((arg == "--target" || arg == "-target") && i + 1 < argc) {
      rewritten.push_back(
          ("--attach-target=target=" + llvm::StringRef(argv[++i])).str());
      continue;
    }
    args.push_back(argv[i]);
  }
  // --target's attach-target runs first; -O<n> after every other pass on
  // the command line, so `--to-target-basis -O2` optimizes native gates.
  for (std::string &pass : rewritten)
    args.insert(args.begin() + 1, pass.data());
  // With a target, -O<n> (n >= 1) also maps the circuit: gates into the
  // device's basis, layout, routing and post-layout, the SWAPs into the
  // basis again, then the optimization pipeline.
  static std::string mappingPasses[] = {"--to-target-basis", "--layout",
                                        "--route", "--post-layout",
                                        "--to-target-basis"};
  bool mapping = !rewritten.empty() &&
                 llvm::any_of(optLevels, [](const std::string &level) {
                   return level != "--qopt-O0";
                 });
  if (mapping)
    for (std::string &pass : mappingPasses)
      args.push_back(pass.data());
  for (std::string &level : optLevels)
    args.push_back(level.data());
  int newArgc = args.size();
  char **newArgv = args.data();

  auto [inputFilename, outputFilename] = registerAndParseCLIOptions(
      newArgc, newArgv, "qopt: a noise-aware quantum circuit compiler\n",
      registry);
  MlirOptMainConfig config = MlirOptMainConfig::createFromCLOptions();
  // Valid levels and targets were rewritten above; anything left is not.
  if (optLevelOption.getNumOccurrences()) {
    llvm::errs() << "error: unknown optimization level -O" << optLevelOption
                 << "; qopt has -O0 to -O3\n";
    return 1;
  }
  if (targetOption.getNumOccurrences()) {
    llvm::errs() << "error: --target needs a value: --target=<name|directory"
                    "|file>\n";
    return 1;
  }

  if (inputFormat != "auto" && inputFormat != "mlir" && inputFormat != "qasm") {
    llvm::errs() << "error: unknown --input format '" << inputFormat
                 << "'; expected mlir, qasm or auto\n";
    return 1;
  }
  bool isQasm = inputFormat == "qasm" ||
                (inputFormat == "auto" &&
                 llvm::StringRef(inputFilename).ends_with(".qasm"));

  std::string errorMessage;
  std::unique_ptr<llvm::MemoryBuffer> file =
      openInputFile(inputFilename, &errorMessage);
  if (!file) {
    llvm::errs() << errorMessage << "\n";
    return 1;
  }
  std::unique_ptr<llvm::ToolOutputFile> output =
      openOutputFile(outputFilename, &errorMessage);
  if (!output) {
    llvm::errs() << errorMessage << "\n";
    return 1;
  }

  if (isQasm) {
    bool imported = false;
    auto mlirText = importQasm(std::move(file), registry, config, imported);
    if (failed(mlirText))
      return 1;
    // Under -verify-diagnostics an expected import error is a pass.
    if (!imported)
      return 0;
    file = std::move(*mlirText);
  }
  if (failed(MlirOptMain(output->os(), std::move(file), registry, config)))
    return 1;
  output->keep();
  return 0;
}
