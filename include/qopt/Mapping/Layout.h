//===- Layout.h - where each logical qubit starts on the device -*- C++ -*-===//
//
// Strategies for the initial logical -> physical assignment:
//
//  - trivial: logical i on physical i;
//  - user: a given list;
//  - sabre: SABRE's bidirectional search (route forward, take the final
//    layout, route the reversed circuit from there, repeat), from several
//    seeded starting placements on a connected region; the layout whose
//    final forward routing needs the fewest SWAPs wins;
//  - noise-adaptive (QuantumNAS-style): first a VF2-style search for
//    placements that need no SWAP at all (the circuit's interaction graph
//    embedded in the coupling graph), scored by calibrated cost: summed
//    -log(1 - e) of the two-qubit gates on their couplers, the sx pulses of
//    one-qubit gates on their qubits and measurements on their readouts, each weighted by
//    how often the circuit uses it. Qubits without two-qubit gates, and
//    circuits with none at all, go greedily to the best remaining qubits.
//    When no such placement exists, SABRE's search runs with noise-aware
//    routing (and a greedy noise-aware placement as one of its starts), and
//    the layout needing the fewest SWAPs wins, the highest routed ESP
//    breaking ties. Each routing in a trial reseeds, so a trial whose
//    rounds return to a layout they started from stops there: the rounds
//    left would repeat, and the result is the same.
//
//===----------------------------------------------------------------------===//

#ifndef QOPT_MAPPING_LAYOUT_H
#define QOPT_MAPPING_LAYOUT_H

#include "qopt/Mapping/Router.h"

namespace qopt::mapping {

enum class LayoutStrategy { Trivial, User, Sabre, NoiseAdaptive };

struct LayoutOptions {
  LayoutStrategy strategy = LayoutStrategy::NoiseAdaptive;
  /// strategy User: physical qubit of each logical wire.
  std::vector<unsigned> userLayout;
  /// Routing used inside the SABRE search (its trials are the number of
  /// starting placements; each routing inside runs one trial).
  RouterOptions router;
  /// Forward-backward rounds per starting placement.
  unsigned sabreRounds = 4;
  /// Partial placements the zero-SWAP search may visit.
  unsigned searchBudget = 200000;
  /// The SABRE search routes only the part of the circuit up to its
  /// `searchWindow`-th two-qubit gate: the placement matters most where the
  /// circuit starts (routing adapts it after), and a search over all of a
  /// million-gate circuit would take hours.
  unsigned searchWindow = 1000;
};

struct LayoutChoice {
  std::vector<unsigned> layout;
  /// True if the layout needs no SWAP (found by the zero-SWAP search).
  bool perfect = false;
};

/// Chooses an initial layout, or fails with `error` (a circuit wider than
/// the device or than its largest connected region, a bad user layout).
std::optional<LayoutChoice> chooseLayout(const MappingCircuit &circuit,
                                         const CouplingGraph &graph,
                                         const LayoutOptions &options,
                                         std::string &error);

/// The lowest-cost placement (by placementCost) under which every
/// two-qubit gate of `circuit` is on a coupler, among those the search
/// visits within `budget`, or nullopt if it finds none.
std::optional<std::vector<unsigned>>
findZeroSwapLayout(const MappingCircuit &circuit, const CouplingGraph &graph,
                   unsigned budget);

} // namespace qopt::mapping

#endif // QOPT_MAPPING_LAYOUT_H
