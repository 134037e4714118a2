//===- Router.h - SWAP insertion so two-qubit gates meet couplers -*- C++
//-*-===//
//
// A LightSABRE-class router (Li, Ding and Xie, "Tackling the qubit mapping
// problem for NISQ-era quantum devices", 2019; Zou et al., "LightSABRE",
// 2024) on an abstract circuit: gates on logical wires in program order.
//
// The front layer F holds the gates whose predecessors have all run. Gates
// in F that can run (one-qubit, or two-qubit on adjacent physical qubits)
// run at once. Otherwise every SWAP on a coupler touching a qubit of a
// two-qubit gate in F is scored, with pi the layout after that SWAP:
//
//   H(swap) = max(decay[a], decay[b])
//             * ( sum_{g in F} D(pi(g)) / |F|
//               + W * sum_{g in E} D(pi(g)) / |E| )
//             + N * 0.01 * 3 * cost(a, b) / meanCost / |F|
//
// E is the extended set (the next `extendedSetSize` two-qubit gates after
// F), W its weight, decay[q] grows by `decayIncrement` each time q is
// swapped and resets every 5 SWAPs and whenever a gate runs. D is the hop
// distance, or in noise-aware mode the mean of the hop distance and the
// noisy distance (summed -log(1 - e) of the couplers on the best path)
// divided by the mean coupler cost: the noisy part steers routes off bad
// couplers, the hop part keeps every SWAP making progress (the noisy part
// alone let cheap couplers win over progress and livelocked). N is 1 in
// noise-aware mode, else 0: the SWAP's own three gates decide between
// equally good SWAPs and veto terrible couplers. The lowest H
// wins; ties go to a seeded random choice. When 10 * (number of qubits)
// SWAPs pass without a gate running, the release valve walks the closest
// gate of F together along a shortest path.
//
// Runs of one-qubit gates are routed as single gates (compactOneQubitRuns):
// they never wait for a SWAP, and the router walks a graph of about the
// two-qubit gates alone. F and E change only when a gate runs, so they are
// collected then, and only their distances are refreshed after a SWAP.
//
// Several trials, each with its own random stream, run; the best by the
// objective is kept: fewest SWAPs, in noise-aware mode the highest ESP among
// those of the routed circuit (lowest totalCost). Huge circuits get fewer
// trials: at most kRoutedGatesBudget gates are routed over all of them.
//
//===----------------------------------------------------------------------===//

#ifndef QOPT_MAPPING_ROUTER_H
#define QOPT_MAPPING_ROUTER_H

#include "qopt/Mapping/CouplingGraph.h"

#include "llvm/ADT/STLFunctionalExtras.h"
#include "llvm/ADT/SmallVector.h"

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace qopt::mapping {

/// One operation of the circuit to map, on logical wires. Only two-qubit
/// gates need adjacent physical qubits; barriers on several wires do not.
struct MappingGate {
  llvm::SmallVector<unsigned, 2> wires;
  bool needsAdjacency = false;
  /// A final measurement (readout cost) rather than a gate.
  bool isMeasurement = false;
  /// Two-qubit gates of the device it stands for (3 for a SWAP), which
  /// costs count.
  unsigned twoQubitGates = 1;
  /// One-qubit gates: sx pulses it costs (0 for diagonal gates such as rz,
  /// which IBM devices run as frame changes).
  unsigned pulses = 1;
  /// Per wire: 'Z' if the gate commutes with Z on that wire, else 'X' if it
  /// commutes with X there, else 'G'. Gates whose shared wires are all
  /// 'Z' in both or all 'X' in both commute, so the router may run them in
  /// either order (the CX of Bernstein-Vazirani on one target, say). Empty
  /// means 'G' on every wire.
  llvm::SmallVector<char, 2> actions;
  /// Earlier gates this one must follow although it shares no wire with
  /// them: the measurements whose results a conditional gate reads.
  llvm::SmallVector<unsigned, 1> after;
};

struct MappingCircuit {
  unsigned numWires = 0;
  std::vector<MappingGate> gates;

  /// The circuit run backwards (SABRE's reverse pass).
  MappingCircuit reversed() const;
};

/// A circuit with each run of one-qubit gates on a wire (consecutive on
/// that wire, none waiting on a measurement) merged into one gate of their
/// summed pulses, acting 'Z' or 'X' if all of them do, else 'G'. One-qubit
/// gates never wait for a SWAP, so a run is routed exactly where its gates
/// would be, at the same cost, and the router walks a graph of about the
/// two-qubit gates alone (Qiskit's SABRE leaves them out for the same
/// reason).
struct CompactedCircuit {
  MappingCircuit circuit;
  /// The original gates, in order, that gate i of `circuit` stands for.
  std::vector<llvm::SmallVector<unsigned, 1>> members;
};

CompactedCircuit compactOneQubitRuns(const MappingCircuit &circuit);

/// Dependencies up to commutation: each gate's successors and how many
/// predecessors it has. Two gates in the same run on all their shared wires
/// commute (after a basis change on the 'X' wires both are block diagonal
/// there, with blocks on disjoint wires), so neither depends on the other.
/// Built once per circuit and direction: SABRE's layout search routes each
/// dozens of times.
struct GateDag {
  std::vector<llvm::SmallVector<unsigned, 2>> successors;
  std::vector<unsigned> numPredecessors;

  explicit GateDag(const MappingCircuit &circuit);
};

/// Runs body(0) ... body(count - 1), possibly at once on several threads
/// (a pass passes mlir::parallelFor on its context, which honours
/// --mlir-disable-threading). Trials are independent and their seeds are
/// drawn in order beforehand, so the result does not depend on it.
using ParallelFor =
    std::function<void(size_t count, llvm::function_ref<void(size_t)> body)>;

/// body(0) ... body(count - 1) through `parallelFor` when given, else in
/// order on this thread.
void forEachTrial(const ParallelFor &parallelFor, size_t count,
                  llvm::function_ref<void(size_t)> body);

struct RouterOptions {
  /// Trials to run; on circuits of more than kRoutedGatesBudget / trials
  /// gates, only as many as fit in that budget (at least one), so that a
  /// million-gate circuit routes in seconds, not minutes.
  unsigned trials = 32;
  uint64_t seed = 20261127;
  unsigned extendedSetSize = 20;
  double extendedSetWeight = 0.5;
  double decayIncrement = 0.001;
  bool noiseAware = false;
  /// Runs the trials in parallel when set.
  ParallelFor parallelFor;
};

/// A routed circuit: gate i of the input is run when `gate == i`; a SWAP of
/// two physical qubits when `gate` is empty. A SWAP decomposes as
/// CX(swapA, swapB) CX(swapB, swapA) CX(swapA, swapB); the router orients
/// it so that the first CX cancels a CX(swapA, swapB) that ran just before
/// on both qubits, up to gates that commute with it.
struct RoutedStep {
  std::optional<unsigned> gate;
  unsigned swapA = 0, swapB = 0;
};

struct RoutingResult {
  std::vector<RoutedStep> steps;
  /// Physical qubit of each logical wire at the end.
  std::vector<unsigned> finalLayout;
  unsigned numSwaps = 0;
  /// Summed -log(1 - e) of the SWAPs' two-qubit gates (three per SWAP).
  double swapCost = 0;
  /// The same over every gate, SWAP and measurement where it ran (as in
  /// placementCost): exp(-totalCost) is the routed circuit's ESP.
  double totalCost = 0;
};

/// Gates routed over all trials of one route() call, at most (see
/// RouterOptions::trials).
inline constexpr size_t kRoutedGatesBudget = 4000000;

/// Routes `circuit` starting from `initialLayout` (logical wire -> physical
/// qubit, distinct). Fails with a message when a two-qubit gate joins qubits
/// in different connected components.
std::optional<RoutingResult> route(const MappingCircuit &circuit,
                                   const CouplingGraph &graph,
                                   const std::vector<unsigned> &initialLayout,
                                   const RouterOptions &options,
                                   std::string &error);

/// route() with the circuit's dependencies already built.
std::optional<RoutingResult> route(const MappingCircuit &circuit,
                                   const GateDag &dag,
                                   const CouplingGraph &graph,
                                   const std::vector<unsigned> &initialLayout,
                                   const RouterOptions &options,
                                   std::string &error);

/// The baseline router: gates run in program order, and each two-qubit gate
/// on uncoupled qubits first moves its first qubit along a shortest path
/// (by hops) next to the second. No lookahead, one trial.
std::optional<RoutingResult> routeAlongShortestPaths(
    const MappingCircuit &circuit, const CouplingGraph &graph,
    const std::vector<unsigned> &initialLayout, std::string &error);

/// Summed -log(1 - e) of running `circuit` under `layout` without SWAPs:
/// couplers for two-qubit gates (their hop-path cost when not adjacent),
/// sx pulses for one-qubit gates, readout for measurements. Lower is better;
/// exp(-cost) estimates the success probability.
double placementCost(const MappingCircuit &circuit, const CouplingGraph &graph,
                     const std::vector<unsigned> &layout);

} // namespace qopt::mapping

#endif // QOPT_MAPPING_ROUTER_H
