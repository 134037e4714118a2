//===- NoiseModel.h - the noise a target's calibration implies --*- C++ -*-===//
//
// One noise model, derived from a target as Qiskit Aer's
// NoiseModel.from_backend does, and shared by the simulators, the ESP
// estimate and dataset generation:
//  - each gate is thermal relaxation over its duration (T1, T2 of each
//    qubit) followed by the depolarizing channel that makes the total average
//    gate error equal the calibrated gate_error;
//  - each measurement flips its outcome by the qubit's confusion matrix;
//  - an idle qubit relaxes for the idle time.
//
// Conventions: the n-qubit depolarizing channel with parameter p is
// rho -> (1 - p) rho + p Tr(rho) I / 2^n; its average gate infidelity is
// p (d - 1) / d with d = 2^n. T2 is capped at 2*T1.
//
//===----------------------------------------------------------------------===//

#ifndef QOPT_TARGET_NOISEMODEL_H
#define QOPT_TARGET_NOISEMODEL_H

#include "qopt/Target/Target.h"

#include <Eigen/Core>

namespace qopt::target {

/// Average gate fidelity from process (entanglement) fidelity, dimension d.
double averageFidelityFromProcess(double processFidelity, unsigned dim);
/// Process fidelity from average gate fidelity, dimension d.
double processFidelityFromAverage(double averageFidelity, unsigned dim);
/// The depolarizing parameter whose average gate infidelity is `error`.
double depolarizingParameterFromError(double error, unsigned numQubits);
/// The average gate infidelity of depolarizing parameter `p`.
double errorFromDepolarizingParameter(double p, unsigned numQubits);

/// Kraus operators of thermal relaxation of one qubit for `timeNs`, towards
/// |0>: amplitude damping to e^{-t/T1} excited population, then pure
/// dephasing so that coherences decay as e^{-t/T2}. Requires T2 <= 2*T1.
std::vector<Eigen::Matrix2cd> thermalRelaxationKraus(double t1Ns, double t2Ns,
                                                     double timeNs);

/// Process fidelity of single-qubit thermal relaxation,
/// (1 + 2 e^{-t/T2} + e^{-t/T1}) / 4.
double thermalRelaxationProcessFidelity(double t1Ns, double t2Ns,
                                        double timeNs);

/// The noise of one gate on specific qubits.
struct GateNoise {
  double durationNs = 0;
  /// Per qubit of the gate: (T1, T2) in ns, T2 already capped.
  std::vector<std::pair<double, double>> relaxation;
  /// Depolarizing parameter applied after the relaxation.
  double depolarizing = 0;
  /// The calibrated average gate error this reproduces.
  double error = 0;
};

class NoiseModel {
public:
  explicit NoiseModel(const Target &target) : target(target) {}

  const Target &getTarget() const { return target; }

  /// The noise of `gate` on `qubits`, or nullopt if the target has no
  /// calibration for it (rz is virtual and noiseless).
  std::optional<GateNoise> gateNoise(llvm::StringRef gate,
                                     llvm::ArrayRef<unsigned> qubits) const;

  /// Readout confusion matrix of `qubit`: entry (m, p) is the probability of
  /// reading m when p was prepared; columns sum to 1.
  Eigen::Matrix2d readoutConfusion(unsigned qubit) const;

  /// (T1, T2) of `qubit` in ns, with T2 capped at 2*T1.
  std::pair<double, double> coherenceTimes(unsigned qubit) const;

  /// Relaxation of an idle `qubit` over `timeNs`.
  std::vector<Eigen::Matrix2cd> idleKraus(unsigned qubit, double timeNs) const;

private:
  const Target &target;
};

} // namespace qopt::target

#endif // QOPT_TARGET_NOISEMODEL_H
