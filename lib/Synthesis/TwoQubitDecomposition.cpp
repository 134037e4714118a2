//===- TwoQubitDecomposition.cpp - two-qubit unitaries with few CX --------===//

#include "qopt/Synthesis/TwoQubitDecomposition.h"

#include <Eigen/Eigenvalues>
#include <Eigen/LU>

#include <algorithm>
#include <array>
#include <cmath>
#include <complex>
#include <numeric>

using namespace qopt::synthesis;

using Complex = std::complex<double>;
using Eigen::Matrix2cd;
using Eigen::Matrix4cd;
using Eigen::Matrix4d;
using Eigen::Vector4cd;

namespace {

constexpr Complex kI(0, 1);

/// Columns: |Phi+>, i|Psi+>, |Psi->, i|Phi->. Local gates are real
/// orthogonal in this basis and exp(i (a XX + b YY + c ZZ)) is
/// diag(a-b+c, a+b-c, -a-b-c, -a+b+c) in phases.
const Matrix4cd &magicBasis() {
  static const Matrix4cd basis = [] {
    Matrix4cd q;
    double r = 1 / std::sqrt(2.0);
    q << r, 0, 0, kI * r, //
        0, kI * r, r, 0,  //
        0, kI * r, -r, 0, //
        r, 0, 0, -kI * r;
    return q;
  }();
  return basis;
}

Matrix2cd rx(double theta) {
  Matrix2cd m;
  Complex offDiagonal = -kI * std::sin(theta / 2);
  m << std::cos(theta / 2), offDiagonal, offDiagonal, std::cos(theta / 2);
  return m;
}

Matrix2cd ry(double theta) {
  Matrix2cd m;
  m << std::cos(theta / 2), -std::sin(theta / 2), std::sin(theta / 2),
      std::cos(theta / 2);
  return m;
}

Matrix2cd rz(double theta) {
  Matrix2cd m;
  m << std::exp(-kI * (theta / 2)), 0, 0, std::exp(kI * (theta / 2));
  return m;
}

Matrix2cd hadamard() {
  Matrix2cd m;
  double r = 1 / std::sqrt(2.0);
  m << r, r, r, -r;
  return m;
}

Matrix4cd kron(const Matrix2cd &a, const Matrix2cd &b) {
  Matrix4cd k;
  for (int i = 0; i < 2; ++i)
    for (int j = 0; j < 2; ++j)
      k.block<2, 2>(2 * i, 2 * j) = a(i, j) * b;
  return k;
}

/// Max entry-wise |x - e^{i phi} y| over the best phase phi.
double distanceUpToPhase(const Matrix4cd &x, const Matrix4cd &y) {
  Complex overlap = (y.adjoint() * x).trace();
  Complex phase = std::abs(overlap) > 1e-300 ? overlap / std::abs(overlap) : 1;
  return (x - phase * y).cwiseAbs().maxCoeff();
}

bool isIdentityUpToPhase(const Matrix2cd &m) {
  return std::abs(m(0, 1)) < 1e-12 && std::abs(m(1, 0)) < 1e-12 &&
         std::abs(m(0, 0) - m(1, 1)) < 1e-12;
}

/// K = A (x) B up to phase, for K known to be a tensor product.
std::pair<Matrix2cd, Matrix2cd> factorTensorProduct(const Matrix4cd &k) {
  int bestI = 0, bestJ = 0;
  double bestNorm = -1;
  for (int i = 0; i < 2; ++i)
    for (int j = 0; j < 2; ++j) {
      double norm = k.block<2, 2>(2 * i, 2 * j).norm();
      if (norm > bestNorm) {
        bestNorm = norm;
        bestI = i;
        bestJ = j;
      }
    }
  Matrix2cd b = k.block<2, 2>(2 * bestI, 2 * bestJ);
  b /= std::sqrt(b.determinant());
  Matrix2cd a;
  for (int i = 0; i < 2; ++i)
    for (int j = 0; j < 2; ++j)
      a(i, j) = (b.adjoint() * k.block<2, 2>(2 * i, 2 * j)).trace() / 2.0;
  a /= std::sqrt(a.determinant());
  return {a, b};
}

/// U = root * Q (left * diag(middle) * right) Q^dagger with left and right
/// in SO(4) and prod(middle) = 1.
struct MagicForm {
  Matrix4d left, right;
  Vector4cd middle;
  Complex root;
};

std::optional<MagicForm> magicForm(const Matrix4cd &unitary) {
  if ((unitary.adjoint() * unitary - Matrix4cd::Identity())
          .cwiseAbs()
          .maxCoeff() > 1e-9)
    return std::nullopt;
  const Matrix4cd &q = magicBasis();
  MagicForm form;
  form.root = std::pow(unitary.determinant(), 0.25);
  Matrix4cd ub = q.adjoint() * (unitary / form.root) * q;
  // M = UB^T UB is symmetric and unitary, so its real and imaginary parts
  // commute and share a real orthogonal eigenbasis. A generic real
  // combination of them has that basis as its own; a combination whose
  // eigenvalues happen to collide is caught by the check and replaced.
  Matrix4cd m = ub.transpose() * ub;
  Matrix4d p;
  bool diagonalized = false;
  for (double mix : {1.0, 0.6180339887, -1.7320508076, 2.7182818285, 0.3}) {
    Eigen::SelfAdjointEigenSolver<Matrix4d> solver(m.real() + mix * m.imag());
    if (solver.info() != Eigen::Success)
      continue;
    p = solver.eigenvectors();
    Matrix4cd d = p.transpose() * m * p;
    Matrix4cd offDiagonal = d;
    offDiagonal.diagonal().setZero();
    if (offDiagonal.cwiseAbs().maxCoeff() < 1e-10) {
      diagonalized = true;
      break;
    }
  }
  if (!diagonalized)
    return std::nullopt;
  if (p.determinant() < 0)
    p.col(0) *= -1;
  Vector4cd lambda = (p.transpose() * m * p).diagonal();
  for (int i = 0; i < 4; ++i)
    form.middle(i) = std::sqrt(lambda(i));
  // prod(middle)^2 = det(M) = 1; the sign makes `left` a rotation.
  if (std::real(form.middle.prod()) < 0)
    form.middle(0) = -form.middle(0);
  Matrix4cd left = ub * p * form.middle.cwiseInverse().asDiagonal();
  if (left.imag().cwiseAbs().maxCoeff() > 1e-8)
    return std::nullopt;
  form.left = left.real();
  form.right = p.transpose();
  return form;
}

/// The circuit's matrix, each one-qubit gate followed by CX(0 -> 1) where
/// marked.
Matrix4cd cx01() {
  Matrix4cd m = Matrix4cd::Zero();
  m(0, 0) = m(1, 1) = m(2, 3) = m(3, 2) = 1;
  return m;
}

double distanceToMultiple(double x, double period) {
  double r = std::remainder(x, period);
  return std::abs(r);
}

constexpr double kCoordinateTolerance = 1e-8;

using Steps = llvm::SmallVector<TwoQubitStep>;

void addGate(Steps &steps, unsigned qubit, const Matrix2cd &gate) {
  TwoQubitStep step;
  step.qubit = qubit;
  step.gate = gate;
  steps.push_back(step);
}

void addCX(Steps &steps) {
  TwoQubitStep step;
  step.isCX = true;
  steps.push_back(step);
}

/// CX(1 -> 0) as CX(0 -> 1) between Hadamards on both qubits.
void addReversedCX(Steps &steps) {
  addGate(steps, 0, hadamard());
  addGate(steps, 1, hadamard());
  addCX(steps);
  addGate(steps, 0, hadamard());
  addGate(steps, 1, hadamard());
}

/// A circuit of `numCX` CX locally equivalent to exp(i (a XX + b YY + c ZZ))
/// when the coordinates allow that many.
Steps cxTemplate(unsigned numCX, double a, double b, double c) {
  Steps steps;
  switch (numCX) {
  case 0:
    break;
  case 1:
    addCX(steps);
    break;
  case 2: {
    // CX (exp(i p X(x)I) exp(i q I(x)Z)) CX = exp(i (p XX + q ZZ)); the
    // coordinate that is a multiple of pi/2 is the one left out.
    std::array<double, 3> coords = {a, b, c};
    auto zero =
        std::min_element(coords.begin(), coords.end(), [](double x, double y) {
          return distanceToMultiple(x, M_PI / 2) <
                 distanceToMultiple(y, M_PI / 2);
        });
    llvm::SmallVector<double, 2> rest;
    for (auto it = coords.begin(); it != coords.end(); ++it)
      if (it != zero)
        rest.push_back(*it);
    addCX(steps);
    addGate(steps, 0, rx(-2 * rest[0]));
    addGate(steps, 1, rz(-2 * rest[1]));
    addCX(steps);
    break;
  }
  case 3: {
    // Vatan and Williams, "Optimal quantum circuits for general two-qubit
    // gates" (2004), Fig. 6, with CX(1 -> 0) written through Hadamards.
    addReversedCX(steps);
    addGate(steps, 0, rz(M_PI / 2 - 2 * c));
    addGate(steps, 1, ry(2 * a - M_PI / 2));
    addCX(steps);
    addGate(steps, 1, ry(M_PI / 2 - 2 * b));
    addReversedCX(steps);
    break;
  }
  default:
    break;
  }
  return steps;
}

/// Adjacent one-qubit gates on the same qubit multiplied together, and
/// identities left out.
Steps mergeOneQubitGates(llvm::ArrayRef<TwoQubitStep> steps) {
  Steps merged;
  std::array<std::optional<Matrix2cd>, 2> pending;
  auto flush = [&](unsigned qubit) {
    if (pending[qubit] && !isIdentityUpToPhase(*pending[qubit]))
      addGate(merged, qubit, *pending[qubit]);
    pending[qubit].reset();
  };
  for (const TwoQubitStep &step : steps) {
    if (step.isCX) {
      flush(0);
      flush(1);
      merged.push_back(step);
      continue;
    }
    pending[step.qubit] =
        step.gate * pending[step.qubit].value_or(Matrix2cd::Identity());
  }
  flush(0);
  flush(1);
  return merged;
}

/// `target` = phase * KL * circuit * KR with KL, KR local, when the
/// circuit is locally equivalent to `target`: the one-qubit gates around it.
std::optional<Steps> matchLocally(const MagicForm &target,
                                  const Steps &circuit) {
  Matrix4cd circuitMatrix = twoQubitCircuitMatrix(circuit);
  std::optional<MagicForm> form = magicForm(circuitMatrix);
  if (!form)
    return std::nullopt;
  // Find D = s E S^T D' S: s a fourth root of unity, E an even sign flip,
  // S a signed permutation in SO(4).
  std::array<int, 4> perm = {0, 1, 2, 3};
  constexpr double kMatchTolerance = 1e-6;
  do {
    for (Complex s : {Complex(1, 0), kI, Complex(-1, 0), -kI}) {
      Eigen::Vector4d signs;
      bool ok = true;
      for (int j = 0; j < 4 && ok; ++j) {
        Complex ratio = target.middle(j) / (s * form->middle(perm[j]));
        double sign = ratio.real() >= 0 ? 1 : -1;
        ok = std::abs(ratio - sign) < kMatchTolerance;
        signs(j) = sign;
      }
      if (!ok || signs.prod() < 0)
        continue;
      int inversions = 0;
      for (int i = 0; i < 4; ++i)
        for (int j = i + 1; j < 4; ++j)
          inversions += perm[i] > perm[j];
      Matrix4d signedPerm = Matrix4d::Zero();
      for (int j = 0; j < 4; ++j)
        signedPerm(perm[j], j) = (j == 3 && inversions % 2) ? -1 : 1;
      Matrix4d left = target.left * signs.asDiagonal() *
                      signedPerm.transpose() * form->left.transpose();
      Matrix4d right = form->right.transpose() * signedPerm * target.right;
      const Matrix4cd &q = magicBasis();
      auto [after0, after1] =
          factorTensorProduct(q * left.cast<Complex>() * q.adjoint());
      auto [before0, before1] =
          factorTensorProduct(q * right.cast<Complex>() * q.adjoint());
      Steps steps;
      addGate(steps, 0, before0);
      addGate(steps, 1, before1);
      steps.append(circuit.begin(), circuit.end());
      addGate(steps, 0, after0);
      addGate(steps, 1, after1);
      return mergeOneQubitGates(steps);
    }
  } while (std::next_permutation(perm.begin(), perm.end()));
  return std::nullopt;
}

} // namespace

Matrix4cd qopt::synthesis::canonicalGate(double a, double b, double c) {
  const Matrix4cd &q = magicBasis();
  Vector4cd phases;
  phases << std::exp(kI * (a - b + c)), std::exp(kI * (a + b - c)),
      std::exp(kI * (-a - b - c)), std::exp(kI * (-a + b + c));
  return q * phases.asDiagonal() * q.adjoint();
}

Matrix4cd
qopt::synthesis::twoQubitCircuitMatrix(llvm::ArrayRef<TwoQubitStep> steps) {
  Matrix4cd product = Matrix4cd::Identity();
  for (const TwoQubitStep &step : steps) {
    if (step.isCX)
      product = cx01() * product;
    else if (step.qubit == 0)
      product = kron(step.gate, Matrix2cd::Identity()) * product;
    else
      product = kron(Matrix2cd::Identity(), step.gate) * product;
  }
  return product;
}

std::optional<KAKDecomposition>
qopt::synthesis::decomposeKAK(const Matrix4cd &unitary) {
  std::optional<MagicForm> form = magicForm(unitary);
  if (!form)
    return std::nullopt;
  Eigen::Vector4d theta;
  for (int i = 0; i < 4; ++i)
    theta(i) = std::arg(form->middle(i));
  KAKDecomposition kak;
  kak.a = (theta(0) + theta(1) - theta(2) - theta(3)) / 4;
  kak.b = (-theta(0) + theta(1) - theta(2) + theta(3)) / 4;
  kak.c = (theta(0) - theta(1) - theta(2) + theta(3)) / 4;
  const Matrix4cd &q = magicBasis();
  std::tie(kak.after0, kak.after1) =
      factorTensorProduct(q * form->left.cast<Complex>() * q.adjoint());
  std::tie(kak.before0, kak.before1) =
      factorTensorProduct(q * form->right.cast<Complex>() * q.adjoint());
  Matrix4cd rebuilt = kron(kak.after0, kak.after1) *
                      canonicalGate(kak.a, kak.b, kak.c) *
                      kron(kak.before0, kak.before1);
  Complex overlap = (rebuilt.adjoint() * unitary).trace();
  kak.phase = std::arg(overlap);
  if ((unitary - std::exp(kI * kak.phase) * rebuilt).cwiseAbs().maxCoeff() >
      1e-8)
    return std::nullopt;
  return kak;
}

unsigned qopt::synthesis::minimalCXCount(const KAKDecomposition &kak) {
  std::array<double, 3> coords = {kak.a, kak.b, kak.c};
  unsigned zeros = 0, quarters = 0;
  for (double x : coords) {
    if (distanceToMultiple(x, M_PI / 2) < kCoordinateTolerance)
      ++zeros;
    else if (distanceToMultiple(x - M_PI / 4, M_PI / 2) < kCoordinateTolerance)
      ++quarters;
  }
  if (zeros == 3)
    return 0;
  if (zeros == 2 && quarters == 1)
    return 1;
  return zeros >= 1 ? 2 : 3;
}

std::optional<llvm::SmallVector<TwoQubitStep>>
qopt::synthesis::synthesizeTwoQubit(const Matrix4cd &unitary,
                                    double tolerance) {
  std::optional<KAKDecomposition> kak = decomposeKAK(unitary);
  std::optional<MagicForm> form = magicForm(unitary);
  if (!kak || !form)
    return std::nullopt;
  // Near a class boundary the count test and the matching can disagree;
  // the next count up always has a template.
  for (unsigned numCX = minimalCXCount(*kak); numCX <= 3; ++numCX) {
    std::optional<Steps> steps =
        matchLocally(*form, cxTemplate(numCX, kak->a, kak->b, kak->c));
    if (steps &&
        distanceUpToPhase(twoQubitCircuitMatrix(*steps), unitary) <= tolerance)
      return *steps;
  }
  return std::nullopt;
}
