//===- Compile.h - a circuit file to device-ready outputs -------*- C++ -*-===//
//
// The main job in one call: import an OpenQASM 2 or MLIR circuit, map it to a
// device (basis translation, noise-adaptive layout, routing, post-layout),
// optimize it, optionally prune it, estimate its fidelity, lower it to the
// device's calibrated pulses and schedule them; then write the compiled
// circuit (OpenQASM 2 on physical qubits, MLIR), the pulse program (pulse
// JSON, OpenQASM 3 with OpenPulse, an SVG picture) and a report (Markdown,
// JSON) into a directory. `qopt compile` and the C API call it.
//
//===----------------------------------------------------------------------===//

#ifndef QOPT_DRIVER_COMPILE_H
#define QOPT_DRIVER_COMPILE_H

#include "qopt/Driver/CircuitMetrics.h"

#include "mlir/IR/MLIRContext.h"
#include "mlir/Support/LogicalResult.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/raw_ostream.h"

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace qopt::driver {

struct CompileOptions {
  /// A shipped target name, an IBM device directory or a qopt-target-v1
  /// file; empty means the default target.
  std::string target;
  /// 0 maps the circuit without optimizing it; 1 to 3 as qopt's -O<n>.
  unsigned optLevel = 2;
  /// Fidelity-aware pruning after optimization (prune-gates
  /// fidelity-aware): drops gates whose calibrated error exceeds what
  /// removing them costs. Changes the circuit by a reported bound.
  bool prune = false;
  /// Seed of the layout and routing trials.
  uint64_t seed = 20261127;
  /// fidelity-report's estimator: auto, esp, simulate, learned or all.
  std::string fidelityEstimator = "auto";
  /// Lower to pulses and schedule them (the pulse outputs).
  bool pulses = true;
};

/// What one compilation did, for the report.
struct CompileReport {
  std::string input;
  /// The outputs' base name: the input's file name without its extension.
  std::string name;
  std::string target;
  unsigned targetQubits = 0;
  unsigned optLevel = 0;
  bool pruned = false;
  std::string circuit;
  CircuitMetrics before, after;
  unsigned swapsAdded = 0;
  unsigned gatesPruned = 0;
  std::vector<int64_t> initialLayout, finalLayout;
  /// From the schedule, when pulses were lowered.
  std::optional<int64_t> pulseDurationDt;
  std::optional<double> dtNanoseconds;
  /// Why there is no pulse schedule, when lowering was asked for but the
  /// pulse dialect cannot express the circuit (a warning, not a failure).
  std::string pulseError;
  /// fidelity-report's estimates by name (esp, learned, state_fidelity, pst,
  /// hellinger), and how the simulation ran, if it did.
  std::vector<std::pair<std::string, double>> fidelity;
  std::string simulationMethod;
  /// Wall-clock seconds by stage (import, then each pass by its argument,
  /// then export), summed over repeated passes, in first-run order.
  std::vector<std::pair<std::string, double>> stageSeconds;
  double totalSeconds = 0;
  /// What was written: kind (qasm, mlir, pulse-json, openpulse, svg,
  /// report-md, report-json) and path.
  std::vector<std::pair<std::string, std::string>> outputs;
};

/// Compiles `inputPath` (OpenQASM 2 if it ends in .qasm or starts like
/// OpenQASM, MLIR otherwise) into `outputDirectory`, which is created if
/// missing. Diagnostics go to `context`'s handlers, located in the input.
/// Nothing is written unless every stage succeeds, and each file is
/// written whole or not at all.
mlir::LogicalResult compileFile(llvm::StringRef inputPath,
                                llvm::StringRef outputDirectory,
                                const CompileOptions &options,
                                mlir::MLIRContext &context,
                                CompileReport &report);

/// The report as Markdown, as JSON (format "qopt-report-v1", described in
/// docs/Compile.md), and as a few lines for a terminal.
void printReportMarkdown(const CompileReport &report, llvm::raw_ostream &os);
void printReportJson(const CompileReport &report, llvm::raw_ostream &os);
void printReportSummary(const CompileReport &report, llvm::raw_ostream &os);

} // namespace qopt::driver

#endif // QOPT_DRIVER_COMPILE_H
