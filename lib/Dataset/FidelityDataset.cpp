//===- FidelityDataset.cpp - labelled circuits for the learned estimator --===//

#include "qopt/Dataset/FidelityDataset.h"

#include "qopt/Analysis/FidelityAnalysis.h"
#include "qopt/Dialect/QGate/QGate.h"
#include "qopt/Target/TargetLoader.h"
#include "qopt/Translation/OpenQasm.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/IR/Diagnostics.h"
#include "mlir/Parser/Parser.h"
#include "mlir/Pass/PassManager.h"
#include "mlir/Pass/PassRegistry.h"
#include "llvm/ADT/StringSwitch.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/SourceMgr.h"

#include <map>
#include <mutex>
#include <random>

using namespace mlir;
using namespace qopt;
using namespace qopt::dataset;

namespace {

/// Targets are loaded once per process and shared read-only.
const target::Target *cachedTarget(const std::string &device,
                                   std::string &error) {
  static std::mutex mutex;
  static std::map<std::string, std::shared_ptr<const target::Target>> cache;
  std::lock_guard<std::mutex> lock(mutex);
  auto found = cache.find(device);
  if (found != cache.end())
    return found->second.get();
  MLIRContext context;
  std::string messages;
  auto loaded = target::loadTargetQuietly(device, &context, messages);
  if (failed(loaded)) {
    error = "cannot load target '" + device + "': " + messages;
    return nullptr;
  }
  return (cache[device] = std::move(*loaded)).get();
}

/// A random connected set of `width` device qubits, grown from a random
/// qubit along usable couplings.
std::vector<unsigned> randomConnectedQubits(const target::Target &device,
                                            unsigned width,
                                            std::mt19937_64 &rng) {
  std::vector<unsigned> chosen{unsigned(rng() % device.numQubits)};
  while (chosen.size() < width) {
    std::vector<unsigned> frontier;
    for (auto [a, b] : device.couplingMap) {
      if (!device.isUsableCoupling(a, b))
        continue;
      bool hasA = llvm::is_contained(chosen, a),
           hasB = llvm::is_contained(chosen, b);
      if (hasA != hasB)
        frontier.push_back(hasA ? b : a);
    }
    if (frontier.empty())
      break;
    chosen.push_back(frontier[rng() % frontier.size()]);
  }
  return chosen;
}

std::string formatAngle(double angle) {
  char buffer[32];
  std::snprintf(buffer, sizeof(buffer), "%.17g", angle);
  return buffer;
}

/// QuEst-style random circuit in the device's basis on `qubits`, as MLIR.
std::string randomPhysicalCircuit(const target::Target &device,
                                  const std::vector<unsigned> &qubits,
                                  unsigned numGates, std::mt19937_64 &rng) {
  llvm::StringRef twoQubitGate = device.twoQubitGate();
  std::vector<std::pair<unsigned, unsigned>> pairs; // slots in `qubits`
  for (unsigned a = 0; a < qubits.size(); ++a)
    for (unsigned b = 0; b < qubits.size(); ++b)
      if (a != b && device.isUsableCoupling(qubits[a], qubits[b]) &&
          device.findGate(twoQubitGate, {qubits[a], qubits[b]}))
        pairs.emplace_back(a, b);
  std::vector<std::string> wire(qubits.size());
  unsigned version = 0, constants = 0;
  auto fresh = [&](unsigned slot) {
    return wire[slot] =
               "%q" + std::to_string(slot) + "_" + std::to_string(++version);
  };
  std::string body;
  for (unsigned slot = 0; slot < qubits.size(); ++slot) {
    std::string start = fresh(slot);
    body += "  " + start + " = qgate.physical " + std::to_string(qubits[slot]) +
            "\n";
  }
  std::uniform_real_distribution<double> angle(-M_PI, M_PI);
  for (unsigned g = 0; g < numGates; ++g) {
    if (!pairs.empty() && rng() % 100 < 35) {
      auto [a, b] = pairs[rng() % pairs.size()];
      std::string inA = wire[a], inB = wire[b];
      std::string outA = fresh(a), outB = fresh(b);
      body += "  " + outA + ", " + outB + " = qgate." + twoQubitGate.str() +
              " " + inA + ", " + inB + "\n";
      continue;
    }
    unsigned slot = rng() % qubits.size();
    std::string in = wire[slot];
    unsigned pick = rng() % 5;
    if (pick < 2) {
      std::string c = "%c" + std::to_string(constants++);
      body += "  " + c + " = arith.constant " + formatAngle(angle(rng)) +
              " : f64\n";
      body += "  " + fresh(slot) + " = qgate.rz(" + c + ") " + in + "\n";
    } else {
      body += "  " + fresh(slot) + (pick < 4 ? " = qgate.sx " : " = qgate.x ") +
              in + "\n";
    }
  }
  std::string results, types;
  for (unsigned slot = 0; slot < qubits.size(); ++slot) {
    std::string in = wire[slot], bit = "%m" + std::to_string(slot);
    body += "  " + fresh(slot) + ", " + bit + " = qgate.measure " + in + "\n";
    results += (slot ? ", " : "") + bit;
    types += slot ? ", i1" : "i1";
  }
  return "func.func @random() -> (" + types + ") {\n" + body + "  return " +
         results + " : " + types + "\n}\n";
}

/// A random u3/cx circuit on `width` logical qubits, as OpenQASM 2.
std::string randomLogicalQasm(unsigned width, unsigned numGates,
                              std::mt19937_64 &rng) {
  std::uniform_real_distribution<double> angle(-M_PI, M_PI);
  std::string text = "OPENQASM 2.0;\ninclude \"qelib1.inc\";\nqreg q[" +
                     std::to_string(width) + "];\ncreg c[" +
                     std::to_string(width) + "];\n";
  for (unsigned g = 0; g < numGates; ++g) {
    if (width > 1 && rng() % 100 < 40) {
      unsigned a = rng() % width, b = rng() % (width - 1);
      b += b >= a;
      text += "cx q[" + std::to_string(a) + "],q[" + std::to_string(b) + "];\n";
    } else {
      text += "u3(" + formatAngle(angle(rng)) + "," + formatAngle(angle(rng)) +
              "," + formatAngle(angle(rng)) + ") q[" +
              std::to_string(rng() % width) + "];\n";
    }
  }
  return text + "measure q -> c;\n";
}

/// Collects the first error diagnostic into `error` and silences the rest.
struct CaptureErrors {
  CaptureErrors(MLIRContext &context, std::string &error)
      : handler(&context, [&error](Diagnostic &diag) {
          if (diag.getSeverity() == DiagnosticSeverity::Error && error.empty())
            error = diag.str();
          return success();
        }) {}
  ScopedDiagnosticHandler handler;
};

LogicalResult compileForDevice(ModuleOp module, const ExampleSpec &spec,
                               std::string &error) {
  std::string seed = std::to_string(spec.seed % 1000000007);
  std::string pipeline =
      "attach-target{target=" + spec.device +
      "},to-target-basis,layout{seed=" + seed + "},route{seed=" + seed +
      "},post-layout,to-target-basis,qopt-O" + std::to_string(spec.optLevel);
  PassManager pm(module.getContext());
  if (failed(parsePassPipeline(pipeline, pm)) || failed(pm.run(module))) {
    if (error.empty())
      error = "does not compile for " + spec.device;
    return failure();
  }
  return success();
}

/// SplitMix64: decorrelated per-example seeds from one dataset seed.
uint64_t mix(uint64_t x) {
  x += 0x9e3779b97f4a7c15ULL;
  x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
  x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
  return x ^ (x >> 31);
}

/// Width declared by a QASMBench name: adder_n10 -> 10.
unsigned declaredWidth(llvm::StringRef name) {
  unsigned width = 0;
  size_t at = name.rfind("_n");
  if (at == llvm::StringRef::npos ||
      name.drop_front(at + 2).getAsInteger(10, width))
    return 0;
  return width;
}

/// Widths of the shipped devices, to skip circuits that cannot fit.
unsigned shippedDeviceWidth(llvm::StringRef device) {
  return llvm::StringSwitch<unsigned>(device)
      .Cases("belem", "yorktown", 5)
      .Case("jakarta", 7)
      .Case("montreal", 27)
      .Cases("sherbrooke", "washington", 127)
      .Default(~0u);
}

} // namespace

std::vector<std::pair<std::string, std::string>>
qopt::dataset::findQasmBenchCircuits(const std::string &dir) {
  std::vector<std::pair<std::string, std::string>> found;
  for (const char *tier : {"small", "medium", "large"}) {
    llvm::SmallString<256> tierDir(dir);
    llvm::sys::path::append(tierDir, tier);
    std::error_code ec;
    for (llvm::sys::fs::directory_iterator it(tierDir, ec), end;
         it != end && !ec; it.increment(ec)) {
      std::string name = llvm::sys::path::filename(it->path()).str();
      llvm::SmallString<256> path(it->path());
      llvm::sys::path::append(path, name + ".qasm");
      if (llvm::sys::fs::exists(path))
        found.emplace_back(name, path.str().str());
    }
  }
  llvm::sort(found);
  return found;
}

FailureOr<std::vector<ExampleSpec>>
qopt::dataset::enumerateExamples(const DatasetPlan &plan, std::string &error) {
  std::vector<ExampleSpec> specs;
  uint64_t counter = 0;
  auto nextSeed = [&] { return mix(plan.seed ^ mix(++counter)); };
  if (plan.variants > 0) {
    auto circuits = findQasmBenchCircuits(plan.algorithmsDir);
    if (circuits.empty()) {
      error = "no QASMBench circuits under '" + plan.algorithmsDir + "'";
      return failure();
    }
    for (auto &[name, path] : circuits) {
      std::string family = familyOf(name);
      unsigned width = declaredWidth(name);
      bool wanted = (plan.families.empty() ||
                     llvm::is_contained(plan.families, family)) &&
                    !llvm::is_contained(plan.excludeFamilies, family) &&
                    width <= plan.maxQubits;
      for (const std::string &device : plan.devices)
        for (unsigned v = 0; v < plan.variants; ++v) {
          // Drawn even when skipped, so filters do not shift other seeds.
          uint64_t exampleSeed = nextSeed();
          if (!wanted || width > shippedDeviceWidth(device))
            continue;
          ExampleSpec spec;
          spec.kind = ExampleSpec::Kind::Algorithm;
          spec.device = device;
          spec.seed = exampleSeed;
          spec.circuit = name;
          spec.family = family;
          spec.qasmPath = path;
          spec.optLevel = 1 + v % 3;
          specs.push_back(spec);
        }
    }
  }
  if (plan.devices.empty() && (plan.random || plan.randomCompiled)) {
    error = "random examples need at least one device";
    return failure();
  }
  for (auto [kind, count] :
       {std::pair{ExampleSpec::Kind::Random, plan.random},
        std::pair{ExampleSpec::Kind::RandomCompiled, plan.randomCompiled}})
    for (unsigned i = 0; i < count; ++i) {
      ExampleSpec spec;
      spec.kind = kind;
      spec.device = plan.devices[i % plan.devices.size()];
      spec.seed = nextSeed();
      spec.optLevel = 1 + i % 3;
      specs.push_back(spec);
    }
  return specs;
}

llvm::StringRef qopt::dataset::kindName(ExampleSpec::Kind kind) {
  switch (kind) {
  case ExampleSpec::Kind::Random:
    return "random";
  case ExampleSpec::Kind::RandomCompiled:
    return "random-compiled";
  case ExampleSpec::Kind::Algorithm:
    return "algorithm";
  }
  llvm_unreachable("unknown example kind");
}

std::string qopt::dataset::familyOf(llvm::StringRef circuitName) {
  size_t size = circuitName.rfind("_n");
  llvm::StringRef family = size == llvm::StringRef::npos
                               ? circuitName
                               : circuitName.take_front(size);
  // error_correctiond3 -> error_correction (a distance suffix), but
  // vqe_uccsd stays.
  llvm::StringRef stem = family.rtrim("0123456789");
  if (stem.size() < family.size() && stem.ends_with("d"))
    stem = stem.drop_back();
  return stem.str();
}

FailureOr<OwningOpRef<ModuleOp>>
qopt::dataset::buildCircuit(const ExampleSpec &spec, MLIRContext &context,
                            std::string &error) {
  CaptureErrors capture(context, error);
  std::mt19937_64 rng(spec.seed);
  const target::Target *device = cachedTarget(spec.device, error);
  if (!device)
    return failure();
  if (device->numQubits < 2) {
    error = "needs a device of at least 2 qubits";
    return failure();
  }
  unsigned maxWidth = std::min(10u, device->numQubits);
  unsigned width = 2 + rng() % (maxWidth - 1);
  unsigned numGates = width * (1 + rng() % 30);
  OwningOpRef<ModuleOp> module;
  if (spec.kind == ExampleSpec::Kind::Random) {
    std::vector<unsigned> qubits = randomConnectedQubits(*device, width, rng);
    module = parseSourceString<ModuleOp>(
        randomPhysicalCircuit(*device, qubits, numGates, rng), &context);
    PassManager pm(&context);
    if (!module ||
        failed(parsePassPipeline("attach-target{target=" + spec.device + "}",
                                 pm)) ||
        failed(pm.run(*module)))
      return failure();
    return module;
  }
  llvm::SourceMgr sourceMgr;
  if (spec.kind == ExampleSpec::Kind::RandomCompiled) {
    sourceMgr.AddNewSourceBuffer(
        llvm::MemoryBuffer::getMemBufferCopy(
            randomLogicalQasm(width, numGates, rng), "random.qasm"),
        llvm::SMLoc());
  } else {
    auto buffer = llvm::MemoryBuffer::getFile(spec.qasmPath, /*IsText=*/true);
    if (!buffer) {
      error = spec.qasmPath + ": " + buffer.getError().message();
      return failure();
    }
    sourceMgr.AddNewSourceBuffer(std::move(*buffer), llvm::SMLoc());
  }
  module = importOpenQasm2(sourceMgr, &context);
  if (!module || failed(compileForDevice(*module, spec, error)))
    return failure();
  return module;
}

FailureOr<Example> qopt::dataset::buildExample(const ExampleSpec &spec,
                                               MLIRContext &context,
                                               unsigned maxQubits,
                                               std::string &error) {
  FailureOr<OwningOpRef<ModuleOp>> module = buildCircuit(spec, context, error);
  if (failed(module))
    return failure();
  auto funcs = (**module).getOps<func::FuncOp>();
  if (funcs.empty()) {
    error = "no circuit function";
    return failure();
  }
  func::FuncOp func = *funcs.begin();
  Example example;
  example.spec = spec;
  func.walk([&](Operation *op) {
    if (isa<qgate::PhysicalOp>(op))
      ++example.numQubits;
    else if (isa<qgate::GateOpInterface>(op) && !isa<qgate::IdOp>(op))
      ++example.numGates;
  });
  if (example.numQubits > maxQubits) {
    error =
        "uses " + std::to_string(example.numQubits) +
        " device qubits, more than --max-qubits=" + std::to_string(maxQubits);
    return failure();
  }
  FidelityAnalysis analysis(func);
  FailureOr<const CircuitGraph *> graph = analysis.graph();
  if (failed(graph)) {
    error = analysis.getError();
    return failure();
  }
  example.graph = **graph;
  sim::NoisyRunOptions options;
  options.densityMatrixMaxQubits = maxQubits;
  FailureOr<sim::NoisyRunResult> run = analysis.simulate(options);
  if (failed(run)) {
    error = analysis.getError();
    return failure();
  }
  example.simulated = *run;
  return example;
}

llvm::json::Object qopt::dataset::toJson(const Example &example) {
  const ExampleSpec &spec = example.spec;
  llvm::json::Object record{{"kind", kindName(spec.kind)},
                            {"device", spec.device},
                            {"seed", spec.seed},
                            {"num_qubits", example.numQubits},
                            {"num_gates", example.numGates},
                            {"state_fidelity", example.simulated.stateFidelity},
                            {"pst", example.simulated.pst},
                            {"hellinger", example.simulated.hellinger},
                            {"esp", example.graph.esp()},
                            {"graph", example.graph.toJson()}};
  if (spec.kind != ExampleSpec::Kind::Random)
    record["opt_level"] = spec.optLevel;
  if (spec.kind == ExampleSpec::Kind::Algorithm) {
    record["circuit"] = spec.circuit;
    record["family"] = spec.family;
  }
  return record;
}
