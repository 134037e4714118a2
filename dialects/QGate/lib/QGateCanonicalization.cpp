//===- QGateCanonicalization.cpp - qgate canonicalization patterns --------===//
//
// Gate-generic rewrites registered once for the whole dialect:
//  - a parameterized gate whose constant angles make it the identity (up to
//    global phase) disappears;
//  - a gate followed, on the same wires, by its inverse disappears;
//  - two adjacent rotations of the same kind on the same wires merge.
// All of them preserve the circuit's unitary up to global phase.
//
//===----------------------------------------------------------------------===//

#include "qopt/Dialect/QGate/GateAlgebra.h"

#include "mlir/IR/PatternMatch.h"

using namespace mlir;
using namespace qopt::qgate;

namespace {

struct EraseIdentityGate : OpInterfaceRewritePattern<GateOpInterface> {
  using OpInterfaceRewritePattern::OpInterfaceRewritePattern;

  LogicalResult matchAndRewrite(GateOpInterface gate,
                                PatternRewriter &rewriter) const override {
    // Fixed gates are never the identity except `id`, which is a timed idle.
    if (gate.getNumParams() == 0)
      return failure();
    std::optional<Eigen::MatrixXcd> matrix = gate.getConstantMatrix();
    if (!matrix || !isIdentityUpToPhase(*matrix))
      return rewriter.notifyMatchFailure(gate, "not a constant identity");
    rewriter.replaceOp(gate, gate.getQubitInputs());
    return success();
  }
};

/// Returns, for each result of `second`, the input of `first` on the same
/// wire, given the wire order from matchAdjacentWires.
SmallVector<Value> wiresBefore(GateOpInterface first,
                               ArrayRef<unsigned> order) {
  SmallVector<Value> inputs = first.getQubitInputs();
  SmallVector<Value> result;
  for (unsigned index : order)
    result.push_back(inputs[index]);
  return result;
}

struct CancelInversePair : OpInterfaceRewritePattern<GateOpInterface> {
  // Runs before MergeRotations so a symbolic rx(%a) rx(-%a) vanishes instead
  // of becoming rx(%a + -%a).
  CancelInversePair(MLIRContext *context)
      : OpInterfaceRewritePattern(context, /*benefit=*/2) {}

  LogicalResult matchAndRewrite(GateOpInterface second,
                                PatternRewriter &rewriter) const override {
    auto first = second->getOperand(0).getDefiningOp<GateOpInterface>();
    if (!first)
      return failure();
    std::optional<SmallVector<unsigned, 3>> order =
        matchAdjacentWires(first, second);
    if (!order || !isInversePair(first, second))
      return failure();
    rewriter.replaceOp(second, wiresBefore(first, *order));
    rewriter.eraseOp(first);
    return success();
  }
};

struct MergeRotations : OpInterfaceRewritePattern<GateOpInterface> {
  using OpInterfaceRewritePattern::OpInterfaceRewritePattern;

  LogicalResult matchAndRewrite(GateOpInterface second,
                                PatternRewriter &rewriter) const override {
    if (!second->hasTrait<qopt::qgate::OpTrait::Rotation>())
      return failure();
    auto first = second->getOperand(0).getDefiningOp<GateOpInterface>();
    if (!first || first->getName() != second->getName())
      return failure();
    std::optional<SmallVector<unsigned, 3>> order =
        matchAdjacentWires(first, second);
    if (!order)
      return failure();
    rewriter.setInsertionPoint(second);
    Value angle = buildMergedAngle(rewriter, second.getLoc(), second,
                                   first.getParams()[0], second.getParams()[0]);
    Operation *merged = buildGate(rewriter, second.getLoc(), second->getName(),
                                  first.getQubitInputs(), angle);
    // The merged gate's outputs follow `first`'s input order.
    SmallVector<Value> replacements;
    for (unsigned index : *order)
      replacements.push_back(merged->getResult(index));
    rewriter.replaceOp(second, replacements);
    rewriter.eraseOp(first);
    return success();
  }
};

} // namespace

void QGateDialect::getCanonicalizationPatterns(
    RewritePatternSet &results) const {
  results.add<EraseIdentityGate, CancelInversePair, MergeRotations>(
      getContext());
}
