//===- Simulator.cpp - ideal simulation of flattened circuits -------------===//

#include "qopt/Simulation/Simulator.h"

#include <cassert>

using namespace qopt;
using namespace qopt::sim;

void sim::applyGates(const FlatCircuit &circuit, StateVector &state) {
  assert(circuit.isUnitary() && state.getNumQubits() == circuit.numWires);
  for (const Instruction &inst : circuit.instructions)
    state.apply(inst.matrix, inst.wires);
}

Eigen::MatrixXcd sim::buildUnitary(const FlatCircuit &circuit) {
  assert(circuit.isUnitary() && circuit.numWires <= kMaxUnitaryQubits);
  unsigned n = circuit.numWires;
  Eigen::MatrixXcd unitary =
      Eigen::MatrixXcd::Identity(Eigen::Index(1) << n, Eigen::Index(1) << n);
  // Column-major storage: each column is one basis state's image.
  for (const Instruction &inst : circuit.instructions)
    for (Eigen::Index col = 0; col < unitary.cols(); ++col)
      applyMatrix(unitary.col(col).data(), n, inst.matrix, inst.wires);
  return unitary;
}

namespace {

struct Branch {
  double probability;
  std::vector<char> bits;
  StateVector state;
};

} // namespace

std::vector<bool> sim::findTerminalMeasurements(const FlatCircuit &circuit) {
  size_t count = circuit.instructions.size();
  std::vector<bool> terminal(count, false);
  std::vector<bool> wireTouchedLater(circuit.numWires, false);
  std::vector<bool> bitReadLater(circuit.numBits, false);
  for (size_t i = count; i-- > 0;) {
    const Instruction &inst = circuit.instructions[i];
    if (inst.kind == Instruction::Kind::Measure && inst.condition.isAlways() &&
        !wireTouchedLater[inst.wires[0]] && !bitReadLater[inst.bit])
      terminal[i] = true;
    for (unsigned wire : inst.wires)
      wireTouchedLater[wire] = true;
    for (auto [bit, expected] : inst.condition.bitEquals)
      bitReadLater[bit] = true;
    if (inst.kind == Instruction::Kind::CopyBit)
      bitReadLater[inst.sourceBit] = true;
  }
  return terminal;
}

std::map<std::vector<char>, double>
sim::outputDistribution(const FlatCircuit &circuit, double pruneBelow) {
  std::vector<bool> terminal = findTerminalMeasurements(circuit);
  std::vector<char> initialBits(circuit.numBits, 0);
  for (unsigned b = 0; b < circuit.numBits; ++b)
    if (circuit.bitConstant[b])
      initialBits[b] = *circuit.bitConstant[b];

  std::vector<Branch> branches;
  branches.push_back({1.0, initialBits, StateVector(circuit.numWires)});
  std::vector<std::pair<unsigned, unsigned>> terminalReads; // (wire, bit)
  for (size_t i = 0; i < circuit.instructions.size(); ++i) {
    const Instruction &inst = circuit.instructions[i];
    if (terminal[i]) {
      terminalReads.push_back({inst.wires[0], inst.bit});
      continue;
    }
    std::vector<Branch> next;
    for (Branch &branch : branches) {
      if (!inst.condition.holds(branch.bits)) {
        next.push_back(std::move(branch));
        continue;
      }
      switch (inst.kind) {
      case Instruction::Kind::Gate:
        branch.state.apply(inst.matrix, inst.wires);
        next.push_back(std::move(branch));
        break;
      case Instruction::Kind::CopyBit:
        branch.bits[inst.bit] = branch.bits[inst.sourceBit];
        next.push_back(std::move(branch));
        break;
      case Instruction::Kind::Measure:
      case Instruction::Kind::Reset: {
        unsigned wire = inst.wires[0];
        double pOne = branch.state.probabilityOfOne(wire);
        for (bool outcome : {false, true}) {
          double p = outcome ? pOne : 1.0 - pOne;
          if (branch.probability * p <= pruneBelow)
            continue;
          Branch child{branch.probability * p, branch.bits, branch.state};
          child.state.collapse(wire, outcome);
          if (inst.kind == Instruction::Kind::Measure)
            child.bits[inst.bit] = outcome;
          else
            child.state.resetAfterOutcome(wire, outcome);
          next.push_back(std::move(child));
        }
        break;
      }
      }
    }
    branches = std::move(next);
  }

  std::map<std::vector<char>, double> distribution;
  unsigned n = circuit.numWires;
  for (Branch &branch : branches) {
    // Marginal of the terminally measured wires in this branch's state.
    std::map<std::vector<char>, double> local;
    const Eigen::VectorXcd &amps = branch.state.getAmplitudes();
    for (Eigen::Index idx = 0; idx < amps.size(); ++idx) {
      double p = std::norm(amps(idx));
      if (p == 0)
        continue;
      std::vector<char> bits = branch.bits;
      for (auto [wire, bit] : terminalReads)
        bits[bit] = (uint64_t(idx) & wireMask(n, wire)) != 0;
      std::vector<char> outputs;
      for (unsigned bit : circuit.outputBits)
        outputs.push_back(bits[bit]);
      local[outputs] += p;
    }
    for (auto &[outputs, p] : local)
      if (branch.probability * p > pruneBelow)
        distribution[outputs] += branch.probability * p;
  }
  return distribution;
}
