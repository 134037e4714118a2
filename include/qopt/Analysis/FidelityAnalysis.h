//===- FidelityAnalysis.h - how well will this circuit run? -----*- C++ -*-===//
//
// One analysis, three answers (QuEst's question, how well a circuit will run
// on a device, answered at increasing cost):
//  - esp: the estimated success probability, the product over gates of
//    (1 - calibrated gate error), over measured qubits of
//    (1 - readout error), and over the idle windows of an ASAP schedule of
//    calibrated gate durations of the average fidelity of thermal
//    relaxation over the window (T1, T2);
//  - simulate: noisy simulation under the same noise model
//    (NoisySimulator.h): state fidelity, PST and Hellinger fidelity;
//  - learned: a message-passing network over the gate DAG trained against
//    `simulate` (LearnedFidelityModel.h), QuEst's idea at ESP's cost.
// Passes get it with getAnalysis<FidelityAnalysis>() on a circuit function
// on device qubits in a module with a target.
//
//===----------------------------------------------------------------------===//

#ifndef QOPT_ANALYSIS_FIDELITYANALYSIS_H
#define QOPT_ANALYSIS_FIDELITYANALYSIS_H

#include "qopt/Analysis/CircuitGraph.h"
#include "qopt/Analysis/LearnedFidelityModel.h"
#include "qopt/Simulation/FlatCircuit.h"
#include "qopt/Simulation/NoisySimulator.h"
#include "qopt/Target/NoiseModel.h"

#include "mlir/IR/Operation.h"

#include <memory>
#include <string>

namespace qopt {

class FidelityAnalysis {
public:
  /// `op` is a func.func. Problems (no target, virtual qubits, symbolic
  /// angles) make the analysis invalid, with the reason in getError().
  explicit FidelityAnalysis(mlir::Operation *op);

  bool isValid() const { return valid; }
  const std::string &getError() const { return error; }
  const target::Target &getTarget() const { return *device; }
  /// Device qubits the circuit uses.
  unsigned getNumQubits() const { return circuit.numWires; }
  /// Gates of the circuit, not counting measurements and resets.
  unsigned getNumGates() const { return circuit.numGates(); }

  /// The ESP estimate; fails with getError() set on gates without a
  /// calibration (other than virtual rz). Cheaper than graph(): it does not
  /// follow the noiseless state.
  mlir::FailureOr<double> esp();
  /// The circuit as the learned model reads it (cached).
  mlir::FailureOr<const CircuitGraph *> graph();
  /// The learned model's state-fidelity estimate.
  mlir::FailureOr<double> learned(
      const LearnedFidelityModel &model = LearnedFidelityModel::getDefault());
  /// Noisy simulation; the result is cached per option set.
  mlir::FailureOr<sim::NoisyRunResult>
  simulate(const sim::NoisyRunOptions &options);

private:
  bool valid = false;
  std::string error;
  std::shared_ptr<const target::Target> device;
  std::unique_ptr<target::NoiseModel> noise;
  sim::FlatCircuit circuit;
  std::optional<CircuitGraph> cachedGraph;
  std::optional<double> cachedEsp;
};

} // namespace qopt

#endif // QOPT_ANALYSIS_FIDELITYANALYSIS_H
