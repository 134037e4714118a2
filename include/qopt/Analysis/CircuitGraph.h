//===- CircuitGraph.h - a mapped circuit as features for a model -*- C++
//-*-===//
//
// The learned fidelity estimator (QuEst) reads a circuit as a graph: one node
// per gate, measurement or reset of the flattened circuit on device qubits,
// edges
// from each node to the next node on each of its wires, node features from
// the gate and the calibration of its qubits, and whole-circuit features.
// The same code builds the features for the dataset tool, for training and
// for inference, so they cannot drift apart; the ESP estimate is computed
// from the same schedule.
//
//===----------------------------------------------------------------------===//

#ifndef QOPT_ANALYSIS_CIRCUITGRAPH_H
#define QOPT_ANALYSIS_CIRCUITGRAPH_H

#include "qopt/Simulation/FlatCircuit.h"
#include "qopt/Target/NoiseModel.h"

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/JSON.h"

#include <string>
#include <vector>

namespace qopt {

struct CircuitGraph {
  /// Names of the node and global features, in order; models record them so
  /// a model trained on other features is refused.
  static llvm::ArrayRef<llvm::StringRef> nodeFeatureNames();
  static llvm::ArrayRef<llvm::StringRef> globalFeatureNames();

  /// Row-major: numNodes x nodeFeatureNames().size().
  std::vector<double> nodeFeatures;
  unsigned numNodes = 0;
  /// Directed edges (from, to): each node to the next node on each wire.
  std::vector<std::pair<unsigned, unsigned>> edges;
  std::vector<double> globalFeatures;

  /// The ESP estimate's factors as -log: gate errors, readout errors and
  /// idle relaxation. ESP = exp(-(gates + readout + idle)).
  double negLogGateFidelity = 0, negLogReadoutFidelity = 0,
         negLogIdleFidelity = 0;
  double esp() const {
    return std::exp(
        -(negLogGateFidelity + negLogReadoutFidelity + negLogIdleFidelity));
  }

  /// The first-order estimate of the state fidelity: every node's noise
  /// acting alone on the noiseless state, multiplied (readout excluded, as
  /// the state fidelity excludes it). The learned model corrects it.
  double firstOrderFidelity() const;

  llvm::json::Object toJson() const;
  /// Reads what toJson wrote; fails with `error` on a malformed record.
  static mlir::FailureOr<CircuitGraph> fromJson(const llvm::json::Object &json,
                                                std::string &error);
};

/// Builds the graph of `circuit`, whose wires must start on device qubits of
/// `noise`'s target, scheduling gates ASAP with calibrated durations. Fails
/// with `error` on a gate the target does not calibrate (other than virtual
/// rz). The state features follow the noiseless state vector (2^n work per
/// gate, up to 14 wires) unless `followState` is false or the circuit is
/// wider, has resets, conditions or mid-circuit measurements: then they
/// take their values for a Haar-random state.
mlir::FailureOr<CircuitGraph> buildCircuitGraph(const sim::FlatCircuit &circuit,
                                                const target::NoiseModel &noise,
                                                std::string &error,
                                                bool followState = true);

} // namespace qopt

#endif // QOPT_ANALYSIS_CIRCUITGRAPH_H
