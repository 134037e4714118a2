//===- qopt-target-info.cpp - summarise a device target -------------------===//
//
//   qopt-target-info <name|directory|file.json>
//   qopt-target-info --list
//
// Prints what a noise-aware compilation will see of a device: size, basis,
// couplings, the median and worst calibration figures, and which couplers
// are broken.
//
//===----------------------------------------------------------------------===//

#include "qopt/Target/TargetLoader.h"

#include "mlir/IR/Diagnostics.h"
#include "mlir/IR/MLIRContext.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/Format.h"
#include "llvm/Support/InitLLVM.h"
#include "llvm/Support/SourceMgr.h"
#include "llvm/Support/raw_ostream.h"

#include <algorithm>

using namespace qopt::target;
namespace cl = llvm::cl;

static cl::OptionCategory category("qopt-target-info options");
static cl::opt<std::string> spec(cl::Positional,
                                 cl::desc("<target name, directory or file>"),
                                 cl::cat(category));
static cl::opt<bool> list("list", cl::desc("List the shipped targets"),
                          cl::cat(category));

namespace {

struct Summary {
  std::vector<double> values;
  void add(std::optional<double> v) {
    if (v)
      values.push_back(*v);
  }
  double median() {
    std::sort(values.begin(), values.end());
    size_t n = values.size();
    return n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
  }
  double min() { return *std::min_element(values.begin(), values.end()); }
  double max() { return *std::max_element(values.begin(), values.end()); }
};

void printRow(llvm::raw_ostream &os, llvm::StringRef label, Summary summary,
              bool worstIsMin, double scale, const char *format) {
  os << llvm::left_justify(label, 24);
  if (summary.values.empty()) {
    os << "n/a\n";
    return;
  }
  double worst = worstIsMin ? summary.min() : summary.max();
  os << llvm::format(format, summary.median() * scale) << "   "
     << llvm::format(format, worst * scale) << "\n";
}

} // namespace

int main(int argc, char **argv) {
  llvm::InitLLVM init(argc, argv);
  cl::HideUnrelatedOptions(category);
  cl::ParseCommandLineOptions(argc, argv,
                              "qopt-target-info: summarise a device target\n");
  if (list) {
    for (const std::string &name : listShippedTargets())
      llvm::outs() << name << "\n";
    return 0;
  }
  if (spec.empty()) {
    llvm::errs() << "qopt-target-info: give a target name, directory or "
                    "file (or --list)\n";
    return 2;
  }
  mlir::MLIRContext context;
  printDiagnosticsPlainly(&context);
  mlir::FailureOr<std::unique_ptr<Target>> loaded = loadTarget(spec, &context);
  if (failed(loaded))
    return 1;
  const Target &target = **loaded;
  llvm::raw_ostream &os = llvm::outs();

  unsigned directedPairs = target.couplingMap.size();
  unsigned edges = 0;
  for (auto [a, b] : target.couplingMap)
    if (a < b || !target.hasCoupling(b, a))
      ++edges;
  os << "target " << target.name << " (" << target.backendName << ")\n";
  os << "  source        " << target.source << "\n";
  os << "  calibrated    " << target.calibrationDate << "\n";
  os << "  content hash  " << target.contentHash << "\n";
  os << "  qubits        " << target.numQubits << "\n";
  os << "  basis gates  ";
  for (const std::string &gate : target.basisGates)
    os << " " << gate;
  os << "\n";
  os << "  couplings     " << edges << " edges, " << directedPairs
     << " directed pairs"
     << (target.isDirected() ? " (directed: the two-qubit gate runs one way)"
                             : " (symmetric)")
     << "\n";
  if (target.dtNs)
    os << "  dt            " << llvm::format("%.4f", *target.dtNs) << " ns\n";
  os << "  pulses        "
     << (target.pulses ? std::to_string(target.pulses->commands.size()) +
                             " calibrated schedules"
                       : std::string("none"))
     << "\n\n";

  Summary t1, t2, readout, oneQ, twoQ, twoQLength;
  for (const QubitProperties &q : target.qubits) {
    t1.add(q.t1Ns);
    t2.add(q.t2Ns);
    readout.add(q.readoutError);
  }
  llvm::StringRef twoQubitGate = target.twoQubitGate();
  llvm::StringRef oneQubitGate = target.hasBasisGate("sx") ? "sx" : "x";
  for (const GateProperties &gate : target.gates) {
    if (gate.gate == oneQubitGate)
      oneQ.add(gate.error);
    if (gate.gate == twoQubitGate && !gate.broken) {
      twoQ.add(gate.error);
      twoQLength.add(gate.lengthNs);
    }
  }
  os << "                          median       worst\n";
  printRow(os, "  T1 (us)", t1, true, 1e-3, "%9.2f");
  printRow(os, "  T2 (us)", t2, true, 1e-3, "%9.2f");
  printRow(os, ("  1q error (" + oneQubitGate + ")").str(), oneQ, false, 1,
           "%9.2e");
  printRow(os, ("  2q error (" + twoQubitGate + ")").str(), twoQ, false, 1,
           "%9.2e");
  printRow(os, "  readout error", readout, false, 1, "%9.2e");
  printRow(os, ("  2q length (ns)"), twoQLength, false, 1, "%9.1f");
  os << "\n  broken couplers";
  std::vector<std::pair<unsigned, unsigned>> broken = target.brokenCouplings();
  if (broken.empty())
    os << " none";
  for (auto [a, b] : broken)
    os << " " << a << "->" << b;
  os << "\n";
  return 0;
}
