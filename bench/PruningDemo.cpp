//===- PruningDemo.cpp - ratio against fidelity-aware pruning -------------===//
//
// A trained-like hardware-efficient ansatz on five montreal qubits (the line
// 0-1-2-3-5), pruned by ratio 0.1 ... 0.5 and fidelity-aware. For each: the
// gate count after translation to montreal's basis and -O2, the pruning
// bound (summed operator-norm distance of what was removed), the state
// fidelity of the pruned circuit's output to the unpruned one's (from
// |0...0>), ESP (product of 1 - calibrated gate error over the native gates
// and readout of the five qubits), and their product, an estimate of the
// fidelity to the ideal output that pruning trades on.
//
//===----------------------------------------------------------------------===//

#include "qopt/Dialect/QGate/QGate.h"
#include "qopt/InitQOpt.h"
#include "qopt/Simulation/FlatCircuit.h"
#include "qopt/Simulation/Simulator.h"
#include "qopt/Target/TargetLoader.h"
#include "qopt/Transforms/Passes.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/IR/Diagnostics.h"
#include "mlir/Parser/Parser.h"
#include "mlir/Pass/PassManager.h"
#include "llvm/Support/Format.h"
#include "llvm/Support/raw_ostream.h"

#include <cmath>
#include <random>

using namespace mlir;
using namespace qopt;

namespace {

const unsigned kQubits[] = {0, 1, 2, 3, 5};

/// Three layers of ry, rz on every qubit and a CX ladder; about half the
/// angles sit within 0.05 of 0 or 2*pi, as after training with many
/// parameters that barely moved.
std::string ansatzText(uint64_t seed) {
  std::mt19937_64 rng(seed);
  std::uniform_real_distribution<double> small(-0.05, 0.05), big(-3, 3);
  std::string body, constants;
  unsigned next = 0;
  auto angle = [&] {
    double value =
        rng() % 2 ? small(rng) + (rng() % 2 ? 2 * M_PI : 0) : big(rng);
    std::string name = "%c" + std::to_string(next++);
    constants +=
        "  " + name + " = arith.constant " + std::to_string(value) + " : f64\n";
    return name;
  };
  std::vector<std::string> wire;
  for (unsigned q : kQubits) {
    wire.push_back("%p" + std::to_string(q));
    body +=
        "  " + wire.back() + " = qgate.physical " + std::to_string(q) + "\n";
  }
  unsigned version = 0;
  auto fresh = [&](unsigned i) {
    wire[i] = "%w" + std::to_string(i) + "_" + std::to_string(version++);
    return wire[i];
  };
  for (int layer = 0; layer < 3; ++layer) {
    for (unsigned i = 0; i < 5; ++i)
      for (const char *gate : {"ry", "rz"}) {
        std::string a = angle(), in = wire[i];
        body +=
            "  " + fresh(i) + " = qgate." + gate + "(" + a + ") " + in + "\n";
      }
    for (unsigned i = 0; i + 1 < 5; ++i) {
      std::string c = wire[i], t = wire[i + 1];
      std::string oc = fresh(i), ot = fresh(i + 1);
      body += "  " + oc + ", " + ot + " = qgate.cx " + c + ", " + t + "\n";
    }
  }
  std::string text = "func.func @ansatz() -> (";
  for (unsigned i = 0; i < 5; ++i)
    text += std::string(i ? ", " : "") + "!qgate.qubit";
  text += ") {\n" + constants + body + "  return ";
  for (unsigned i = 0; i < 5; ++i)
    text += (i ? ", " : "") + wire[i];
  text += " : ";
  for (unsigned i = 0; i < 5; ++i)
    text += std::string(i ? ", " : "") + "!qgate.qubit";
  return text + "\n}\n";
}

Eigen::VectorXcd outputState(ModuleOp module) {
  auto func = *module.getOps<func::FuncOp>().begin();
  FailureOr<sim::FlatCircuit> flat = sim::flattenCircuit(func);
  sim::StateVector state(flat->numWires);
  sim::applyGates(*flat, state);
  return state.getAmplitudes();
}

struct Row {
  std::string mode;
  unsigned gates = 0, twoQubit = 0, pruned = 0;
  double bound = 0, stateFidelity = 1, esp = 1;
};

Row run(MLIRContext &context, const std::string &text, const std::string &mode,
        const target::Target &device, const Eigen::VectorXcd &ideal) {
  Row row;
  row.mode = mode.empty() ? "no pruning" : mode;
  OwningOpRef<ModuleOp> module = parseSourceString<ModuleOp>(text, &context);
  ScopedDiagnosticHandler handler(&context, [&](Diagnostic &diag) {
    std::string message = diag.str();
    size_t at = message.find("at most ");
    if (at != std::string::npos) {
      row.bound = std::stod(message.substr(at + 8));
      row.pruned = std::stoul(message.substr(message.find("pruned ") + 7));
    }
    return success();
  });
  PassManager pm(&context);
  pm.addPass(createAttachTarget(AttachTargetOptions{"montreal"}));
  if (!mode.empty() &&
      failed(parsePassPipeline("prune-gates{" + mode + "}", pm)))
    llvm::report_fatal_error("bad pruning mode");
  if (failed(pm.run(*module)))
    llvm::report_fatal_error("pruning failed");
  Eigen::VectorXcd pruned = outputState(*module);
  row.stateFidelity = std::norm(ideal.dot(pruned));

  PassManager lower(&context);
  lower.addPass(createToTargetBasis());
  buildOptimizationPipeline(lower, 2);
  if (failed(lower.run(*module)))
    llvm::report_fatal_error("lowering failed");
  module->walk([&](qgate::GateOpInterface gate) {
    ++row.gates;
    if (gate.getNumQubits() == 2)
      ++row.twoQubit;
    SmallVector<unsigned> qubits;
    for (Value in : gate.getQubitInputs())
      qubits.push_back(*qgate::traceDeviceQubit(in));
    const target::GateProperties *props =
        device.findGate(gate->getName().stripDialect(), qubits);
    if (props && props->error)
      row.esp *= 1 - *props->error;
  });
  for (unsigned q : kQubits)
    row.esp *= 1 - device.qubits[q].readoutError.value_or(0);
  return row;
}

} // namespace

int main() {
  registerAllPasses();
  DialectRegistry registry;
  registerAllDialects(registry);
  MLIRContext context(registry);
  context.loadAllAvailableDialects();
  std::string errors;
  auto device = target::loadTargetQuietly("montreal", &context, errors);
  if (failed(device)) {
    llvm::errs() << errors << "\n";
    return 1;
  }
  llvm::outs() << "| ansatz seed | pruning | gates pruned | native gates | "
                  "cx | bound | state fidelity | ESP | ESP x fidelity |\n"
                  "|--:|---|--:|--:|--:|--:|--:|--:|--:|\n";
  for (uint64_t seed : {1, 2, 3}) {
    std::string text = ansatzText(seed);
    OwningOpRef<ModuleOp> reference =
        parseSourceString<ModuleOp>(text, &context);
    Eigen::VectorXcd ideal = outputState(*reference);
    for (std::string mode :
         {std::string(), std::string("ratio=0.1"), std::string("ratio=0.2"),
          std::string("ratio=0.3"), std::string("ratio=0.4"),
          std::string("ratio=0.5"), std::string("fidelity-aware=true")}) {
      Row row = run(context, text, mode, **device, ideal);
      llvm::outs() << "| " << seed << " | " << row.mode << " | " << row.pruned
                   << " | " << row.gates << " | " << row.twoQubit << " | "
                   << llvm::format("%.4f", row.bound) << " | "
                   << llvm::format("%.5f", row.stateFidelity) << " | "
                   << llvm::format("%.5f", row.esp) << " | "
                   << llvm::format("%.5f", row.esp * row.stateFidelity)
                   << " |\n";
    }
  }
  return 0;
}
