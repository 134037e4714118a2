//===- SimulatorBench.cpp - state-vector simulation speed -----------------===//
//
//   qopt-bench-sim [--reps=N] [--qubits=16,20,24]
//                  [--circuit=NAME[,NAME...]] [--circuits=DIR]
//
// Times gate application on 2^n-amplitude states: a layer of h on every wire
// plus a cx chain, and real QASMBench circuits (measurements dropped). The
// baseline, timed in the same repetitions, is one streaming pass over the
// same state (every amplitude read, multiplied by a phase and written back),
// which is the least a gate touching the whole state can cost. A gate/stream
// ratio near 1 means the kernel is memory bound; well above 1, it is not.
//
//===----------------------------------------------------------------------===//

#include "BenchSupport.h"

#include "qopt/InitQOpt.h"
#include "qopt/Simulation/FlatCircuit.h"
#include "qopt/Simulation/Simulator.h"
#include "qopt/Simulation/StateVector.h"
#include "qopt/Translation/OpenQasm.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/DialectRegistry.h"
#include "mlir/IR/MLIRContext.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Format.h"
#include "llvm/Support/InitLLVM.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/SourceMgr.h"

#include <cmath>

using namespace mlir;
using namespace qopt::bench;
using namespace qopt::sim;
namespace cl = llvm::cl;

static cl::OptionCategory category("qopt-bench-sim options");
static cl::opt<unsigned> reps("reps", cl::desc("Timed runs of each benchmark"),
                              cl::init(5), cl::cat(category));
static cl::list<unsigned> qubitCounts("qubits",
                                      cl::desc("State sizes of the layer "
                                               "benchmark (default 16,20,24)"),
                                      cl::CommaSeparated, cl::cat(category));
static cl::list<std::string>
    circuitNames("circuit",
                 cl::desc("QASMBench circuits (name or .qasm path; default "
                          "ghz_state_n23,qft_n18)"),
                 cl::CommaSeparated, cl::cat(category));
static cl::opt<std::string>
    circuitsDir("circuits", cl::desc("Directory searched for circuit names"),
                cl::init(QOPT_BENCH_CIRCUITS_DIR), cl::cat(category));

namespace {

/// One pass that reads and writes every amplitude: multiplies the state by
/// the global phase `factor` (-1). A real factor keeps the loop a plain
/// vectorised scale; a complex one measured 25-40% slower here, which would
/// flatter the kernels. The result stays in the state, so the compiler cannot
/// drop the pass.
[[gnu::noinline]] void streamOnce(Amplitude *amps, uint64_t dim,
                                  double factor) {
  double *p = reinterpret_cast<double *>(amps);
  for (uint64_t i = 0; i < 2 * dim; ++i)
    p[i] *= factor;
}

double timeStream(StateVector &state) {
  // Not a compile-time constant, so the multiply cannot become a sign flip
  // the optimiser reasons about; the norm is unchanged either way.
  static volatile double minusOne = -1.0;
  Amplitude *amps = state.getAmplitudes().data();
  uint64_t dim = state.getAmplitudes().size();
  double factor = minusOne;
  Clock::time_point start = Clock::now();
  streamOnce(amps, dim, factor);
  return millisecondsSince(start);
}

void resetToZero(StateVector &state) {
  state.getAmplitudes().setZero();
  state.getAmplitudes()(0) = 1.0;
}

/// Imports and flattens a circuit, keeping only unconditional gates; records
/// how many instructions were dropped and each gate's op name (the ops die
/// with the module).
FailureOr<FlatCircuit> loadGates(const std::string &path, llvm::StringRef text,
                                 MLIRContext &context, unsigned &dropped,
                                 std::vector<std::string> &gateNames) {
  llvm::SourceMgr sourceMgr;
  sourceMgr.AddNewSourceBuffer(llvm::MemoryBuffer::getMemBufferCopy(text, path),
                               llvm::SMLoc());
  SourceMgrDiagnosticHandler handler(sourceMgr, &context);
  OwningOpRef<ModuleOp> module = qopt::importOpenQasm2(sourceMgr, &context);
  if (!module)
    return failure();
  auto funcs = module->getOps<func::FuncOp>();
  if (funcs.empty())
    return failure();
  FailureOr<FlatCircuit> flat = flattenCircuit(*funcs.begin());
  if (failed(flat))
    return failure();
  size_t before = flat->instructions.size();
  llvm::erase_if(flat->instructions, [](const Instruction &inst) {
    return inst.kind != Instruction::Kind::Gate || !inst.condition.isAlways();
  });
  dropped = before - flat->instructions.size();
  for (Instruction &inst : flat->instructions) {
    gateNames.push_back(
        inst.origin ? inst.origin->getName().stripDialect().str() : "?");
    inst.origin = nullptr;
  }
  return flat;
}

/// The h and cx matrices exactly as the simulator gets them from the IR.
bool gateMatrices(MLIRContext &context, Eigen::MatrixXcd &h,
                  Eigen::MatrixXcd &cx) {
  unsigned dropped;
  std::vector<std::string> names;
  FailureOr<FlatCircuit> flat =
      loadGates("layer.qasm",
                "OPENQASM 2.0;\ninclude \"qelib1.inc\";\nqreg q[2];\n"
                "h q[0];\ncx q[0],q[1];\n",
                context, dropped, names);
  if (failed(flat) || flat->instructions.size() != 2)
    return false;
  h = flat->instructions[0].matrix;
  cx = flat->instructions[1].matrix;
  return true;
}

std::string findCircuit(const std::string &name) {
  if (llvm::StringRef(name).ends_with(".qasm"))
    return name;
  std::error_code ec;
  for (llvm::sys::fs::recursive_directory_iterator it(circuitsDir, ec), end;
       it != end && !ec; it.increment(ec))
    if (llvm::sys::path::filename(it->path()) == name + ".qasm")
      return it->path();
  return "";
}

/// Nanoseconds per amplitude per gate: comparable across state sizes.
double nsPerAmpGate(double ms, unsigned gates, uint64_t dim) {
  return ms * 1e6 / (double(gates) * double(dim));
}

void printLayerRow(llvm::raw_ostream &os, unsigned n, llvm::StringRef part,
                   llvm::ArrayRef<std::vector<double>> perGate,
                   const std::vector<double> &totals, double streamMs) {
  uint64_t dim = uint64_t(1) << n;
  unsigned gates = perGate.size();
  double ms = summarize(totals).median;
  double lo = INFINITY, hi = 0;
  for (const std::vector<double> &samples : perGate) {
    double ratio = summarize(samples).median / streamMs;
    lo = std::min(lo, ratio);
    hi = std::max(hi, ratio);
  }
  os << "| " << n << " | " << part << " | " << gates << " | "
     << llvm::format("%.2f", ms) << " | "
     << llvm::format("%.2f", nsPerAmpGate(ms, gates, dim)) << " | "
     << llvm::format("%.3f", streamMs) << " | "
     << llvm::format("%.2f", ms / gates / streamMs) << " | "
     << llvm::format("%.2f-%.2f", lo, hi) << " |\n";
}

void benchLayer(llvm::raw_ostream &os, unsigned n, const Eigen::MatrixXcd &h,
                const Eigen::MatrixXcd &cx) {
  StateVector state(n);
  std::vector<std::vector<double>> hMs(n), cxMs(n - 1);
  std::vector<double> hTotal, cxTotal, layerTotal, streamMs;
  // Repetition 0 is a warm-up (first touch of the pages, caches).
  for (unsigned rep = 0; rep <= reps; ++rep) {
    // Interleaved with the gates so both see the same machine load.
    double stream = timeStream(state);
    double hSum = 0, cxSum = 0;
    for (unsigned w = 0; w < n; ++w) {
      Clock::time_point start = Clock::now();
      state.apply(h, {w});
      double ms = millisecondsSince(start);
      hSum += ms;
      if (rep)
        hMs[w].push_back(ms);
    }
    for (unsigned w = 0; w + 1 < n; ++w) {
      Clock::time_point start = Clock::now();
      state.apply(cx, {w, w + 1});
      double ms = millisecondsSince(start);
      cxSum += ms;
      if (rep)
        cxMs[w].push_back(ms);
    }
    if (!rep)
      continue;
    streamMs.push_back(stream);
    hTotal.push_back(hSum);
    cxTotal.push_back(cxSum);
    layerTotal.push_back(hSum + cxSum);
  }
  double stream = summarize(streamMs).median;
  std::vector<std::vector<double>> all(hMs);
  all.insert(all.end(), cxMs.begin(), cxMs.end());
  printLayerRow(os, n, "h on each wire", hMs, hTotal, stream);
  printLayerRow(os, n, "cx chain", cxMs, cxTotal, stream);
  printLayerRow(os, n, "layer", all, layerTotal, stream);
  os.flush();
}

struct CircuitResult {
  std::string name;
  unsigned qubits = 0, gates = 0, dropped = 0;
  Stats ms;
  double streamMs = 0;
  /// Per-gate runs: the median time of each instruction, the instructions
  /// of each gate name (in order of first use), and their own stream time.
  std::vector<double> instructionMs;
  llvm::StringMap<std::vector<unsigned>> byGate;
  std::vector<std::string> gateOrder;
  double breakdownStreamMs = 0;
};

bool benchCircuit(const std::string &name, const DialectRegistry &registry,
                  CircuitResult &result) {
  std::string path = findCircuit(name);
  auto buffer = llvm::MemoryBuffer::getFile(path, /*IsText=*/true);
  if (path.empty() || !buffer) {
    llvm::errs() << "qopt-bench-sim: cannot find circuit '" << name << "'\n";
    return false;
  }
  MLIRContext context(registry);
  std::vector<std::string> gateNames;
  unsigned dropped = 0;
  FailureOr<FlatCircuit> flat =
      loadGates(path, (*buffer)->getBuffer(), context, dropped, gateNames);
  if (failed(flat))
    return false;

  result.name = llvm::sys::path::stem(path).str();
  result.qubits = flat->numWires;
  result.gates = flat->instructions.size();
  result.dropped = dropped;
  StateVector state(result.qubits);
  std::vector<double> totals, streams;
  for (unsigned rep = 0; rep <= reps; ++rep) {
    double stream = timeStream(state);
    resetToZero(state);
    Clock::time_point start = Clock::now();
    applyGates(*flat, state);
    double ms = millisecondsSince(start);
    if (rep) {
      totals.push_back(ms);
      streams.push_back(stream);
    }
  }
  result.ms = summarize(totals);
  result.streamMs = summarize(streams).median;

  // Per-gate timings in separate runs, so the clock reads stay out of the
  // whole-circuit time above. The same gate costs different amounts on
  // different wires (see README.md), so each instruction keeps its own
  // median.
  std::vector<std::vector<double>> samples(result.gates);
  streams.clear();
  for (unsigned rep = 0; rep < reps; ++rep) {
    streams.push_back(timeStream(state));
    resetToZero(state);
    for (unsigned i = 0; i < result.gates; ++i) {
      const Instruction &inst = flat->instructions[i];
      Clock::time_point start = Clock::now();
      state.apply(inst.matrix, inst.wires);
      samples[i].push_back(millisecondsSince(start));
    }
  }
  result.breakdownStreamMs = summarize(streams).median;
  for (unsigned i = 0; i < result.gates; ++i) {
    result.instructionMs.push_back(summarize(samples[i]).median);
    auto [it, inserted] = result.byGate.try_emplace(gateNames[i]);
    if (inserted)
      result.gateOrder.push_back(gateNames[i]);
    it->second.push_back(i);
  }
  return true;
}

} // namespace

int main(int argc, char **argv) {
  llvm::InitLLVM init(argc, argv);
  cl::HideUnrelatedOptions(category);
  cl::ParseCommandLineOptions(argc, argv,
                              "qopt-bench-sim: state-vector simulation "
                              "speed\n");
  if (reps == 0) {
    llvm::errs() << "qopt-bench-sim: --reps must be positive\n";
    return 1;
  }
  std::vector<unsigned> ns(qubitCounts.begin(), qubitCounts.end());
  if (ns.empty())
    ns = {16, 20, 24};
  std::vector<std::string> names(circuitNames.begin(), circuitNames.end());
  if (names.empty())
    names = {"ghz_state_n23", "qft_n18"};

  DialectRegistry registry;
  qopt::registerAllDialects(registry);
  MLIRContext context(registry);
  Eigen::MatrixXcd h, cx;
  if (!gateMatrices(context, h, cx)) {
    llvm::errs() << "qopt-bench-sim: cannot build the h and cx matrices\n";
    return 1;
  }

  llvm::raw_ostream &os = llvm::outs();
  printRunHeader(os, "State-vector simulation", reps);
  os << "## Layer: h on every wire, then cx(w, w+1) for each w\n\n"
     << "| qubits | part | gates | ms | ns/amp/gate | stream ms "
        "| gate/stream | per-gate range |\n"
     << "|--:|---|--:|--:|--:|--:|--:|--:|\n";
  for (unsigned n : ns) {
    if (n < 2 || n > 30) {
      llvm::errs() << "qopt-bench-sim: --qubits must be in 2..30\n";
      return 1;
    }
    benchLayer(os, n, h, cx);
  }

  std::vector<CircuitResult> results;
  for (const std::string &name : names) {
    CircuitResult result;
    if (!benchCircuit(name, registry, result))
      return 1;
    results.push_back(std::move(result));
  }
  os << "\n## QASMBench circuits (measurements dropped), sim::applyGates\n\n"
     << "| circuit | qubits | gates | ms | min-max ms | ns/amp/gate "
        "| stream ms | gate/stream |\n"
     << "|---|--:|--:|--:|--:|--:|--:|--:|\n";
  for (const CircuitResult &r : results) {
    uint64_t dim = uint64_t(1) << r.qubits;
    os << "| " << r.name << " | " << r.qubits << " | " << r.gates;
    if (r.dropped)
      os << " (+" << r.dropped << " dropped)";
    os << " | " << llvm::format("%.2f", r.ms.median) << " | "
       << llvm::format("%.2f-%.2f", r.ms.min, r.ms.max) << " | "
       << llvm::format("%.2f", nsPerAmpGate(r.ms.median, r.gates, dim)) << " | "
       << llvm::format("%.3f", r.streamMs) << " | "
       << llvm::format("%.2f", r.ms.median / r.gates / r.streamMs) << " |\n";
  }
  os << "\n## Per gate kind (each instruction timed alone, median per "
        "instruction)\n\n"
     << "| circuit | gate | count | total ms | ms/gate | stream ms "
        "| gate/stream | per-gate range |\n"
     << "|---|---|--:|--:|--:|--:|--:|--:|\n";
  for (const CircuitResult &r : results)
    for (const std::string &gate : r.gateOrder) {
      double total = 0, lo = INFINITY, hi = 0;
      const std::vector<unsigned> &instances = r.byGate.find(gate)->second;
      for (unsigned i : instances) {
        total += r.instructionMs[i];
        lo = std::min(lo, r.instructionMs[i] / r.breakdownStreamMs);
        hi = std::max(hi, r.instructionMs[i] / r.breakdownStreamMs);
      }
      double mean = total / instances.size();
      os << "| " << r.name << " | " << gate << " | " << instances.size()
         << " | " << llvm::format("%.2f", total) << " | "
         << llvm::format("%.3f", mean) << " | "
         << llvm::format("%.3f", r.breakdownStreamMs) << " | "
         << llvm::format("%.2f", mean / r.breakdownStreamMs) << " | "
         << llvm::format("%.2f-%.2f", lo, hi) << " |\n";
    }
  return 0;
}
