//===- PulseBench.cpp - native-pulse ansatz against gate-level lowering ---===//
//
// Hardware-efficient ansaetze (4-8 qubits, 2-6 layers of ry, rz and a cx
// chain) and QAOA-style circuits on a path of device qubits, lowered two
// ways: gate by gate (to-target-basis, lower-to-pulse) and by
// native-pulse-ansatz. Prints both ASAP schedule durations, the reduction,
// the parameter counts and the compile times.
//
//===----------------------------------------------------------------------===//

#include "BenchSupport.h"

#include "qopt/Dialect/Pulse/Pulse.h"
#include "qopt/InitQOpt.h"
#include "qopt/Transforms/Passes.h"

#include "mlir/IR/BuiltinOps.h"
#include "mlir/Parser/Parser.h"
#include "mlir/Pass/PassManager.h"
#include "llvm/Support/Format.h"

#include <cmath>

using namespace mlir;
using namespace qopt;
using namespace qopt::bench;

namespace {

struct Device {
  const char *name;
  /// A path of coupled device qubits to lay the circuits along.
  std::vector<unsigned> path;
};

/// ry and rz on every qubit, then cx down the chain, `layers` times, and a
/// final rotation layer: TwoLocal/EfficientSU2 with linear entanglement.
std::string hardwareEfficient(const std::vector<unsigned> &qubits,
                              unsigned layers, unsigned &numParams) {
  std::string body, args;
  unsigned n = qubits.size();
  numParams = 0;
  std::vector<std::string> wire(n);
  unsigned version = 0;
  auto fresh = [&](unsigned q) {
    return wire[q] = "%q" + std::to_string(q) + "_" + std::to_string(++version);
  };
  for (unsigned q = 0; q < n; ++q) {
    std::string start = fresh(q);
    body +=
        "  " + start + " = qgate.physical " + std::to_string(qubits[q]) + "\n";
  }
  auto rotation = [&](const char *gate, unsigned q) {
    std::string param = "%p" + std::to_string(numParams++);
    std::string in = wire[q];
    body +=
        "  " + fresh(q) + " = qgate." + gate + "(" + param + ") " + in + "\n";
  };
  for (unsigned layer = 0; layer <= layers; ++layer) {
    for (unsigned q = 0; q < n; ++q) {
      rotation("ry", q);
      rotation("rz", q);
    }
    if (layer == layers)
      break;
    for (unsigned q = 0; q + 1 < n; ++q) {
      std::string a = wire[q], b = wire[q + 1];
      std::string outA = fresh(q), outB = fresh(q + 1);
      body += "  " + outA + ", " + outB + " = qgate.cx " + a + ", " + b + "\n";
    }
  }
  for (unsigned i = 0; i < numParams; ++i)
    args += (i ? ", %p" : "%p") + std::to_string(i) + ": f64";
  return "func.func @hea(" + args + ") {\n" + body + "  return\n}\n";
}

/// p rounds of a ZZ cost layer along the path (cx, rz(gamma), cx) and an
/// rx(beta) mixer, after ry(pi/2) on every qubit (|+> without a Hadamard,
/// which has no native pulse).
std::string qaoa(const std::vector<unsigned> &qubits, unsigned rounds,
                 unsigned &numParams) {
  std::string body;
  unsigned n = qubits.size();
  std::vector<std::string> wire(n);
  unsigned version = 0;
  auto fresh = [&](unsigned q) {
    return wire[q] = "%q" + std::to_string(q) + "_" + std::to_string(++version);
  };
  body += "  %half_pi = arith.constant 1.5707963267948966 : f64\n";
  for (unsigned q = 0; q < n; ++q) {
    std::string start = fresh(q);
    body +=
        "  " + start + " = qgate.physical " + std::to_string(qubits[q]) + "\n";
    std::string in = wire[q];
    body += "  " + fresh(q) + " = qgate.ry(%half_pi) " + in + "\n";
  }
  for (unsigned round = 0; round < rounds; ++round) {
    std::string gamma = "%g" + std::to_string(round);
    std::string beta = "%b" + std::to_string(round);
    for (unsigned q = 0; q + 1 < n; ++q) {
      std::string a = wire[q], b = wire[q + 1];
      std::string a1 = fresh(q), b1 = fresh(q + 1);
      body += "  " + a1 + ", " + b1 + " = qgate.cx " + a + ", " + b + "\n";
      std::string b2 = fresh(q + 1);
      body += "  " + b2 + " = qgate.rz(" + gamma + ") " + b1 + "\n";
      std::string a3 = fresh(q), b3 = fresh(q + 1);
      body += "  " + a3 + ", " + b3 + " = qgate.cx " + a1 + ", " + b2 + "\n";
    }
    for (unsigned q = 0; q < n; ++q) {
      std::string in = wire[q];
      body += "  " + fresh(q) + " = qgate.rx(" + beta + ") " + in + "\n";
    }
  }
  std::string args;
  for (unsigned round = 0; round < rounds; ++round)
    args += (round ? ", %g" : "%g") + std::to_string(round) + ": f64, %b" +
            std::to_string(round) + ": f64";
  numParams = 2 * rounds;
  return "func.func @qaoa(" + args + ") {\n" + body + "  return\n}\n";
}

struct Lowered {
  int64_t durationDt = 0;
  double dtNs = 0;
  unsigned pulseParameters = 0;
  double milliseconds = 0;
};

/// Lowers `source` for `device`, natively or gate by gate, and measures the
/// ASAP duration of the resulting schedule; the median of `repeats` compiles.
std::optional<Lowered> lower(MLIRContext &context, const std::string &source,
                             const char *device, bool native,
                             unsigned repeats) {
  Lowered result;
  std::vector<double> times;
  for (unsigned i = 0; i < repeats; ++i) {
    OwningOpRef<ModuleOp> module =
        parseSourceString<ModuleOp>(source, &context);
    if (!module)
      return std::nullopt;
    PassManager pm(&context);
    pm.addPass(createAttachTarget(AttachTargetOptions{device}));
    if (native) {
      pm.addPass(createNativePulseAnsatz());
    } else {
      pm.addPass(createToTargetBasis());
      pm.addPass(createLowerToPulse());
    }
    Clock::time_point start = Clock::now();
    if (failed(pm.run(*module)))
      return std::nullopt;
    times.push_back(millisecondsSince(start));
    auto schedule = *module->getOps<pulse::ScheduleOp>().begin();
    result.durationDt = pulse::computeTiming(schedule, false).duration;
    if (FloatAttr dt = schedule.getDtAttr())
      result.dtNs = dt.getValueAsDouble();
    result.pulseParameters = 0;
    for (unsigned a = 0; a < schedule.getNumArguments(); ++a)
      result.pulseParameters += bool(schedule.getArgAttr(a, "pulse.ansatz"));
  }
  result.milliseconds = summarize(times).median;
  return result;
}

} // namespace

int main(int argc, char **argv) {
  DialectRegistry registry;
  registerAllDialects(registry);
  MLIRContext context(registry);
  context.loadAllAvailableDialects();
  // The native-pulse-ansatz remark is the pass's report; the table has it.
  ScopedDiagnosticHandler quiet(&context, [](Diagnostic &diagnostic) {
    return success(diagnostic.getSeverity() == DiagnosticSeverity::Remark);
  });

  const unsigned repeats = 5;
  printRunHeader(llvm::outs(),
                 "native-pulse ansatz against gate-level lowering (ASAP "
                 "schedule durations)",
                 repeats);
  const Device devices[] = {
      {"montreal", {0, 1, 2, 3, 5, 8, 11, 14}},
      {"sherbrooke", {0, 1, 2, 3, 4, 5, 6, 7}},
  };
  for (const Device &device : devices) {
    llvm::outs() << "\n### " << device.name << " (qubits along "
                 << device.path.front() << "..." << device.path.back()
                 << ")\n\n"
                 << "| circuit | circuit params | pulse params | gate-level "
                    "dt | native dt | native ns | shorter by | compile ms "
                    "gate / native |\n"
                 << "|---|---|---|---|---|---|---|---|\n";
    double logSum = 0;
    unsigned count = 0;
    auto row = [&](const std::string &name, const std::string &source,
                   unsigned circuitParams, bool hea) {
      std::optional<Lowered> gate =
          lower(context, source, device.name, false, repeats);
      std::optional<Lowered> native =
          lower(context, source, device.name, true, repeats);
      if (!gate || !native) {
        llvm::outs() << "| " << name << " | failed to compile |\n";
        return;
      }
      double shorter = 1.0 - double(native->durationDt) / gate->durationDt;
      if (hea) {
        logSum += std::log(double(native->durationDt) / gate->durationDt);
        ++count;
      }
      llvm::outs() << "| " << name << " | " << circuitParams << " | "
                   << native->pulseParameters << " | " << gate->durationDt
                   << " | " << native->durationDt << " | "
                   << llvm::format("%.0f", native->durationDt * native->dtNs)
                   << " | " << llvm::format("%.1f%%", 100 * shorter) << " | "
                   << llvm::format("%.2f / %.2f", gate->milliseconds,
                                   native->milliseconds)
                   << " |\n";
    };
    for (unsigned n : {4u, 6u, 8u})
      for (unsigned layers : {2u, 4u, 6u}) {
        unsigned params = 0;
        std::vector<unsigned> qubits(device.path.begin(),
                                     device.path.begin() + n);
        std::string source = hardwareEfficient(qubits, layers, params);
        row("HEA n=" + std::to_string(n) + " L=" + std::to_string(layers),
            source, params, true);
      }
    for (unsigned rounds : {1u, 2u}) {
      unsigned params = 0;
      std::vector<unsigned> qubits(device.path.begin(),
                                   device.path.begin() + 6);
      std::string source = qaoa(qubits, rounds, params);
      row("QAOA n=6 p=" + std::to_string(rounds), source, params, false);
    }
    if (count)
      llvm::outs() << "\nHardware-efficient ansaetze: native/gate-level "
                      "duration geomean "
                   << llvm::format("%.3f", std::exp(logSum / count))
                   << ", i.e. "
                   << llvm::format("%.1f%%",
                                   100 * (1 - std::exp(logSum / count)))
                   << " shorter.\n";
  }
  return 0;
}
