//===- ToTargetBasis.cpp - translate gates into a device's basis ----------===//
//
// Three phases, each a rewrite to a fixed point:
//  A. multi-qubit gates -> CX + one-qubit gates (standard definitions);
//  B. CX -> the native two-qubit gate, in a direction the device supports;
//  C. one-qubit gates outside the basis -> rz / sx / x via ZYZ angles.
// Every rewrite preserves the unitary up to global phase.
//
//===----------------------------------------------------------------------===//

#include "qopt/Transforms/Passes.h"

#include "qopt/Dialect/QGate/QGate.h"
#include "qopt/Synthesis/EulerDecomposition.h"
#include "qopt/Target/TargetLoader.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "llvm/ADT/TypeSwitch.h"

#include <cmath>

namespace qopt {
#define GEN_PASS_DEF_TOTARGETBASIS
#include "qopt/Transforms/Passes.h.inc"
} // namespace qopt

using namespace mlir;
using namespace qopt;
using namespace qopt::qgate;

namespace {

/// Builds gates and angle arithmetic at one insertion point.
class Emitter {
public:
  Emitter(OpBuilder &builder, Location loc) : builder(builder), loc(loc) {}

  Value constant(double value) {
    return builder.create<arith::ConstantOp>(loc,
                                             builder.getF64FloatAttr(value));
  }
  Value add(Value a, double b) {
    if (b == 0)
      return a;
    return builder.createOrFold<arith::AddFOp>(loc, a, constant(b));
  }
  Value add(Value a, Value b) {
    return builder.createOrFold<arith::AddFOp>(loc, a, b);
  }
  Value sub(Value a, Value b) {
    return builder.createOrFold<arith::SubFOp>(loc, a, b);
  }
  Value scale(Value a, double k) {
    if (k == 1)
      return a;
    return builder.createOrFold<arith::MulFOp>(loc, a, constant(k));
  }

  /// Applies gate `name` to `wires` (indices into `qubits`), updating them.
  void gate(StringRef name, SmallVectorImpl<Value> &qubits,
            ArrayRef<unsigned> wires, ValueRange params = {}) {
    SmallVector<Value> operands;
    for (unsigned w : wires)
      operands.push_back(qubits[w]);
    Operation *op =
        buildGate(builder, loc,
                  OperationName(("qgate." + name).str(), builder.getContext()),
                  operands, params);
    for (auto [i, w] : llvm::enumerate(wires))
      qubits[w] = op->getResult(i);
  }
  void gate(StringRef name, SmallVectorImpl<Value> &qubits, unsigned wire,
            ValueRange params = {}) {
    gate(name, qubits, ArrayRef<unsigned>{wire}, params);
  }

private:
  OpBuilder &builder;
  Location loc;
};

/// Rewrites a multi-qubit gate into CX and one-qubit gates, in place in
/// `q` (its qubits, in operand order). Returns false for gates it leaves.
bool decomposeMultiQubit(Operation *op, Emitter &e, SmallVectorImpl<Value> &q) {
  auto gate = cast<GateOpInterface>(op);
  SmallVector<Value> p(gate.getParams());
  return llvm::TypeSwitch<Operation *, bool>(op)
      .Case([&](CYOp) {
        e.gate("sdg", q, 1);
        e.gate("cx", q, {0, 1});
        e.gate("s", q, 1);
        return true;
      })
      .Case([&](CZOp) {
        e.gate("h", q, 1);
        e.gate("cx", q, {0, 1});
        e.gate("h", q, 1);
        return true;
      })
      .Case([&](CHOp) {
        e.gate("s", q, 1);
        e.gate("h", q, 1);
        e.gate("t", q, 1);
        e.gate("cx", q, {0, 1});
        e.gate("tdg", q, 1);
        e.gate("h", q, 1);
        e.gate("sdg", q, 1);
        return true;
      })
      .Case([&](SwapOp) {
        e.gate("cx", q, {0, 1});
        e.gate("cx", q, {1, 0});
        e.gate("cx", q, {0, 1});
        return true;
      })
      .Case([&](ISwapOp) {
        e.gate("s", q, 0);
        e.gate("s", q, 1);
        e.gate("h", q, 0);
        e.gate("cx", q, {0, 1});
        e.gate("cx", q, {1, 0});
        e.gate("h", q, 1);
        return true;
      })
      .Case([&](ECROp) {
        // rzx(pi/4); x on the control; rzx(-pi/4).
        for (double angle : {M_PI / 4, -M_PI / 4}) {
          e.gate("h", q, 1);
          e.gate("cx", q, {0, 1});
          e.gate("rz", q, 1, e.constant(angle));
          e.gate("cx", q, {0, 1});
          e.gate("h", q, 1);
          if (angle > 0)
            e.gate("x", q, 0);
        }
        return true;
      })
      .Case([&](RXXOp) {
        e.gate("h", q, 0);
        e.gate("h", q, 1);
        e.gate("cx", q, {0, 1});
        e.gate("rz", q, 1, p[0]);
        e.gate("cx", q, {0, 1});
        e.gate("h", q, 0);
        e.gate("h", q, 1);
        return true;
      })
      .Case([&](RYYOp) {
        Value half = e.constant(M_PI / 2), minusHalf = e.constant(-M_PI / 2);
        e.gate("rx", q, 0, half);
        e.gate("rx", q, 1, half);
        e.gate("cx", q, {0, 1});
        e.gate("rz", q, 1, p[0]);
        e.gate("cx", q, {0, 1});
        e.gate("rx", q, 0, minusHalf);
        e.gate("rx", q, 1, minusHalf);
        return true;
      })
      .Case([&](RZZOp) {
        e.gate("cx", q, {0, 1});
        e.gate("rz", q, 1, p[0]);
        e.gate("cx", q, {0, 1});
        return true;
      })
      .Case([&](CRXOp) {
        e.gate("s", q, 1);
        e.gate("cx", q, {0, 1});
        e.gate("ry", q, 1, e.scale(p[0], -0.5));
        e.gate("cx", q, {0, 1});
        e.gate("u", q, 1,
               {e.scale(p[0], 0.5), e.constant(-M_PI / 2), e.constant(0)});
        return true;
      })
      .Case([&](CRYOp) {
        e.gate("ry", q, 1, e.scale(p[0], 0.5));
        e.gate("cx", q, {0, 1});
        e.gate("ry", q, 1, e.scale(p[0], -0.5));
        e.gate("cx", q, {0, 1});
        return true;
      })
      .Case([&](CRZOp) {
        e.gate("rz", q, 1, e.scale(p[0], 0.5));
        e.gate("cx", q, {0, 1});
        e.gate("rz", q, 1, e.scale(p[0], -0.5));
        e.gate("cx", q, {0, 1});
        return true;
      })
      .Case([&](CPOp) {
        e.gate("p", q, 0, e.scale(p[0], 0.5));
        e.gate("cx", q, {0, 1});
        e.gate("p", q, 1, e.scale(p[0], -0.5));
        e.gate("cx", q, {0, 1});
        e.gate("p", q, 1, e.scale(p[0], 0.5));
        return true;
      })
      .Case([&](CUOp) {
        Value theta = p[0], phi = p[1], lambda = p[2], gamma = p[3];
        Value sum = e.add(lambda, phi), diff = e.sub(lambda, phi);
        e.gate("p", q, 0, gamma);
        e.gate("p", q, 0, e.scale(sum, 0.5));
        e.gate("p", q, 1, e.scale(diff, 0.5));
        e.gate("cx", q, {0, 1});
        e.gate("u", q, 1,
               {e.scale(theta, -0.5), e.constant(0), e.scale(sum, -0.5)});
        e.gate("cx", q, {0, 1});
        e.gate("u", q, 1, {e.scale(theta, 0.5), phi, e.constant(0)});
        return true;
      })
      .Case([&](CCXOp) {
        // qelib1.inc's Toffoli: 6 CX.
        e.gate("h", q, 2);
        e.gate("cx", q, {1, 2});
        e.gate("tdg", q, 2);
        e.gate("cx", q, {0, 2});
        e.gate("t", q, 2);
        e.gate("cx", q, {1, 2});
        e.gate("tdg", q, 2);
        e.gate("cx", q, {0, 2});
        e.gate("t", q, 1);
        e.gate("t", q, 2);
        e.gate("h", q, 2);
        e.gate("cx", q, {0, 1});
        e.gate("t", q, 0);
        e.gate("tdg", q, 1);
        e.gate("cx", q, {0, 1});
        return true;
      })
      .Case([&](CSwapOp) {
        e.gate("cx", q, {2, 1});
        e.gate("ccx", q, {0, 1, 2});
        e.gate("cx", q, {2, 1});
        return true;
      })
      .Default([](Operation *) { return false; });
}

struct ToTargetBasisPass
    : public qopt::impl::ToTargetBasisBase<ToTargetBasisPass> {
  using ToTargetBasisBase::ToTargetBasisBase;

  void runOnOperation() override;

private:
  bool inBasis(StringRef gate) const {
    return llvm::is_contained(basis, gate.drop_front(6)); // "qgate."
  }
  /// `pc` and `pt`: the device qubits of its control and target, if known.
  LogicalResult lowerTwoQubit(Operation *op, std::optional<int64_t> pc,
                              std::optional<int64_t> pt);
  LogicalResult lowerOneQubit(Operation *op);

  SmallVector<std::string> basis;
  std::string nativeTwoQubit;
  std::shared_ptr<const target::Target> device;
};

void ToTargetBasisPass::runOnOperation() {
  ModuleOp module = getOperation();
  if (!basisGates.empty()) {
    basis.assign(basisGates.begin(), basisGates.end());
  } else {
    FailureOr<std::shared_ptr<const target::Target>> loaded =
        target::loadModuleTarget(module);
    if (failed(loaded))
      return signalPassFailure();
    device = std::move(*loaded);
    basis.assign(device->basisGates.begin(), device->basisGates.end());
  }
  for (StringRef twoQubit : {"cx", "ecr"})
    if (llvm::is_contained(basis, twoQubit))
      nativeTwoQubit = twoQubit.str();
  if (!llvm::is_contained(basis, "rz") || !llvm::is_contained(basis, "sx")) {
    emitError(module.getLoc(), "to-target-basis translates one-qubit gates "
                               "to rz and sx, which the basis lacks");
    return signalPassFailure();
  }

  // A: multi-qubit gates down to CX, until nothing changes (ccx and cswap
  // take two rounds).
  for (bool changed = true; changed;) {
    changed = false;
    SmallVector<Operation *> worklist;
    module.walk([&](GateOpInterface gate) {
      if (gate.getNumQubits() >= 2 && !isa<CXOp>(gate) &&
          !inBasis(gate->getName().getStringRef()))
        worklist.push_back(gate);
    });
    for (Operation *op : worklist) {
      OpBuilder builder(op);
      Emitter emitter(builder, op->getLoc());
      SmallVector<Value> qubits = cast<GateOpInterface>(op).getQubitInputs();
      if (!decomposeMultiQubit(op, emitter, qubits)) {
        op->emitOpError("cannot be translated into the target basis");
        return signalPassFailure();
      }
      op->replaceAllUsesWith(qubits);
      op->erase();
      ++numTranslated;
      changed = true;
    }
  }
  if (nativeTwoQubit.empty()) {
    bool hasTwoQubit = false;
    module.walk([&](CXOp) { hasTwoQubit = true; });
    if (hasTwoQubit) {
      emitError(module.getLoc(), "the basis has no two-qubit gate (cx or "
                                 "ecr) to translate into");
      return signalPassFailure();
    }
  }

  // B: CX (and ECR) into the native gate, in a supported direction.
  SmallVector<Operation *> twoQubit;
  module.walk([&](Operation *op) {
    if (isa<CXOp, ECROp>(op))
      twoQubit.push_back(op);
  });
  // Where each gate's qubits are, looked up before any rewriting (which
  // replaces the values).
  DenseMap<Value, int64_t> deviceQubits = mapDeviceQubits(module);
  SmallVector<std::pair<std::optional<int64_t>, std::optional<int64_t>>>
      placement;
  for (Operation *op : twoQubit) {
    auto lookup = [&](Value qubit) -> std::optional<int64_t> {
      auto it = deviceQubits.find(qubit);
      return it == deviceQubits.end() ? std::nullopt
                                      : std::optional<int64_t>(it->second);
    };
    SmallVector<Value> q = cast<GateOpInterface>(op).getQubitInputs();
    placement.push_back({lookup(q[0]), lookup(q[1])});
  }
  for (auto [op, qubits] : llvm::zip(twoQubit, placement))
    if (failed(lowerTwoQubit(op, qubits.first, qubits.second)))
      return signalPassFailure();

  // C: one-qubit gates into rz / sx / x.
  SmallVector<Operation *> oneQubit;
  module.walk([&](GateOpInterface gate) {
    if (gate.getNumQubits() == 1 && !inBasis(gate->getName().getStringRef()))
      oneQubit.push_back(gate);
  });
  for (Operation *op : oneQubit)
    if (failed(lowerOneQubit(op)))
      return signalPassFailure();
}

LogicalResult ToTargetBasisPass::lowerTwoQubit(Operation *op,
                                              std::optional<int64_t> pc,
                                              std::optional<int64_t> pt) {
  auto gate = cast<GateOpInterface>(op);
  SmallVector<Value> q = gate.getQubitInputs();
  bool known = device && pc && pt;
  bool forward = !known || device->hasCoupling(*pc, *pt);
  bool backward = known && device->hasCoupling(*pt, *pc);
  if (known && !forward && !backward)
    return op->emitOpError("acts on device qubits ")
           << *pc << " and " << *pt
           << ", which the target does not couple; route the circuit first";
  bool isCX = isa<CXOp>(op);
  if (isCX && nativeTwoQubit == "cx" && forward)
    return success();
  if (!isCX && nativeTwoQubit == "ecr" && forward)
    return success();

  OpBuilder builder(op);
  Emitter e(builder, op->getLoc());
  if (nativeTwoQubit == "cx") {
    // Only reached for a CX against a one-way coupler (ECR was expanded).
    e.gate("h", q, 0);
    e.gate("h", q, 1);
    e.gate("cx", q, {1, 0});
    e.gate("h", q, 0);
    e.gate("h", q, 1);
    ++numReversed;
  } else if (isCX && forward) {
    // CX(c, t) = (x s ⊗ s h s) ECR(c, t), up to global phase.
    e.gate("ecr", q, {0, 1});
    e.gate("s", q, 0);
    e.gate("x", q, 0);
    e.gate("s", q, 1);
    e.gate("h", q, 1);
    e.gate("s", q, 1);
    ++numTranslated;
  } else if (isCX) {
    // Only ECR(t, c) is coupled.
    e.gate("h", q, 0);
    e.gate("h", q, 1);
    e.gate("ecr", q, {1, 0});
    e.gate("h", q, 0);
    e.gate("sdg", q, 0);
    e.gate("s", q, 1);
    e.gate("h", q, 1);
    e.gate("z", q, 1);
    ++numTranslated;
    ++numReversed;
  } else {
    // ECR(c, t) where only (t, c) is coupled.
    e.gate("h", q, 0);
    e.gate("h", q, 1);
    e.gate("ecr", q, {1, 0});
    e.gate("z", q, 0);
    e.gate("h", q, 0);
    e.gate("h", q, 1);
    e.gate("z", q, 1);
    ++numReversed;
  }
  op->replaceAllUsesWith(q);
  op->erase();
  return success();
}

LogicalResult ToTargetBasisPass::lowerOneQubit(Operation *op) {
  auto gate = cast<GateOpInterface>(op);
  OpBuilder builder(op);
  Emitter e(builder, op->getLoc());
  SmallVector<Value> q = gate.getQubitInputs();
  SmallVector<Value> p(gate.getParams());
  bool hasX = llvm::is_contained(basis, "x");

  // rz(lambda) sx rz(theta + pi) sx rz(phi + pi) = Rz(phi) Ry(theta)
  // Rz(lambda) up to global phase.
  auto general = [&](Value theta, Value phi, Value lambda) {
    e.gate("rz", q, 0, lambda);
    e.gate("sx", q, 0);
    e.gate("rz", q, 0, e.add(theta, M_PI));
    e.gate("sx", q, 0);
    e.gate("rz", q, 0, e.add(phi, M_PI));
  };

  std::optional<Eigen::MatrixXcd> matrix = gate.getConstantMatrix();
  if (!matrix) {
    // Symbolic angles: rz and p stay rotations; the others use the general
    // form with their ZYZ angles.
    bool handled =
        llvm::TypeSwitch<Operation *, bool>(op)
            .Case<RZOp, POp>([&](auto) {
              e.gate("rz", q, 0, p[0]);
              return true;
            })
            .Case([&](RXOp) {
              general(p[0], e.constant(-M_PI / 2), e.constant(M_PI / 2));
              return true;
            })
            .Case([&](RYOp) {
              general(p[0], e.constant(0), e.constant(0));
              return true;
            })
            .Case([&](UOp) {
              general(p[0], p[1], p[2]);
              return true;
            })
            .Default([](Operation *) { return false; });
    if (!handled)
      return op->emitOpError("has symbolic angles this pass cannot translate");
  } else {
    Eigen::Matrix2cd unitary = *matrix;
    for (const synthesis::ZSXStep &step :
         synthesis::synthesizeZSX(unitary, hasX)) {
      switch (step.kind) {
      case synthesis::ZSXStep::Kind::RZ:
        e.gate("rz", q, 0, e.constant(step.angle));
        break;
      case synthesis::ZSXStep::Kind::SX:
        e.gate("sx", q, 0);
        break;
      case synthesis::ZSXStep::Kind::X:
        e.gate("x", q, 0);
        break;
      }
    }
  }
  op->replaceAllUsesWith(q);
  op->erase();
  ++numTranslated;
  return success();
}

} // namespace
