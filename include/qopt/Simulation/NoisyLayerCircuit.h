//===- NoisyLayerCircuit.h - the density-matrix reference circuit -*- C++
//-*-===//
//
// A layered circuit with a fixed noise recipe, used to compare qopt's
// density-matrix simulator with Quantum++ on the same computation:
//   for each layer l: RY(0.3 + 0.17 q (l + 1)) on every qubit q, then
//   CX(q, q + 1) for q = 0..n-2, then RZ(0.11 + 0.23 q + 0.05 l) on every q;
//   after each one-qubit gate: depolarizing p1 (X, Y, Z each p1/3), then
//   amplitude damping gamma; after each CX, on each of its qubits:
//   depolarizing p2 then amplitude damping gamma.
//
//===----------------------------------------------------------------------===//

#ifndef QOPT_SIMULATION_NOISYLAYERCIRCUIT_H
#define QOPT_SIMULATION_NOISYLAYERCIRCUIT_H

#include "qopt/Simulation/DensityMatrix.h"

namespace qopt::sim {

struct NoisyLayerRecipe {
  unsigned numQubits = 10;
  unsigned layers = 2;
  double p1 = 1e-3, p2 = 1e-2, gamma = 2e-3;
};

struct NoisyLayerResult {
  double fidelity = 0; ///< <psi_ideal| rho |psi_ideal>
  double purity = 0;   ///< Tr(rho^2)
  double trace = 0;
  unsigned numGates = 0;
};

/// Runs the recipe on a density matrix (and the ideal circuit on a state
/// vector). Each one-qubit gate and its two channels are applied as one
/// fused superoperator.
NoisyLayerResult runNoisyLayerCircuit(const NoisyLayerRecipe &recipe);

} // namespace qopt::sim

#endif // QOPT_SIMULATION_NOISYLAYERCIRCUIT_H
