//===- DensityMatrix.cpp - a mixed n-qubit state --------------------------===//

#include "qopt/Simulation/DensityMatrix.h"

#include <cassert>

using namespace qopt;
using namespace qopt::sim;

Eigen::MatrixXcd
sim::krausToSuperoperator(llvm::ArrayRef<Eigen::MatrixXcd> kraus) {
  assert(!kraus.empty() && "a channel has at least one Kraus operator");
  Eigen::Index d = kraus.front().rows();
  Eigen::MatrixXcd superoperator = Eigen::MatrixXcd::Zero(d * d, d * d);
  // Index (r, c) of vec(rho) is r * d + c; the Kronecker product with the
  // row factor first matches it.
  for (const Eigen::MatrixXcd &k : kraus) {
    Eigen::MatrixXcd conjugate = k.conjugate();
    for (Eigen::Index r = 0; r < d; ++r)
      for (Eigen::Index r2 = 0; r2 < d; ++r2)
        superoperator.block(r * d, r2 * d, d, d) += k(r, r2) * conjugate;
  }
  return superoperator;
}

DensityMatrix::DensityMatrix(unsigned numQubits)
    : numQubits(numQubits), data(uint64_t(1) << (2 * numQubits)) {
  data[0] = 1.0;
}

DensityMatrix DensityMatrix::fromPure(const Eigen::VectorXcd &psi) {
  unsigned n = 0;
  while ((Eigen::Index(1) << n) < psi.size())
    ++n;
  DensityMatrix rho(n);
  uint64_t dim = uint64_t(1) << n;
  for (uint64_t i = 0; i < dim; ++i)
    for (uint64_t j = 0; j < dim; ++j)
      rho.data[(i << n) | j] = psi(i) * std::conj(psi(j));
  return rho;
}

void DensityMatrix::applyUnitary(const Eigen::MatrixXcd &gate,
                                 llvm::ArrayRef<unsigned> wires) {
  llvm::SmallVector<unsigned, 4> columns;
  for (unsigned wire : wires)
    columns.push_back(numQubits + wire);
  applyMatrix(data.data(), 2 * numQubits, gate, wires);
  applyMatrix(data.data(), 2 * numQubits, gate.conjugate(), columns);
}

void DensityMatrix::applySuperoperator(const Eigen::MatrixXcd &superoperator,
                                       llvm::ArrayRef<unsigned> wires) {
  // The superoperator's index is (rows of all wires, columns of all wires).
  llvm::SmallVector<unsigned, 8> both(wires.begin(), wires.end());
  for (unsigned wire : wires)
    both.push_back(numQubits + wire);
  applyMatrix(data.data(), 2 * numQubits, superoperator, both);
}

double DensityMatrix::trace() const {
  uint64_t dim = uint64_t(1) << numQubits;
  double sum = 0;
  for (uint64_t i = 0; i < dim; ++i)
    sum += data[(i << numQubits) | i].real();
  return sum;
}

double DensityMatrix::purity() const {
  double sum = 0;
  for (const Amplitude &entry : data)
    sum += std::norm(entry);
  return sum;
}

double DensityMatrix::fidelityToPure(const Eigen::VectorXcd &psi) const {
  uint64_t dim = uint64_t(1) << numQubits;
  Amplitude sum = 0;
  for (uint64_t i = 0; i < dim; ++i) {
    Amplitude row = 0;
    const Amplitude *rhoRow = &data[i << numQubits];
    for (uint64_t j = 0; j < dim; ++j)
      row += rhoRow[j] * psi(j);
    sum += std::conj(psi(i)) * row;
  }
  return sum.real();
}

std::vector<double> DensityMatrix::probabilities() const {
  uint64_t dim = uint64_t(1) << numQubits;
  std::vector<double> diagonal(dim);
  for (uint64_t i = 0; i < dim; ++i)
    diagonal[i] = data[(i << numQubits) | i].real();
  return diagonal;
}

Eigen::MatrixXcd sim::pauliDepolarizingSuperoperator(double p) {
  Eigen::MatrixXcd i2 = Eigen::MatrixXcd::Identity(2, 2), x(2, 2), y(2, 2),
                   z(2, 2);
  x << 0, 1, 1, 0;
  y << 0, Amplitude(0, -1), Amplitude(0, 1), 0;
  z << 1, 0, 0, -1;
  double keep = std::sqrt(1 - p), flip = std::sqrt(p / 3);
  return krausToSuperoperator(
      {Eigen::MatrixXcd(keep * i2), Eigen::MatrixXcd(flip * x),
       Eigen::MatrixXcd(flip * y), Eigen::MatrixXcd(flip * z)});
}

Eigen::MatrixXcd sim::amplitudeDampingSuperoperator(double gamma) {
  Eigen::MatrixXcd k0 = Eigen::MatrixXcd::Zero(2, 2),
                   k1 = Eigen::MatrixXcd::Zero(2, 2);
  k0(0, 0) = 1;
  k0(1, 1) = std::sqrt(1 - gamma);
  k1(0, 1) = std::sqrt(gamma);
  return krausToSuperoperator({k0, k1});
}
