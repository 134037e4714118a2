//===- CompileReport.cpp - what a compilation did, for people and tools ---===//

#include "qopt/Driver/Compile.h"

#include "llvm/Support/Format.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/Path.h"

using namespace qopt::driver;

/// The estimates' names as a person reads them.
static llvm::StringRef describeEstimate(llvm::StringRef name) {
  if (name == "esp")
    return "ESP (product of calibrated gate, readout and idle fidelities)";
  if (name == "learned")
    return "learned estimate (QuEst-style graph model)";
  if (name == "state_fidelity")
    return "state fidelity to the ideal output (noisy simulation)";
  if (name == "pst")
    return "PST: circuit, its inverse, all zeros read (noisy simulation)";
  if (name == "hellinger")
    return "Hellinger fidelity of the output distribution (noisy simulation)";
  return name;
}

static std::string formatLayout(const std::vector<int64_t> &layout) {
  std::string text;
  llvm::raw_string_ostream os(text);
  for (auto [virtualQubit, physical] : llvm::enumerate(layout))
    os << (virtualQubit ? ", " : "") << "q" << virtualQubit << "→" << physical;
  return text.empty() ? "none" : text;
}

/// Four decimals, or scientific notation for estimates below 0.001 (deep
/// circuits on noisy devices), which would otherwise print as 0.0000.
static std::string formatEstimate(double value) {
  std::string text;
  llvm::raw_string_ostream os(text);
  if (value != 0 && value < 1e-3)
    os << llvm::format("%.2e", value);
  else
    os << llvm::format("%.4f", value);
  return text;
}

static double pulseNanoseconds(const CompileReport &report) {
  return *report.pulseDurationDt * report.dtNanoseconds.value_or(0);
}

void qopt::driver::printReportMarkdown(const CompileReport &report,
                                       llvm::raw_ostream &os) {
  os << "# " << report.name << " on " << report.target << "\n\n";
  os << "`" << report.input << "` (circuit `@" << report.circuit
     << "`) compiled for " << report.target << " (" << report.targetQubits
     << " qubits) at -O" << report.optLevel
     << (report.pruned ? " with fidelity-aware pruning" : "") << " in "
     << llvm::format("%.3f", report.totalSeconds) << " s.\n\n";
  os << "| | before | after |\n|---|---|---|\n";
  auto row = [&](llvm::StringRef label, unsigned before, unsigned after) {
    os << "| " << label << " | " << before << " | " << after << " |\n";
  };
  row("qubits", report.before.qubits, report.after.qubits);
  row("gates", report.before.gates, report.after.gates);
  row("two-qubit gates", report.before.twoQubitGates,
      report.after.twoQubitGates);
  row("depth", report.before.depth, report.after.depth);
  row("measurements", report.before.measurements, report.after.measurements);
  os << "\n- SWAPs added by routing: " << report.swapsAdded << "\n";
  os << "- gates pruned: " << report.gatesPruned << "\n";
  os << "- initial layout: " << formatLayout(report.initialLayout) << "\n";
  os << "- final layout: " << formatLayout(report.finalLayout) << "\n";
  if (report.pulseDurationDt)
    os << "- pulse schedule: " << *report.pulseDurationDt << " dt ("
       << llvm::format("%.1f", pulseNanoseconds(report)) << " ns)\n";
  if (!report.pulseError.empty())
    os << "- pulse schedule: none (" << report.pulseError << ")\n";
  os << "\n## Estimated fidelity\n\n";
  if (report.fidelity.empty())
    os << "No estimate.\n";
  for (const auto &[name, value] : report.fidelity)
    os << "- " << describeEstimate(name) << ": " << formatEstimate(value)
       << "\n";
  if (!report.simulationMethod.empty())
    os << "- simulated with: " << report.simulationMethod << "\n";
  os << "\n## Time per stage\n\n| stage | ms |\n|---|---|\n";
  for (const auto &[stage, seconds] : report.stageSeconds)
    os << "| " << stage << " | " << llvm::format("%.2f", seconds * 1e3)
       << " |\n";
  os << "\n## Outputs\n\n";
  for (const auto &[kind, path] : report.outputs)
    os << "- " << kind << ": `" << llvm::sys::path::filename(path) << "`\n";
}

void qopt::driver::printReportJson(const CompileReport &report,
                                   llvm::raw_ostream &os) {
  llvm::json::OStream json(os, /*IndentSize=*/2);
  auto metrics = [&](llvm::StringRef key, const CircuitMetrics &m) {
    json.attributeObject(key, [&] {
      json.attribute("qubits", m.qubits);
      json.attribute("gates", m.gates);
      json.attribute("two_qubit_gates", m.twoQubitGates);
      json.attribute("depth", m.depth);
      json.attribute("measurements", m.measurements);
    });
  };
  auto layout = [&](llvm::StringRef key, const std::vector<int64_t> &values) {
    json.attributeArray(key, [&] {
      for (int64_t value : values)
        json.value(value);
    });
  };
  json.object([&] {
    json.attribute("format", "qopt-report-v1");
    json.attribute("input", report.input);
    json.attribute("circuit", report.circuit);
    json.attribute("target", report.target);
    json.attribute("target_qubits", report.targetQubits);
    json.attribute("opt_level", report.optLevel);
    json.attribute("pruning", report.pruned);
    metrics("before", report.before);
    metrics("after", report.after);
    json.attribute("swaps_added", report.swapsAdded);
    json.attribute("gates_pruned", report.gatesPruned);
    layout("initial_layout", report.initialLayout);
    layout("final_layout", report.finalLayout);
    if (report.pulseDurationDt) {
      json.attributeObject("pulse_schedule", [&] {
        json.attribute("duration_dt", *report.pulseDurationDt);
        if (report.dtNanoseconds) {
          json.attribute("dt_ns", *report.dtNanoseconds);
          json.attribute("duration_ns", pulseNanoseconds(report));
        }
      });
    } else {
      json.attribute("pulse_schedule", nullptr);
    }
    if (!report.pulseError.empty())
      json.attribute("pulse_error", report.pulseError);
    json.attributeObject("fidelity", [&] {
      for (const auto &[name, value] : report.fidelity)
        json.attribute(name, value);
      if (!report.simulationMethod.empty())
        json.attribute("simulation_method", report.simulationMethod);
    });
    json.attributeArray("stages", [&] {
      for (const auto &stage : report.stageSeconds)
        json.object([&] {
          json.attribute("name", stage.first);
          json.attribute("seconds", stage.second);
        });
    });
    json.attribute("total_seconds", report.totalSeconds);
    json.attributeObject("outputs", [&] {
      for (const auto &[kind, path] : report.outputs)
        json.attribute(kind, path);
    });
  });
  os << "\n";
}

void qopt::driver::printReportSummary(const CompileReport &report,
                                      llvm::raw_ostream &os) {
  os << report.input << " -> " << report.target << " (" << report.targetQubits
     << " qubits), -O" << report.optLevel
     << (report.pruned ? " with pruning" : "") << ", "
     << llvm::format("%.2f", report.totalSeconds) << " s\n";
  os << "  gates " << report.before.gates << " -> " << report.after.gates
     << ", two-qubit " << report.before.twoQubitGates << " -> "
     << report.after.twoQubitGates << ", depth " << report.before.depth
     << " -> " << report.after.depth << ", SWAPs added " << report.swapsAdded;
  if (report.pruned)
    os << ", pruned " << report.gatesPruned;
  os << "\n  layout " << formatLayout(report.initialLayout) << "\n";
  if (report.pulseDurationDt)
    os << "  pulses " << *report.pulseDurationDt << " dt ("
       << llvm::format("%.1f", pulseNanoseconds(report)) << " ns)\n";
  if (!report.pulseError.empty())
    os << "  no pulses: " << report.pulseError << "\n";
  if (!report.fidelity.empty()) {
    os << "  fidelity";
    for (auto [index, estimate] : llvm::enumerate(report.fidelity))
      os << (index ? ", " : " ") << estimate.first << " "
         << formatEstimate(estimate.second);
    os << "\n";
  }
  if (!report.outputs.empty())
    os << "  wrote "
       << llvm::sys::path::parent_path(report.outputs.front().second) << "/"
       << report.name << ".{qasm,mlir"
       << (report.pulseDurationDt ? ",pulse.json,openpulse.qasm,pulses.svg"
                                  : "")
       << ",report.md,report.json}\n";
}
