//===- GateInverse.cpp - building and recognising inverse gates -----------===//

#include "qopt/Dialect/QGate/GateAlgebra.h"

#include "mlir/IR/Matchers.h"
#include "llvm/ADT/TypeSwitch.h"

using namespace mlir;
using namespace qopt::qgate;

namespace {
SmallVector<Value> createGate(OpBuilder &builder, Location loc,
                              OperationName name, ValueRange qubits,
                              ValueRange params) {
  return buildGate(builder, loc, name, qubits, params)->getResults();
}

template <typename OpTy>
SmallVector<Value> createGate(OpBuilder &builder, Location loc,
                              ValueRange qubits, ValueRange params = {}) {
  return createGate(
      builder, loc,
      OperationName(OpTy::getOperationName(), builder.getContext()), qubits,
      params);
}

Value negate(OpBuilder &builder, Location loc, Value angle) {
  return builder.createOrFold<arith::NegFOp>(loc, angle);
}

/// The angles of the inverse of a u / cu gate: (theta, phi, lambda[, gamma])
/// becomes (-theta, -lambda, -phi[, -gamma]).
SmallVector<Value> invertUAngles(OpBuilder &builder, Location loc,
                                 ValueRange params) {
  SmallVector<Value> inverted = {negate(builder, loc, params[0]),
                                 negate(builder, loc, params[2]),
                                 negate(builder, loc, params[1])};
  if (params.size() == 4)
    inverted.push_back(negate(builder, loc, params[3]));
  return inverted;
}

/// The op name of the fixed-angle gate that inverts `op`, if it is one of the
/// s/sdg, t/tdg or sx/sxdg pairs.
std::optional<StringRef> pairedInverseName(Operation *op) {
  return llvm::TypeSwitch<Operation *, std::optional<StringRef>>(op)
      .Case([](SOp) { return SdgOp::getOperationName(); })
      .Case([](SdgOp) { return SOp::getOperationName(); })
      .Case([](TOp) { return TdgOp::getOperationName(); })
      .Case([](TdgOp) { return TOp::getOperationName(); })
      .Case([](SXOp) { return SXdgOp::getOperationName(); })
      .Case([](SXdgOp) { return SXOp::getOperationName(); })
      .Default([](Operation *) { return std::nullopt; });
}

/// True if `b` is exactly -`a`.
bool isNegation(Value a, Value b) {
  FloatAttr ca, cb;
  if (matchPattern(a, m_Constant(&ca)) && matchPattern(b, m_Constant(&cb)))
    return ca.getValueAsDouble() == -cb.getValueAsDouble();
  auto isNegOf = [](Value neg, Value of) {
    auto negOp = neg.getDefiningOp<arith::NegFOp>();
    return negOp && negOp.getOperand() == of;
  };
  return isNegOf(a, b) || isNegOf(b, a);
}
} // namespace

SmallVector<Value> qopt::qgate::detail::buildInverse(Operation *op,
                                                     OpBuilder &builder,
                                                     ValueRange qubits) {
  auto gate = cast<GateOpInterface>(op);
  Location loc = op->getLoc();
  ValueRange params = gate.getParams();
  if (op->hasTrait<qopt::qgate::OpTrait::Hermitian>())
    return createGate(builder, loc, op->getName(), qubits, params);
  if (std::optional<StringRef> name = pairedInverseName(op))
    return createGate(builder, loc, OperationName(*name, builder.getContext()),
                      qubits, {});
  if (op->hasTrait<qopt::qgate::OpTrait::Rotation>())
    return createGate(builder, loc, op->getName(), qubits,
                      {negate(builder, loc, params[0])});
  if (isa<UOp, CUOp>(op))
    return createGate(builder, loc, op->getName(), qubits,
                      invertUAngles(builder, loc, params));
  if (isa<ISwapOp>(op)) {
    // iswap^-1 = (Z ⊗ Z) · iswap.
    SmallVector<Value> out = createGate<ISwapOp>(builder, loc, qubits);
    Value q0 = createGate<ZOp>(builder, loc, out[0])[0];
    Value q1 = createGate<ZOp>(builder, loc, out[1])[0];
    return {q0, q1};
  }
  llvm_unreachable("every qgate gate must define its inverse");
}

bool qopt::qgate::isInversePair(GateOpInterface first, GateOpInterface second) {
  Operation *a = first.getOperation();
  Operation *b = second.getOperation();
  if (std::optional<StringRef> name = pairedInverseName(a))
    return b->getName().getStringRef() == *name;
  if (a->getName() != b->getName())
    return false;
  if (a->hasTrait<qopt::qgate::OpTrait::Hermitian>())
    return true;
  ValueRange pa = first.getParams(), pb = second.getParams();
  if (a->hasTrait<qopt::qgate::OpTrait::Rotation>())
    return isNegation(pa[0], pb[0]);
  if (isa<UOp, CUOp>(a))
    return isNegation(pa[0], pb[0]) && isNegation(pa[1], pb[2]) &&
           isNegation(pa[2], pb[1]) &&
           (pa.size() < 4 || isNegation(pa[3], pb[3]));
  return false;
}

bool qopt::qgate::isIdentityUpToPhase(const Eigen::MatrixXcd &matrix) {
  std::complex<double> phase = matrix(0, 0);
  if (std::abs(std::abs(phase) - 1.0) > kIdentityTolerance)
    return false;
  Eigen::MatrixXcd diff =
      matrix - phase * Eigen::MatrixXcd::Identity(matrix.rows(), matrix.cols());
  return diff.cwiseAbs().maxCoeff() <= kIdentityTolerance;
}

std::optional<SmallVector<unsigned, 3>>
qopt::qgate::matchAdjacentWires(GateOpInterface first, GateOpInterface second) {
  unsigned n = first.getNumQubits();
  if (second.getNumQubits() != n)
    return std::nullopt;
  // `first` must have no consumer besides `second`, or erasing it would
  // drop a wire.
  if (!llvm::all_of(first->getUsers(),
                    [&](Operation *user) { return user == second; }))
    return std::nullopt;
  SmallVector<unsigned, 3> order;
  for (unsigned i = 0; i < n; ++i) {
    auto result = dyn_cast<OpResult>(second->getOperand(i));
    if (!result || result.getOwner() != first.getOperation())
      return std::nullopt;
    order.push_back(result.getResultNumber());
  }
  bool inOrder = llvm::all_of(llvm::enumerate(order), [](auto entry) {
    return entry.index() == entry.value();
  });
  if (inOrder)
    return order;
  bool symmetric = n == 2 &&
                   first->hasTrait<qopt::qgate::OpTrait::SymmetricQubits>() &&
                   second->hasTrait<qopt::qgate::OpTrait::SymmetricQubits>();
  if (symmetric)
    return order;
  return std::nullopt;
}

Operation *qopt::qgate::buildGate(OpBuilder &builder, Location loc,
                                  OperationName name, ValueRange qubits,
                                  ValueRange params) {
  OperationState state(loc, name);
  state.addOperands(qubits);
  state.addOperands(params);
  state.addTypes(
      SmallVector<Type>(qubits.size(), QubitType::get(builder.getContext())));
  return builder.create(state);
}

Value qopt::qgate::buildMergedAngle(OpBuilder &builder, Location loc,
                                    GateOpInterface rotation, Value a,
                                    Value b) {
  Value sum = builder.createOrFold<arith::AddFOp>(loc, a, b);
  FloatAttr constant;
  if (isa<CRXOp, CRYOp, CRZOp>(rotation) ||
      !matchPattern(sum, m_Constant(&constant)))
    return sum;
  double value = constant.getValueAsDouble();
  // Rounding can leave an odd multiple of pi just above -pi: that is pi.
  double wrapped = std::remainder(value, 2 * M_PI);
  if (wrapped <= -M_PI + 1e-12)
    wrapped += 2 * M_PI;
  if (wrapped == value)
    return sum;
  return builder.create<arith::ConstantOp>(loc,
                                           builder.getF64FloatAttr(wrapped));
}
