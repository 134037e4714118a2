//===- qopt.cpp - the qopt compiler driver --------------------------------===//
//
// An mlir-opt style driver over qopt's dialects and passes that also reads
// OpenQASM 2.0: a `.qasm` input (or --input=qasm) is imported first, keeping
// its file:line:col locations, and then runs through the pass pipeline like
// any MLIR input. --emit writes the resulting pulse schedules as pulse JSON,
// OpenQASM 3 with OpenPulse or an SVG picture instead of MLIR. The output
// file is written only once complete (through a temporary next to it), so a
// failed run leaves none. `qopt compile ...` is the whole job in one command
// (CompileCommand.cpp).
//
//===----------------------------------------------------------------------===//

#include "CompileCommand.h"
#include "QOptVersion.h"
#include "qopt/Driver/OutputFile.h"
#include "qopt/InitQOpt.h"
#include "qopt/Target/TargetLoader.h"
#include "qopt/Translation/MlirInputLimits.h"
#include "qopt/Translation/OpenQasm.h"
#include "qopt/Translation/PulseExport.h"

#include "mlir/IR/AsmState.h"
#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/Diagnostics.h"
#include "mlir/IR/DialectRegistry.h"
#include "mlir/IR/MLIRContext.h"
#include "mlir/Parser/Parser.h"
#include "mlir/Pass/PassManager.h"
#include "mlir/Support/FileUtilities.h"
#include "mlir/Tools/ParseUtilities.h"
#include "mlir/Tools/mlir-opt/MlirOptMain.h"
#include "llvm/ADT/StringSwitch.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/InitLLVM.h"
#include "llvm/Support/SourceMgr.h"
#include "llvm/Support/raw_ostream.h"

#include <limits>
#include <optional>

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
                   "runs where it stands among the passes, and "
                   "with --target first maps the circuit (to-target-basis, "
                   "layout, route, post-layout, to-target-basis)"),
    llvm::cl::Prefix, llvm::cl::value_desc("level"));

static llvm::cl::opt<std::string> inputFormat(
    "input",
    llvm::cl::desc("Input format: 'mlir', 'qasm' (OpenQASM 2.0), or 'auto' "
                   "to choose by the file extension"),
    llvm::cl::init("auto"));

static llvm::cl::opt<std::string> emitFormat(
    "emit",
    llvm::cl::desc("Output format: 'mlir'; or, for scheduled pulse programs "
                   "(--lower-to-pulse --schedule-pulses), 'pulse-json' "
                   "(qopt-pulse-v1), 'openpulse' (OpenQASM 3 with OpenPulse) "
                   "or 'svg' (a picture of the schedule)"),
    llvm::cl::init("mlir"));

using ExportFunction = LogicalResult (*)(ModuleOp, llvm::raw_ostream &);

/// Runs the pass pipeline on `buffer` like MlirOptMain, then writes the
/// module with `exporter` into `output`. Diagnostics, from the passes and
/// the export alike, keep the input's locations; under -verify-diagnostics
/// they are checked instead, and `produced` tells whether there is output.
static LogicalResult runAndExport(std::unique_ptr<llvm::MemoryBuffer> buffer,
                                  DialectRegistry &registry,
                                  const MlirOptMainConfig &config,
                                  ExportFunction exporter, std::string &output,
                                  bool &produced) {
  MLIRContext context(registry);
  context.allowUnregisteredDialects(config.shouldAllowUnregisteredDialects());
  context.printOpOnDiagnostic(!config.shouldVerifyDiagnostics());
  auto sourceMgr = std::make_shared<llvm::SourceMgr>();
  sourceMgr->AddNewSourceBuffer(std::move(buffer), llvm::SMLoc());
  auto run = [&]() -> LogicalResult {
    ParserConfig parserConfig(&context, config.shouldVerifyPasses());
    OwningOpRef<Operation *> op = parseSourceFileForTool(
        sourceMgr, parserConfig, !config.shouldUseExplicitModule());
    if (!op)
      return failure();
    PassManager pm(op.get()->getName(), PassManager::Nesting::Implicit);
    pm.enableVerifier(config.shouldVerifyPasses());
    if (failed(applyPassManagerCLOptions(pm)) ||
        failed(config.setupPassPipeline(pm)) || failed(pm.run(*op)))
      return failure();
    auto module = dyn_cast<ModuleOp>(*op);
    if (!module)
      return op.get()->emitError("expected a builtin.module to export");
    // An export error names its op; the op's text would bury the message.
    context.printOpOnDiagnostic(false);
    llvm::raw_string_ostream os(output);
    return exporter(module, os);
  };
  if (config.shouldVerifyDiagnostics()) {
    SourceMgrDiagnosticVerifierHandler handler(*sourceMgr, &context);
    produced = succeeded(run());
    return handler.verify();
  }
  SourceMgrDiagnosticHandler handler(*sourceMgr, &context);
  produced = succeeded(run());
  return success(produced);
}

/// Refuses MLIR that MLIR's own parser cannot survive (MlirInputLimits.h),
/// with a located error; returns the exit code when the run ends here.
static std::optional<int> checkInputLimits(const llvm::MemoryBuffer &file,
                                           const MlirOptMainConfig &config) {
  if (!qopt::exceedsMlirInputLimits(file.getBuffer()))
    return std::nullopt;
  MLIRContext context;
  llvm::SourceMgr sourceMgr;
  sourceMgr.AddNewSourceBuffer(
      llvm::MemoryBuffer::getMemBuffer(file.getMemBufferRef(),
                                       /*RequiresNullTerminator=*/false),
      llvm::SMLoc());
  if (config.shouldVerifyDiagnostics()) {
    SourceMgrDiagnosticVerifierHandler handler(sourceMgr, &context);
    (void)qopt::checkMlirInputLimits(sourceMgr, sourceMgr.getMainFileID(),
                                     &context);
    return failed(handler.verify()) ? 1 : 0;
  }
  SourceMgrDiagnosticHandler handler(sourceMgr, &context);
  (void)qopt::checkMlirInputLimits(sourceMgr, sourceMgr.getMainFileID(),
                                   &context);
  return 1;
}

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
  if (argc > 1 && llvm::StringRef(argv[1]) == "compile")
    return qopt::runCompileCommand(argc, argv);
  qopt::registerAllPasses();
  DialectRegistry registry;
  qopt::registerAllDialects(registry);

  // --target=X becomes the first pass of the pipeline, --attach-target.
  std::vector<std::string> rewritten, optLevels, reports;
  // Where among the arguments the -O<n> pipeline goes: where the first -O
  // stands (the end without one).
  size_t optPosition = std::numeric_limits<size_t>::max();
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
      if (optLevels.empty())
        optPosition = args.size();
      optLevels.push_back(("--qopt-O" + arg.drop_front(2)).str());
      continue;
    }
    if (arg.consume_front("--target=") || arg.consume_front("-target=")) {
      rewritten.push_back(("--attach-target=target=" + arg).str());
      continue;
    }
    // --fidelity-report[=auto|esp|simulate|learned|all] reports on the compiled
    // circuit, so it runs right after -O<n>; a bare estimator name is its
    // option.
    if (llvm::StringRef report = arg;
        report.consume_front("--fidelity-report")) {
      if (report.empty() ||
          (report.consume_front("=") && !report.contains('=')))
        reports.push_back(
            report.empty() ? "--fidelity-report"
                           : ("--fidelity-report=estimator=" + report).str());
      else
        reports.push_back(arg.str());
      continue;
    }
    if ((arg == "--target" || arg == "-target") && i + 1 < argc) {
      rewritten.push_back(
          ("--attach-target=target=" + llvm::StringRef(argv[++i])).str());
      continue;
    }
    args.push_back(argv[i]);
  }
  // --target's attach-target runs first; -O<n> where it stands among the
  // passes, so `--to-target-basis -O2` optimizes native gates and
  // `-O3 --lower-to-pulse` lowers the optimized circuit.
  for (std::string &pass : rewritten)
    args.insert(args.begin() + 1, pass.data());
  optPosition =
      optLevels.empty() ? args.size() : optPosition + rewritten.size();
  // With a target, -O<n> (n >= 1) also maps the circuit: gates into the
  // device's basis, layout, routing and post-layout, the SWAPs into the
  // basis again, then the optimization pipeline; the fidelity report comes
  // right after.
  static std::string mappingPasses[] = {"--to-target-basis", "--layout",
                                        "--route", "--post-layout",
                                        "--to-target-basis"};
  bool mapping = !rewritten.empty() &&
                 llvm::any_of(optLevels, [](const std::string &level) {
                   return level != "--qopt-O0";
                 });
  std::vector<char *> optimization;
  if (mapping)
    for (std::string &pass : mappingPasses)
      optimization.push_back(pass.data());
  for (std::string &level : optLevels)
    optimization.push_back(level.data());
  for (std::string &report : reports)
    optimization.push_back(report.data());
  args.insert(args.begin() + optPosition, optimization.begin(),
              optimization.end());
  int newArgc = args.size();
  char **newArgv = args.data();

  auto [inputFilename, outputFilename] = registerAndParseCLIOptions(
      newArgc, newArgv, "qopt: a noise-aware quantum circuit compiler\n",
      registry);
  MlirOptMainConfig config = MlirOptMainConfig::createFromCLOptions();
  // A pass option that does not parse (--route=seed=-1) is explained by
  // llvm::cl on stderr; MLIR then reports an empty error at an unknown
  // location, which only adds noise.
  config.setPassPipelineSetupFn(
      [base = config](PassManager &pm) -> LogicalResult {
        ScopedDiagnosticHandler dropEmpty(
            pm.getContext(), [](Diagnostic &diag) {
              return success(diag.getSeverity() == DiagnosticSeverity::Error &&
                             diag.str().empty() &&
                             isa<UnknownLoc>(diag.getLocation()));
            });
        return base.setupPassPipeline(pm);
      });
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

  ExportFunction exporter = llvm::StringSwitch<ExportFunction>(emitFormat)
                                .Case("pulse-json", qopt::exportPulseJson)
                                .Case("openpulse", qopt::exportOpenPulse)
                                .Case("svg", qopt::exportPulseSvg)
                                .Default(nullptr);
  if (!exporter && emitFormat != "mlir") {
    llvm::errs() << "error: unknown --emit format '" << emitFormat
                 << "'; expected mlir, pulse-json, openpulse or svg\n";
    return 1;
  }
  if (exporter && !config.inputSplitMarker().empty()) {
    llvm::errs() << "error: --emit=" << emitFormat
                 << " writes one module and cannot be combined with "
                    "-split-input-file\n";
    return 1;
  }
  if (exporter && config.shouldEmitBytecode()) {
    llvm::errs() << "error: --emit-bytecode needs --emit=mlir\n";
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

  if (isQasm) {
    bool imported = false;
    auto mlirText = importQasm(std::move(file), registry, config, imported);
    if (failed(mlirText))
      return 1;
    // Under -verify-diagnostics an expected import error is a pass.
    if (!imported)
      return 0;
    file = std::move(*mlirText);
  } else if (std::optional<int> exitCode = checkInputLimits(*file, config)) {
    return *exitCode;
  }
  std::string output;
  if (exporter) {
    bool produced = false;
    if (failed(runAndExport(std::move(file), registry, config, exporter, output,
                            produced)))
      return 1;
    if (!produced)
      return 0;
  } else {
    llvm::raw_string_ostream os(output);
    if (failed(MlirOptMain(os, std::move(file), registry, config))) {
      // What MlirOptMain printed, such as the chunks of -split-input-file
      // that succeeded, still goes to standard output; a file is not written.
      if (outputFilename == "-")
        llvm::outs() << output;
      return 1;
    }
  }
  std::string error;
  if (failed(qopt::driver::writeOutputFile(outputFilename, output, error))) {
    llvm::errs() << "error: " << error << "\n";
    return 1;
  }
  return 0;
}
