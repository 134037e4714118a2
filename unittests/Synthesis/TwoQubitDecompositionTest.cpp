//===- TwoQubitDecompositionTest.cpp - KAK and minimal-CX synthesis -------===//

#include "qopt/Synthesis/TwoQubitDecomposition.h"

#include "llvm/ADT/STLExtras.h"

#include <gtest/gtest.h>

#include <Eigen/QR>

#include <complex>
#include <random>

using namespace qopt::synthesis;
using Complex = std::complex<double>;
using Eigen::Matrix2cd;
using Eigen::Matrix4cd;

namespace {

const Complex kI(0, 1);

Matrix4cd kron(const Matrix2cd &a, const Matrix2cd &b) {
  Matrix4cd k;
  for (int i = 0; i < 2; ++i)
    for (int j = 0; j < 2; ++j)
      k.block<2, 2>(2 * i, 2 * j) = a(i, j) * b;
  return k;
}

Matrix2cd pauli(char p) {
  Matrix2cd m;
  switch (p) {
  case 'X':
    m << 0, 1, 1, 0;
    break;
  case 'Y':
    m << 0, -kI, kI, 0;
    break;
  default:
    m << 1, 0, 0, -1;
  }
  return m;
}

/// exp(i t P(x)P) = cos t + i sin t P(x)P, since (P(x)P)^2 = 1.
Matrix4cd parityRotation(char p, double t) {
  return std::cos(t) * Matrix4cd::Identity() +
         kI * std::sin(t) * kron(pauli(p), pauli(p));
}

template <int N> Eigen::Matrix<Complex, N, N> haar(std::mt19937_64 &rng) {
  std::normal_distribution<double> normal;
  Eigen::Matrix<Complex, N, N> g;
  for (int i = 0; i < N; ++i)
    for (int j = 0; j < N; ++j)
      g(i, j) = Complex(normal(rng), normal(rng));
  Eigen::HouseholderQR<Eigen::Matrix<Complex, N, N>> qr(g);
  Eigen::Matrix<Complex, N, N> q = qr.householderQ();
  Eigen::Matrix<Complex, N, N> r =
      qr.matrixQR().template triangularView<Eigen::Upper>();
  for (int i = 0; i < N; ++i)
    q.col(i) *= r(i, i) / std::abs(r(i, i));
  return q;
}

double distanceUpToPhase(const Matrix4cd &x, const Matrix4cd &y) {
  Complex overlap = (y.adjoint() * x).trace();
  return (x - overlap / std::abs(overlap) * y).cwiseAbs().maxCoeff();
}

Matrix4cd cx01() {
  Matrix4cd m = Matrix4cd::Zero();
  m(0, 0) = m(1, 1) = m(2, 3) = m(3, 2) = 1;
  return m;
}

Matrix4cd swapGate() {
  Matrix4cd m = Matrix4cd::Zero();
  m(0, 0) = m(1, 2) = m(2, 1) = m(3, 3) = 1;
  return m;
}

Matrix4cd randomLocal(std::mt19937_64 &rng) {
  return kron(haar<2>(rng), haar<2>(rng));
}

unsigned countCX(const llvm::SmallVector<TwoQubitStep> &steps) {
  return llvm::count_if(steps, [](const TwoQubitStep &s) { return s.isCX; });
}

/// Synthesizes `u`, checks the circuit equals it and returns its CX count.
unsigned synthesizedCX(const Matrix4cd &u) {
  auto steps = synthesizeTwoQubit(u);
  EXPECT_TRUE(steps.has_value());
  if (!steps)
    return 99;
  EXPECT_LT(distanceUpToPhase(twoQubitCircuitMatrix(*steps), u), 1e-9);
  auto kak = decomposeKAK(u);
  EXPECT_TRUE(kak.has_value());
  if (kak)
    EXPECT_EQ(countCX(*steps), minimalCXCount(*kak));
  return countCX(*steps);
}

TEST(TwoQubitDecomposition, CanonicalGateIsTheProductOfParityRotations) {
  std::mt19937_64 rng(7);
  std::uniform_real_distribution<double> angle(-M_PI, M_PI);
  for (int trial = 0; trial < 50; ++trial) {
    double a = angle(rng), b = angle(rng), c = angle(rng);
    Matrix4cd expected = parityRotation('X', a) * parityRotation('Y', b) *
                         parityRotation('Z', c);
    EXPECT_LT((canonicalGate(a, b, c) - expected).cwiseAbs().maxCoeff(), 1e-12);
  }
}

TEST(TwoQubitDecomposition, KAKRebuildsHaarRandomUnitaries) {
  std::mt19937_64 rng(11);
  for (int trial = 0; trial < 500; ++trial) {
    Matrix4cd u = haar<4>(rng);
    auto kak = decomposeKAK(u);
    ASSERT_TRUE(kak.has_value());
    Matrix4cd rebuilt = std::exp(kI * kak->phase) *
                        kron(kak->after0, kak->after1) *
                        canonicalGate(kak->a, kak->b, kak->c) *
                        kron(kak->before0, kak->before1);
    EXPECT_LT((rebuilt - u).cwiseAbs().maxCoeff(), 1e-9);
  }
}

TEST(TwoQubitDecomposition, RejectsNonUnitary) {
  Matrix4cd m = Matrix4cd::Identity();
  m(0, 0) = 2;
  EXPECT_FALSE(decomposeKAK(m).has_value());
  EXPECT_FALSE(synthesizeTwoQubit(m).has_value());
}

TEST(TwoQubitDecomposition, NamedGatesGetTheirKnownCXCounts) {
  std::mt19937_64 rng(3);
  Matrix4cd h2 = kron(Matrix2cd::Identity(), Matrix2cd::Identity());
  EXPECT_EQ(synthesizedCX(h2), 0u);
  EXPECT_EQ(synthesizedCX(randomLocal(rng)), 0u);
  EXPECT_EQ(synthesizedCX(kron(pauli('X'), pauli('Y'))), 0u);
  EXPECT_EQ(synthesizedCX(cx01()), 1u);
  Matrix4cd cz = Matrix4cd::Identity();
  cz(3, 3) = -1;
  EXPECT_EQ(synthesizedCX(cz), 1u);
  EXPECT_EQ(synthesizedCX(swapGate() * cx01() * swapGate()), 1u);
  EXPECT_EQ(synthesizedCX(randomLocal(rng) * cx01() * randomLocal(rng)), 1u);
  // iSWAP = exp(i pi/4 (XX + YY)).
  EXPECT_EQ(synthesizedCX(canonicalGate(M_PI / 4, M_PI / 4, 0)), 2u);
  EXPECT_EQ(synthesizedCX(parityRotation('Z', 0.3)), 2u); // rzz
  Matrix4cd crz = Matrix4cd::Identity();
  crz(2, 2) = std::exp(-kI * 0.35);
  crz(3, 3) = std::exp(kI * 0.35);
  EXPECT_EQ(synthesizedCX(crz), 2u);
  EXPECT_EQ(synthesizedCX(swapGate()), 3u);
  EXPECT_EQ(synthesizedCX(canonicalGate(M_PI / 8, M_PI / 8, M_PI / 8)), 3u);
  EXPECT_EQ(synthesizedCX(canonicalGate(0.4, 0.2, -0.1)), 3u);
  EXPECT_EQ(synthesizedCX(canonicalGate(0.4, 0.2, 0.1)), 3u);
}

TEST(TwoQubitDecomposition, NeverMoreCXThanTheCircuitItCameFrom) {
  std::mt19937_64 rng(5);
  for (unsigned numCX = 0; numCX <= 4; ++numCX) {
    for (int trial = 0; trial < 100; ++trial) {
      Matrix4cd u = randomLocal(rng);
      for (unsigned i = 0; i < numCX; ++i) {
        Matrix4cd cx = (rng() % 2) ? cx01() : swapGate() * cx01() * swapGate();
        u = randomLocal(rng) * cx * u;
      }
      EXPECT_LE(synthesizedCX(u), std::min(numCX, 3u)) << "numCX " << numCX;
    }
  }
}

TEST(TwoQubitDecomposition, HaarRandomUnitariesNeedThreeCX) {
  std::mt19937_64 rng(13);
  for (int trial = 0; trial < 500; ++trial)
    EXPECT_EQ(synthesizedCX(haar<4>(rng)), 3u);
}

TEST(TwoQubitDecomposition, BothChiralitiesOfTheCanonicalGate) {
  std::mt19937_64 rng(17);
  std::uniform_real_distribution<double> angle(-M_PI, M_PI);
  for (int trial = 0; trial < 200; ++trial) {
    double a = angle(rng), b = angle(rng), c = angle(rng);
    EXPECT_EQ(synthesizedCX(randomLocal(rng) * canonicalGate(a, b, c) *
                            randomLocal(rng)),
              3u);
    EXPECT_EQ(synthesizedCX(randomLocal(rng) * canonicalGate(a, b, 0) *
                            randomLocal(rng)),
              2u);
  }
}

} // namespace
