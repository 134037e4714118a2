//===- StateVector.cpp - a pure n-qubit state -----------------------------===//

#include "qopt/Simulation/StateVector.h"

#include <cmath>

using namespace qopt::sim;

StateVector::StateVector(unsigned numQubits)
    : numQubits(numQubits),
      amps(Eigen::VectorXcd::Zero(Eigen::Index(1) << numQubits)) {
  amps(0) = 1.0;
}

StateVector::StateVector(unsigned numQubits, Eigen::VectorXcd amplitudes)
    : numQubits(numQubits), amps(std::move(amplitudes)) {
  assert(amps.size() == (Eigen::Index(1) << numQubits));
}

double StateVector::collapse(unsigned wire, bool outcome) {
  double pOne = probabilityOfOne(wire);
  double p = outcome ? pOne : 1.0 - pOne;
  double scale = p > 0 ? 1.0 / std::sqrt(p) : 0.0;
  projectQubit(amps.data(), numQubits, wire, outcome, scale);
  return p;
}

void StateVector::resetAfterOutcome(unsigned wire, bool outcome) {
  if (!outcome)
    return;
  Eigen::MatrixXcd x(2, 2);
  x << 0, 1, 1, 0;
  apply(x, {wire});
}
