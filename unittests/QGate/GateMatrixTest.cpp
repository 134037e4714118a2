//===- GateMatrixTest.cpp - every gate's matrix against its definition ----===//
//
// Each gate's unitary, as the GateOpInterface reports it, must equal the gate's
// OpenQASM 2 definition: the qelib1.inc body where qelib1 defines the gate,
// else Qiskit's standard-gate definition, in both cases expanded down to
// OpenQASM's two primitives U and CX. The reference below builds that
// expansion with its own U (the spec's Rz(phi) Ry(theta) Rz(lambda) product)
// and CX, independently of lib/GateMatrices.cpp. Matrices are compared up to
// global phase, which no circuit can observe.
//
//===----------------------------------------------------------------------===//

#include "GateTestSupport.h"

#include "qopt/Simulation/CircuitUnitary.h"

#include "gtest/gtest.h"

#include <cmath>
#include <functional>
#include <map>
#include <random>

using namespace mlir;
using namespace qopt;
using Matrix = Eigen::MatrixXcd;
using Complex = std::complex<double>;

namespace {

/// A circuit over OpenQASM 2's primitives, for building reference unitaries.
class Qasm2Reference {
public:
  explicit Qasm2Reference(unsigned numQubits)
      : numQubits(numQubits),
        unitary(Matrix::Identity(1 << numQubits, 1 << numQubits)) {}

  /// OpenQASM 2 spec: U(theta, phi, lambda) = Rz(phi) Ry(theta) Rz(lambda).
  void U(double theta, double phi, double lambda, unsigned q) {
    auto rzm = [](double a) {
      Matrix m = Matrix::Zero(2, 2);
      m(0, 0) = std::exp(Complex(0, -a / 2));
      m(1, 1) = std::exp(Complex(0, a / 2));
      return m;
    };
    Matrix rym(2, 2);
    rym << std::cos(theta / 2), -std::sin(theta / 2), std::sin(theta / 2),
        std::cos(theta / 2);
    apply(rzm(phi) * rym * rzm(lambda), {q});
  }
  void CX(unsigned c, unsigned t) {
    Matrix m = Matrix::Zero(4, 4);
    m(0, 0) = m(1, 1) = m(2, 3) = m(3, 2) = 1.0;
    apply(m, {c, t});
  }

  // qelib1.inc, verbatim in terms of U and CX.
  void u3(double t, double p, double l, unsigned q) { U(t, p, l, q); }
  void u2(double p, double l, unsigned q) { U(M_PI / 2, p, l, q); }
  void u1(double l, unsigned q) { U(0, 0, l, q); }
  void x(unsigned q) { u3(M_PI, 0, M_PI, q); }
  void h(unsigned q) { u2(0, M_PI, q); }
  void s(unsigned q) { u1(M_PI / 2, q); }
  void sdg(unsigned q) { u1(-M_PI / 2, q); }
  void t(unsigned q) { u1(M_PI / 4, q); }
  void tdg(unsigned q) { u1(-M_PI / 4, q); }
  void rx(double a, unsigned q) { u3(a, -M_PI / 2, M_PI / 2, q); }
  void rz(double a, unsigned q) { u1(a, q); }
  void cu1(double l, unsigned a, unsigned b) {
    u1(l / 2, a);
    CX(a, b);
    u1(-l / 2, b);
    CX(a, b);
    u1(l / 2, b);
  }
  // clang-format off
  void ccx(unsigned a, unsigned b, unsigned c) {
    h(c); CX(b, c); tdg(c); CX(a, c); t(c); CX(b, c); tdg(c);
    CX(a, c); t(b); t(c); h(c); CX(a, b); t(a); tdg(b); CX(a, b);
  }
  /// Qiskit's RZXGate definition: h b; cx a,b; rz(theta) b; cx a,b; h b.
  void rzx(double theta, unsigned a, unsigned b) {
    h(b); CX(a, b); rz(theta, b); CX(a, b); h(b);
  }
  // clang-format on

  const Matrix &matrix() const { return unitary; }

private:
  void apply(const Matrix &gate, std::initializer_list<unsigned> wires) {
    applyGate(unitary, gate,
              llvm::ArrayRef<unsigned>(wires.begin(), wires.size()), numQubits);
  }
  unsigned numQubits;
  Matrix unitary;
};

using Definition =
    std::function<void(Qasm2Reference &, llvm::ArrayRef<double>)>;

/// Each gate's definition on qubits 0, 1, 2 with angles p[0..].
const std::map<std::string, Definition> &definitions() {
  using R = Qasm2Reference;
  using P = llvm::ArrayRef<double>;
  // One gate body per entry, as qelib1.inc writes it.
  // clang-format off
  static const std::map<std::string, Definition> table = {
      {"id", [](R &r, P) { r.U(0, 0, 0, 0); }},
      {"x", [](R &r, P) { r.u3(M_PI, 0, M_PI, 0); }},
      {"y", [](R &r, P) { r.u3(M_PI, M_PI / 2, M_PI / 2, 0); }},
      {"z", [](R &r, P) { r.u1(M_PI, 0); }},
      {"h", [](R &r, P) { r.u2(0, M_PI, 0); }},
      {"s", [](R &r, P) { r.u1(M_PI / 2, 0); }},
      {"sdg", [](R &r, P) { r.u1(-M_PI / 2, 0); }},
      {"t", [](R &r, P) { r.u1(M_PI / 4, 0); }},
      {"tdg", [](R &r, P) { r.u1(-M_PI / 4, 0); }},
      // Qiskit: sx = sdg h sdg, sxdg = s h s.
      {"sx", [](R &r, P) { r.sdg(0); r.h(0); r.sdg(0); }},
      {"sxdg", [](R &r, P) { r.s(0); r.h(0); r.s(0); }},
      {"rx", [](R &r, P p) { r.u3(p[0], -M_PI / 2, M_PI / 2, 0); }},
      {"ry", [](R &r, P p) { r.u3(p[0], 0, 0, 0); }},
      {"rz", [](R &r, P p) { r.u1(p[0], 0); }},
      {"p", [](R &r, P p) { r.u1(p[0], 0); }},
      {"u", [](R &r, P p) { r.U(p[0], p[1], p[2], 0); }},
      {"cx", [](R &r, P) { r.CX(0, 1); }},
      {"cz", [](R &r, P) { r.h(1); r.CX(0, 1); r.h(1); }},
      {"cy", [](R &r, P) { r.sdg(1); r.CX(0, 1); r.s(1); }},
      {"ch",
       [](R &r, P) {
         r.h(1); r.sdg(1); r.CX(0, 1); r.h(1); r.t(1); r.CX(0, 1);
         r.t(1); r.h(1); r.s(1); r.x(1); r.s(0);
       }},
      {"swap", [](R &r, P) { r.CX(0, 1); r.CX(1, 0); r.CX(0, 1); }},
      // Qiskit: s a; s b; h a; cx a,b; cx b,a; h b.
      {"iswap",
       [](R &r, P) {
         r.s(0); r.s(1); r.h(0); r.CX(0, 1); r.CX(1, 0); r.h(1);
       }},
      // Qiskit: rzx(pi/4) a,b; x a; rzx(-pi/4) a,b.
      {"ecr",
       [](R &r, P) { r.rzx(M_PI / 4, 0, 1); r.x(0); r.rzx(-M_PI / 4, 0, 1); }},
      {"rxx",
       [](R &r, P p) {
         r.u3(M_PI / 2, p[0], 0, 0); r.h(1); r.CX(0, 1); r.u1(-p[0], 1);
         r.CX(0, 1); r.h(1); r.u2(-M_PI, M_PI - p[0], 0);
       }},
      // Qiskit: rx(pi/2) both; cx; rz(theta) b; cx; rx(-pi/2) both.
      {"ryy",
       [](R &r, P p) {
         r.rx(M_PI / 2, 0); r.rx(M_PI / 2, 1); r.CX(0, 1); r.rz(p[0], 1);
         r.CX(0, 1); r.rx(-M_PI / 2, 0); r.rx(-M_PI / 2, 1);
       }},
      {"rzz", [](R &r, P p) { r.CX(0, 1); r.u1(p[0], 1); r.CX(0, 1); }},
      {"crx",
       [](R &r, P p) {
         r.u1(M_PI / 2, 1); r.CX(0, 1); r.u3(-p[0] / 2, 0, 0, 1); r.CX(0, 1);
         r.u3(p[0] / 2, -M_PI / 2, 0, 1);
       }},
      {"cry",
       [](R &r, P p) {
         r.u3(p[0] / 2, 0, 0, 1); r.CX(0, 1); r.u3(-p[0] / 2, 0, 0, 1);
         r.CX(0, 1);
       }},
      {"crz",
       [](R &r, P p) {
         r.u1(p[0] / 2, 1); r.CX(0, 1); r.u1(-p[0] / 2, 1); r.CX(0, 1);
       }},
      {"cp", [](R &r, P p) { r.cu1(p[0], 0, 1); }},
      // Qiskit's cu: p(gamma) on the control, then qelib1's cu3.
      {"cu",
       [](R &r, P p) {
         double theta = p[0], phi = p[1], lambda = p[2], gamma = p[3];
         r.u1(gamma, 0);
         r.u1((lambda + phi) / 2, 0);
         r.u1((lambda - phi) / 2, 1);
         r.CX(0, 1);
         r.u3(-theta / 2, 0, -(phi + lambda) / 2, 1);
         r.CX(0, 1);
         r.u3(theta / 2, phi, 0, 1);
       }},
      {"ccx", [](R &r, P) { r.ccx(0, 1, 2); }},
      {"cswap", [](R &r, P) { r.CX(2, 1); r.ccx(0, 1, 2); r.CX(2, 1); }},
  };
  // clang-format on
  return table;
}

class GateMatrixTest : public ::testing::Test {
protected:
  void SetUp() override {
    context = test::makeContext();
    kinds = test::allGateKinds(*context);
  }

  /// Random angles, plus the special ones where conventions differ most.
  std::vector<std::vector<double>> angleSets(unsigned numParams) {
    std::vector<std::vector<double>> sets;
    std::mt19937_64 rng(20261126);
    std::uniform_real_distribution<double> angle(-4 * M_PI, 4 * M_PI);
    for (double special : {0.0, M_PI / 2, M_PI, -M_PI, 2 * M_PI})
      sets.push_back(std::vector<double>(numParams, special));
    for (int i = 0; i < 20; ++i) {
      std::vector<double> set;
      for (unsigned j = 0; j < numParams; ++j)
        set.push_back(angle(rng));
      sets.push_back(set);
    }
    if (numParams == 0)
      sets.resize(1);
    return sets;
  }

  Matrix gateMatrix(const test::GateKind &kind, llvm::ArrayRef<double> params) {
    test::CircuitBuilder circuit(*context, kind.numQubits);
    SmallVector<unsigned> wires;
    for (unsigned i = 0; i < kind.numQubits; ++i)
      wires.push_back(i);
    auto gate =
        cast<qgate::GateOpInterface>(circuit.addGate(kind.name, wires, params));
    std::optional<Matrix> matrix = gate.getConstantMatrix();
    EXPECT_TRUE(matrix.has_value());
    return *matrix;
  }

  std::unique_ptr<MLIRContext> context;
  std::vector<test::GateKind> kinds;
};

TEST_F(GateMatrixTest, EveryGateIsCovered) {
  // id x y z h s sdg t tdg sx sxdg rx ry rz p u cx cy cz ch swap iswap ecr
  // rxx ryy rzz crx cry crz cp cu ccx cswap; measure/reset/barrier are not
  // unitary gates.
  EXPECT_EQ(kinds.size(), 33u);
  EXPECT_EQ(kinds.size(), definitions().size());
  for (const test::GateKind &kind : kinds) {
    EXPECT_TRUE(definitions().count(kind.name))
        << "no reference definition for qgate." << kind.name;
    EXPECT_GE(kind.numQubits, 1u) << kind.name;
  }
}

TEST_F(GateMatrixTest, MatchesOpenQasmDefinition) {
  for (const test::GateKind &kind : kinds) {
    auto it = definitions().find(kind.name);
    ASSERT_NE(it, definitions().end()) << kind.name;
    for (const std::vector<double> &params : angleSets(kind.numParams)) {
      Matrix actual = gateMatrix(kind, params);
      Qasm2Reference reference(kind.numQubits);
      it->second(reference, params);
      EXPECT_TRUE(equalUpToGlobalPhase(actual, reference.matrix(), 1e-10))
          << "qgate." << kind.name << " with " << params.size()
          << " angles, first " << (params.empty() ? 0.0 : params[0])
          << "\nactual:\n"
          << actual << "\nreference:\n"
          << reference.matrix();
    }
  }
}

TEST_F(GateMatrixTest, IsUnitary) {
  for (const test::GateKind &kind : kinds)
    for (const std::vector<double> &params : angleSets(kind.numParams)) {
      Matrix m = gateMatrix(kind, params);
      Matrix product = m.adjoint() * m;
      EXPECT_TRUE(product.isIdentity(1e-12)) << "qgate." << kind.name;
    }
}

TEST_F(GateMatrixTest, InverseUndoesGate) {
  for (const test::GateKind &kind : kinds)
    for (const std::vector<double> &params : angleSets(kind.numParams)) {
      test::CircuitBuilder circuit(*context, kind.numQubits);
      SmallVector<unsigned> wires;
      for (unsigned i = 0; i < kind.numQubits; ++i)
        wires.push_back(i);
      auto gate = cast<qgate::GateOpInterface>(
          circuit.addGate(kind.name, wires, params));
      SmallVector<Value> outputs = gate.getQubitOutputs();
      SmallVector<Value> restored = gate.buildInverse(circuit.builder, outputs);
      ASSERT_EQ(restored.size(), kind.numQubits);
      circuit.wires.assign(restored.begin(), restored.end());
      func::FuncOp func = circuit.finish();
      ASSERT_TRUE(succeeded(verify(func))) << kind.name;

      FailureOr<Matrix> product = computeCircuitUnitary(func.getBody().front());
      ASSERT_TRUE(succeeded(product)) << kind.name;
      // Exactly the identity, not merely up to phase: the inverse of a gate
      // must undo its phase as well.
      EXPECT_TRUE(product->isIdentity(1e-12))
          << "qgate." << kind.name << " times its inverse:\n"
          << *product;
    }
}

TEST_F(GateMatrixTest, ExactControlledStructure) {
  // A controlled gate is blockdiag(I, U) with the first qubit the control:
  // the phase between the blocks is observable, so check it without slack.
  Matrix cx = gateMatrix({"cx", 2, 0}, {});
  Matrix expected = Matrix::Zero(4, 4);
  expected(0, 0) = expected(1, 1) = expected(2, 3) = expected(3, 2) = 1.0;
  EXPECT_TRUE(cx.isApprox(expected, 1e-14));

  Matrix cu = gateMatrix({"cu", 2, 4}, {0.3, 0.5, 0.7, 1.1});
  Matrix u = gateMatrix({"u", 1, 3}, {0.3, 0.5, 0.7});
  EXPECT_TRUE(cu.topLeftCorner(2, 2).isIdentity(1e-14));
  EXPECT_TRUE(cu.topRightCorner(2, 2).isZero(1e-14));
  EXPECT_TRUE(cu.bottomRightCorner(2, 2).isApprox(std::exp(Complex(0, 1.1)) * u,
                                                  1e-14));
}

} // namespace
