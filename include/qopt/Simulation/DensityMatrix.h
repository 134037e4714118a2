//===- DensityMatrix.h - a mixed n-qubit state ------------------*- C++ -*-===//
//
// rho stored as the 2n-qubit vector vec(rho) with rho(i, j) at index
// i * 2^n + j, so row wire w is wire w and column wire w is wire n + w of
// the vector. A unitary U on wires W is then U on W and conj(U) on n + W,
// and a channel with Kraus operators K is its superoperator
// sum_k K (x) conj(K) on the wires W and n + W together: both are the
// state-vector kernels, in place, never a 4^n x 4^n matrix.
//
//===----------------------------------------------------------------------===//

#ifndef QOPT_SIMULATION_DENSITYMATRIX_H
#define QOPT_SIMULATION_DENSITYMATRIX_H

#include "qopt/Simulation/Kernels.h"

#include <vector>

namespace qopt::sim {

/// The superoperator of the channel rho -> sum_k K_k rho K_k^dagger, acting
/// on vec(rho) with the row index first: sum_k K_k (x) conj(K_k).
Eigen::MatrixXcd krausToSuperoperator(llvm::ArrayRef<Eigen::MatrixXcd> kraus);

class DensityMatrix {
public:
  /// |0...0><0...0|.
  explicit DensityMatrix(unsigned numQubits);
  /// |psi><psi|.
  static DensityMatrix fromPure(const Eigen::VectorXcd &psi);

  unsigned getNumQubits() const { return numQubits; }
  Amplitude entry(uint64_t row, uint64_t column) const {
    return data[(row << numQubits) | column];
  }

  void applyUnitary(const Eigen::MatrixXcd &gate,
                    llvm::ArrayRef<unsigned> wires);
  /// Applies a channel given by its superoperator on `wires` (from
  /// krausToSuperoperator on as many qubits as `wires` has).
  void applySuperoperator(const Eigen::MatrixXcd &superoperator,
                          llvm::ArrayRef<unsigned> wires);
  void applyKraus(llvm::ArrayRef<Eigen::MatrixXcd> kraus,
                  llvm::ArrayRef<unsigned> wires) {
    applySuperoperator(krausToSuperoperator(kraus), wires);
  }

  double trace() const;
  /// Tr(rho^2).
  double purity() const;
  /// <psi| rho |psi>.
  double fidelityToPure(const Eigen::VectorXcd &psi) const;
  /// The diagonal: the probability of each basis state.
  std::vector<double> probabilities() const;

private:
  unsigned numQubits;
  std::vector<Amplitude> data;
};

/// The single-qubit depolarizing channel that applies X, Y and Z each with
/// probability p/3, as a superoperator.
Eigen::MatrixXcd pauliDepolarizingSuperoperator(double p);
/// Amplitude damping with decay probability gamma, as a superoperator.
Eigen::MatrixXcd amplitudeDampingSuperoperator(double gamma);

} // namespace qopt::sim

#endif // QOPT_SIMULATION_DENSITYMATRIX_H
