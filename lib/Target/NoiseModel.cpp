//===- NoiseModel.cpp - the noise a target's calibration implies ----------===//

#include "qopt/Target/NoiseModel.h"

#include <cmath>

using namespace qopt::target;

double qopt::target::averageFidelityFromProcess(double processFidelity,
                                                unsigned dim) {
  return (dim * processFidelity + 1.0) / (dim + 1.0);
}

double qopt::target::processFidelityFromAverage(double averageFidelity,
                                                unsigned dim) {
  return ((dim + 1.0) * averageFidelity - 1.0) / dim;
}

double qopt::target::depolarizingParameterFromError(double error,
                                                    unsigned numQubits) {
  double dim = std::ldexp(1.0, numQubits);
  return error * dim / (dim - 1.0);
}

double qopt::target::errorFromDepolarizingParameter(double p,
                                                    unsigned numQubits) {
  double dim = std::ldexp(1.0, numQubits);
  return p * (dim - 1.0) / dim;
}

double qopt::target::thermalRelaxationProcessFidelity(double t1Ns, double t2Ns,
                                                      double timeNs) {
  return (1.0 + 2.0 * std::exp(-timeNs / t2Ns) + std::exp(-timeNs / t1Ns)) /
         4.0;
}

std::vector<Eigen::Matrix2cd>
qopt::target::thermalRelaxationKraus(double t1Ns, double t2Ns, double timeNs) {
  // Amplitude damping with gamma = 1 - e^{-t/T1} scales coherences by
  // e^{-t/(2 T1)}; pure dephasing supplies the rest of e^{-t/T2}.
  double gamma = 1.0 - std::exp(-timeNs / t1Ns);
  double coherence = std::exp(-timeNs / t2Ns + timeNs / (2.0 * t1Ns));
  Eigen::Matrix2cd a0, a1, z = Eigen::Matrix2cd::Zero();
  a0 << 1, 0, 0, std::sqrt(1 - gamma);
  a1 << 0, std::sqrt(gamma), 0, 0;
  z(0, 0) = 1;
  z(1, 1) = -1;
  double keep = std::sqrt((1 + coherence) / 2);
  double flip = std::sqrt(std::max(0.0, (1 - coherence) / 2));
  return {keep * a0, keep * a1, flip * z * a0, flip * z * a1};
}

std::pair<double, double> NoiseModel::coherenceTimes(unsigned qubit) const {
  const QubitProperties &props = target.qubits[qubit];
  double t1 = props.t1Ns.value_or(INFINITY);
  double t2 = std::min(props.t2Ns.value_or(INFINITY), 2 * t1);
  return {t1, t2};
}

std::optional<GateNoise>
NoiseModel::gateNoise(llvm::StringRef gate,
                      llvm::ArrayRef<unsigned> qubits) const {
  const GateProperties *props = target.findGate(gate, qubits);
  if (!props)
    return std::nullopt;
  GateNoise noise;
  noise.durationNs = props->lengthNs.value_or(0);
  unsigned n = qubits.size();
  unsigned dim = 1u << n;
  double relaxProcess = 1.0;
  for (unsigned q : qubits) {
    auto [t1, t2] = coherenceTimes(q);
    noise.relaxation.push_back({t1, t2});
    if (noise.durationNs > 0)
      relaxProcess *=
          thermalRelaxationProcessFidelity(t1, t2, noise.durationNs);
  }
  double relaxFidelity = averageFidelityFromProcess(relaxProcess, dim);
  double relaxInfidelity = 1.0 - relaxFidelity;
  // The reported error cannot exceed that of a fully depolarizing channel.
  double error = std::min(props->error.value_or(0), dim / (dim + 1.0));
  noise.error = error;
  if (error > relaxInfidelity) {
    // As Qiskit Aer: the depolarizing part makes up the remaining error.
    double p = dim * (error - relaxInfidelity) / (dim * relaxFidelity - 1.0);
    double maxP = std::ldexp(1.0, 2 * n) / (std::ldexp(1.0, 2 * n) - 1.0);
    noise.depolarizing = std::min(p, maxP);
  }
  return noise;
}

Eigen::Matrix2d NoiseModel::readoutConfusion(unsigned qubit) const {
  const QubitProperties &props = target.qubits[qubit];
  double p10 = props.probMeas1Prep0.value_or(props.readoutError.value_or(0));
  double p01 = props.probMeas0Prep1.value_or(props.readoutError.value_or(0));
  Eigen::Matrix2d confusion;
  confusion << 1 - p10, p01, //
      p10, 1 - p01;
  return confusion;
}

std::vector<Eigen::Matrix2cd> NoiseModel::idleKraus(unsigned qubit,
                                                    double timeNs) const {
  auto [t1, t2] = coherenceTimes(qubit);
  return thermalRelaxationKraus(t1, t2, timeNs);
}
