//===- GateMatrices.cpp - the unitary of every qgate gate -----------------===//
//
// Closed forms, big-endian: the first qubit operand is the most significant
// bit, so a controlled gate is blockdiag(I, U) with the control first.
// unittests/QGate checks each one against its OpenQASM 2 / qelib1 definition.
//
//===----------------------------------------------------------------------===//

#include "qopt/Dialect/QGate/QGate.h"

#include <cmath>
#include <complex>

using namespace mlir;
using namespace qopt::qgate;

namespace {
using Matrix = Eigen::MatrixXcd;
using Complex = std::complex<double>;
const Complex kI(0.0, 1.0);
const double kInvSqrt2 = 1.0 / std::sqrt(2.0);

Matrix mat2(Complex a, Complex b, Complex c, Complex d) {
  Matrix m(2, 2);
  m << a, b, c, d;
  return m;
}

Matrix diag(std::initializer_list<Complex> entries) {
  Matrix m = Matrix::Zero(entries.size(), entries.size());
  Eigen::Index i = 0;
  for (Complex entry : entries) {
    m(i, i) = entry;
    ++i;
  }
  return m;
}

/// blockdiag(I, u): `u` acts on the low qubits when the top qubit is |1>.
Matrix controlled(const Matrix &u) {
  Eigen::Index n = u.rows();
  Matrix m = Matrix::Identity(2 * n, 2 * n);
  m.bottomRightCorner(n, n) = u;
  return m;
}

Matrix rx(double theta) {
  double c = std::cos(theta / 2), s = std::sin(theta / 2);
  return mat2(c, -kI * s, -kI * s, c);
}
Matrix ry(double theta) {
  double c = std::cos(theta / 2), s = std::sin(theta / 2);
  return mat2(c, -s, s, c);
}
Matrix rz(double theta) {
  return diag({std::exp(-kI * theta / 2.0), std::exp(kI * theta / 2.0)});
}
Matrix phase(double lambda) { return diag({1.0, std::exp(kI * lambda)}); }
Matrix u3(double theta, double phi, double lambda) {
  double c = std::cos(theta / 2), s = std::sin(theta / 2);
  return mat2(c, -std::exp(kI * lambda) * s, std::exp(kI * phi) * s,
              std::exp(kI * (phi + lambda)) * c);
}
Matrix pauliX() { return mat2(0.0, 1.0, 1.0, 0.0); }
Matrix pauliY() { return mat2(0.0, -kI, kI, 0.0); }
Matrix pauliZ() { return diag({1.0, -1.0}); }
Matrix hadamard() { return mat2(kInvSqrt2, kInvSqrt2, kInvSqrt2, -kInvSqrt2); }

Matrix kron(const Matrix &a, const Matrix &b) {
  Matrix out(a.rows() * b.rows(), a.cols() * b.cols());
  for (Eigen::Index i = 0; i < a.rows(); ++i)
    for (Eigen::Index j = 0; j < a.cols(); ++j)
      out.block(i * b.rows(), j * b.cols(), b.rows(), b.cols()) = a(i, j) * b;
  return out;
}

Matrix swapMatrix() {
  Matrix m = Matrix::Zero(4, 4);
  m(0, 0) = m(1, 2) = m(2, 1) = m(3, 3) = 1.0;
  return m;
}

/// exp(-i theta/2 P⊗P) for a Pauli P with P⊗P squaring to the identity.
Matrix pauliPairRotation(const Matrix &pauli, double theta) {
  Matrix pp = kron(pauli, pauli);
  return std::cos(theta / 2) * Matrix::Identity(4, 4) -
         kI * std::sin(theta / 2) * pp;
}
} // namespace

Matrix IdOp::computeMatrix(ArrayRef<double>) { return Matrix::Identity(2, 2); }
Matrix XOp::computeMatrix(ArrayRef<double>) { return pauliX(); }
Matrix YOp::computeMatrix(ArrayRef<double>) { return pauliY(); }
Matrix ZOp::computeMatrix(ArrayRef<double>) { return pauliZ(); }
Matrix HOp::computeMatrix(ArrayRef<double>) { return hadamard(); }
Matrix SOp::computeMatrix(ArrayRef<double>) { return diag({1.0, kI}); }
Matrix SdgOp::computeMatrix(ArrayRef<double>) { return diag({1.0, -kI}); }
Matrix TOp::computeMatrix(ArrayRef<double>) { return phase(M_PI / 4); }
Matrix TdgOp::computeMatrix(ArrayRef<double>) { return phase(-M_PI / 4); }
Matrix SXOp::computeMatrix(ArrayRef<double>) {
  return mat2(Complex(0.5, 0.5), Complex(0.5, -0.5), Complex(0.5, -0.5),
              Complex(0.5, 0.5));
}
Matrix SXdgOp::computeMatrix(ArrayRef<double>) {
  return mat2(Complex(0.5, -0.5), Complex(0.5, 0.5), Complex(0.5, 0.5),
              Complex(0.5, -0.5));
}
Matrix RXOp::computeMatrix(ArrayRef<double> p) { return rx(p[0]); }
Matrix RYOp::computeMatrix(ArrayRef<double> p) { return ry(p[0]); }
Matrix RZOp::computeMatrix(ArrayRef<double> p) { return rz(p[0]); }
Matrix POp::computeMatrix(ArrayRef<double> p) { return phase(p[0]); }
Matrix UOp::computeMatrix(ArrayRef<double> p) { return u3(p[0], p[1], p[2]); }

Matrix CXOp::computeMatrix(ArrayRef<double>) { return controlled(pauliX()); }
Matrix CYOp::computeMatrix(ArrayRef<double>) { return controlled(pauliY()); }
Matrix CZOp::computeMatrix(ArrayRef<double>) { return controlled(pauliZ()); }
Matrix CHOp::computeMatrix(ArrayRef<double>) { return controlled(hadamard()); }
Matrix SwapOp::computeMatrix(ArrayRef<double>) { return swapMatrix(); }
Matrix ISwapOp::computeMatrix(ArrayRef<double>) {
  Matrix m = Matrix::Zero(4, 4);
  m(0, 0) = m(3, 3) = 1.0;
  m(1, 2) = m(2, 1) = kI;
  return m;
}
Matrix ECROp::computeMatrix(ArrayRef<double>) {
  Matrix m(4, 4);
  m << 0.0, 0.0, 1.0, kI, //
      0.0, 0.0, kI, 1.0,  //
      1.0, -kI, 0.0, 0.0, //
      -kI, 1.0, 0.0, 0.0;
  return kInvSqrt2 * m;
}
Matrix RXXOp::computeMatrix(ArrayRef<double> p) {
  return pauliPairRotation(pauliX(), p[0]);
}
Matrix RYYOp::computeMatrix(ArrayRef<double> p) {
  return pauliPairRotation(pauliY(), p[0]);
}
Matrix RZZOp::computeMatrix(ArrayRef<double> p) {
  return pauliPairRotation(pauliZ(), p[0]);
}
Matrix CRXOp::computeMatrix(ArrayRef<double> p) { return controlled(rx(p[0])); }
Matrix CRYOp::computeMatrix(ArrayRef<double> p) { return controlled(ry(p[0])); }
Matrix CRZOp::computeMatrix(ArrayRef<double> p) { return controlled(rz(p[0])); }
Matrix CPOp::computeMatrix(ArrayRef<double> p) {
  return controlled(phase(p[0]));
}
Matrix CUOp::computeMatrix(ArrayRef<double> p) {
  return controlled(std::exp(kI * p[3]) * u3(p[0], p[1], p[2]));
}
Matrix CCXOp::computeMatrix(ArrayRef<double>) {
  return controlled(controlled(pauliX()));
}
Matrix CSwapOp::computeMatrix(ArrayRef<double>) {
  return controlled(swapMatrix());
}
