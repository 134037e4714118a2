//===- Router.cpp - SWAP insertion so two-qubit gates meet couplers -------===//

#include "qopt/Mapping/Router.h"

#include "llvm/ADT/STLExtras.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <random>
#include <tuple>

using namespace qopt;
using namespace qopt::mapping;

MappingCircuit MappingCircuit::reversed() const {
  MappingCircuit result;
  result.numWires = numWires;
  result.gates.assign(gates.rbegin(), gates.rend());
  // Backwards, a gate must precede what it followed: gate g after p becomes
  // gate n-1-p after n-1-g.
  unsigned n = gates.size();
  for (MappingGate &gate : result.gates)
    gate.after.clear();
  for (unsigned g = 0; g < n; ++g)
    for (unsigned p : gates[g].after)
      result.gates[n - 1 - p].after.push_back(n - 1 - g);
  return result;
}

CompactedCircuit
qopt::mapping::compactOneQubitRuns(const MappingCircuit &circuit) {
  constexpr unsigned kNone = ~0u;
  CompactedCircuit compact;
  compact.circuit.numWires = circuit.numWires;
  std::vector<unsigned> compactIndex(circuit.gates.size());
  // The merged gate still open on each wire, if any.
  std::vector<unsigned> openRun(circuit.numWires, kNone);
  for (auto [g, gate] : llvm::enumerate(circuit.gates)) {
    bool mergeable = gate.wires.size() == 1 && !gate.needsAdjacency &&
                     !gate.isMeasurement && gate.after.empty();
    if (mergeable && openRun[gate.wires[0]] != kNone) {
      unsigned merged = openRun[gate.wires[0]];
      MappingGate &run = compact.circuit.gates[merged];
      char action = gate.actions.empty() ? 'G' : gate.actions[0];
      if (run.actions.empty() || run.actions[0] != action)
        run.actions.assign(1, 'G');
      run.pulses += gate.pulses;
      compact.members[merged].push_back(g);
      compactIndex[g] = merged;
      continue;
    }
    compactIndex[g] = compact.circuit.gates.size();
    MappingGate &copy = compact.circuit.gates.emplace_back(gate);
    for (unsigned &p : copy.after)
      p = compactIndex[p];
    if (mergeable && copy.actions.empty())
      copy.actions.assign(1, 'G');
    compact.members.push_back({static_cast<unsigned>(g)});
    for (unsigned w : gate.wires)
      openRun[w] = mergeable ? compactIndex[g] : kNone;
  }
  return compact;
}

GateDag::GateDag(const MappingCircuit &circuit) {
  successors.resize(circuit.gates.size());
  numPredecessors.assign(circuit.gates.size(), 0);
  // On each wire the gates form runs of one action ('Z' or 'X'; a 'G' gate
  // is a run of its own); a gate depends on every gate of the run before
  // its own.
  struct Runs {
    char action = 'G';
    llvm::SmallVector<unsigned, 4> current, previous;
  };
  std::vector<Runs> runs(circuit.numWires);
  llvm::SmallVector<unsigned, 4> preds;
  for (unsigned g = 0; g < circuit.gates.size(); ++g) {
    const MappingGate &gate = circuit.gates[g];
    preds.clear();
    for (auto [i, w] : llvm::enumerate(gate.wires)) {
      char action = i < gate.actions.size() ? gate.actions[i] : 'G';
      Runs &wire = runs[w];
      if (action == 'G' || action != wire.action || wire.current.empty()) {
        std::swap(wire.previous, wire.current);
        wire.current.clear();
        wire.action = action;
      }
      for (unsigned p : wire.previous)
        if (!llvm::is_contained(preds, p))
          preds.push_back(p);
      wire.current.push_back(g);
    }
    for (unsigned p : gate.after)
      if (!llvm::is_contained(preds, p))
        preds.push_back(p);
    for (unsigned p : preds)
      successors[p].push_back(g);
    numPredecessors[g] = preds.size();
  }
}

namespace {

class Trial {
public:
  Trial(const MappingCircuit &circuit, const GateDag &dag,
        const CouplingGraph &graph, const std::vector<unsigned> &initial,
        const RouterOptions &options, unsigned index, uint64_t seed)
      : circuit(circuit), dag(dag), graph(graph), options(options), rng(seed),
        logicalToPhysical(initial), physicalToLogical(graph.numQubits(), kNone),
        remaining(dag.numPredecessors), decay(graph.numQubits(), 1.0),
        reached(circuit.gates.size(), 0), wireGates(circuit.numWires),
        runGates(circuit.numWires), runAction(circuit.numWires, 'G') {
    candidateStamp.assign(graph.numQubits() * graph.numQubits(), 0);
    for (unsigned w = 0; w < initial.size(); ++w)
      physicalToLogical[initial[w]] = w;
    for (unsigned g = 0; g < circuit.gates.size(); ++g)
      if (!isFinalMeasurement(g))
        ++pendingBeforeFinalMeasurements;
    for (unsigned g = 0; g < circuit.gates.size(); ++g)
      if (remaining[g] == 0)
        makeReady(g, front);
    // Without calibration every coupler costs the same: plain hops.
    noiseAware = options.noiseAware && graph.meanCouplerCost() > 0;
    scale = noiseAware ? 1 / graph.meanCouplerCost() : 1;
    // Trials differ in more than tie-breaking, which noisy distances rarely
    // need: every odd noise-aware trial steers by hops alone (the SWAP cost
    // still breaking ties), and every trial but the first jitters H.
    noisyDistance = noiseAware && index % 2 == 0;
    jitter = index == 0 ? 0 : kJitter;
  }

  std::optional<RoutingResult> run(std::string &error) {
    unsigned sinceProgress = 0, sinceDecayReset = 0;
    unsigned valve = 10 * graph.numQubits();
    while (true) {
      if (runExecutable()) {
        sinceProgress = 0;
        std::fill(decay.begin(), decay.end(), 1.0);
      }
      if (front.empty())
        break;
      for (unsigned g : front) {
        const MappingGate &gate = circuit.gates[g];
        if (gate.needsAdjacency &&
            graph.hops(logicalToPhysical[gate.wires[0]],
                       logicalToPhysical[gate.wires[1]]) ==
                CouplingGraph::kUnreachable) {
          error = "a two-qubit gate joins qubits " +
                  std::to_string(logicalToPhysical[gate.wires[0]]) + " and " +
                  std::to_string(logicalToPhysical[gate.wires[1]]) +
                  ", which no path of couplers connects";
          return std::nullopt;
        }
      }
      if (sinceProgress >= valve) {
        releaseValve();
        sinceProgress = 0;
        continue;
      }
      auto [a, b] = bestSwap();
      applySwap(a, b);
      decay[a] += options.decayIncrement;
      decay[b] += options.decayIncrement;
      if (++sinceDecayReset % 5 == 0)
        std::fill(decay.begin(), decay.end(), 1.0);
      ++sinceProgress;
    }
    result.finalLayout = logicalToPhysical;
    return std::move(result);
  }

private:
  static constexpr unsigned kNone = ~0u;
  static constexpr double kSwapCostWeight = 0.01;
  static constexpr double kJitter = 0.05;

  size_t numFrontTwoQubit() const {
    return llvm::count_if(
        front, [&](unsigned g) { return circuit.gates[g].needsAdjacency; });
  }

  double distance(unsigned a, unsigned b) const {
    return noisyDistance ? graph.steeringDistance(a, b) : graph.hops(a, b);
  }

  /// A measurement nothing follows. These wait until every other gate has
  /// run, as Qiskit's BarrierBeforeFinalMeasurements makes them: otherwise
  /// a SWAP could later pass through the measured qubit, turning a final
  /// measurement into a mid-circuit one.
  bool isFinalMeasurement(unsigned g) const {
    return circuit.gates[g].isMeasurement && dag.successors[g].empty();
  }

  bool canRun(unsigned g) const {
    const MappingGate &gate = circuit.gates[g];
    if (isFinalMeasurement(g))
      return pendingBeforeFinalMeasurements == 0;
    return !gate.needsAdjacency ||
           graph.adjacent(logicalToPhysical[gate.wires[0]],
                          logicalToPhysical[gate.wires[1]]);
  }

  /// Puts a gate whose predecessors have all run into `layer`, or a final
  /// measurement aside until the rest of the circuit has run: the front
  /// layer stays the gates routing decides about.
  void makeReady(unsigned g, std::vector<unsigned> &layer) {
    if (isFinalMeasurement(g) && pendingBeforeFinalMeasurements > 0)
      waitingMeasurements.push_back(g);
    else
      layer.push_back(g);
  }

  /// Runs every gate of the front layer that can run, repeatedly.
  bool runExecutable() {
    bool any = false;
    for (bool progress = true; progress;) {
      progress = false;
      std::vector<unsigned> &next = frontScratch;
      next.clear();
      for (unsigned g : front) {
        if (!canRun(g)) {
          next.push_back(g);
          continue;
        }
        result.steps.push_back({g, 0, 0});
        result.totalCost += gateCost(circuit.gates[g]);
        recordRun(g);
        progress = any = true;
        scoredCurrent = false;
        for (unsigned s : dag.successors[g])
          if (--remaining[s] == 0)
            makeReady(s, next);
        if (!isFinalMeasurement(g) && --pendingBeforeFinalMeasurements == 0) {
          next.insert(next.end(), waitingMeasurements.begin(),
                      waitingMeasurements.end());
          waitingMeasurements.clear();
        }
      }
      std::swap(front, next);
    }
    return any;
  }

  /// The next two-qubit gates after the front layer, in dependency order.
  const std::vector<unsigned> &extendedSet() {
    std::vector<unsigned> &set = extended;
    set.clear();
    // `reached` counts the predecessors run so far in this look-ahead (a
    // copy of `remaining` per SWAP decision made routing quadratic in the
    // size of the circuit); only the gates touched are reset.
    std::vector<unsigned> &touched = touchedScratch;
    touched.clear();
    std::vector<unsigned> &layer = layerScratch, &next = nextLayerScratch;
    layer = front;
    while (!layer.empty() && set.size() < options.extendedSetSize) {
      next.clear();
      for (unsigned g : layer)
        for (unsigned s : dag.successors[g]) {
          if (reached[s]++ == 0)
            touched.push_back(s);
          if (reached[s] == remaining[s]) {
            next.push_back(s);
            if (circuit.gates[s].needsAdjacency &&
                set.size() < options.extendedSetSize)
              set.push_back(s);
          }
        }
      std::swap(layer, next);
    }
    for (unsigned g : touched)
      reached[g] = 0;
    return set;
  }

  double gateCost(const MappingGate &gate) const {
    if (gate.isMeasurement)
      return graph.readoutCost(logicalToPhysical[gate.wires[0]]);
    if (gate.needsAdjacency)
      return gate.twoQubitGates *
             graph.couplerCost(logicalToPhysical[gate.wires[0]],
                               logicalToPhysical[gate.wires[1]]);
    if (gate.wires.size() == 1)
      return gate.pulses * graph.oneQubitCost(logicalToPhysical[gate.wires[0]]);
    return 0;
  }

  std::pair<unsigned, unsigned> bestSwap() {
    candidates.clear();
    // A SWAP already listed carries this decision's stamp.
    ++decision;
    unsigned numQubits = graph.numQubits();
    for (unsigned g : front) {
      const MappingGate &gate = circuit.gates[g];
      if (!gate.needsAdjacency)
        continue;
      for (unsigned w : gate.wires) {
        unsigned p = logicalToPhysical[w];
        for (unsigned n : graph.neighbors(p)) {
          unsigned a = std::min(p, n), b = std::max(p, n);
          if (candidateStamp[a * numQubits + b] == decision)
            continue;
          candidateStamp[a * numQubits + b] = decision;
          candidates.push_back({a, b});
        }
      }
    }
    // H's sum, sum_g weight_g * D(pi(g)), over the front layer's and the
    // extended set's two-qubit gates; a SWAP changes only the terms of the
    // gates on its two qubits, so each candidate costs those alone. The
    // gates and weights change only when a gate runs; the distances after
    // every SWAP.
    if (!scoredCurrent)
      collectScoredGates();
    double base = 0;
    for (ScoredGate &gate : scored) {
      gate.distance =
          distance(logicalToPhysical[gate.w0], logicalToPhysical[gate.w1]);
      base += gate.weight * gate.distance;
    }
    auto scoreAfterSwap = [&](unsigned a, unsigned b) {
      double sum = base;
      unsigned la = physicalToLogical[a], lb = physicalToLogical[b];
      auto moved = [&](unsigned w) {
        unsigned p = logicalToPhysical[w];
        return p == a ? b : (p == b ? a : p);
      };
      for (unsigned w : {la, lb}) {
        if (w == kNone)
          continue;
        for (unsigned i : wireGates[w]) {
          const ScoredGate &gate = scored[i];
          // A gate on both la and lb is counted from la alone.
          if (w == lb && (gate.w0 == la || gate.w1 == la))
            continue;
          sum += gate.weight *
                 (distance(moved(gate.w0), moved(gate.w1)) - gate.distance);
        }
      }
      return sum;
    };
    double best = std::numeric_limits<double>::infinity();
    ties.clear();
    for (auto [a, b] : candidates) {
      double h = std::max(decay[a], decay[b]) * scoreAfterSwap(a, b);
      // The SWAP's own three gates, weighted so that they decide between
      // equally good SWAPs and veto terrible couplers, but cannot make a
      // SWAP that makes no progress beat one that does.
      if (jitter > 0)
        h *= 1 + jitter * uniformMinusOneToOne();
      if (noiseAware)
        h += swapCostWeight * graph.couplerCost(a, b);
      if (h < best - 1e-12) {
        best = h;
        ties.assign(1, {a, b});
      } else if (h <= best + 1e-12) {
        ties.push_back({a, b});
      }
    }
    return ties[rng() % ties.size()];
  }

  /// The front layer's and the extended set's two-qubit gates with their
  /// weights in H, listed per wire.
  void collectScoredGates() {
    for (const ScoredGate &gate : scored) {
      wireGates[gate.w0].clear();
      wireGates[gate.w1].clear();
    }
    scored.clear();
    const std::vector<unsigned> &extended = extendedSet();
    auto addScored = [&](const std::vector<unsigned> &gates, double weight) {
      for (unsigned g : gates) {
        const MappingGate &gate = circuit.gates[g];
        if (!gate.needsAdjacency)
          continue;
        unsigned w0 = gate.wires[0], w1 = gate.wires[1];
        wireGates[w0].push_back(scored.size());
        wireGates[w1].push_back(scored.size());
        scored.push_back({w0, w1, weight, 0});
      }
    };
    size_t numFront = numFrontTwoQubit();
    addScored(front, numFront ? 1.0 / numFront : 0);
    swapCostWeight =
        kSwapCostWeight * 3 * scale / std::max<size_t>(1, numFront);
    size_t numExtended = extended.size();
    addScored(extended,
              numExtended ? options.extendedSetWeight / numExtended : 0);
    scoredCurrent = true;
  }

  /// What std::uniform_real_distribution<double>(-1, 1) draws from a
  /// 64-bit generator, without the long double logarithm libstdc++ takes
  /// per draw.
  double uniformMinusOneToOne() {
    double unit = static_cast<double>(rng()) * 0x1p-64;
    if (unit >= 1)
      unit = std::nextafter(1.0, 0.0);
    return unit * 2 - 1;
  }

  void swapLayout(unsigned a, unsigned b) {
    unsigned la = physicalToLogical[a], lb = physicalToLogical[b];
    physicalToLogical[a] = lb;
    physicalToLogical[b] = la;
    if (la != kNone)
      logicalToPhysical[la] = b;
    if (lb != kNone)
      logicalToPhysical[lb] = a;
  }

  /// Records that gate g ran, in the commuting run it joins on each wire.
  void recordRun(unsigned g) {
    const MappingGate &gate = circuit.gates[g];
    for (auto [i, w] : llvm::enumerate(gate.wires)) {
      char action = i < gate.actions.size() ? gate.actions[i] : 'G';
      if (action == 'G' || action != runAction[w]) {
        runGates[w].clear();
        runAction[w] = action;
      }
      runGates[w].push_back(g);
    }
  }

  /// SWAP(a, b) becomes CX(a, b) CX(b, a) CX(a, b). When a CX on the same
  /// two qubits ran last on both, up to gates that commute with it, orient
  /// the SWAP so that its first CX is that one: the two cancel (commute-
  /// cancel at -O1), and the pair costs two CX instead of four.
  std::pair<unsigned, unsigned> orientSwap(unsigned a, unsigned b) const {
    unsigned la = physicalToLogical[a], lb = physicalToLogical[b];
    if (la == kNone || lb == kNone)
      return {a, b};
    for (unsigned g : llvm::reverse(runGates[la])) {
      const MappingGate &gate = circuit.gates[g];
      bool controlledX = gate.needsAdjacency && gate.actions.size() == 2 &&
                         gate.actions[0] == 'Z' && gate.actions[1] == 'X';
      if (controlledX && llvm::is_contained(runGates[lb], g))
        return {logicalToPhysical[gate.wires[0]],
                logicalToPhysical[gate.wires[1]]};
    }
    return {a, b};
  }

  void applySwap(unsigned a, unsigned b) {
    std::tie(a, b) = orientSwap(a, b);
    swapLayout(a, b);
    unsigned la = physicalToLogical[a], lb = physicalToLogical[b];
    for (unsigned w : {la, lb})
      if (w != kNone) {
        runGates[w].clear();
        runAction[w] = 'G';
      }
    result.steps.push_back({std::nullopt, a, b});
    ++result.numSwaps;
    result.swapCost += 3 * graph.couplerCost(a, b);
    result.totalCost += 3 * graph.couplerCost(a, b);
  }

  /// Brings the closest two-qubit gate of the front layer together along a
  /// shortest path, moving its first qubit.
  void releaseValve() {
    unsigned bestGate = front.front();
    double bestDistance = std::numeric_limits<double>::infinity();
    for (unsigned g : front) {
      const MappingGate &gate = circuit.gates[g];
      if (!gate.needsAdjacency)
        continue;
      double d = distance(logicalToPhysical[gate.wires[0]],
                          logicalToPhysical[gate.wires[1]]);
      if (d < bestDistance) {
        bestDistance = d;
        bestGate = g;
      }
    }
    const MappingGate &gate = circuit.gates[bestGate];
    unsigned target = logicalToPhysical[gate.wires[1]];
    while (!graph.adjacent(logicalToPhysical[gate.wires[0]], target)) {
      unsigned p = logicalToPhysical[gate.wires[0]];
      unsigned step = p;
      // Hops strictly decrease along the walk, so it ends.
      for (unsigned n : graph.neighbors(p))
        if (graph.hops(n, target) < graph.hops(step, target))
          step = n;
      applySwap(std::min(p, step), std::max(p, step));
    }
  }

  const MappingCircuit &circuit;
  const GateDag &dag;
  const CouplingGraph &graph;
  const RouterOptions &options;
  std::mt19937_64 rng;
  std::vector<unsigned> logicalToPhysical, physicalToLogical;
  std::vector<unsigned> remaining;
  std::vector<unsigned> front;
  /// Gates other than final measurements not yet run.
  size_t pendingBeforeFinalMeasurements = 0;
  /// Final measurements ready but waiting for the rest of the circuit.
  std::vector<unsigned> waitingMeasurements;
  std::vector<double> decay;
  /// Scratch space of extendedSet() and bestSwap().
  std::vector<unsigned> reached;
  struct ScoredGate {
    unsigned w0, w1;
    double weight, distance;
  };
  std::vector<ScoredGate> scored;
  /// Whether `scored` lists the current front layer's and extended set's
  /// gates (no gate has run since it was collected).
  bool scoredCurrent = false;
  double swapCostWeight = 0;
  std::vector<unsigned> frontScratch, extended, touchedScratch, layerScratch,
      nextLayerScratch;
  std::vector<std::pair<unsigned, unsigned>> candidates, ties;
  std::vector<unsigned> candidateStamp;
  unsigned decision = 0;
  std::vector<llvm::SmallVector<unsigned, 2>> wireGates;
  /// Per wire, the gates run since its last change of commuting run.
  std::vector<llvm::SmallVector<unsigned, 4>> runGates;
  std::vector<char> runAction;
  bool noiseAware = false, noisyDistance = false;
  double scale = 1, jitter = 0;
  RoutingResult result;
};

} // namespace

void qopt::mapping::forEachTrial(const ParallelFor &parallelFor, size_t count,
                                 llvm::function_ref<void(size_t)> body) {
  if (parallelFor && count > 1) {
    parallelFor(count, body);
    return;
  }
  for (size_t index = 0; index < count; ++index)
    body(index);
}

std::optional<RoutingResult>
qopt::mapping::route(const MappingCircuit &circuit, const CouplingGraph &graph,
                     const std::vector<unsigned> &initialLayout,
                     const RouterOptions &options, std::string &error) {
  CompactedCircuit compact = compactOneQubitRuns(circuit);
  std::optional<RoutingResult> result =
      route(compact.circuit, GateDag(compact.circuit), graph, initialLayout,
            options, error);
  if (!result)
    return std::nullopt;
  std::vector<RoutedStep> steps;
  steps.reserve(circuit.gates.size() + result->numSwaps);
  for (const RoutedStep &step : result->steps) {
    if (!step.gate) {
      steps.push_back(step);
      continue;
    }
    for (unsigned member : compact.members[*step.gate])
      steps.push_back({member, 0, 0});
  }
  result->steps = std::move(steps);
  return result;
}

std::optional<RoutingResult>
qopt::mapping::route(const MappingCircuit &circuit, const GateDag &dag,
                     const CouplingGraph &graph,
                     const std::vector<unsigned> &initialLayout,
                     const RouterOptions &options, std::string &error) {
  size_t affordable =
      std::max<size_t>(1, kRoutedGatesBudget / std::max<size_t>(
                                                   1, circuit.gates.size()));
  size_t trials = std::min<size_t>(std::max(1u, options.trials), affordable);
  std::mt19937_64 seeds(options.seed);
  std::vector<uint64_t> trialSeeds(trials);
  for (uint64_t &seed : trialSeeds)
    seed = seeds();
  std::vector<std::optional<RoutingResult>> results(trials);
  std::vector<std::string> errors(trials);
  forEachTrial(options.parallelFor, trials, [&](size_t t) {
    Trial trial(circuit, dag, graph, initialLayout, options, t, trialSeeds[t]);
    results[t] = trial.run(errors[t]);
  });
  std::optional<RoutingResult> best;
  for (size_t t = 0; t < trials; ++t) {
    std::optional<RoutingResult> &result = results[t];
    if (!result) {
      error = errors[t];
      return std::nullopt;
    }
    // Fewest SWAPs; in noise-aware mode the highest ESP among those.
    bool better = !best || result->numSwaps < best->numSwaps ||
                  (options.noiseAware && result->numSwaps == best->numSwaps &&
                   result->totalCost < best->totalCost - 1e-12);
    if (better)
      best = std::move(result);
  }
  return best;
}

double qopt::mapping::placementCost(const MappingCircuit &circuit,
                                    const CouplingGraph &graph,
                                    const std::vector<unsigned> &layout) {
  double cost = 0;
  for (const MappingGate &gate : circuit.gates) {
    if (gate.isMeasurement) {
      cost += graph.readoutCost(layout[gate.wires[0]]);
    } else if (gate.needsAdjacency) {
      unsigned a = layout[gate.wires[0]], b = layout[gate.wires[1]];
      cost += graph.adjacent(a, b)
                  ? gate.twoQubitGates * graph.couplerCost(a, b)
                  : graph.noisyDistance(a, b) * 3;
    } else if (gate.wires.size() == 1) {
      cost += gate.pulses * graph.oneQubitCost(layout[gate.wires[0]]);
    }
  }
  return cost;
}

std::optional<RoutingResult> qopt::mapping::routeAlongShortestPaths(
    const MappingCircuit &circuit, const CouplingGraph &graph,
    const std::vector<unsigned> &initialLayout, std::string &error) {
  RoutingResult result;
  std::vector<unsigned> position = initialLayout;
  auto cost = [&](const MappingGate &gate) {
    if (gate.isMeasurement)
      return graph.readoutCost(position[gate.wires[0]]);
    if (gate.needsAdjacency)
      return gate.twoQubitGates * graph.couplerCost(position[gate.wires[0]],
                                                    position[gate.wires[1]]);
    return gate.wires.size() == 1
               ? gate.pulses * graph.oneQubitCost(position[gate.wires[0]])
               : 0.0;
  };
  for (unsigned g = 0; g < circuit.gates.size(); ++g) {
    const MappingGate &gate = circuit.gates[g];
    if (gate.needsAdjacency) {
      unsigned target = position[gate.wires[1]];
      if (graph.hops(position[gate.wires[0]], target) ==
          CouplingGraph::kUnreachable) {
        error = "a two-qubit gate joins qubits " +
                std::to_string(position[gate.wires[0]]) + " and " +
                std::to_string(target) + ", which no path of couplers connects";
        return std::nullopt;
      }
      while (!graph.adjacent(position[gate.wires[0]], target)) {
        unsigned p = position[gate.wires[0]], step = p;
        for (unsigned n : graph.neighbors(p))
          if (graph.hops(n, target) < graph.hops(step, target))
            step = n;
        for (unsigned &q : position)
          q = q == p ? step : (q == step ? p : q);
        result.steps.push_back(
            {std::nullopt, std::min(p, step), std::max(p, step)});
        ++result.numSwaps;
        result.swapCost += 3 * graph.couplerCost(p, step);
        result.totalCost += 3 * graph.couplerCost(p, step);
      }
    }
    result.steps.push_back({g, 0, 0});
    result.totalCost += cost(gate);
  }
  result.finalLayout = position;
  return result;
}
