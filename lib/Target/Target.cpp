//===- Target.cpp - a quantum device and its calibration ------------------===//

#include "qopt/Target/Target.h"

#include <algorithm>

using namespace qopt::target;

void Target::reindex() {
  gateIndex.clear();
  for (size_t i = 0; i < gates.size(); ++i)
    gateIndex[{gates[i].gate, gates[i].qubits}] = i;
}

const GateProperties *
Target::findGate(llvm::StringRef gate,
                 llvm::ArrayRef<unsigned> gateQubits) const {
  auto it = gateIndex.find(
      {gate.str(),
       llvm::SmallVector<unsigned, 2>(gateQubits.begin(), gateQubits.end())});
  return it == gateIndex.end() ? nullptr : &gates[it->second];
}

llvm::StringRef Target::twoQubitGate() const {
  for (llvm::StringRef gate : {"cx", "ecr", "cz"})
    if (hasBasisGate(gate))
      return gate;
  return "";
}

bool Target::hasBasisGate(llvm::StringRef gate) const {
  return llvm::is_contained(basisGates, gate);
}

bool Target::hasCoupling(unsigned a, unsigned b) const {
  return llvm::is_contained(couplingMap, std::make_pair(a, b));
}

bool Target::isDirected() const {
  return llvm::any_of(couplingMap, [&](const auto &edge) {
    return !hasCoupling(edge.second, edge.first);
  });
}

std::vector<std::pair<unsigned, unsigned>> Target::brokenCouplings() const {
  std::vector<std::pair<unsigned, unsigned>> broken;
  for (const GateProperties &gate : gates)
    if (gate.broken && gate.qubits.size() == 2)
      broken.push_back({gate.qubits[0], gate.qubits[1]});
  return broken;
}

bool Target::isUsableCoupling(unsigned a, unsigned b) const {
  if (!hasCoupling(a, b))
    return false;
  llvm::StringRef gate = twoQubitGate();
  const GateProperties *props = gate.empty() ? nullptr : findGate(gate, {a, b});
  return !props || !props->broken;
}
