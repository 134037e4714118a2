//===- ApplyGateTest.cpp - index-arithmetic gate application --------------===//
//
// applyGate must agree with the textbook embedding: Kronecker products with
// identities, and a permutation for wires that are not adjacent or in order.
//
//===----------------------------------------------------------------------===//

#include "qopt/Simulation/CircuitUnitary.h"
#include "qopt/Simulation/Kernels.h"

#include "gtest/gtest.h"

#include <Eigen/Dense>
#include <random>

using namespace qopt;
using Matrix = Eigen::MatrixXcd;

namespace {

Matrix kron(const Matrix &a, const Matrix &b) {
  Matrix out(a.rows() * b.rows(), a.cols() * b.cols());
  for (Eigen::Index i = 0; i < a.rows(); ++i)
    for (Eigen::Index j = 0; j < a.cols(); ++j)
      out.block(i * b.rows(), j * b.cols(), b.rows(), b.cols()) = a(i, j) * b;
  return out;
}

Matrix randomUnitary(unsigned dim, std::mt19937_64 &rng) {
  std::normal_distribution<double> normal;
  Matrix m(dim, dim);
  for (unsigned i = 0; i < dim; ++i)
    for (unsigned j = 0; j < dim; ++j)
      m(i, j) = {normal(rng), normal(rng)};
  Eigen::HouseholderQR<Matrix> qr(m);
  return qr.householderQ();
}

/// The full-space matrix of `gate` on `wires` built by brute force: each
/// basis state's wire bits are read, mapped through `gate`, and written back.
Matrix embedByDefinition(const Matrix &gate, const std::vector<unsigned> &wires,
                         unsigned numWires) {
  unsigned dim = 1u << numWires, k = wires.size();
  Matrix full = Matrix::Zero(dim, dim);
  auto bit = [&](unsigned index, unsigned wire) {
    return (index >> (numWires - 1 - wire)) & 1u;
  };
  for (unsigned col = 0; col < dim; ++col)
    for (unsigned row = 0; row < dim; ++row) {
      bool othersEqual = true;
      for (unsigned w = 0; w < numWires; ++w)
        if (std::find(wires.begin(), wires.end(), w) == wires.end() &&
            bit(row, w) != bit(col, w))
          othersEqual = false;
      if (!othersEqual)
        continue;
      unsigned r = 0, c = 0;
      for (unsigned b = 0; b < k; ++b) {
        r = (r << 1) | bit(row, wires[b]);
        c = (c << 1) | bit(col, wires[b]);
      }
      full(row, col) = gate(r, c);
    }
  return full;
}

TEST(ApplyGate, AdjacentWiresMatchKroneckerProduct) {
  std::mt19937_64 rng(1);
  Matrix g = randomUnitary(4, rng);
  Matrix state = Matrix::Identity(16, 16);
  applyGate(state, g, {1, 2}, 4);
  Matrix id2 = Matrix::Identity(2, 2);
  EXPECT_TRUE(state.isApprox(kron(kron(id2, g), id2), 1e-12));
}

TEST(ApplyGate, AnyWireOrderMatchesDefinition) {
  std::mt19937_64 rng(2);
  for (int trial = 0; trial < 50; ++trial) {
    unsigned numWires = 1 + rng() % 5;
    unsigned k = 1 + rng() % std::min(3u, numWires);
    std::vector<unsigned> wires;
    while (wires.size() < k) {
      unsigned w = rng() % numWires;
      if (std::find(wires.begin(), wires.end(), w) == wires.end())
        wires.push_back(w);
    }
    Matrix g = randomUnitary(1u << k, rng);
    Matrix state = randomUnitary(1u << numWires, rng);
    Matrix expected = embedByDefinition(g, wires, numWires) * state;
    applyGate(state, g, wires, numWires);
    EXPECT_TRUE(state.isApprox(expected, 1e-12)) << "trial " << trial;
  }
}

TEST(ReducedDensityMatrix, AnyWireOrderMatchesPartialTrace) {
  // rho(s, s') = sum over basis states x, x' that agree off `wires` and
  // read s and s' on them (wires[0] most significant) of psi(x) psi(x)*.
  std::mt19937_64 rng(3);
  for (int trial = 0; trial < 50; ++trial) {
    unsigned numWires = 1 + rng() % 5;
    unsigned k = 1 + rng() % std::min(3u, numWires);
    std::vector<unsigned> wires;
    while (wires.size() < k) {
      unsigned w = rng() % numWires;
      if (std::find(wires.begin(), wires.end(), w) == wires.end())
        wires.push_back(w);
    }
    Eigen::VectorXcd psi = randomUnitary(1u << numWires, rng).col(0);
    auto bit = [&](uint64_t x, unsigned wire) {
      return (x >> (numWires - 1 - wire)) & 1;
    };
    auto sub = [&](uint64_t x) {
      uint64_t s = 0;
      for (unsigned wire : wires)
        s = (s << 1) | bit(x, wire);
      return s;
    };
    auto rest = [&](uint64_t x) {
      for (unsigned wire : wires)
        x &= ~(uint64_t(1) << (numWires - 1 - wire));
      return x;
    };
    Matrix expected = Matrix::Zero(1 << k, 1 << k);
    for (uint64_t x = 0; x < psi.size(); ++x)
      for (uint64_t y = 0; y < psi.size(); ++y)
        if (rest(x) == rest(y))
          expected(sub(x), sub(y)) += psi(x) * std::conj(psi(y));
    Matrix rho = sim::reducedDensityMatrix(psi.data(), numWires, wires);
    EXPECT_TRUE(rho.isApprox(expected, 1e-12)) << "trial " << trial;
    EXPECT_NEAR(rho.trace().real(), 1, 1e-12);
  }
}

TEST(EqualUpToGlobalPhase, DetectsPhaseAndRejectsRelativePhase) {
  Matrix z = Matrix::Identity(2, 2);
  z(1, 1) = -1;
  Matrix id = Matrix::Identity(2, 2);
  EXPECT_TRUE(equalUpToGlobalPhase(std::polar(1.0, 0.7) * id, id));
  EXPECT_FALSE(equalUpToGlobalPhase(z, id));
  EXPECT_FALSE(equalUpToGlobalPhase(2.0 * id, id));
}

} // namespace
