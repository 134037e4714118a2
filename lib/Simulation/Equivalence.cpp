//===- Equivalence.cpp - are two circuits the same computation? -----------===//

#include "qopt/Simulation/Equivalence.h"

#include "qopt/Simulation/Simulator.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/IR/BuiltinAttributes.h"

#include <map>
#include <random>
#include <sstream>

using namespace mlir;
using namespace qopt;
using namespace qopt::sim;

namespace {

/// Where each logical qubit enters and leaves a circuit's wires.
struct LogicalView {
  unsigned numLogical = 0;
  std::vector<unsigned> initialWire, finalWire;
  bool isIdentity = true;
};

FailureOr<LogicalView> makeView(func::FuncOp func, const FlatCircuit &circuit,
                                bool upToLayout) {
  LogicalView view;
  auto initial = func->getAttrOfType<DenseI64ArrayAttr>(kInitialLayoutAttrName);
  auto final = func->getAttrOfType<DenseI64ArrayAttr>(kFinalLayoutAttrName);
  if (!upToLayout || (!initial && !final)) {
    view.numLogical = circuit.numWires;
    for (unsigned w = 0; w < circuit.numWires; ++w) {
      view.initialWire.push_back(w);
      view.finalWire.push_back(w);
    }
    return view;
  }
  if (!initial || !final || initial.size() != final.size())
    return func.emitError("needs both ")
           << kInitialLayoutAttrName << " and " << kFinalLayoutAttrName
           << " of the same length";
  // Layout entries name device qubits; circuits on virtual qubits use wire
  // numbers.
  auto wireOf = [&](int64_t entry) -> std::optional<unsigned> {
    for (unsigned w = 0; w < circuit.numWires; ++w)
      if (circuit.physicalIndex[w] ? *circuit.physicalIndex[w] == entry
                                   : int64_t(w) == entry)
        return w;
    return std::nullopt;
  };
  for (auto [attr, wires] : {std::make_pair(initial, &view.initialWire),
                             std::make_pair(final, &view.finalWire)}) {
    for (int64_t entry : attr.asArrayRef()) {
      std::optional<unsigned> wire = wireOf(entry);
      if (!wire)
        return func.emitError("layout names qubit ")
               << entry << ", which the circuit has no wire for";
      if (llvm::is_contained(*wires, *wire))
        return func.emitError("layout names qubit ") << entry << " twice";
      wires->push_back(*wire);
    }
  }
  view.numLogical = initial.size();
  view.isIdentity = false;
  return view;
}

/// A circuit split into its gates and the final measurements that feed its
/// returned bits.
struct UnitaryForm {
  FlatCircuit gates;
  /// Per returned bit: the wire measured at the end, or a constant.
  std::vector<std::optional<unsigned>> measuredWire;
  std::vector<std::optional<bool>> constantValue;
  /// Every wire measured at the end, its bit returned or not: phases that
  /// depend only on these wires' values cannot be observed either way.
  std::vector<unsigned> terminalWires;
};

std::optional<UnitaryForm> toUnitaryForm(const FlatCircuit &circuit) {
  std::vector<bool> terminal = findTerminalMeasurements(circuit);
  UnitaryForm form;
  form.gates = circuit;
  form.gates.instructions.clear();
  std::vector<std::optional<unsigned>> bitFromWire(circuit.numBits);
  for (size_t i = 0; i < circuit.instructions.size(); ++i) {
    const Instruction &inst = circuit.instructions[i];
    if (terminal[i]) {
      bitFromWire[inst.bit] = inst.wires[0];
      form.terminalWires.push_back(inst.wires[0]);
      continue;
    }
    if (inst.kind != Instruction::Kind::Gate || !inst.condition.isAlways())
      return std::nullopt;
    form.gates.instructions.push_back(inst);
  }
  for (unsigned bit : circuit.outputBits) {
    if (!bitFromWire[bit] && !circuit.bitConstant[bit])
      return std::nullopt;
    form.measuredWire.push_back(bitFromWire[bit]);
    form.constantValue.push_back(circuit.bitConstant[bit]);
  }
  return form;
}

/// Runs the gates on a logical input state embedded through `view`, and
/// returns the logical output state; `leak` is the probability left outside
/// the logical subspace (ancillas not back in |0>).
Eigen::VectorXcd runLogical(const FlatCircuit &gates, const LogicalView &view,
                            const Eigen::VectorXcd &input, double &leak) {
  unsigned n = gates.numWires, numLogical = view.numLogical;
  if (view.isIdentity && n == numLogical) {
    StateVector state(n, input);
    applyGates(gates, state);
    leak = 0;
    return state.getAmplitudes();
  }
  auto place = [&](uint64_t logicalIndex, const std::vector<unsigned> &wires) {
    uint64_t index = 0;
    for (unsigned i = 0; i < numLogical; ++i)
      if (logicalIndex & (uint64_t(1) << (numLogical - 1 - i)))
        index |= wireMask(n, wires[i]);
    return index;
  };
  StateVector state(n);
  state.getAmplitudes().setZero();
  for (Eigen::Index x = 0; x < input.size(); ++x)
    state.getAmplitudes()(place(x, view.initialWire)) = input(x);
  applyGates(gates, state);
  Eigen::VectorXcd output(input.size());
  for (Eigen::Index x = 0; x < input.size(); ++x)
    output(x) = state.getAmplitudes()(place(x, view.finalWire));
  leak = std::max(0.0, 1.0 - output.squaredNorm() / input.squaredNorm());
  return output;
}

std::string describeWire(const std::optional<unsigned> &wire,
                         const std::optional<bool> &constant,
                         const LogicalView &view) {
  if (!wire)
    return constant ? (*constant ? "constant 1" : "constant 0") : "unknown";
  for (unsigned i = 0; i < view.numLogical; ++i)
    if (view.finalWire[i] == *wire)
      return "qubit " + std::to_string(i);
  return "ancilla wire " + std::to_string(*wire);
}

} // namespace

FailureOr<EquivalenceResult>
qopt::checkEquivalence(func::FuncOp a, func::FuncOp b,
                       const EquivalenceOptions &options) {
  FailureOr<FlatCircuit> flatA = flattenCircuit(a);
  FailureOr<FlatCircuit> flatB = flattenCircuit(b);
  if (failed(flatA) || failed(flatB))
    return failure();
  FailureOr<LogicalView> viewA = makeView(a, *flatA, options.upToLayout);
  FailureOr<LogicalView> viewB = makeView(b, *flatB, options.upToLayout);
  if (failed(viewA) || failed(viewB))
    return failure();

  EquivalenceResult result;
  auto differ = [&](std::string reason) {
    result.equivalent = false;
    result.reason = std::move(reason);
    return result;
  };
  if (viewA->numLogical != viewB->numLogical)
    return differ("the circuits have " + std::to_string(viewA->numLogical) +
                  " and " + std::to_string(viewB->numLogical) +
                  " (logical) qubits");
  if (flatA->outputBits.size() != flatB->outputBits.size())
    return differ("the circuits return " +
                  std::to_string(flatA->outputBits.size()) + " and " +
                  std::to_string(flatB->outputBits.size()) + " bits");
  unsigned numLogical = viewA->numLogical;
  // Every method below holds state vectors over all wires: refuse what
  // would exhaust memory instead of trying.
  unsigned numWires = std::max(flatA->numWires, flatB->numWires);
  if (numWires > kMaxStateVectorQubits)
    return a.emitError("equivalence checking simulates state vectors of at "
                       "most ")
           << kMaxStateVectorQubits << " qubits; this comparison needs "
           << numWires;

  std::optional<UnitaryForm> formA = toUnitaryForm(*flatA);
  std::optional<UnitaryForm> formB = toUnitaryForm(*flatB);
  if (!formA || !formB) {
    // Dynamic circuits: compare what can be observed, the returned bits.
    auto distA = outputDistribution(*flatA);
    auto distB = outputDistribution(*flatB);
    double tvd = 0;
    for (auto &[outcome, p] : distA) {
      auto it = distB.find(outcome);
      tvd += std::abs(p - (it == distB.end() ? 0.0 : it->second));
    }
    for (auto &[outcome, q] : distB)
      if (!distA.count(outcome))
        tvd += q;
    result.distance = tvd / 2;
    result.equivalent = result.distance <= options.tolerance;
    result.method = "exact distribution of " +
                    std::to_string(flatA->outputBits.size()) +
                    " returned bits from |0...0>";
    return result;
  }

  // Which qubit each returned bit reads must agree.
  for (size_t k = 0; k < formA->measuredWire.size(); ++k) {
    std::string readA =
        describeWire(formA->measuredWire[k], formA->constantValue[k], *viewA);
    std::string readB =
        describeWire(formB->measuredWire[k], formB->constantValue[k], *viewB);
    if (readA != readB)
      return differ("returned bit " + std::to_string(k) + " reads " + readA +
                    " in the first circuit but " + readB + " in the second");
  }

  // With ignoreFinalPhases, when no qubit is returned, a phase that depends
  // only on the values of the measured qubits just before the measurements
  // cannot be observed: amplitudes (unitary rows, output states) whose
  // measured qubits agree are compared up to one phase per such group.
  // Unmeasured qubits are discarded, but their relative phases still count,
  // which keeps the check sufficient for equal statistics.
  auto measuredMask = [&](const UnitaryForm &form, const LogicalView &view) {
    uint64_t mask = 0;
    for (unsigned i = 0; i < view.numLogical; ++i)
      if (llvm::is_contained(form.terminalWires, view.finalWire[i]))
        mask |= uint64_t(1) << (view.numLogical - 1 - i);
    return mask;
  };
  uint64_t phaseGroupMask = measuredMask(*formA, *viewA);
  bool upToFinalPhases = options.ignoreFinalPhases &&
                         flatA->outputWires.empty() &&
                         flatB->outputWires.empty() && phaseGroupMask != 0 &&
                         phaseGroupMask == measuredMask(*formB, *viewB);
  std::string phaseNote = upToFinalPhases
                              ? ", up to phases before the final measurements"
                              : ", up to global phase";
  // Max entry-wise |a - phase_g b| over the rows of a and b, with one phase
  // per group of rows (row index & phaseGroupMask).
  auto alignedByGroup = [&](const Eigen::MatrixXcd &a,
                            const Eigen::MatrixXcd &b) {
    std::map<uint64_t, std::complex<double>> overlaps;
    for (Eigen::Index row = 0; row < a.rows(); ++row)
      overlaps[row & phaseGroupMask] += b.row(row).dot(a.row(row));
    double distance = 0;
    for (Eigen::Index row = 0; row < a.rows(); ++row) {
      std::complex<double> overlap = overlaps[row & phaseGroupMask];
      std::complex<double> phase =
          std::abs(overlap) > 1e-12 ? overlap / std::abs(overlap) : 1.0;
      distance = std::max(
          distance, (a.row(row) - phase * b.row(row)).cwiseAbs().maxCoeff());
    }
    return distance;
  };

  uint64_t dim = uint64_t(1) << numLogical;
  double work =
      double(formA->gates.numGates() + formB->gates.numGates()) * double(dim) *
      double(uint64_t(1) << std::max(flatA->numWires, flatB->numWires));
  bool exact = options.method == EquivalenceOptions::Method::Exact ||
               (options.method == EquivalenceOptions::Method::Auto &&
                numLogical <= kMaxUnitaryQubits && work <= 2e10);
  if (exact && numLogical > kMaxUnitaryQubits)
    return a.emitError("exact comparison is limited to ")
           << kMaxUnitaryQubits << " qubits; this circuit has " << numLogical;

  double leak = 0;
  if (exact) {
    auto unitaryOf = [&](const UnitaryForm &form, const LogicalView &view) {
      if (view.isIdentity && form.gates.numWires == numLogical)
        return buildUnitary(form.gates);
      Eigen::MatrixXcd u(dim, dim);
      for (uint64_t x = 0; x < dim; ++x) {
        double columnLeak = 0;
        u.col(x) = runLogical(form.gates, view, Eigen::VectorXcd::Unit(dim, x),
                              columnLeak);
        leak = std::max(leak, columnLeak);
      }
      return u;
    };
    Eigen::MatrixXcd ua = unitaryOf(*formA, *viewA);
    Eigen::MatrixXcd ub = unitaryOf(*formB, *viewB);
    if (upToFinalPhases) {
      result.distance = alignedByGroup(ua, ub);
    } else {
      std::complex<double> overlap = (ua.adjoint() * ub).trace();
      std::complex<double> phase =
          std::abs(overlap) > 1e-12 ? overlap / std::abs(overlap) : 1.0;
      result.distance = (ua - std::conj(phase) * ub).cwiseAbs().maxCoeff();
    }
    result.method = "exact unitary on " + std::to_string(numLogical) +
                    " qubits" + phaseNote;
  } else {
    std::mt19937_64 rng(options.seed);
    std::complex<double> phase = 0;
    for (unsigned s = 0; s < options.numStates; ++s) {
      Eigen::VectorXcd input = randomState(numLogical, rng);
      double leakA = 0, leakB = 0;
      Eigen::VectorXcd outA = runLogical(formA->gates, *viewA, input, leakA);
      Eigen::VectorXcd outB = runLogical(formB->gates, *viewB, input, leakB);
      leak = std::max({leak, leakA, leakB});
      // One global phase for all states, fixed by the first.
      if (s == 0) {
        std::complex<double> overlap = outA.dot(outB);
        phase = std::abs(overlap) > 1e-12 ? overlap / std::abs(overlap) : 1.0;
      }
      double distance = upToFinalPhases
                            ? alignedByGroup(outA, outB)
                            : (outA - std::conj(phase) * outB).norm();
      result.distance = std::max(result.distance, distance);
    }
    result.method = std::to_string(options.numStates) + " random states on " +
                    std::to_string(numLogical) + " qubits (seed " +
                    std::to_string(options.seed) + ")" + phaseNote;
  }
  if (leak > options.tolerance)
    return differ("ancilla qubits do not return to |0> (leaked probability " +
                  std::to_string(leak) + ")");
  result.equivalent = result.distance <= options.tolerance;
  return result;
}
