//===- NoisySimulator.h - circuits under a target's noise -------*- C++ -*-===//
//
// Runs a flattened circuit on device qubits under the target's noise model
// (NoiseModel.h: per gate, thermal relaxation over its calibrated duration
// and then the depolarizing part of its calibrated error; relaxation over
// each idle window of an ASAP schedule of calibrated gate durations;
// readout confusion on measured qubits). Up to `densityMatrixMaxQubits`
// the density matrix is exact; above, Monte-Carlo trajectories on state
// vectors give the same quantities with a standard error.
//
// Three figures of merit, as QuEst uses them:
//  - state fidelity: <psi| rho |psi>, psi the noiseless output state;
//  - PST: the circuit, then its inverse (each gate's inverse carrying the
//    gate's noise), and the probability of reading all zeros, readout
//    error included;
//  - Hellinger fidelity (sum_x sqrt(p_x q_x))^2 of the distribution over
//    the measured qubits (all qubits if none is measured), readout error
//    included, against the noiseless one.
//
//===----------------------------------------------------------------------===//

#ifndef QOPT_SIMULATION_NOISYSIMULATOR_H
#define QOPT_SIMULATION_NOISYSIMULATOR_H

#include "qopt/Simulation/FlatCircuit.h"
#include "qopt/Target/NoiseModel.h"

#include <string>

namespace qopt::sim {

struct NoisyRunOptions {
  unsigned densityMatrixMaxQubits = 13;
  /// Trajectories per quantity, and their random seed.
  unsigned shots = 400;
  uint64_t seed = 1;
  /// Relaxation of idle qubits between gates.
  bool idleNoise = true;
};

struct NoisyRunResult {
  /// "density-matrix" or "trajectories".
  std::string method;
  double stateFidelity = 0, pst = 0, hellinger = 0;
  /// Standard errors of the trajectory estimates (0 for the density matrix).
  double stateFidelityError = 0, pstError = 0;
  unsigned numQubits = 0, shots = 0;
};

/// Simulates `circuit`, whose wires must start on device qubits
/// (qgate.physical), under `noise`. Fails with a message on what it cannot
/// model: gates without a calibration other than virtual rz, mid-circuit
/// measurement, reset and classical conditions.
mlir::FailureOr<NoisyRunResult>
simulateWithNoise(const FlatCircuit &circuit, const target::NoiseModel &noise,
                  const NoisyRunOptions &options, std::string &error);

} // namespace qopt::sim

#endif // QOPT_SIMULATION_NOISYSIMULATOR_H
