//===- TargetVerifier.cpp - checks every loaded target passes -------------===//
//
// Real calibration files have quirks. Broken couplers (gate_error 1.0) and
// T2 above 2*T1 are facts of the data: they are reported as warnings and
// handled (the coupler is unusable, the noise model caps T2). Anything that
// would make the numbers meaningless is an error.
//
//===----------------------------------------------------------------------===//

#include "TargetLoading.h"

#include "llvm/ADT/STLExtras.h"

using namespace mlir;
using namespace qopt::target;

namespace {

std::string joinQubits(llvm::ArrayRef<unsigned> qubits) {
  std::string out;
  for (unsigned q : qubits)
    out += (out.empty() ? "" : ",") + std::to_string(q);
  return out;
}

/// Gates that need no calibration entry: virtual or classical.
bool isUncalibrated(llvm::StringRef gate) {
  return gate == "rz" || gate == "reset" || gate == "delay" ||
         gate == "measure";
}

} // namespace

LogicalResult qopt::target::verifyTarget(Target &target,
                                         const TargetLocations &locations) {
  // Per-qubit data the noise model needs.
  std::vector<unsigned> t2Capped;
  for (auto [q, props] : llvm::enumerate(target.qubits)) {
    Location qubitLoc = locations.qubit(q);
    if (!props.t1Ns || !props.t2Ns)
      return emitError(qubitLoc, "qubit ")
             << q << " has no " << (!props.t1Ns ? "T1" : "T2");
    if (*props.t1Ns <= 0 || *props.t2Ns <= 0)
      return emitError(qubitLoc, "qubit ")
             << q << " has a non-positive " << (*props.t1Ns <= 0 ? "T1" : "T2");
    if (*props.t2Ns > 2 * *props.t1Ns)
      t2Capped.push_back(q);
    for (auto [name, value] :
         {std::make_pair("readout_error", props.readoutError),
          std::make_pair("prob_meas0_prep1", props.probMeas0Prep1),
          std::make_pair("prob_meas1_prep0", props.probMeas1Prep0)})
      if (value && (*value < 0 || *value > 1))
        return emitError(qubitLoc, "qubit ")
               << q << " has " << name << " " << formatNumber(*value)
               << ", outside [0, 1]";
  }
  if (!t2Capped.empty())
    emitWarning(locations.qubit(t2Capped.front()),
                "T2 exceeds 2*T1 on qubit(s) ")
        << joinQubits(t2Capped)
        << ", which is physically impossible; the noise model uses "
           "T2 = 2*T1 there";

  for (auto [index, gate] : llvm::enumerate(target.gates)) {
    if (gate.error && (*gate.error < 0 || *gate.error > 1))
      return emitError(locations.gate(index), "gate ")
             << gate.gate << " on qubit(s) " << joinQubits(gate.qubits)
             << " has error " << formatNumber(*gate.error)
             << ", outside [0, 1]";
    if (gate.lengthNs && *gate.lengthNs < 0)
      return emitError(locations.gate(index), "gate ")
             << gate.gate << " on qubit(s) " << joinQubits(gate.qubits)
             << " has a negative length " << formatNumber(*gate.lengthNs);
  }
  // IBM reports a non-operational gate with error 1.0.
  std::vector<std::string> broken;
  std::optional<size_t> firstBroken;
  for (auto [index, gate] : llvm::enumerate(target.gates))
    if (gate.qubits.size() == 2 && gate.error && *gate.error >= 1.0) {
      gate.broken = true;
      broken.push_back(std::to_string(gate.qubits[0]) + "->" +
                       std::to_string(gate.qubits[1]));
      if (!firstBroken)
        firstBroken = index;
    }
  if (!broken.empty()) {
    InFlightDiagnostic diag = emitWarning(locations.gate(*firstBroken), "");
    diag << broken.size()
         << " coupler(s) are reported broken (gate error 1.0) and will not "
            "be used:";
    for (const std::string &edge : broken)
      diag << " " << edge;
  }

  // Two-qubit calibrations must sit on couplings.
  for (auto [index, gate] : llvm::enumerate(target.gates))
    if (gate.qubits.size() == 2 &&
        !target.hasCoupling(gate.qubits[0], gate.qubits[1]))
      return emitError(locations.gate(index), "gate ")
             << gate.gate << " is calibrated on " << joinQubits(gate.qubits)
             << ", which the coupling map does not list";

  // Every basis gate is calibrated everywhere it applies.
  target.reindex();
  for (auto [basisIndex, basis] : llvm::enumerate(target.basisGates)) {
    Location loc = locations.basisGate(basisIndex);
    if (isUncalibrated(basis))
      continue;
    bool twoQubit = basis == target.twoQubitGate();
    if (!twoQubit) {
      for (unsigned q = 0; q < target.numQubits; ++q)
        if (!target.findGate(basis, {q}))
          return emitError(loc, "basis gate '")
                 << basis << "' has no calibration on qubit " << q;
      continue;
    }
    for (auto [a, b] : target.couplingMap)
      // A directed device calibrates its native gate one way per pair.
      if (!target.findGate(basis, {a, b}) && !target.findGate(basis, {b, a}))
        return emitError(loc, "basis gate '")
               << basis << "' has no calibration on coupling " << a << "," << b;
  }

  // The device must be one connected graph (ignoring direction).
  if (target.numQubits > 1) {
    std::vector<std::vector<unsigned>> adjacent(target.numQubits);
    for (auto [a, b] : target.couplingMap) {
      adjacent[a].push_back(b);
      adjacent[b].push_back(a);
    }
    std::vector<bool> seen(target.numQubits, false);
    std::vector<unsigned> stack = {0};
    seen[0] = true;
    while (!stack.empty()) {
      unsigned q = stack.back();
      stack.pop_back();
      for (unsigned next : adjacent[q])
        if (!seen[next]) {
          seen[next] = true;
          stack.push_back(next);
        }
    }
    for (unsigned q = 0; q < target.numQubits; ++q)
      if (!seen[q])
        return emitError(locations.couplingMap,
                         "the coupling graph is disconnected: qubit ")
               << q << " cannot be reached from qubit 0";
  }
  return success();
}
