//===- QGateTraits.h - arity and property traits of gates -------*- C++ -*-===//
//
// C++ side of QGateTraits.td. The arity traits verify the operand layout every
// generic gate algorithm relies on: N qubit operands, then P f64 angles, and
// exactly N qubit results.
//
//===----------------------------------------------------------------------===//

#ifndef QOPT_DIALECT_QGATE_QGATETRAITS_H
#define QOPT_DIALECT_QGATE_QGATETRAITS_H

#include "mlir/IR/OpDefinition.h"

namespace qopt::qgate {
namespace detail {
mlir::LogicalResult verifyNumQubits(mlir::Operation *op, unsigned n);
mlir::LogicalResult verifyNumParams(mlir::Operation *op, unsigned p);
} // namespace detail

namespace OpTrait {

template <unsigned N> class NumQubits {
public:
  template <typename ConcreteOp>
  class Impl : public mlir::OpTrait::TraitBase<ConcreteOp, Impl> {
  public:
    static constexpr unsigned kNumQubits = N;
    static mlir::LogicalResult verifyTrait(mlir::Operation *op) {
      return detail::verifyNumQubits(op, N);
    }
  };
};

template <unsigned P> class NumParams {
public:
  template <typename ConcreteOp>
  class Impl : public mlir::OpTrait::TraitBase<ConcreteOp, Impl> {
  public:
    static constexpr unsigned kNumParams = P;
    static mlir::LogicalResult verifyTrait(mlir::Operation *op) {
      return detail::verifyNumParams(op, P);
    }
  };
};

template <typename ConcreteOp>
class Hermitian : public mlir::OpTrait::TraitBase<ConcreteOp, Hermitian> {};
template <typename ConcreteOp>
class Diagonal : public mlir::OpTrait::TraitBase<ConcreteOp, Diagonal> {};
template <typename ConcreteOp>
class Rotation : public mlir::OpTrait::TraitBase<ConcreteOp, Rotation> {};
template <typename ConcreteOp>
class SymmetricQubits
    : public mlir::OpTrait::TraitBase<ConcreteOp, SymmetricQubits> {};

} // namespace OpTrait
} // namespace qopt::qgate

#endif // QOPT_DIALECT_QGATE_QGATETRAITS_H
