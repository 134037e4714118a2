//===- Layout.cpp - where each logical qubit starts on the device ---------===//

#include "qopt/Mapping/Layout.h"

#include "llvm/ADT/STLExtras.h"

#include <algorithm>
#include <limits>
#include <map>
#include <numeric>
#include <random>

using namespace qopt;
using namespace qopt::mapping;

namespace {

constexpr unsigned kNone = ~0u;

/// How a circuit uses its wires: two-qubit gate counts per pair, and
/// one-qubit gates and measurements per wire.
struct Usage {
  std::map<std::pair<unsigned, unsigned>, unsigned> pairs;
  std::vector<std::vector<unsigned>> partners;
  std::vector<unsigned> oneQubit, measured;

  explicit Usage(const MappingCircuit &circuit)
      : partners(circuit.numWires), oneQubit(circuit.numWires, 0),
        measured(circuit.numWires, 0) {
    for (const MappingGate &gate : circuit.gates) {
      if (gate.isMeasurement) {
        ++measured[gate.wires[0]];
      } else if (gate.needsAdjacency) {
        unsigned a = std::min(gate.wires[0], gate.wires[1]);
        unsigned b = std::max(gate.wires[0], gate.wires[1]);
        unsigned &count = pairs[{a, b}];
        bool first = count == 0;
        count += gate.twoQubitGates;
        if (first) {
          partners[a].push_back(b);
          partners[b].push_back(a);
        }
      } else if (gate.wires.size() == 1) {
        oneQubit[gate.wires[0]] += gate.pulses;
      }
    }
  }

  double wireCost(unsigned w, unsigned p, const CouplingGraph &graph) const {
    return oneQubit[w] * graph.oneQubitCost(p) +
           measured[w] * graph.readoutCost(p);
  }

  /// placementCost for a placement whose pairs are all on couplers.
  double cost(const std::vector<unsigned> &layout,
              const CouplingGraph &graph) const {
    double total = 0;
    for (auto [pair, count] : pairs)
      total +=
          count * graph.couplerCost(layout[pair.first], layout[pair.second]);
    for (unsigned w = 0; w < layout.size(); ++w)
      total += wireCost(w, layout[w], graph);
    return total;
  }
};

/// Places the wires still unplaced, busiest first, each on the free
/// physical qubit where its one-qubit gates and readout cost least, among
/// `allowed` (all qubits if empty).
void placeRemainingGreedily(std::vector<unsigned> &layout, const Usage &usage,
                            const CouplingGraph &graph,
                            const std::vector<unsigned> &allowed = {}) {
  std::vector<char> used(graph.numQubits(), 0);
  for (unsigned p : layout)
    if (p != kNone)
      used[p] = 1;
  std::vector<unsigned> wires;
  for (unsigned w = 0; w < layout.size(); ++w)
    if (layout[w] == kNone)
      wires.push_back(w);
  std::sort(wires.begin(), wires.end(), [&](unsigned a, unsigned b) {
    unsigned useA = usage.oneQubit[a] + usage.measured[a];
    unsigned useB = usage.oneQubit[b] + usage.measured[b];
    return useA != useB ? useA > useB : a < b;
  });
  std::vector<unsigned> pool = allowed;
  if (pool.empty()) {
    pool.resize(graph.numQubits());
    std::iota(pool.begin(), pool.end(), 0);
  }
  for (unsigned w : wires) {
    unsigned best = kNone;
    double bestCost = std::numeric_limits<double>::infinity();
    for (unsigned p : pool)
      if (!used[p] && usage.wireCost(w, p, graph) < bestCost) {
        bestCost = usage.wireCost(w, p, graph);
        best = p;
      }
    layout[w] = best;
    used[best] = 1;
  }
}

/// VF2-style backtracking over the wires that have two-qubit partners, in
/// an order where each wire after the first of its component has an
/// already placed partner, so candidates are that partner's neighbours.
class ZeroSwapSearch {
public:
  ZeroSwapSearch(const MappingCircuit &circuit, const CouplingGraph &graph,
                 const Usage &usage, unsigned budget)
      : graph(graph), usage(usage), budget(budget),
        layout(circuit.numWires, kNone), used(graph.numQubits(), 0) {
    std::vector<char> ordered(circuit.numWires, 0);
    while (true) {
      unsigned best = kNone;
      auto rank = [&](unsigned w) {
        unsigned placedPartners = 0;
        for (unsigned p : usage.partners[w])
          placedPartners += ordered[p];
        return std::make_pair(placedPartners, usage.partners[w].size());
      };
      for (unsigned w = 0; w < circuit.numWires; ++w)
        if (!ordered[w] && !usage.partners[w].empty() &&
            (best == kNone || rank(w) > rank(best)))
          best = w;
      if (best == kNone)
        break;
      ordered[best] = 1;
      order.push_back(best);
    }
    // Starting qubits for a component: most couplers first, then cheapest.
    for (unsigned p = 0; p < graph.numQubits(); ++p)
      starts.push_back(p);
    std::sort(starts.begin(), starts.end(), [&](unsigned a, unsigned b) {
      size_t degreeA = graph.neighbors(a).size();
      size_t degreeB = graph.neighbors(b).size();
      return degreeA != degreeB ? degreeA > degreeB : a < b;
    });
  }

  std::optional<std::vector<unsigned>> run() {
    search(0);
    return best;
  }

private:
  void search(unsigned k) {
    if (visited >= budget)
      return;
    ++visited;
    if (k == order.size()) {
      std::vector<unsigned> full = layout;
      placeRemainingGreedily(full, usage, graph);
      double cost = usage.cost(full, graph);
      if (cost < bestCost) {
        bestCost = cost;
        best = full;
      }
      return;
    }
    unsigned w = order[k];
    std::optional<unsigned> anchor;
    for (unsigned partner : usage.partners[w])
      if (layout[partner] != kNone) {
        anchor = layout[partner];
        break;
      }
    const std::vector<unsigned> &candidates =
        anchor ? graph.neighbors(*anchor) : starts;
    for (unsigned p : candidates) {
      if (used[p] || graph.neighbors(p).size() < usage.partners[w].size())
        continue;
      bool fits = true;
      for (unsigned partner : usage.partners[w])
        if (layout[partner] != kNone && !graph.adjacent(p, layout[partner])) {
          fits = false;
          break;
        }
      if (!fits)
        continue;
      layout[w] = p;
      used[p] = 1;
      search(k + 1);
      layout[w] = kNone;
      used[p] = 0;
      if (visited >= budget)
        return;
    }
  }

  const CouplingGraph &graph;
  const Usage &usage;
  unsigned budget, visited = 0;
  std::vector<unsigned> order, starts;
  std::vector<unsigned> layout;
  std::vector<char> used;
  std::optional<std::vector<unsigned>> best;
  double bestCost = std::numeric_limits<double>::infinity();
};

/// `n` qubits of `region` reached by a breadth-first walk from `start`.
std::vector<unsigned> connectedSubset(const CouplingGraph &graph,
                                      unsigned start, unsigned n) {
  std::vector<unsigned> subset = {start};
  std::vector<char> seen(graph.numQubits(), 0);
  seen[start] = 1;
  for (size_t i = 0; i < subset.size() && subset.size() < n; ++i)
    for (unsigned next : graph.neighbors(subset[i]))
      if (!seen[next] && subset.size() < n) {
        seen[next] = 1;
        subset.push_back(next);
      }
  return subset;
}

/// Noise-aware greedy placement: the busiest pair on the cheapest coupler,
/// then each wire with the most placed partners where its gates to them
/// cost least along noisy paths.
std::vector<unsigned> greedyNoiseLayout(const MappingCircuit &circuit,
                                        const CouplingGraph &graph,
                                        const Usage &usage,
                                        const std::vector<unsigned> &region) {
  std::vector<unsigned> layout(circuit.numWires, kNone);
  std::vector<char> used(graph.numQubits(), 0), inRegion(graph.numQubits(), 0);
  for (unsigned p : region)
    inRegion[p] = 1;
  auto place = [&](unsigned w, unsigned p) {
    layout[w] = p;
    used[p] = 1;
  };
  if (!usage.pairs.empty()) {
    auto busiest = std::max_element(
        usage.pairs.begin(), usage.pairs.end(),
        [](const auto &a, const auto &b) { return a.second < b.second; });
    unsigned bestA = kNone, bestB = kNone;
    double bestCost = std::numeric_limits<double>::infinity();
    for (unsigned a : region)
      for (unsigned b : graph.neighbors(a))
        if (inRegion[b] && graph.couplerCost(a, b) < bestCost) {
          bestCost = graph.couplerCost(a, b);
          bestA = a;
          bestB = b;
        }
    if (bestA != kNone) {
      place(busiest->first.first, bestA);
      place(busiest->first.second, bestB);
    }
  }
  while (true) {
    unsigned next = kNone;
    unsigned nextLinks = 0;
    for (unsigned w = 0; w < circuit.numWires; ++w) {
      if (layout[w] != kNone)
        continue;
      unsigned links = 0;
      for (unsigned partner : usage.partners[w])
        if (layout[partner] != kNone)
          links += usage.pairs.at({std::min(w, partner), std::max(w, partner)});
      if (links > nextLinks) {
        nextLinks = links;
        next = w;
      }
    }
    if (next == kNone)
      break;
    unsigned bestP = kNone;
    double bestCost = std::numeric_limits<double>::infinity();
    for (unsigned p : region) {
      if (used[p])
        continue;
      double cost = usage.wireCost(next, p, graph);
      for (unsigned partner : usage.partners[next])
        if (layout[partner] != kNone)
          cost += usage.pairs.at(
                      {std::min(next, partner), std::max(next, partner)}) *
                  (graph.adjacent(p, layout[partner])
                       ? graph.couplerCost(p, layout[partner])
                       : 3 * graph.noisyDistance(p, layout[partner]));
      if (cost < bestCost) {
        bestCost = cost;
        bestP = p;
      }
    }
    place(next, bestP);
  }
  placeRemainingGreedily(layout, usage, graph, region);
  return layout;
}

/// SABRE's bidirectional layout search.
std::optional<std::vector<unsigned>>
sabreLayout(const MappingCircuit &uncompacted, const CouplingGraph &graph,
            const LayoutOptions &options, const std::vector<unsigned> &region,
            std::optional<std::vector<unsigned>> firstStart,
            std::string &error) {
  MappingCircuit circuit = compactOneQubitRuns(uncompacted).circuit;
  MappingCircuit reversed = circuit.reversed();
  GateDag forwardDag(circuit), backwardDag(reversed);
  // Every trial's start and seed first, in order, so that running the
  // trials in parallel gives the same layout.
  std::mt19937_64 rng(options.router.seed);
  unsigned trials = std::max(1u, options.router.trials);
  std::vector<std::vector<unsigned>> layouts(trials);
  std::vector<uint64_t> seeds(trials);
  for (unsigned t = 0; t < trials; ++t) {
    if (t == 0 && firstStart) {
      layouts[t] = *firstStart;
    } else {
      std::vector<unsigned> subset = connectedSubset(
          graph, region[rng() % region.size()], circuit.numWires);
      if (subset.size() < circuit.numWires)
        subset = region;
      std::shuffle(subset.begin(), subset.end(), rng);
      layouts[t].assign(subset.begin(), subset.begin() + circuit.numWires);
    }
    seeds[t] = rng();
  }
  std::vector<std::optional<std::pair<unsigned, double>>> scores(trials);
  std::vector<std::string> errors(trials);
  auto runTrial = [&](size_t t) {
    RouterOptions inner = options.router;
    inner.trials = 1;
    inner.parallelFor = nullptr;
    inner.seed = seeds[t];
    std::vector<unsigned> &layout = layouts[t];
    // Routing is a function of the starting layout (each run reseeds), so
    // once a round ends at a layout a round began with, the rounds repeat
    // with that period: the layout after the last round, and its forward
    // routing, are among those already seen.
    std::vector<std::vector<unsigned>> roundStarts;
    std::vector<std::pair<unsigned, double>> forwardScores;
    unsigned rounds = options.sabreRounds;
    for (unsigned round = 0; round < rounds; ++round) {
      auto forward =
          route(circuit, forwardDag, graph, layout, inner, errors[t]);
      if (!forward)
        return;
      roundStarts.push_back(layout);
      forwardScores.push_back({forward->numSwaps, forward->totalCost});
      auto backward =
          route(reversed, backwardDag, graph, forward->finalLayout, inner,
                errors[t]);
      if (!backward)
        return;
      auto seen = llvm::find(roundStarts, backward->finalLayout);
      if (seen != roundStarts.end()) {
        unsigned first = seen - roundStarts.begin();
        unsigned period = round + 1 - first;
        unsigned last = first + (rounds - first) % period;
        layout = roundStarts[last];
        scores[t] = forwardScores[last];
        return;
      }
      layout = backward->finalLayout;
    }
    if (auto final =
            route(circuit, forwardDag, graph, layout, inner, errors[t]))
      scores[t] = {final->numSwaps, final->totalCost};
  };
  forEachTrial(options.router.parallelFor, trials, runTrial);
  // Fewest SWAPs, then the highest routed ESP; the first trial wins ties.
  std::optional<unsigned> best;
  for (unsigned t = 0; t < trials; ++t) {
    if (!scores[t]) {
      error = errors[t];
      return std::nullopt;
    }
    if (!best || *scores[t] < *scores[*best])
      best = t;
  }
  return layouts[*best];
}

} // namespace

std::optional<std::vector<unsigned>>
qopt::mapping::findZeroSwapLayout(const MappingCircuit &circuit,
                                  const CouplingGraph &graph, unsigned budget) {
  Usage usage(circuit);
  return ZeroSwapSearch(circuit, graph, usage, budget).run();
}

std::optional<LayoutChoice>
qopt::mapping::chooseLayout(const MappingCircuit &circuit,
                            const CouplingGraph &graph,
                            const LayoutOptions &options, std::string &error) {
  unsigned n = circuit.numWires;
  if (n > graph.numQubits()) {
    error = "the circuit has " + std::to_string(n) +
            " qubits but the device only " + std::to_string(graph.numQubits());
    return std::nullopt;
  }
  LayoutChoice choice;
  switch (options.strategy) {
  case LayoutStrategy::Trivial:
    choice.layout.resize(n);
    std::iota(choice.layout.begin(), choice.layout.end(), 0);
    return choice;
  case LayoutStrategy::User: {
    if (options.userLayout.size() != n) {
      error = "the layout lists " + std::to_string(options.userLayout.size()) +
              " qubits for a circuit of " + std::to_string(n);
      return std::nullopt;
    }
    std::vector<char> seen(graph.numQubits(), 0);
    for (unsigned p : options.userLayout) {
      if (p >= graph.numQubits()) {
        error = "the layout names qubit " + std::to_string(p) +
                ", which the device does not have";
        return std::nullopt;
      }
      if (seen[p]++) {
        error = "the layout names qubit " + std::to_string(p) + " twice";
        return std::nullopt;
      }
    }
    choice.layout = options.userLayout;
    return choice;
  }
  case LayoutStrategy::Sabre:
  case LayoutStrategy::NoiseAdaptive:
    break;
  }

  Usage usage(circuit);
  bool noiseAdaptive = options.strategy == LayoutStrategy::NoiseAdaptive;
  if (noiseAdaptive) {
    if (auto perfect =
            findZeroSwapLayout(circuit, graph, options.searchBudget)) {
      choice.layout = *perfect;
      choice.perfect = true;
      return choice;
    }
  }
  // Routing stays within one connected region: the largest must hold the
  // circuit.
  std::vector<std::vector<unsigned>> components = graph.components();
  if (usage.pairs.empty()) {
    choice.layout.assign(n, kNone);
    placeRemainingGreedily(choice.layout, usage, graph);
    choice.perfect = true;
    return choice;
  }
  if (components.front().size() < n) {
    error = "the circuit has " + std::to_string(n) +
            " qubits but the device's largest connected region only " +
            std::to_string(components.front().size());
    return std::nullopt;
  }
  LayoutOptions search = options;
  search.router.noiseAware = noiseAdaptive;
  std::optional<std::vector<unsigned>> start;
  if (noiseAdaptive)
    start = greedyNoiseLayout(circuit, graph, usage, components.front());
  MappingCircuit window;
  const MappingCircuit *searched = &circuit;
  // Up to the searchWindow-th two-qubit gate: one-qubit gates cost the
  // search little and decide nothing.
  size_t windowEnd = 0;
  for (unsigned twoQubit = 0;
       windowEnd < circuit.gates.size() && twoQubit < options.searchWindow;
       ++windowEnd)
    twoQubit += circuit.gates[windowEnd].needsAdjacency;
  if (windowEnd < circuit.gates.size()) {
    // Gates only depend on earlier ones, so a prefix is a circuit.
    window.numWires = circuit.numWires;
    window.gates.assign(circuit.gates.begin(),
                        circuit.gates.begin() + windowEnd);
    searched = &window;
  }
  auto layout =
      sabreLayout(*searched, graph, search, components.front(), start, error);
  if (!layout)
    return std::nullopt;
  choice.layout = *layout;
  return choice;
}
