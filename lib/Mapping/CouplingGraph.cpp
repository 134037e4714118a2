//===- CouplingGraph.cpp - a device's couplers as a weighted graph --------===//

#include "qopt/Mapping/CouplingGraph.h"

#include "qopt/Target/Target.h"

#include <algorithm>
#include <cmath>
#include <deque>
#include <limits>

using namespace qopt;
using namespace qopt::mapping;

namespace {

double costOf(double error) {
  return -std::log1p(-std::clamp(error, 0.0, 0.999999));
}

double median(std::vector<double> values) {
  if (values.empty())
    return 0;
  std::sort(values.begin(), values.end());
  return values[values.size() / 2];
}

} // namespace

CouplingGraph CouplingGraph::fromEdges(
    unsigned numQubits,
    const std::vector<std::pair<unsigned, unsigned>> &edges) {
  CouplingGraph graph;
  graph.neighborLists.assign(numQubits, {});
  graph.adjacency.assign(numQubits * numQubits, 0);
  graph.edgeCost.assign(numQubits * numQubits, 0);
  graph.singleCost.assign(numQubits, 0);
  graph.measureCost.assign(numQubits, 0);
  for (auto [a, b] : edges) {
    if (a == b || graph.adjacent(a, b))
      continue;
    graph.adjacency[a * numQubits + b] = graph.adjacency[b * numQubits + a] = 1;
    graph.neighborLists[a].push_back(b);
    graph.neighborLists[b].push_back(a);
  }
  graph.finish();
  return graph;
}

CouplingGraph CouplingGraph::fromTarget(const target::Target &target) {
  std::vector<std::pair<unsigned, unsigned>> edges;
  for (auto [a, b] : target.couplingMap)
    if (target.isUsableCoupling(a, b))
      edges.push_back({std::min(a, b), std::max(a, b)});
  CouplingGraph graph = fromEdges(target.numQubits, edges);
  unsigned n = target.numQubits;

  llvm::StringRef twoQubit = target.twoQubitGate();
  std::vector<double> couplerErrors, sxErrors, readoutErrors;
  auto couplerError = [&](unsigned a, unsigned b) -> std::optional<double> {
    std::optional<double> best;
    for (auto [x, y] : {std::pair(a, b), std::pair(b, a)}) {
      if (!target.isUsableCoupling(x, y))
        continue;
      const target::GateProperties *props = target.findGate(twoQubit, {x, y});
      if (props && props->error && (!best || *props->error < *best))
        best = props->error;
    }
    return best;
  };
  for (unsigned a = 0; a < n; ++a)
    for (unsigned b : graph.neighbors(a))
      if (auto error = couplerError(a, b))
        couplerErrors.push_back(*error);
  for (unsigned q = 0; q < n; ++q) {
    if (const target::GateProperties *props = target.findGate("sx", {q}))
      if (props->error)
        sxErrors.push_back(*props->error);
    if (q < target.qubits.size() && target.qubits[q].readoutError)
      readoutErrors.push_back(*target.qubits[q].readoutError);
  }
  double couplerFallback = median(couplerErrors), sxFallback = median(sxErrors),
         readoutFallback = median(readoutErrors);
  for (unsigned a = 0; a < n; ++a)
    for (unsigned b : graph.neighbors(a))
      graph.edgeCost[a * n + b] =
          costOf(couplerError(a, b).value_or(couplerFallback));
  for (unsigned q = 0; q < n; ++q) {
    const target::GateProperties *props = target.findGate("sx", {q});
    graph.singleCost[q] =
        costOf(props && props->error ? *props->error : sxFallback);
    std::optional<double> readout =
        q < target.qubits.size() ? target.qubits[q].readoutError : std::nullopt;
    graph.measureCost[q] = costOf(readout.value_or(readoutFallback));
  }
  graph.finish();
  return graph;
}

void CouplingGraph::finish() {
  unsigned n = numQubits();
  for (auto &list : neighborLists)
    std::sort(list.begin(), list.end());
  hopDistance.assign(n * n, kUnreachable);
  for (unsigned source = 0; source < n; ++source) {
    std::deque<unsigned> queue = {source};
    hopDistance[source * n + source] = 0;
    while (!queue.empty()) {
      unsigned q = queue.front();
      queue.pop_front();
      for (unsigned next : neighborLists[q])
        if (hopDistance[source * n + next] == kUnreachable) {
          hopDistance[source * n + next] = hopDistance[source * n + q] + 1;
          queue.push_back(next);
        }
    }
  }
  double sum = 0;
  unsigned count = 0;
  for (unsigned a = 0; a < n; ++a)
    for (unsigned b : neighborLists[a]) {
      sum += edgeCost[a * n + b];
      ++count;
    }
  meanCoupler = count ? sum / count : 0;
  // Floyd-Warshall: devices have at most a few hundred qubits.
  constexpr double kInf = std::numeric_limits<double>::infinity();
  noisyDist.assign(n * n, kInf);
  for (unsigned a = 0; a < n; ++a) {
    noisyDist[a * n + a] = 0;
    for (unsigned b : neighborLists[a])
      noisyDist[a * n + b] = edgeCost[a * n + b];
  }
  for (unsigned k = 0; k < n; ++k)
    for (unsigned i = 0; i < n; ++i) {
      double ik = noisyDist[i * n + k];
      if (ik == kInf)
        continue;
      for (unsigned j = 0; j < n; ++j)
        noisyDist[i * n + j] =
            std::min(noisyDist[i * n + j], ik + noisyDist[k * n + j]);
    }
  steeringDist.resize(n * n);
  for (unsigned i = 0; i < n * n; ++i) {
    double hopCount = hopDistance[i];
    steeringDist[i] = meanCoupler > 0
                          ? (hopCount + noisyDist[i] / meanCoupler) / 2
                          : hopCount;
  }
}

std::vector<std::vector<unsigned>> CouplingGraph::components() const {
  unsigned n = numQubits();
  std::vector<char> seen(n, 0);
  std::vector<std::vector<unsigned>> result;
  for (unsigned start = 0; start < n; ++start) {
    if (seen[start])
      continue;
    std::vector<unsigned> component;
    for (unsigned q = 0; q < n; ++q)
      if (hops(start, q) != kUnreachable) {
        component.push_back(q);
        seen[q] = 1;
      }
    result.push_back(component);
  }
  std::sort(result.begin(), result.end(), [](const auto &a, const auto &b) {
    return a.size() != b.size() ? a.size() > b.size() : a.front() < b.front();
  });
  return result;
}
