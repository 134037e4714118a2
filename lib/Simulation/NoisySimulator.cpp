//===- NoisySimulator.cpp - circuits under a target's noise ---------------===//

#include "qopt/Simulation/NoisySimulator.h"

#include "qopt/Simulation/DensityMatrix.h"
#include "qopt/Simulation/StateVector.h"

#include "mlir/IR/Operation.h"

#include <random>

using namespace mlir;
using namespace qopt;
using namespace qopt::sim;

namespace {

using Kraus = std::vector<Eigen::Matrix2cd>;

/// A gate with the noise around it.
struct NoisyGate {
  Eigen::MatrixXcd matrix;
  std::vector<unsigned> wires;
  /// Relaxation of wires that idled before the gate, then of the gate's
  /// wires over its duration, then depolarizing on all its wires.
  std::vector<std::pair<unsigned, Kraus>> idle, relaxation;
  double depolarizing = 0;
};

struct NoisyProgram {
  unsigned numWires = 0;
  std::vector<NoisyGate> gates;
  /// Wires whose outcome the distribution is over.
  std::vector<unsigned> measured;
  /// Per wire, the readout confusion (entry (m, p): read m, prepared p).
  std::vector<Eigen::Matrix2d> confusion;
};

LogicalResult buildProgram(const FlatCircuit &circuit,
                           const target::NoiseModel &noise,
                           const NoisyRunOptions &options,
                           NoisyProgram &program, std::string &error) {
  unsigned n = circuit.numWires;
  program.numWires = n;
  std::vector<unsigned> qubit(n);
  for (unsigned w = 0; w < n; ++w) {
    if (!circuit.physicalIndex[w]) {
      error = "the circuit must be on device qubits (run layout and route)";
      return failure();
    }
    qubit[w] = *circuit.physicalIndex[w];
    if (qubit[w] >= noise.getTarget().numQubits) {
      error =
          "device qubit " + std::to_string(qubit[w]) + " is not on the target";
      return failure();
    }
    program.confusion.push_back(noise.readoutConfusion(qubit[w]));
  }
  std::vector<double> clock(n, 0.0);
  std::vector<bool> isMeasured(n, false), started(n, false);
  for (const Instruction &instruction : circuit.instructions) {
    if (!instruction.condition.isAlways()) {
      error = "classically conditioned gates are not modelled";
      return failure();
    }
    switch (instruction.kind) {
    case Instruction::Kind::Reset:
      error = "reset is not modelled";
      return failure();
    case Instruction::Kind::CopyBit:
      continue;
    case Instruction::Kind::Measure:
      if (!isMeasured[instruction.wires[0]])
        program.measured.push_back(instruction.wires[0]);
      isMeasured[instruction.wires[0]] = true;
      continue;
    case Instruction::Kind::Gate:
      break;
    }
    NoisyGate gate;
    gate.matrix = instruction.matrix;
    gate.wires = instruction.wires;
    llvm::SmallVector<unsigned, 2> qubits;
    for (unsigned wire : gate.wires) {
      if (isMeasured[wire]) {
        error = "mid-circuit measurement is not modelled";
        return failure();
      }
      qubits.push_back(qubit[wire]);
    }
    llvm::StringRef name = instruction.origin
                               ? instruction.origin->getName().stripDialect()
                               : llvm::StringRef();
    std::optional<target::GateNoise> gateNoise = noise.gateNoise(name, qubits);
    double duration = 0;
    if (gateNoise) {
      duration = gateNoise->durationNs;
      gate.depolarizing = gateNoise->depolarizing;
    } else if (name != "rz") {
      std::string on;
      for (unsigned q : qubits)
        on += (on.empty() ? "" : ", ") + std::to_string(q);
      error = "the target has no calibration of '" + name.str() +
              "' on qubit(s) " + on +
              " (rz alone is virtual); run "
              "to-target-basis first";
      return failure();
    }
    double start = 0;
    for (unsigned wire : gate.wires)
      start = std::max(start, clock[wire]);
    for (unsigned i = 0; i < gate.wires.size(); ++i) {
      unsigned wire = gate.wires[i];
      // A qubit idles from its previous gate; before its first it is |0>,
      // which relaxation leaves alone.
      if (options.idleNoise && started[wire] && start > clock[wire])
        gate.idle.push_back(
            {wire, noise.idleKraus(qubit[wire], start - clock[wire])});
      if (gateNoise && duration > 0) {
        auto [t1, t2] = gateNoise->relaxation[i];
        gate.relaxation.push_back(
            {wire, target::thermalRelaxationKraus(t1, t2, duration)});
      }
      clock[wire] = start + duration;
      started[wire] = true;
    }
    program.gates.push_back(std::move(gate));
  }
  if (program.measured.empty())
    for (unsigned w = 0; w < n; ++w)
      program.measured.push_back(w);
  return success();
}

/// rho -> (1 - p) rho + p Tr_W(rho) (x) I / d on the wires W.
Eigen::MatrixXcd depolarizingSuperoperator(double p, unsigned k) {
  Eigen::Index d = Eigen::Index(1) << k;
  Eigen::MatrixXcd s = (1 - p) * Eigen::MatrixXcd::Identity(d * d, d * d);
  // Index (rows, columns) = r * d + c; the trace keeps r == c.
  for (Eigen::Index r = 0; r < d; ++r)
    for (Eigen::Index r2 = 0; r2 < d; ++r2)
      s(r * d + r, r2 * d + r2) += p / d;
  return s;
}

Eigen::MatrixXcd superoperator(const Kraus &kraus) {
  std::vector<Eigen::MatrixXcd> dynamic(kraus.begin(), kraus.end());
  return krausToSuperoperator(dynamic);
}

/// Probabilities over the wires `measured` (first wire most significant)
/// from probabilities over all `n` wires.
std::vector<double> marginal(const std::vector<double> &full, unsigned n,
                             const std::vector<unsigned> &measured) {
  std::vector<double> result(size_t(1) << measured.size(), 0.0);
  for (uint64_t x = 0; x < full.size(); ++x) {
    uint64_t m = 0;
    for (unsigned wire : measured)
      m = (m << 1) | ((x >> (n - 1 - wire)) & 1);
    result[m] += full[x];
  }
  return result;
}

/// Applies each measured wire's readout confusion to a distribution.
void applyReadout(std::vector<double> &distribution,
                  const std::vector<unsigned> &measured,
                  const std::vector<Eigen::Matrix2d> &confusion) {
  unsigned m = measured.size();
  for (unsigned i = 0; i < m; ++i) {
    const Eigen::Matrix2d &c = confusion[measured[i]];
    uint64_t mask = uint64_t(1) << (m - 1 - i);
    for (uint64_t x = 0; x < distribution.size(); ++x) {
      if (x & mask)
        continue;
      double p0 = distribution[x], p1 = distribution[x | mask];
      distribution[x] = c(0, 0) * p0 + c(0, 1) * p1;
      distribution[x | mask] = c(1, 0) * p0 + c(1, 1) * p1;
    }
  }
}

double hellingerFidelity(const std::vector<double> &p,
                         const std::vector<double> &q) {
  double sum = 0;
  for (size_t i = 0; i < p.size(); ++i)
    sum += std::sqrt(std::max(0.0, p[i]) * std::max(0.0, q[i]));
  return sum * sum;
}

std::vector<double> probabilitiesOf(const Eigen::VectorXcd &amps) {
  std::vector<double> p(amps.size());
  for (Eigen::Index i = 0; i < amps.size(); ++i)
    p[i] = std::norm(amps(i));
  return p;
}

/// P(reading all zeros) from a distribution over all wires.
double allZeros(std::vector<double> full, const NoisyProgram &program) {
  std::vector<unsigned> all(program.numWires);
  for (unsigned w = 0; w < program.numWires; ++w)
    all[w] = w;
  applyReadout(full, all, program.confusion);
  return full[0];
}

NoisyRunResult runDensityMatrix(const NoisyProgram &program,
                                const Eigen::VectorXcd &ideal) {
  unsigned n = program.numWires;
  // The inverse half mirrors the schedule: a gate's idle window comes after
  // its inverse, before the inverse of the gate that preceded it.
  auto evolve = [&](DensityMatrix &rho, const NoisyGate &gate, bool inverse) {
    auto idle = [&] {
      for (const auto &[wire, kraus] : gate.idle)
        rho.applySuperoperator(superoperator(kraus), {wire});
    };
    if (!inverse)
      idle();
    rho.applyUnitary(inverse ? Eigen::MatrixXcd(gate.matrix.adjoint())
                             : gate.matrix,
                     gate.wires);
    for (const auto &[wire, kraus] : gate.relaxation)
      rho.applySuperoperator(superoperator(kraus), {wire});
    if (gate.depolarizing > 0)
      rho.applySuperoperator(
          depolarizingSuperoperator(gate.depolarizing, gate.wires.size()),
          gate.wires);
    if (inverse)
      idle();
  };
  NoisyRunResult result;
  result.method = "density-matrix";
  DensityMatrix rho(n);
  for (const NoisyGate &gate : program.gates)
    evolve(rho, gate, false);
  result.stateFidelity = rho.fidelityToPure(ideal);
  std::vector<double> noisy =
      marginal(rho.probabilities(), n, program.measured);
  applyReadout(noisy, program.measured, program.confusion);
  result.hellinger = hellingerFidelity(
      marginal(probabilitiesOf(ideal), n, program.measured), noisy);
  // PST: forward, then backward with the inverse gates.
  for (auto it = program.gates.rbegin(); it != program.gates.rend(); ++it)
    evolve(rho, *it, true);
  result.pst = allZeros(rho.probabilities(), program);
  return result;
}

/// Monte-Carlo trajectories: each channel applies one of its Kraus operators
/// (or, for depolarizing, a uniformly random Pauli with probability p),
/// chosen with the Born probability.
class Trajectory {
public:
  Trajectory(unsigned n, std::mt19937_64 &rng) : state(n), rng(rng) {}

  void channel(unsigned wire, const Kraus &kraus) {
    unsigned n = state.getNumQubits();
    Eigen::VectorXcd &amps = state.getAmplitudes();
    uint64_t mask = wireMask(n, wire);
    Eigen::Matrix2cd reduced = Eigen::Matrix2cd::Zero();
    for (uint64_t i = 0; i < uint64_t(amps.size()); ++i) {
      if (i & mask)
        continue;
      Amplitude a0 = amps(i), a1 = amps(i | mask);
      reduced(0, 0) += std::norm(a0);
      reduced(1, 1) += std::norm(a1);
      reduced(0, 1) += a0 * std::conj(a1);
    }
    reduced(1, 0) = std::conj(reduced(0, 1));
    double u = std::uniform_real_distribution<double>()(rng), total = 0;
    for (size_t k = 0; k < kraus.size(); ++k) {
      double p = (kraus[k] * reduced * kraus[k].adjoint()).trace().real();
      total += p;
      if (u < total || k + 1 == kraus.size()) {
        state.apply(kraus[k], {wire});
        amps /= std::sqrt(std::max(p, 1e-300));
        return;
      }
    }
  }

  /// (1 - p) rho + p I/d: a uniformly random non-identity Pauli string
  /// with probability p (1 - 4^-k), which also covers p > 1 (the model
  /// allows up to 4^k / (4^k - 1)).
  void depolarize(double p, const std::vector<unsigned> &wires) {
    uint64_t strings = uint64_t(1) << (2 * wires.size());
    double flip = p * (1.0 - 1.0 / strings);
    if (std::uniform_real_distribution<double>()(rng) >= flip)
      return;
    uint64_t which = 1 + rng() % (strings - 1);
    static const Eigen::Matrix2cd paulis[4] = {
        Eigen::Matrix2cd::Identity(),
        (Eigen::Matrix2cd() << 0, 1, 1, 0).finished(),
        (Eigen::Matrix2cd() << 0, Amplitude(0, -1), Amplitude(0, 1), 0)
            .finished(),
        (Eigen::Matrix2cd() << 1, 0, 0, -1).finished()};
    for (size_t i = 0; i < wires.size(); ++i)
      if (unsigned pauli = (which >> (2 * i)) & 3)
        state.apply(paulis[pauli], {wires[i]});
  }

  void evolve(const NoisyGate &gate, bool inverse) {
    for (const auto &[wire, kraus] : gate.idle)
      channel(wire, kraus);
    state.apply(inverse ? Eigen::MatrixXcd(gate.matrix.adjoint()) : gate.matrix,
                gate.wires);
    for (const auto &[wire, kraus] : gate.relaxation)
      channel(wire, kraus);
    if (gate.depolarizing > 0)
      depolarize(gate.depolarizing, gate.wires);
  }

  StateVector state;

private:
  std::mt19937_64 &rng;
};

NoisyRunResult runTrajectories(const NoisyProgram &program,
                               const Eigen::VectorXcd &ideal,
                               const NoisyRunOptions &options) {
  unsigned n = program.numWires;
  std::mt19937_64 rng(options.seed);
  NoisyRunResult result;
  result.method = "trajectories";
  result.shots = options.shots;
  auto meanAndError = [&](const std::vector<double> &samples, double &mean,
                          double &error) {
    mean = 0;
    for (double s : samples)
      mean += s;
    mean /= samples.size();
    double variance = 0;
    for (double s : samples)
      variance += (s - mean) * (s - mean);
    error = samples.size() > 1
                ? std::sqrt(variance / (samples.size() - 1) / samples.size())
                : 0;
  };
  std::vector<double> fidelities, pst;
  std::vector<double> distribution(size_t(1) << program.measured.size(), 0.0);
  for (unsigned shot = 0; shot < options.shots; ++shot) {
    Trajectory trajectory(n, rng);
    for (const NoisyGate &gate : program.gates)
      trajectory.evolve(gate, false);
    const Eigen::VectorXcd &amps = trajectory.state.getAmplitudes();
    fidelities.push_back(std::norm(ideal.dot(amps)));
    std::vector<double> shotDistribution =
        marginal(probabilitiesOf(amps), n, program.measured);
    for (size_t x = 0; x < distribution.size(); ++x)
      distribution[x] += shotDistribution[x] / options.shots;
    for (auto it = program.gates.rbegin(); it != program.gates.rend(); ++it)
      trajectory.evolve(*it, true);
    pst.push_back(allZeros(probabilitiesOf(amps), program));
  }
  meanAndError(fidelities, result.stateFidelity, result.stateFidelityError);
  meanAndError(pst, result.pst, result.pstError);
  applyReadout(distribution, program.measured, program.confusion);
  result.hellinger = hellingerFidelity(
      marginal(probabilitiesOf(ideal), n, program.measured), distribution);
  return result;
}

} // namespace

FailureOr<NoisyRunResult>
sim::simulateWithNoise(const FlatCircuit &circuit,
                       const target::NoiseModel &noise,
                       const NoisyRunOptions &options, std::string &error) {
  if (options.densityMatrixMaxQubits > 14) {
    error = "density matrices stop at 14 qubits (4^14 entries, 4 GiB)";
    return failure();
  }
  if (options.shots == 0) {
    error = "trajectories need at least one shot";
    return failure();
  }
  NoisyProgram program;
  if (failed(buildProgram(circuit, noise, options, program, error)))
    return failure();
  if (program.numWires > 30) {
    error = "the circuit has " + std::to_string(program.numWires) +
            " qubits; noisy simulation stops at 30";
    return failure();
  }
  StateVector ideal(program.numWires);
  for (const NoisyGate &gate : program.gates)
    ideal.apply(gate.matrix, gate.wires);
  NoisyRunResult result =
      program.numWires <= options.densityMatrixMaxQubits
          ? runDensityMatrix(program, ideal.getAmplitudes())
          : runTrajectories(program, ideal.getAmplitudes(), options);
  result.numQubits = program.numWires;
  return result;
}
