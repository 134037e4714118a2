//===- Target.h - a quantum device and its calibration ----------*- C++ -*-===//
//
// Everything a noise-aware pass needs to know about a device, as loaded from
// IBM backend JSON (conf/props/defs) or qopt's compact JSON format: the
// coupling graph (directed where the hardware is), basis gates, per-qubit
// coherence and readout data, per-(gate, qubits) error and duration, the
// control channels, and the calibrated pulse schedules.
//
// Units: times in nanoseconds (T1/T2 too), frequencies in GHz, errors as
// probabilities in [0, 1].
//
//===----------------------------------------------------------------------===//

#ifndef QOPT_TARGET_TARGET_H
#define QOPT_TARGET_TARGET_H

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringRef.h"

#include <complex>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace qopt::target {

struct QubitProperties {
  std::optional<double> t1Ns, t2Ns;
  std::optional<double> frequencyGHz, anharmonicityGHz;
  std::optional<double> readoutError;
  /// P(read 0 | prepared 1) and P(read 1 | prepared 0).
  std::optional<double> probMeas0Prep1, probMeas1Prep0;
  std::optional<double> readoutLengthNs;
  /// Drive strength omegad: the Rabi rate, in rad/ns, per unit of pulse
  /// amplitude, from the Hamiltonian estimate in IBM's conf file.
  std::optional<double> driveStrengthRadPerNs;
};

/// Calibration of one gate on one ordered tuple of qubits.
struct GateProperties {
  std::string gate;
  llvm::SmallVector<unsigned, 2> qubits;
  std::optional<double> error;
  std::optional<double> lengthNs;
  /// Reported as non-operational (IBM marks these with gate_error 1.0).
  bool broken = false;
};

/// One step of a calibrated pulse schedule, as in IBM's cmd_def.
struct PulseInstruction {
  /// parametric_pulse, fc, shiftf, setf, setp, delay, acquire, or the name of
  /// a sampled pulse in the pulse library.
  std::string name;
  int64_t t0 = 0;
  /// d<i>, u<k>, m<i> or a<i>.
  std::string channel;
  /// fc/setp: the phase, either a number or an expression of the gate's
  /// parameters such as "-(P0)" (kept as written).
  std::optional<double> phase;
  std::string phaseExpression;
  /// shiftf/setf: the frequency in GHz.
  std::optional<double> frequencyGHz;
  /// parametric_pulse: drag, gaussian, gaussian_square or constant.
  std::string pulseShape;
  /// Parametric pulse parameters other than amp (duration, sigma, width,
  /// beta); amp separately, as a complex number.
  std::map<std::string, double> parameters;
  std::optional<std::complex<double>> amp;
  /// delay / acquire duration in dt.
  std::optional<int64_t> duration;
  /// acquire: qubits and memory slots.
  llvm::SmallVector<unsigned, 2> acquireQubits, memorySlots;
};

/// The pulse schedule implementing one gate on one qubit tuple.
struct GateSchedule {
  std::string gate;
  llvm::SmallVector<unsigned, 2> qubits;
  std::vector<PulseInstruction> sequence;
};

struct PulseDefaults {
  std::vector<double> qubitFreqEstGHz, measFreqEstGHz;
  llvm::StringMap<std::vector<std::complex<double>>> pulseLibrary;
  std::vector<GateSchedule> commands;
};

/// Control channel u<index> drives `targetQubit` at the frequency of
/// `controlQubit` (cross-resonance from control to target).
struct ControlChannel {
  unsigned index;
  unsigned controlQubit, targetQubit;
};

class Target {
public:
  /// Identity.
  std::string name;        ///< e.g. "montreal", or the compact file's name
  std::string backendName; ///< e.g. "ibmq_montreal"
  std::string calibrationDate;
  std::string contentHash; ///< SHA-256 of the files it was loaded from
  std::string source;      ///< path it was loaded from

  unsigned numQubits = 0;
  std::vector<std::string> basisGates;
  std::optional<double> dtNs;
  /// Directed pairs as the device lists them; a symmetric coupling appears
  /// in both directions.
  std::vector<std::pair<unsigned, unsigned>> couplingMap;
  std::vector<QubitProperties> qubits;
  std::vector<GateProperties> gates;
  std::vector<ControlChannel> controlChannels;
  std::optional<PulseDefaults> pulses;

  /// The calibration of `gate` on exactly these ordered qubits, if any.
  const GateProperties *findGate(llvm::StringRef gate,
                                 llvm::ArrayRef<unsigned> qubits) const;
  /// The native two-qubit gate (cx or ecr), or empty.
  llvm::StringRef twoQubitGate() const;
  /// True if the coupling from `a` to `b` is listed.
  bool hasCoupling(unsigned a, unsigned b) const;
  /// True if some listed coupling has no reverse.
  bool isDirected() const;
  /// Couplings whose two-qubit gate is reported broken, as listed.
  std::vector<std::pair<unsigned, unsigned>> brokenCouplings() const;
  /// True if a usable (listed, not broken) coupling joins a and b in the
  /// direction a -> b.
  bool isUsableCoupling(unsigned a, unsigned b) const;
  bool hasBasisGate(llvm::StringRef gate) const;

  /// Rebuilds the gate index after `gates` changed.
  void reindex();

private:
  std::map<std::pair<std::string, llvm::SmallVector<unsigned, 2>>, size_t>
      gateIndex;
};

} // namespace qopt::target

#endif // QOPT_TARGET_TARGET_H
