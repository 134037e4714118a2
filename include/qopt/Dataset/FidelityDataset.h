//===- FidelityDataset.h - labelled circuits for the learned estimator -*- C++
//-*-===//
//
// The examples the learned fidelity model is trained and evaluated on, each
// a circuit on device qubits labelled by noisy density-matrix simulation:
//  - random: QuEst-style random basis gates (rz, sx, x and the device's
//    two-qubit gate on calibrated pairs) over a random connected set of
//    2-10 device qubits, all measured;
//  - random-compiled: a random u3/cx circuit on logical qubits compiled like
//    `qopt --target=<device> -O<level>` (layout, routing, basis, optimize),
//    so the training set sees what the compiler emits;
//  - algorithm: a QASMBench circuit compiled the same way.
// Every example is determined by its spec (kind, device, seed, circuit), so
// any subset can be regenerated independently of the others: that is what
// lets qopt-dataset run shards on different machines.
//
//===----------------------------------------------------------------------===//

#ifndef QOPT_DATASET_FIDELITYDATASET_H
#define QOPT_DATASET_FIDELITYDATASET_H

#include "qopt/Analysis/CircuitGraph.h"
#include "qopt/Simulation/NoisySimulator.h"

#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/OwningOpRef.h"

#include <string>
#include <vector>

namespace qopt::dataset {

struct ExampleSpec {
  enum class Kind { Random, RandomCompiled, Algorithm };
  Kind kind = Kind::Random;
  std::string device;
  uint64_t seed = 0;
  /// Algorithm: the circuit's name (e.g. adder_n10), its family (adder) and
  /// its OpenQASM 2 file.
  std::string circuit, family, qasmPath;
  /// Compiled kinds: the -O level.
  unsigned optLevel = 3;
};

llvm::StringRef kindName(ExampleSpec::Kind kind);

/// Which examples to make. Example seeds come from `seed` and the example's
/// place in the enumeration, never from filters, so a filtered or sharded
/// plan yields the same examples as the full one.
struct DatasetPlan {
  std::vector<std::string> devices;
  unsigned random = 0, randomCompiled = 0;
  /// Compilations of each QASMBench circuit per device.
  unsigned variants = 0;
  std::string algorithmsDir;
  std::vector<std::string> families, excludeFamilies;
  unsigned maxQubits = 10;
  uint64_t seed = 1;
};

/// The plan's examples in order; fails with `error` if it asks for
/// algorithm circuits and `algorithmsDir` has none.
mlir::FailureOr<std::vector<ExampleSpec>>
enumerateExamples(const DatasetPlan &plan, std::string &error);

struct Example {
  ExampleSpec spec;
  unsigned numQubits = 0;
  unsigned numGates = 0;
  sim::NoisyRunResult simulated;
  CircuitGraph graph;
};

/// The QASMBench circuits under `dir`, as (name, path) pairs sorted by name:
/// `<dir>/{small,medium,large}/<name>/<name>.qasm`.
std::vector<std::pair<std::string, std::string>>
findQasmBenchCircuits(const std::string &dir);

/// The family of a QASMBench circuit name: adder_n10 -> adder,
/// vqe_uccsd_n4 -> vqe_uccsd.
std::string familyOf(llvm::StringRef circuitName);

/// Builds the spec's circuit on device qubits of its device, in a module
/// carrying the target. Fails with `error` if it does not compile.
mlir::FailureOr<mlir::OwningOpRef<mlir::ModuleOp>>
buildCircuit(const ExampleSpec &spec, mlir::MLIRContext &context,
             std::string &error);

/// Builds, features and labels one example. Fails with `error` on circuits
/// the simulator cannot label (wider than `maxQubits`, mid-circuit
/// measurement).
mlir::FailureOr<Example> buildExample(const ExampleSpec &spec,
                                      mlir::MLIRContext &context,
                                      unsigned maxQubits, std::string &error);

/// One JSON Lines record.
llvm::json::Object toJson(const Example &example);

} // namespace qopt::dataset

#endif // QOPT_DATASET_FIDELITYDATASET_H
