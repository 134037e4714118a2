//===- Simulator.h - ideal simulation of flattened circuits -----*- C++ -*-===//

#ifndef QOPT_SIMULATION_SIMULATOR_H
#define QOPT_SIMULATION_SIMULATOR_H

#include "qopt/Simulation/FlatCircuit.h"
#include "qopt/Simulation/StateVector.h"

#include <map>

namespace qopt::sim {

/// Largest circuit whose dense unitary qopt builds (2^12 x 2^12 complex
/// doubles is 256 MiB).
inline constexpr unsigned kMaxUnitaryQubits = 12;

/// Largest circuit simulated as a state vector by the equivalence checker
/// (2^28 complex doubles is 4 GiB per vector, and a check holds a few).
inline constexpr unsigned kMaxStateVectorQubits = 28;

/// Applies the gates of a unitary circuit (FlatCircuit::isUnitary) to `state`.
void applyGates(const FlatCircuit &circuit, StateVector &state);

/// The unitary of a unitary circuit with at most kMaxUnitaryQubits wires.
Eigen::MatrixXcd buildUnitary(const FlatCircuit &circuit);

/// For each instruction, whether it is a measurement whose outcome can be
/// read off the final state: it is unconditional, and nothing after it acts
/// on its wire or reads its bit.
std::vector<bool> findTerminalMeasurements(const FlatCircuit &circuit);

/// Exact distribution of the circuit's returned classical bits, starting from
/// |0...0>. Mid-circuit measurements and resets branch; measurements at the
/// end of a wire are read off the final state of each branch instead.
/// Branches below `pruneBelow` probability are dropped.
std::map<std::vector<char>, double>
outputDistribution(const FlatCircuit &circuit, double pruneBelow = 1e-15);

} // namespace qopt::sim

#endif // QOPT_SIMULATION_SIMULATOR_H
