//===- Equivalence.h - are two circuits the same computation? ---*- C++ -*-===//
//
// The semantic oracle behind qopt-check.
//
// Circuits whose only non-unitary steps are final measurements are compared
// as unitaries, up to global phase, together with which qubit each returned
// bit measures:
//  - exactly, column by column, when they have at most 12 logical qubits;
//  - otherwise on `numStates` Haar-random input states from `seed`, with one
//    global phase shared by all states.
// Circuits with mid-circuit measurement, reset or conditionals are compared
// by the exact distribution of their returned bits from |0...0>.
//
// Layout contract (what mapping passes record, read with `upToLayout`): a
// mapped circuit carries two function attributes,
//   qgate.initial_layout = array<i64: p0, p1, ...>
//   qgate.final_layout   = array<i64: q0, q1, ...>
// where entry i is the device qubit (the index of its `qgate.physical`) that
// holds logical qubit i at the start and at the end. Logical qubit i is the
// i-th wire of the unmapped circuit. Wires outside the initial layout are
// ancillas: they start in |0> and must end in |0>. A circuit without the
// attributes is its own logical order.
//
//===----------------------------------------------------------------------===//

#ifndef QOPT_SIMULATION_EQUIVALENCE_H
#define QOPT_SIMULATION_EQUIVALENCE_H

#include "mlir/Support/LogicalResult.h"

#include <cstdint>
#include <string>

namespace mlir::func {
class FuncOp;
} // namespace mlir::func

namespace qopt {

inline constexpr char kInitialLayoutAttrName[] = "qgate.initial_layout";
inline constexpr char kFinalLayoutAttrName[] = "qgate.final_layout";

struct EquivalenceOptions {
  enum class Method { Auto, Exact, Random };
  Method method = Method::Auto;
  /// Random method: how many input states, and the generator seed.
  unsigned numStates = 8;
  uint64_t seed = 20261126;
  /// Read the layout attributes instead of matching wire i with wire i.
  bool upToLayout = false;
  /// Largest distance still called equivalent.
  double tolerance = 1e-8;
  /// When both circuits return no qubits and measure the same qubits at the
  /// end, ignore a phase that depends only on the measured qubits' values
  /// just before the measurements, which no outcome can show (so a diagonal
  /// gate on measured qubits may be dropped). Unmeasured qubits are
  /// discarded, but their relative phases are still compared.
  bool ignoreFinalPhases = false;
};

struct EquivalenceResult {
  bool equivalent = false;
  /// How the verdict was reached, e.g. "exact unitary on 3 qubits".
  std::string method;
  /// Unitaries: max entry-wise difference after aligning the global phase.
  /// Random states: largest state-vector distance. Distributions: total
  /// variation distance.
  double distance = 0;
  /// Why the circuits differ, when the reason is structural.
  std::string reason;
};

/// Compares two circuit functions. Fails (with a diagnostic on the offending
/// op) only when a circuit cannot be simulated.
mlir::FailureOr<EquivalenceResult>
checkEquivalence(mlir::func::FuncOp a, mlir::func::FuncOp b,
                 const EquivalenceOptions &options);

} // namespace qopt

#endif // QOPT_SIMULATION_EQUIVALENCE_H
