//===- FlatCircuit.h - a qgate circuit as an instruction list ---*- C++ -*-===//
//
// Simulators do not walk IR: a circuit function is first flattened into
// numbered wires, numbered classical bits and a list of instructions with
// constant matrices. Conditionals (scf.if on a register comparison) become
// conditions on instructions, so the simulators stay straight-line loops.
//
//===----------------------------------------------------------------------===//

#ifndef QOPT_SIMULATION_FLATCIRCUIT_H
#define QOPT_SIMULATION_FLATCIRCUIT_H

#include "mlir/IR/Block.h"
#include "mlir/Support/LogicalResult.h"

#include <Eigen/Core>
#include <optional>
#include <vector>

namespace mlir::func {
class FuncOp;
} // namespace mlir::func

namespace qopt::sim {

/// A conjunction of classical-bit tests, optionally negated (the else side
/// of an if). Empty means always.
struct Condition {
  std::vector<std::pair<unsigned, bool>> bitEquals;
  bool negated = false;

  bool isAlways() const { return bitEquals.empty() && !negated; }
  bool holds(const std::vector<char> &bits) const {
    bool all = true;
    for (auto [bit, expected] : bitEquals)
      all &= (bits[bit] != 0) == expected;
    return all != negated;
  }
};

struct Instruction {
  enum class Kind { Gate, Measure, Reset, CopyBit };
  explicit Instruction(Kind kind) : kind(kind) {}

  Kind kind;
  /// Gate: the unitary on `wires`.
  Eigen::MatrixXcd matrix;
  std::vector<unsigned> wires;
  /// Measure: the classical bit written. CopyBit: destination.
  unsigned bit = 0;
  /// CopyBit: source bit.
  unsigned sourceBit = 0;
  Condition condition;
  /// Where it came from, for diagnostics.
  mlir::Operation *origin = nullptr;
};

struct FlatCircuit {
  unsigned numWires = 0;
  /// For each wire, the device qubit it started on (qgate.physical), if any.
  std::vector<std::optional<int64_t>> physicalIndex;
  /// Classical bits; constant ones (e.g. a register before measurement) have
  /// their value preset.
  unsigned numBits = 0;
  std::vector<std::optional<bool>> bitConstant;
  std::vector<Instruction> instructions;
  /// The classical bits the function returns, in order.
  std::vector<unsigned> outputBits;
  /// For each qubit the function returns, its wire.
  std::vector<unsigned> outputWires;

  /// True if there is no measurement, reset or condition.
  bool isUnitary() const;
  unsigned numGates() const;
};

/// Flattens `func`. Wires are its qubit arguments, then qgate.alloc /
/// qgate.physical in program order. Angles must be constants. Emits an error
/// at the offending op and fails on anything else it cannot simulate.
mlir::FailureOr<FlatCircuit> flattenCircuit(mlir::func::FuncOp func);

/// The same for a bare block (its terminator's qubit operands are the output
/// wires).
mlir::FailureOr<FlatCircuit> flattenCircuit(mlir::Block &block);

} // namespace qopt::sim

#endif // QOPT_SIMULATION_FLATCIRCUIT_H
