//===- MappingBench.cpp - layout and routing against baselines ------------===//
//
//   qopt-bench-mapping [--reps=N] [--device=NAME[,NAME...]]
//                      [--circuit=NAME[,NAME...]] [--all-on-wide]
//                      [--equiv-max-qubits=N] [--circuits=DIR]
//
// Maps QASMBench circuits onto IBM devices (montreal, washington, sherbrooke
// and belem by default) with three strategies. Every pipeline starts with
// attach-target, canonicalize, to-target-basis (the device basis on virtual
// qubits) and ends with to-target-basis (SWAPs into the device's gates and
// coupling directions); in between:
//
//   trivial   layout{strategy=trivial}, route{method=shortest-path}
//   sabre     layout{strategy=sabre}, route{noise-aware=false}
//   qopt      layout, route, post-layout (noise-adaptive, noise-aware)
//
// For each it reports the two-qubit gates after mapping, those the mapping
// added, the depth, the estimated success probability (ESP) and the time of
// the mapping passes alone; qopt's result is checked against the original
// circuit when it uses few enough device qubits. On montreal our figures are
// printed next to published figures of the best peer tool, which are
// hard-coded below and not measured here.
//
// Gates are ops implementing qgate::GateOpInterface; two-qubit gates those
// with getNumQubits() == 2. Depth is the longest chain of gates and
// measurements over device qubits (barriers and resets not counted). ESP is
// the product over gates of (1 - calibrated error of that gate on those
// device qubits), gates without a calibration (rz) and id counting as exact,
// times the product over measurements of (1 - readout error).
//
// A mapping that a pass rejects with an error is marked `fail` and listed
// under its device's table. The exit status is 1 if qopt's mapping is not
// equivalent to the original (or cannot be checked), or if a mapped circuit
// has a gate off the device or a two-qubit gate on no calibrated coupler.
//
//===----------------------------------------------------------------------===//

#include "BenchSupport.h"
#include "CircuitSupport.h"

#include "qopt/Dialect/QGate/QGate.h"
#include "qopt/InitQOpt.h"
#include "qopt/Simulation/Equivalence.h"
#include "qopt/Target/Target.h"
#include "qopt/Target/TargetLoader.h"
#include "qopt/Transforms/Passes.h"
#include "qopt/Translation/OpenQasm.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/Diagnostics.h"
#include "mlir/IR/DialectRegistry.h"
#include "mlir/IR/MLIRContext.h"
#include "mlir/Pass/PassManager.h"
#include "mlir/Pass/PassRegistry.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Format.h"
#include "llvm/Support/InitLLVM.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/SourceMgr.h"

#include <algorithm>
#include <cmath>
#include <iterator>
#include <memory>
#include <string>
#include <tuple>
#include <vector>

using namespace mlir;
using namespace qopt::bench;
namespace cl = llvm::cl;

static cl::OptionCategory category("qopt-bench-mapping options");
static cl::opt<unsigned> reps("reps",
                              cl::desc("Timed mappings per circuit and "
                                       "strategy"),
                              cl::init(3), cl::cat(category));
static cl::list<std::string>
    deviceNames("device",
                cl::desc("Shipped targets to map onto (default: montreal, "
                         "washington, sherbrooke, belem)"),
                cl::CommaSeparated, cl::cat(category));
static cl::list<std::string>
    circuitNames("circuit",
                 cl::desc("Only these QASMBench circuits (default: all)"),
                 cl::CommaSeparated, cl::cat(category));
static cl::opt<bool> allOnWide(
    "all-on-wide",
    cl::desc("Map every circuit onto devices wider than 27 qubits (default, "
             "unless --circuit is given: only circuits wider than 27 qubits "
             "and a few small ones)"),
    cl::init(false), cl::cat(category));
static cl::opt<unsigned> equivMaxQubits(
    "equiv-max-qubits",
    cl::desc("Check qopt's mapping against the original when the mapped "
             "circuit uses at most this many device qubits"),
    cl::init(12), cl::cat(category));
static cl::opt<std::string>
    circuitsDir("circuits",
                cl::desc("QASMBench directory (small/, medium/, large/)"),
                cl::init(QOPT_BENCH_CIRCUITS_DIR), cl::cat(category));

namespace {

/// Width of montreal; on wider devices the default run maps the circuits
/// wider than this and the ones in kSmallOnWide.
constexpr unsigned kNarrowQubits = 27;
const char *const kSmallOnWide[] = {"adder_n10", "bv_n14", "ising_n10",
                                    "qaoa_n6", "qft_n18"};

struct Strategy {
  const char *name;
  const char *passes;
};
const Strategy kStrategies[] = {
    {"trivial", "layout{strategy=trivial},route{method=shortest-path}"},
    {"sabre", "layout{strategy=sabre},route{noise-aware=false}"},
    {"qopt", "layout,route,post-layout"},
};
constexpr unsigned kNumStrategies = std::size(kStrategies);
constexpr unsigned kQopt = kNumStrategies - 1;

/// PUBLISHED PEER FIGURES, NOT MEASURED HERE: for six QASMBench circuits on
/// IBM montreal, the input CX count and, of the best peer mapper on that
/// circuit, the total CX after mapping and the ESP, copied as reference
/// values. This benchmark does not run any peer tool; it prints these next
/// to its own measured figures.
struct PeerFigure {
  const char *circuit;
  unsigned inputCX, totalCX;
  const char *esp;
};
const PeerFigure kPeerFigures[] = {
    // circuit, input CX, best peer total CX, best peer ESP
    {"adder_n10", 65, 118, "0.28"}, {"bv_n14", 13, 31, "0.50"},
    {"ising_n10", 90, 117, "0.28"}, {"multiplier_n15", 246, 548, "0.0054"},
    {"qaoa_n6", 54, 102, "0.41"},   {"qft_n18", 306, 780, "0.00039"},
};

struct Source {
  std::string name, path, text;
  unsigned qubits = 0;
};

struct Result {
  bool failed = false;
  std::string error;
  unsigned twoQubit = 0, depth = 0, deviceQubits = 0;
  /// Two-qubit gates after qopt's -O1 clean-up (commute-cancel,
  /// canonicalize) of the mapped circuit, which cancels a CX against the
  /// first CX of a SWAP routed right after it.
  unsigned twoQubitCleaned = 0;
  /// Gates the device cannot run: two-qubit gates without a calibration on
  /// their device qubits (off a coupler or against its direction) and gates
  /// reported broken there. Should be 0.
  unsigned unusable = 0;
  /// ln(ESP), so that long circuits on large devices cannot underflow.
  double logESP = 0;
  double ms = 0;
};

/// The qopt strategy's passes, timed one by one.
const char *const kQoptStages[] = {"layout", "route", "post-layout"};
constexpr unsigned kNumQoptStages = std::size(kQoptStages);

struct Row {
  std::string circuit;
  /// inputGates: gates as imported, before any basis translation.
  unsigned qubits = 0, inputGates = 0, inputTwoQubit = 0;
  /// Median ms of each of kQoptStages.
  double qoptStageMs[kNumQoptStages] = {};
  Result results[kNumStrategies];
  /// "yes", "no", "error" or "-" (not checked).
  std::string equiv = "-";
};

/// Collects the first error of whatever runs in its scope and prints
/// warnings if asked; remarks, such as the router's, are dropped.
class QuietDiagnostics {
public:
  QuietDiagnostics(MLIRContext *context, std::string &error,
                   bool printWarnings = true)
      : handler(context, [&error, printWarnings](Diagnostic &diag) {
          if (diag.getSeverity() == DiagnosticSeverity::Error && error.empty())
            error = diag.str();
          if (diag.getSeverity() == DiagnosticSeverity::Warning &&
              printWarnings)
            llvm::errs() << "warning: " << diag.str() << "\n";
          return success();
        }) {}

private:
  ScopedDiagnosticHandler handler;
};

/// Imports `source`; warnings are printed only if `printWarnings`, so that
/// each circuit's appear once.
OwningOpRef<ModuleOp> importText(const Source &source, MLIRContext &context,
                                 std::string &error,
                                 bool printWarnings = false) {
  QuietDiagnostics quiet(&context, error, printWarnings);
  llvm::SourceMgr sourceMgr;
  sourceMgr.AddNewSourceBuffer(
      llvm::MemoryBuffer::getMemBufferCopy(source.text, source.path),
      llvm::SMLoc());
  OwningOpRef<ModuleOp> module = qopt::importOpenQasm2(sourceMgr, &context);
  if (!module && error.empty())
    error = "import failed";
  return module;
}

/// Runs `pipeline` (a comma-separated list of module passes) on `module`.
LogicalResult runPipeline(ModuleOp module, llvm::StringRef pipeline,
                          std::string &error) {
  QuietDiagnostics quiet(module.getContext(), error);
  PassManager pm(module.getContext());
  // `pm` is anchored on the module: the pipeline lists its passes alone.
  if (failed(parsePassPipeline(pipeline, pm, llvm::errs()))) {
    error = ("cannot parse pipeline " + pipeline).str();
    return failure();
  }
  if (succeeded(pm.run(module)))
    return success();
  if (error.empty())
    error = "pass pipeline failed";
  return failure();
}

/// Measures a mapped module on `device`: two-qubit gates, depth, ESP and
/// the device qubits it uses. Fails if a gate is not on device qubits.
LogicalResult measure(ModuleOp module, const qopt::target::Target &device,
                      Result &result) {
  using namespace qopt::qgate;
  // Device qubit of every wire, filled in program order; traceDeviceQubit
  // (linear in the wire's length) only for wires such as scf.if results.
  llvm::DenseMap<Value, unsigned> qubitOf;
  std::vector<unsigned> depth(device.numQubits, 0);
  unsigned deviceQubits = 0;
  bool offDevice = false;
  module.walk([&](Operation *op) {
    if (auto physical = dyn_cast<PhysicalOp>(op)) {
      ++deviceQubits;
      qubitOf[physical.getResult()] = physical.getIndexAttr().getInt();
      return;
    }
    auto qubitOp = dyn_cast<QubitOpInterface>(op);
    if (!qubitOp)
      return;
    SmallVector<unsigned, 3> qubits;
    for (Value input : qubitOp.getQubitInputs()) {
      auto it = qubitOf.find(input);
      std::optional<int64_t> q;
      if (it != qubitOf.end())
        q = it->second;
      else
        q = traceDeviceQubit(input);
      if (!q || *q < 0 || *q >= int64_t(device.numQubits)) {
        offDevice = true;
        return;
      }
      qubits.push_back(*q);
      if (Value output = qubitOp.getOutputForInput(input))
        qubitOf[output] = *q;
    }
    auto gate = dyn_cast<GateOpInterface>(op);
    auto measurement = dyn_cast<MeasureOp>(op);
    if (!gate && !measurement)
      return; // barrier, reset
    unsigned layer = 0;
    for (unsigned q : qubits)
      layer = std::max(layer, depth[q] + 1);
    for (unsigned q : qubits)
      depth[q] = layer;
    if (measurement) {
      if (qubits[0] < device.qubits.size())
        if (std::optional<double> e = device.qubits[qubits[0]].readoutError)
          result.logESP += std::log1p(-*e);
      return;
    }
    bool twoQubit = gate.getNumQubits() == 2;
    result.twoQubit += twoQubit;
    if (isa<IdOp>(op))
      return;
    const qopt::target::GateProperties *props =
        device.findGate(op->getName().stripDialect(), qubits);
    if (!props) {
      result.unusable += twoQubit;
      return;
    }
    if (props->broken || (props->error && *props->error >= 1)) {
      ++result.unusable; // left out of the ESP, which it would make 0
      return;
    }
    if (props->error)
      result.logESP += std::log1p(-*props->error);
  });
  if (offDevice) {
    result.error = "a gate is not on device qubits";
    return failure();
  }
  result.depth = depth.empty() ? 0 : *llvm::max_element(depth);
  result.deviceQubits = deviceQubits;
  return success();
}

/// ESP with three significant digits, down to any exponent.
std::string formatESP(double logESP) {
  std::string text;
  llvm::raw_string_ostream os(text);
  double log10ESP = logESP / std::log(10.0);
  if (log10ESP >= -4) {
    os << llvm::format("%.3g", std::exp(logESP));
    return text;
  }
  double exponent = std::floor(log10ESP);
  double mantissa = std::pow(10.0, log10ESP - exponent);
  if (mantissa >= 9.995) { // rounds up to 10.0
    mantissa /= 10;
    exponent += 1;
  }
  os << llvm::format("%.2fe%d", mantissa, int(exponent));
  return text;
}

std::string formatMs(double ms) {
  std::string text;
  llvm::raw_string_ostream(text) << llvm::format(ms < 10 ? "%.2f" : "%.1f", ms);
  return text;
}

/// Maps one circuit onto `deviceName` with every strategy.
Row mapCircuit(const Source &source, const std::string &deviceName,
               const qopt::target::Target &device,
               const DialectRegistry &registry, int &exitCode) {
  Row row;
  row.circuit = source.name;
  row.qubits = source.qubits;
  auto context = freshContext(registry);
  std::string error;
  OwningOpRef<ModuleOp> prepared = importText(source, *context, error);
  if (prepared)
    row.inputGates = countGates(*prepared).total;
  if (!prepared || failed(runPipeline(*prepared,
                                      "attach-target{target=" + deviceName +
                                          "},canonicalize,to-target-basis",
                                      error))) {
    for (Result &result : row.results) {
      result.failed = true;
      result.error = "preparation failed: " + error;
    }
    llvm::errs() << deviceName << " " << source.name << ": " << error << "\n";
    exitCode = 1;
    return row;
  }
  row.inputTwoQubit = countGates(*prepared).twoQubit;

  for (unsigned s = 0; s < kNumStrategies; ++s) {
    Result &result = row.results[s];
    std::vector<double> samples;
    OwningOpRef<ModuleOp> mapped;
    // No warm-up run: preparing the module loaded the target into the
    // process-wide cache that the mapping passes read it from.
    std::vector<double> stageSamples[kNumQoptStages];
    for (unsigned rep = 0; rep < reps; ++rep) {
      OwningOpRef<ModuleOp> module = prepared->clone();
      LogicalResult status = success();
      double ms = 0;
      if (s == kQopt) {
        // The same passes, timed one by one.
        for (unsigned stage = 0; stage < kNumQoptStages && succeeded(status);
             ++stage) {
          Clock::time_point start = Clock::now();
          status = runPipeline(*module, kQoptStages[stage], result.error);
          stageSamples[stage].push_back(millisecondsSince(start));
          ms += stageSamples[stage].back();
        }
      } else {
        Clock::time_point start = Clock::now();
        status = runPipeline(*module, kStrategies[s].passes, result.error);
        ms = millisecondsSince(start);
      }
      if (failed(status)) {
        result.failed = true;
        break;
      }
      samples.push_back(ms);
      mapped = std::move(module);
    }
    if (s == kQopt && !result.failed)
      for (unsigned stage = 0; stage < kNumQoptStages; ++stage)
        row.qoptStageMs[stage] = summarize(stageSamples[stage]).median;
    if (!result.failed &&
        failed(runPipeline(*mapped, "to-target-basis", result.error)))
      result.failed = true;
    // A pass that reports an error is listed with the tables; a mapped
    // circuit that is not on the device is a wrong result.
    if (!result.failed && failed(measure(*mapped, device, result))) {
      result.failed = true;
      exitCode = 1;
    }
    if (result.failed) {
      llvm::errs() << deviceName << " " << source.name << " "
                   << kStrategies[s].name << ": FAILED: " << result.error
                   << "\n";
      continue;
    }
    result.ms = summarize(samples).median;
    if (result.unusable) {
      llvm::errs() << deviceName << " " << source.name << " "
                   << kStrategies[s].name << ": " << result.unusable
                   << " gates the device cannot run (two-qubit gates off a "
                      "calibrated coupler, or broken gates)\n";
      exitCode = 1;
    }

    OwningOpRef<ModuleOp> cleaned = mapped->clone();
    Result cleanedCounts;
    if (failed(runPipeline(*cleaned,
                           "canonicalize,commute-cancel,canonicalize",
                           result.error)) ||
        failed(measure(*cleaned, device, cleanedCounts))) {
      llvm::errs() << deviceName << " " << source.name << " "
                   << kStrategies[s].name
                   << ": -O1 clean-up FAILED: " << result.error << "\n";
      exitCode = 1;
    }
    result.twoQubitCleaned = cleanedCounts.twoQubit;

    if (s != kQopt || result.deviceQubits > equivMaxQubits)
      continue;
    std::string checkError;
    OwningOpRef<ModuleOp> original = importText(source, *context, checkError);
    FailureOr<qopt::EquivalenceResult> verdict = failure();
    {
      QuietDiagnostics quiet(context.get(), checkError);
      qopt::EquivalenceOptions options;
      options.upToLayout = true;
      options.ignoreFinalPhases = true;
      if (original) {
        verdict = qopt::checkEquivalence(circuitOf(*original),
                                         circuitOf(*mapped), options);
        // The clean-up's cancellations across SWAPs, too.
        if (succeeded(verdict) && verdict->equivalent)
          verdict = qopt::checkEquivalence(circuitOf(*original),
                                           circuitOf(*cleaned), options);
      }
    }
    if (failed(verdict)) {
      row.equiv = "error";
      llvm::errs() << deviceName << " " << source.name
                   << ": cannot check equivalence: " << checkError << "\n";
      exitCode = 1;
    } else if (!verdict->equivalent) {
      row.equiv = "no";
      llvm::errs() << deviceName << " " << source.name
                   << ": qopt's mapping is NOT EQUIVALENT (" << verdict->method
                   << ", distance " << verdict->distance
                   << (verdict->reason.empty() ? "" : ", ") << verdict->reason
                   << ")\n";
      exitCode = 1;
    } else {
      row.equiv = "yes";
    }
  }
  return row;
}

/// "a / b / c" over the strategies; "fail" where one failed.
template <typename Fn> std::string perStrategy(const Row &row, Fn field) {
  std::string text;
  for (unsigned s = 0; s < kNumStrategies; ++s) {
    if (s)
      text += " / ";
    text += row.results[s].failed ? "fail" : field(row.results[s]);
  }
  return text;
}

void printDevice(llvm::raw_ostream &os, const std::string &deviceName,
                 const qopt::target::Target &device, llvm::ArrayRef<Row> rows,
                 bool restricted) {
  os << "## " << deviceName << " (" << device.numQubits << " qubits, "
     << (device.isDirected() ? "directed " : "") << device.twoQubitGate()
     << ", calibration " << device.calibrationDate << ")\n\n";
  if (restricted)
    os << "Circuits wider than " << kNarrowQubits
       << " qubits and a few small ones (--all-on-wide for all).\n\n";
  os << "Each cell: trivial / sabre / qopt.\n\n"
     << "| circuit | qubits | 2q before | 2q after | 2q after -O1 | added 2q "
        "| depth | ESP | mapping ms | equiv |\n"
     << "|---|--:|--:|--:|--:|--:|--:|--:|--:|:-:|\n";
  for (const Row &row : rows) {
    os << "| " << row.circuit << " | " << row.qubits << " | "
       << row.inputTwoQubit << " | "
       << perStrategy(
              row, [](const Result &r) { return std::to_string(r.twoQubit); })
       << " | "
       << perStrategy(row,
                      [](const Result &r) {
                        return std::to_string(r.twoQubitCleaned);
                      })
       << " | "
       << perStrategy(row,
                      [&](const Result &r) {
                        return std::to_string(int(r.twoQubit) -
                                              int(row.inputTwoQubit));
                      })
       << " | "
       << perStrategy(row,
                      [](const Result &r) { return std::to_string(r.depth); })
       << " | "
       << perStrategy(row, [](const Result &r) { return formatESP(r.logESP); })
       << " | "
       << perStrategy(row, [](const Result &r) { return formatMs(r.ms); })
       << " | "
       << (row.equiv == "yes" || row.equiv == "-" ? row.equiv
                                                  : "**" + row.equiv + "**")
       << " |\n";
  }

  bool anyFailed = false;
  for (const Row &row : rows)
    for (unsigned s = 0; s < kNumStrategies; ++s) {
      const Result &result = row.results[s];
      if (!result.failed)
        continue;
      if (!anyFailed)
        os << "\nFailed mappings (the cells marked fail):\n";
      anyFailed = true;
      std::string error = result.error;
      std::replace(error.begin(), error.end(), '\n', ' ');
      os << "- " << row.circuit << ", " << kStrategies[s].name << ": " << error
         << "\n";
    }
  for (const Row &row : rows)
    for (unsigned s = 0; s < kNumStrategies; ++s)
      if (!row.results[s].failed && row.results[s].unusable) {
        os << "- **" << row.circuit << ", " << kStrategies[s].name << ": "
           << row.results[s].unusable << " gates the device cannot run**\n";
      }

  os << "\nSummary on " << deviceName
     << ": geometric means of qopt's figure over the baseline's; added 2q "
        "compared as (added + 1), so that circuits where neither adds "
        "gates count as parity. Counts are circuits where qopt is at least as "
        "good.\n\n"
     << "| qopt vs | circuits | (added+1) ratio | added <= | ESP ratio | "
        "ESP >= | depth ratio | depth <= | ms ratio |\n"
     << "|---|--:|--:|--:|--:|--:|--:|--:|--:|\n";
  for (unsigned base = 0; base < kQopt; ++base) {
    std::vector<double> added, esp, depth, ms;
    unsigned addedWins = 0, espWins = 0, depthWins = 0;
    for (const Row &row : rows) {
      const Result &ours = row.results[kQopt], &theirs = row.results[base];
      if (ours.failed || theirs.failed)
        continue;
      double oursAdded = int(ours.twoQubit) - int(row.inputTwoQubit) + 1.0;
      double theirsAdded = int(theirs.twoQubit) - int(row.inputTwoQubit) + 1.0;
      added.push_back(oursAdded / theirsAdded);
      addedWins += oursAdded <= theirsAdded;
      esp.push_back(std::exp(ours.logESP - theirs.logESP));
      espWins += ours.logESP >= theirs.logESP;
      depth.push_back(double(ours.depth) / std::max(theirs.depth, 1u));
      depthWins += ours.depth <= theirs.depth;
      if (theirs.ms > 0 && ours.ms > 0)
        ms.push_back(ours.ms / theirs.ms);
    }
    os << "| " << kStrategies[base].name << " | " << added.size() << " | "
       << llvm::format("%.3f", geomean(added)) << " | " << addedWins << " | "
       << llvm::format("%.3f", geomean(esp)) << " | " << espWins << " | "
       << llvm::format("%.3f", geomean(depth)) << " | " << depthWins << " | "
       << llvm::format("%.1f", geomean(ms)) << " |\n";
  }
  os << "\n";
}

/// The qopt strategy's passes timed one by one, and how many circuits of
/// under 1,000 imported gates stay under 50 ms.
void printStageTimes(llvm::raw_ostream &os, const std::string &deviceName,
                     llvm::ArrayRef<Row> rows) {
  os << "qopt's passes on " << deviceName
     << ", timed one by one (median ms):\n\n"
        "| circuit | gates as imported | layout | route | post-layout | "
        "total |\n"
        "|---|--:|--:|--:|--:|--:|\n";
  unsigned small = 0, routeFast = 0, totalFast = 0;
  for (const Row &row : rows) {
    if (row.results[kQopt].failed)
      continue;
    double total = 0;
    os << "| " << row.circuit << " | " << row.inputGates << " | ";
    for (double ms : row.qoptStageMs) {
      os << formatMs(ms) << " | ";
      total += ms;
    }
    os << formatMs(total) << " |\n";
    if (row.inputGates < 1000) {
      ++small;
      routeFast += row.qoptStageMs[1] <= 50;
      totalFast += total <= 50;
    }
  }
  os << "\nOf " << small << " circuits under 1,000 imported gates, route "
     << "takes at most 50 ms on " << routeFast
     << ", layout + route + post-layout on " << totalFast << ".\n\n";
}

void printPeerFigures(llvm::raw_ostream &os, llvm::ArrayRef<Row> rows) {
  os << "## Montreal: figures to beat\n\n"
        "Peer columns are PUBLISHED FIGURES of the best peer tool, hard-coded "
        "in the benchmark, NOT measured here. qopt columns are this run's "
        "(the qopt strategy; 2q before = after the first to-target-basis).\n\n"
        "| circuit | peer input CX | peer total CX | peer ESP | qopt 2q "
        "before | qopt total 2q | qopt total 2q -O1 | qopt ESP | qopt CX <= "
        "peer | qopt -O1 CX <= peer | qopt ESP >= peer |\n"
        "|---|--:|--:|--:|--:|--:|--:|--:|:-:|:-:|:-:|\n";
  unsigned cxWins = 0, cleanedWins = 0, espWins = 0, compared = 0;
  for (const PeerFigure &peer : kPeerFigures) {
    const Row *row = nullptr;
    for (const Row &candidate : rows)
      if (candidate.circuit == peer.circuit)
        row = &candidate;
    os << "| " << peer.circuit << " | " << peer.inputCX << " | " << peer.totalCX
       << " | " << peer.esp << " | ";
    if (!row || row->results[kQopt].failed) {
      os << "- | - | - | - | - | - | - |\n";
      continue;
    }
    const Result &ours = row->results[kQopt];
    bool cxWin = ours.twoQubit <= peer.totalCX;
    bool cleanedWin = ours.twoQubitCleaned <= peer.totalCX;
    bool espWin = ours.logESP >= std::log(std::stod(peer.esp));
    ++compared;
    cxWins += cxWin;
    cleanedWins += cleanedWin;
    espWins += espWin;
    os << row->inputTwoQubit << " | " << ours.twoQubit << " | "
       << ours.twoQubitCleaned << " | " << formatESP(ours.logESP) << " | "
       << (cxWin ? "yes" : "no") << " | " << (cleanedWin ? "yes" : "no")
       << " | " << (espWin ? "yes" : "no") << " |\n";
  }
  os << "\nqopt at or below the peer's total CX on " << cxWins << " of "
     << compared << " (" << cleanedWins
     << " after qopt's -O1 clean-up), at or above its ESP on " << espWins
     << " of " << compared << ".\n\n";
}

} // namespace

int main(int argc, char **argv) {
  llvm::InitLLVM init(argc, argv);
  cl::HideUnrelatedOptions(category);
  cl::ParseCommandLineOptions(
      argc, argv,
      "qopt-bench-mapping: layout and routing of QASMBench circuits on IBM "
      "devices, against in-tree baselines and published peer figures\n");
  if (reps == 0) {
    llvm::errs() << "qopt-bench-mapping: --reps must be positive\n";
    return 1;
  }
  std::vector<std::string> devices(deviceNames.begin(), deviceNames.end());
  if (devices.empty())
    devices = {"montreal", "washington", "sherbrooke", "belem"};

  DialectRegistry registry;
  qopt::registerAllDialects(registry);
  qopt::registerAllPasses();

  std::vector<Source> sources;
  for (auto &[name, path] : findCircuits(circuitsDir)) {
    if (!circuitNames.empty() && !llvm::is_contained(circuitNames, name))
      continue;
    Source source{name, path, "", 0};
    std::string error;
    auto context = freshContext(registry);
    OwningOpRef<ModuleOp> module;
    if (readFile(path, source.text, error))
      module = importText(source, *context, error, /*printWarnings=*/true);
    if (!module) {
      llvm::errs() << "skipped " << name << " (import failed): " << error
                   << "\n";
      continue;
    }
    module->walk([&](qopt::qgate::AllocOp) { ++source.qubits; });
    sources.push_back(std::move(source));
  }
  if (sources.empty()) {
    llvm::errs() << "qopt-bench-mapping: no circuits under " << circuitsDir
                 << "\n";
    return 1;
  }
  llvm::sort(sources, [](const Source &a, const Source &b) {
    return std::tie(a.qubits, a.name) < std::tie(b.qubits, b.name);
  });

  llvm::raw_ostream &os = llvm::outs();
  printRunHeader(os, "Mapping against baselines and peers", reps);
  os << "Strategies, each between attach-target, canonicalize, "
        "to-target-basis and a final to-target-basis: trivial = "
     << kStrategies[0].passes << "; sabre = " << kStrategies[1].passes
     << "; qopt = " << kStrategies[2].passes
     << ". 2q before: two-qubit gates after the first to-target-basis; 2q "
        "after: after mapping and the final to-target-basis; 2q after -O1: "
        "after qopt's -O1 clean-up of that (canonicalize, commute-cancel, "
        "canonicalize), which cancels a CX against a SWAP routed right after "
        "it; added 2q: 2q after minus 2q before. depth: longest chain of gates and measurements over "
        "device qubits. ESP: product of (1 - calibrated error) over the gates "
        "on their device qubits (rz, id and other uncalibrated gates exact) "
        "and of (1 - readout error) over the measurements. mapping ms: "
        "layout + route (+ post-layout) only, median of "
     << reps << " runs. equiv: qopt's mapping against the "
     << "original circuit (up to layout, final phases ignored) when it uses "
     << "at most " << equivMaxQubits << " device qubits.\n\n";

  int exitCode = 0;
  std::vector<Row> montrealRows;
  for (const std::string &deviceName : devices) {
    std::string loadError;
    auto loadContext = freshContext(registry);
    auto device = qopt::target::loadTargetQuietly(deviceName, loadContext.get(),
                                                  loadError);
    if (failed(device)) {
      llvm::errs() << "qopt-bench-mapping: cannot load " << deviceName << ": "
                   << loadError << "\n";
      return 1;
    }
    bool restricted = !allOnWide && circuitNames.empty() &&
                      (*device)->numQubits > kNarrowQubits;
    std::vector<Row> rows;
    for (const Source &source : sources) {
      if (source.qubits > (*device)->numQubits)
        continue;
      if (restricted && source.qubits <= kNarrowQubits &&
          !llvm::is_contained(kSmallOnWide, source.name))
        continue;
      rows.push_back(
          mapCircuit(source, deviceName, **device, registry, exitCode));
    }
    printDevice(os, deviceName, **device, rows, restricted);
    printStageTimes(os, deviceName, rows);
    if (deviceName == "montreal")
      montrealRows = std::move(rows);
  }
  if (!montrealRows.empty())
    printPeerFigures(os, montrealRows);
  return exitCode;
}
