//===- CouplingGraph.h - a device's couplers as a weighted graph -*- C++
//-*-===//
//
// What layout and routing see of a target: which physical qubits a two-qubit
// gate may join (undirected: direction fix-ups are basis translation's job;
// broken couplers left out), hop distances, and the calibrated cost of each
// qubit and coupler as -log(1 - error), so that costs add up along a circuit
// and exp(-cost) is its estimated success probability (ESP).
//
//===----------------------------------------------------------------------===//

#ifndef QOPT_MAPPING_COUPLINGGRAPH_H
#define QOPT_MAPPING_COUPLINGGRAPH_H

#include <utility>
#include <vector>

namespace qopt::target {
class Target;
} // namespace qopt::target

namespace qopt::mapping {

class CouplingGraph {
public:
  /// The target's usable couplers and calibrated errors. A coupler's error
  /// is that of the target's two-qubit gate in the better calibrated
  /// direction; missing calibrations count as the device's median.
  static CouplingGraph fromTarget(const target::Target &target);
  /// An uncalibrated graph (all errors zero) from undirected edges.
  static CouplingGraph
  fromEdges(unsigned numQubits,
            const std::vector<std::pair<unsigned, unsigned>> &edges);

  unsigned numQubits() const { return neighborLists.size(); }
  const std::vector<unsigned> &neighbors(unsigned q) const {
    return neighborLists[q];
  }
  bool adjacent(unsigned a, unsigned b) const {
    return adjacency[a * numQubits() + b];
  }
  /// Couplers on a shortest path, or kUnreachable.
  unsigned hops(unsigned a, unsigned b) const {
    return hopDistance[a * numQubits() + b];
  }
  /// Least summed coupler cost of a path from a to b (a SWAP chain costs
  /// three times this), or infinity.
  double noisyDistance(unsigned a, unsigned b) const {
    return noisyDist[a * numQubits() + b];
  }
  /// The router's noise-aware distance: the mean of hops and the noisy
  /// distance over the mean coupler cost (hops alone without calibration).
  double steeringDistance(unsigned a, unsigned b) const {
    return steeringDist[a * numQubits() + b];
  }
  /// -log(1 - error) of the two-qubit gate on (a, b); a and b adjacent.
  double couplerCost(unsigned a, unsigned b) const {
    return edgeCost[a * numQubits() + b];
  }
  /// -log(1 - error) of a one-qubit pulse (sx) on q, and of reading q out.
  double oneQubitCost(unsigned q) const { return singleCost[q]; }
  double readoutCost(unsigned q) const { return measureCost[q]; }
  /// Mean coupler cost, for scaling noisy distances to about one per hop.
  double meanCouplerCost() const { return meanCoupler; }
  /// Connected components, each a sorted list of qubits, largest first.
  std::vector<std::vector<unsigned>> components() const;

  static constexpr unsigned kUnreachable = ~0u;

private:
  void finish();

  std::vector<std::vector<unsigned>> neighborLists;
  std::vector<char> adjacency;
  std::vector<unsigned> hopDistance;
  std::vector<double> noisyDist, steeringDist, edgeCost;
  std::vector<double> singleCost, measureCost;
  double meanCoupler = 0;
};

} // namespace qopt::mapping

#endif // QOPT_MAPPING_COUPLINGGRAPH_H
