//===- StateVector.h - a pure n-qubit state ---------------------*- C++ -*-===//

#ifndef QOPT_SIMULATION_STATEVECTOR_H
#define QOPT_SIMULATION_STATEVECTOR_H

#include "qopt/Simulation/Kernels.h"

namespace qopt::sim {

/// 2^n amplitudes, starting in |0...0>. Wire w is index bit (n-1-w).
class StateVector {
public:
  explicit StateVector(unsigned numQubits);
  StateVector(unsigned numQubits, Eigen::VectorXcd amplitudes);

  unsigned getNumQubits() const { return numQubits; }
  const Eigen::VectorXcd &getAmplitudes() const { return amps; }
  Eigen::VectorXcd &getAmplitudes() { return amps; }

  void apply(const Eigen::MatrixXcd &gate, llvm::ArrayRef<unsigned> wires) {
    applyMatrix(amps.data(), numQubits, gate, wires);
  }
  double probabilityOfOne(unsigned wire) const {
    return sim::probabilityOfOne(amps.data(), numQubits, wire);
  }
  /// Collapses `wire` to `outcome`, renormalising; returns the outcome's
  /// probability before the collapse (0 leaves the state unnormalised).
  double collapse(unsigned wire, bool outcome);
  /// Returns `wire` to |0> as a measurement followed by a conditional flip
  /// would, given the measured `outcome`.
  void resetAfterOutcome(unsigned wire, bool outcome);

private:
  unsigned numQubits;
  Eigen::VectorXcd amps;
};

/// A random normalised state whose amplitudes are i.i.d. uniform in the
/// complex square [-1,1]^2, from `rng`'s stream. Not Haar-distributed, but
/// like a Haar state it lies in no fixed lower-dimensional set, which is what
/// a randomized equivalence test needs, and it costs no transcendental
/// functions.
template <typename Rng>
Eigen::VectorXcd randomState(unsigned numQubits, Rng &rng);

} // namespace qopt::sim

template <typename Rng>
Eigen::VectorXcd qopt::sim::randomState(unsigned numQubits, Rng &rng) {
  // 53 random mantissa bits mapped to [-1, 1).
  auto uniform = [&rng] { return double(rng() >> 11) * 0x1.0p-52 - 1.0; };
  Eigen::VectorXcd v(Eigen::Index(1) << numQubits);
  for (Eigen::Index i = 0; i < v.size(); ++i) {
    double re = uniform();
    v(i) = Amplitude(re, uniform());
  }
  return v / v.norm();
}

#endif // QOPT_SIMULATION_STATEVECTOR_H
