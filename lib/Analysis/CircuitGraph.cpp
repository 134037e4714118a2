//===- CircuitGraph.cpp - a mapped circuit as features for a model --------===//

#include "qopt/Analysis/CircuitGraph.h"

#include "qopt/Simulation/StateVector.h"

#include "mlir/IR/Operation.h"

#include <array>
#include <cmath>

using namespace mlir;
using namespace qopt;

namespace {

// Gate kinds with their own one-hot feature; others fall in other_1q/2q.
constexpr std::array<llvm::StringLiteral, 5> kNamedGates = {"rz", "sx", "x",
                                                            "cx", "ecr"};

enum NodeFeature : unsigned {
  IsRz,
  IsSx,
  IsX,
  IsCx,
  IsEcr,
  IsMeasure,
  IsOther1q,
  IsOther2q,
  // -log of the calibrated fidelity: 1 - gate error, or 1 - readout error.
  NegLogFidelity,
  DurationUs,
  // Per operand slot (0, 1): relaxation rates 1/T1 and 1/T2 of the device
  // qubit (rates, so a qubit with negligible relaxation is 0, not huge), the
  // idle window before this node and its relaxation, relaxation during the
  // gate, and whether this is the last node on the wire.
  Slot0T1Rate,
  Slot0T2Rate,
  Slot0IdleUs,
  Slot0IdleNegLogFidelity,
  Slot0GateRelaxation,
  Slot0IsOutput,
  Slot1T1Rate,
  Slot1T2Rate,
  Slot1IdleUs,
  Slot1IdleNegLogFidelity,
  Slot1GateRelaxation,
  Slot1IsOutput,
  // Measurement: P(0 | 1) and P(1 | 0).
  ReadoutDecay,
  ReadoutExcite,
  // Position: ASAP start over schedule length, layer over depth.
  StartFraction,
  LayerFraction,
  // The node's noise (idle relaxation of its operands before it, relaxation
  // during it, depolarizing after it) acting alone on the noiseless state at
  // that point: -log <psi|E(psi)|psi>. Summed over nodes this is the
  // first-order estimate of the state fidelity, which sees what ESP cannot:
  // relaxation spares |0>, and a depolarizing error leaves part of an
  // entangled state's overlap intact.
  StateNegLogFidelity,
  // The noiseless state after the node: P(1) of each operand, and the
  // purity of the operands' reduced state (1 for a product state).
  Slot0ExcitedPopulation,
  Slot1ExcitedPopulation,
  OperandPurity,
  NumNodeFeatures
};
constexpr unsigned kSlotStride = Slot1T1Rate - Slot0T1Rate;
constexpr double kMaxReadoutError = 1 - 1e-9;

enum GlobalFeature : unsigned {
  NumQubits,
  Depth,
  NumRz,
  Num1q,
  Num2q,
  NumMeasure,
  ScheduleUs,
  GatesNegLog,
  ReadoutNegLog,
  IdleNegLog,
  EspNegLog,
  MeanT1Rate,
  MeanT2Rate,
  StateNegLog,
  NumGlobalFeatures
};

// The noiseless state costs 2^n per gate; wider circuits get the
// state-averaged values of the state features instead.
constexpr unsigned kStateFeatureMaxWires = 14;

/// <psi|E(psi)|psi> for a channel with Kraus operators `kraus` on one qubit
/// whose reduced state is `rho`: sum_k |Tr(K_k rho)|^2.
double krausOverlap(const std::vector<Eigen::Matrix2cd> &kraus,
                    const Eigen::Matrix2cd &rho) {
  double overlap = 0;
  for (const Eigen::Matrix2cd &k : kraus)
    overlap += std::norm((k * rho).trace());
  return overlap;
}

/// Operand `i`'s reduced state from the operands' joint one (operand 0 the
/// most significant bit).
Eigen::Matrix2cd operandMarginal(const Eigen::MatrixXcd &operands, unsigned i) {
  unsigned k = 0;
  while ((Eigen::Index(1) << k) < operands.rows())
    ++k;
  Eigen::Index mask = Eigen::Index(1) << (k - 1 - i);
  Eigen::Matrix2cd rho = Eigen::Matrix2cd::Zero();
  for (Eigen::Index rest = 0; rest < operands.rows(); ++rest)
    if (!(rest & mask))
      for (int a = 0; a < 2; ++a)
        for (int b = 0; b < 2; ++b)
          rho(a, b) += operands(rest | (a ? mask : 0), rest | (b ? mask : 0));
  return rho;
}

/// The same for a Haar-random pure state: the channel's average fidelity.
double averageKrausOverlap(const std::vector<Eigen::Matrix2cd> &kraus) {
  double processFidelity = 0;
  for (const Eigen::Matrix2cd &k : kraus)
    processFidelity += std::norm(k.trace()) / 4;
  return target::averageFidelityFromProcess(processFidelity, 2);
}

/// rho -> (1 - p) rho + p Tr_W(rho) (x) I/d on wires W whose reduced state
/// has purity `purity`: <psi|E(psi)|psi> = 1 - p + p purity / d.
double depolarizingOverlap(double p, unsigned numWires, double purity) {
  double d = double(uint64_t(1) << numWires);
  return 1 - p + p * purity / d;
}

/// Whether the noiseless state along the circuit is a pure state the
/// features can follow: no reset, condition or gate after a measurement,
/// and few enough wires.
bool canFollowState(const sim::FlatCircuit &circuit) {
  if (circuit.numWires > kStateFeatureMaxWires)
    return false;
  std::vector<bool> measured(circuit.numWires, false);
  for (const sim::Instruction &instruction : circuit.instructions) {
    if (!instruction.condition.isAlways() ||
        instruction.kind == sim::Instruction::Kind::Reset)
      return false;
    for (unsigned wire : instruction.wires) {
      if (measured[wire] && instruction.kind == sim::Instruction::Kind::Gate)
        return false;
      if (instruction.kind == sim::Instruction::Kind::Measure)
        measured[wire] = true;
    }
  }
  return true;
}

/// Fills the state features of the node `row` for `instruction` (a gate or
/// a measurement), which starts at `start` after its wires idled since
/// `clock`, and advances the noiseless `state` past it. Without a state
/// (see canFollowState), every state is taken as Haar-random.
void addStateFeatures(double *row, const sim::Instruction &instruction,
                      llvm::ArrayRef<unsigned> qubits,
                      const std::optional<target::GateNoise> &gate,
                      double start, llvm::ArrayRef<double> clock,
                      const std::vector<bool> &started,
                      const target::NoiseModel &noise,
                      std::optional<sim::StateVector> &state) {
  const std::vector<unsigned> &wires = instruction.wires;
  // The operands' reduced state, one pass over the state vector; each
  // operand's own state is a partial trace of it.
  auto operandsState = [&] {
    return sim::reducedDensityMatrix(state->getAmplitudes().data(),
                                     state->getNumQubits(), wires);
  };
  double overlap = 1;
  Eigen::MatrixXcd operands;
  if (instruction.kind == sim::Instruction::Kind::Gate) {
    // The order of NoisySimulator: idle relaxation, the gate, relaxation
    // during it, depolarizing.
    for (auto [i, wire] : llvm::enumerate(wires)) {
      if (!started[wire] || start <= clock[wire])
        continue;
      std::vector<Eigen::Matrix2cd> kraus =
          noise.idleKraus(qubits[i], start - clock[wire]);
      if (state && operands.size() == 0)
        operands = operandsState();
      overlap *= state ? krausOverlap(kraus, operandMarginal(operands, i))
                       : averageKrausOverlap(kraus);
    }
    if (state) {
      state->apply(instruction.matrix, wires);
      operands = operandsState();
    }
    if (gate && gate->durationNs > 0)
      for (auto [i, wire] : llvm::enumerate(wires)) {
        auto [t1, t2] = gate->relaxation[i];
        std::vector<Eigen::Matrix2cd> kraus =
            target::thermalRelaxationKraus(t1, t2, gate->durationNs);
        overlap *= state ? krausOverlap(kraus, operandMarginal(operands, i))
                         : averageKrausOverlap(kraus);
      }
  } else if (state) {
    operands = operandsState();
  }
  double purity = state ? (operands * operands).trace().real() : 1.0;
  if (gate && gate->depolarizing > 0)
    overlap *= depolarizingOverlap(gate->depolarizing, wires.size(), purity);
  row[StateNegLogFidelity] = -std::log(std::max(overlap, 1e-300));
  row[OperandPurity] = purity;
  for (unsigned slot = 0; slot < std::min<size_t>(wires.size(), 2); ++slot)
    row[Slot0ExcitedPopulation + slot] =
        state ? operandMarginal(operands, slot)(1, 1).real() : 0.5;
}

} // namespace

llvm::ArrayRef<llvm::StringRef> CircuitGraph::nodeFeatureNames() {
  static const llvm::StringRef names[] = {"is_rz",
                                          "is_sx",
                                          "is_x",
                                          "is_cx",
                                          "is_ecr",
                                          "is_measure",
                                          "is_other_1q",
                                          "is_other_2q",
                                          "neg_log_fidelity",
                                          "duration_us",
                                          "q0_t1_rate_per_us",
                                          "q0_t2_rate_per_us",
                                          "q0_idle_us",
                                          "q0_idle_neg_log_fidelity",
                                          "q0_gate_relaxation",
                                          "q0_is_output",
                                          "q1_t1_rate_per_us",
                                          "q1_t2_rate_per_us",
                                          "q1_idle_us",
                                          "q1_idle_neg_log_fidelity",
                                          "q1_gate_relaxation",
                                          "q1_is_output",
                                          "readout_p0_given_1",
                                          "readout_p1_given_0",
                                          "start_fraction",
                                          "layer_fraction",
                                          "state_neg_log_fidelity",
                                          "q0_excited_population",
                                          "q1_excited_population",
                                          "operand_purity"};
  static_assert(std::size(names) == NumNodeFeatures);
  return names;
}

llvm::ArrayRef<llvm::StringRef> CircuitGraph::globalFeatureNames() {
  static const llvm::StringRef names[] = {"num_qubits",
                                          "depth",
                                          "num_rz",
                                          "num_1q",
                                          "num_2q",
                                          "num_measure",
                                          "schedule_us",
                                          "gates_neg_log",
                                          "readout_neg_log",
                                          "idle_neg_log",
                                          "esp_neg_log",
                                          "mean_t1_rate_per_us",
                                          "mean_t2_rate_per_us",
                                          "state_neg_log"};
  static_assert(std::size(names) == NumGlobalFeatures);
  return names;
}

FailureOr<CircuitGraph> qopt::buildCircuitGraph(const sim::FlatCircuit &circuit,
                                                const target::NoiseModel &noise,
                                                std::string &error,
                                                bool followState) {
  const target::Target &device = noise.getTarget();
  CircuitGraph graph;
  unsigned n = circuit.numWires;
  std::vector<double> clock(n, 0.0);
  std::vector<bool> started(n, false), measured(n, false);
  std::vector<int> lastNode(n, -1);
  std::vector<unsigned> lastSlot(n, 0);
  std::vector<unsigned> layerOf;
  std::vector<double> startOf;
  std::vector<double> &features = graph.nodeFeatures;
  double global[NumGlobalFeatures] = {};
  global[NumQubits] = n;
  std::optional<sim::StateVector> state;
  if (followState && canFollowState(circuit))
    state.emplace(n);

  for (const sim::Instruction &instruction : circuit.instructions) {
    bool isMeasure = instruction.kind == sim::Instruction::Kind::Measure;
    bool isReset = instruction.kind == sim::Instruction::Kind::Reset;
    if (!isMeasure && !isReset &&
        instruction.kind != sim::Instruction::Kind::Gate)
      continue;
    llvm::SmallVector<unsigned, 2> qubits;
    for (unsigned wire : instruction.wires)
      qubits.push_back(*circuit.physicalIndex[wire]);

    unsigned node = graph.numNodes++;
    features.resize(features.size() + NumNodeFeatures, 0.0);
    double *row = &features[size_t(node) * NumNodeFeatures];
    double duration = 0;
    std::optional<target::GateNoise> gate;
    if (isMeasure) {
      row[IsMeasure] = 1;
      unsigned qubit = qubits[0];
      Eigen::Matrix2d confusion = noise.readoutConfusion(qubit);
      row[ReadoutDecay] = confusion(0, 1);
      row[ReadoutExcite] = confusion(1, 0);
      // IBM's readout_error, or the mean of the two flip probabilities.
      double readout = device.qubits[qubit].readoutError.value_or(
          0.5 * (confusion(1, 0) + confusion(0, 1)));
      // A readout that always fails would make -log infinite; cap it like
      // NoiseModel caps gate errors.
      row[NegLogFidelity] = -std::log1p(-std::min(readout, kMaxReadoutError));
      // A qubit measured twice counts its readout once, as ESP does.
      if (!measured[instruction.wires[0]])
        graph.negLogReadoutFidelity += row[NegLogFidelity];
      measured[instruction.wires[0]] = true;
      ++global[NumMeasure];
    } else if (isReset) {
      row[IsOther1q] = 1;
      ++global[Num1q];
    } else {
      llvm::StringRef name = instruction.origin->getName().stripDialect();
      gate = noise.gateNoise(name, qubits);
      if (!gate && name != "rz") {
        error = "the target has no calibration of '" + name.str() +
                "' on these qubits (rz alone is virtual); run "
                "to-target-basis first";
        return failure();
      }
      const auto *named = llvm::find(kNamedGates, name);
      if (named != kNamedGates.end())
        row[IsRz + (named - kNamedGates.begin())] = 1;
      else
        row[qubits.size() == 1 ? IsOther1q : IsOther2q] = 1;
      if (name == "rz")
        ++global[NumRz];
      else
        ++global[qubits.size() == 1 ? Num1q : Num2q];
      if (gate) {
        duration = gate->durationNs;
        row[NegLogFidelity] = -std::log1p(-gate->error);
        graph.negLogGateFidelity += row[NegLogFidelity];
      }
    }
    row[DurationUs] = duration * 1e-3;

    double start = 0;
    unsigned layer = 0;
    for (unsigned wire : instruction.wires) {
      start = std::max(start, clock[wire]);
      if (lastNode[wire] >= 0)
        layer = std::max(layer, layerOf[lastNode[wire]] + 1);
    }
    for (unsigned wire : instruction.wires)
      if (lastNode[wire] >= 0)
        graph.edges.emplace_back(lastNode[wire], node);
    // Features describe the first two operands (the basis has no wider
    // gates).
    for (auto [slot, wire] : llvm::enumerate(instruction.wires)) {
      if (slot > 1)
        break;
      double *slotRow = row + slot * kSlotStride;
      auto [t1, t2] = noise.coherenceTimes(qubits[slot]);
      slotRow[Slot0T1Rate] = 1e3 / t1;
      slotRow[Slot0T2Rate] = 1e3 / t2;
      if (started[wire] && start > clock[wire]) {
        double idle = start - clock[wire];
        slotRow[Slot0IdleUs] = idle * 1e-3;
        slotRow[Slot0IdleNegLogFidelity] =
            -std::log(target::averageFidelityFromProcess(
                target::thermalRelaxationProcessFidelity(t1, t2, idle), 2));
        graph.negLogIdleFidelity += slotRow[Slot0IdleNegLogFidelity];
      }
      slotRow[Slot0GateRelaxation] =
          1 - target::thermalRelaxationProcessFidelity(t1, t2, duration);
    }
    if (!isReset)
      addStateFeatures(row, instruction, qubits, gate, start, clock, started,
                       noise, state);
    for (auto [slot, wire] : llvm::enumerate(instruction.wires)) {
      lastSlot[wire] = std::min<unsigned>(slot, 1);
      // Measurement does not hold the wire in the ESP schedule.
      if (!isMeasure)
        clock[wire] = start + duration;
      // As in ESP before the graph existed: a wire's idle time counts from
      // its first gate, not from a leading reset or measurement.
      if (!isMeasure && !isReset)
        started[wire] = true;
      lastNode[wire] = node;
    }
    layerOf.push_back(layer);
    startOf.push_back(start);
  }

  double scheduleNs = 0;
  unsigned depth = 0;
  for (unsigned wire = 0; wire < n; ++wire) {
    scheduleNs = std::max(scheduleNs, clock[wire]);
    if (lastNode[wire] >= 0) {
      double *row = &features[size_t(lastNode[wire]) * NumNodeFeatures];
      row[Slot0IsOutput + lastSlot[wire] * kSlotStride] = 1;
    }
  }
  for (unsigned layer : layerOf)
    depth = std::max(depth, layer + 1);
  for (unsigned node = 0; node < graph.numNodes; ++node) {
    double *row = &features[size_t(node) * NumNodeFeatures];
    row[StartFraction] = scheduleNs > 0 ? startOf[node] / scheduleNs : 0;
    row[LayerFraction] = depth > 1 ? double(layerOf[node]) / (depth - 1) : 0;
  }

  double t1RateSum = 0, t2RateSum = 0;
  for (const std::optional<int64_t> &qubit : circuit.physicalIndex) {
    auto [t1, t2] = noise.coherenceTimes(*qubit);
    t1RateSum += 1e3 / t1;
    t2RateSum += 1e3 / t2;
  }
  global[Depth] = depth;
  global[ScheduleUs] = scheduleNs * 1e-3;
  global[GatesNegLog] = graph.negLogGateFidelity;
  global[ReadoutNegLog] = graph.negLogReadoutFidelity;
  global[IdleNegLog] = graph.negLogIdleFidelity;
  global[EspNegLog] = graph.negLogGateFidelity + graph.negLogReadoutFidelity +
                      graph.negLogIdleFidelity;
  global[MeanT1Rate] = n ? t1RateSum / n : 0;
  global[MeanT2Rate] = n ? t2RateSum / n : 0;
  for (unsigned node = 0; node < graph.numNodes; ++node)
    global[StateNegLog] +=
        features[size_t(node) * NumNodeFeatures + StateNegLogFidelity];
  graph.globalFeatures.assign(global, global + NumGlobalFeatures);
  return graph;
}

double CircuitGraph::firstOrderFidelity() const {
  return std::exp(-globalFeatures[StateNegLog]);
}

llvm::json::Object CircuitGraph::toJson() const {
  llvm::json::Array nodes, edgeList;
  unsigned width = nodeFeatureNames().size();
  for (unsigned node = 0; node < numNodes; ++node) {
    llvm::json::Array row;
    for (unsigned f = 0; f < width; ++f)
      row.push_back(nodeFeatures[node * width + f]);
    nodes.push_back(std::move(row));
  }
  for (auto [from, to] : edges)
    edgeList.push_back(llvm::json::Array{from, to});
  return llvm::json::Object{
      {"nodes", std::move(nodes)},
      {"edges", std::move(edgeList)},
      {"global", llvm::json::Array(globalFeatures)},
      {"esp_factors",
       llvm::json::Array{negLogGateFidelity, negLogReadoutFidelity,
                         negLogIdleFidelity}}};
}

FailureOr<CircuitGraph> CircuitGraph::fromJson(const llvm::json::Object &json,
                                               std::string &error) {
  CircuitGraph graph;
  auto readRow = [&](const llvm::json::Value &value, size_t width,
                     std::vector<double> &out, llvm::StringRef what) {
    const llvm::json::Array *row = value.getAsArray();
    if (!row || row->size() != width) {
      error = ("'" + what + "' must be an array of " + llvm::Twine(width) +
               " numbers")
                  .str();
      return false;
    }
    for (const llvm::json::Value &number : *row) {
      std::optional<double> x = number.getAsNumber();
      if (!x) {
        error = ("'" + what + "' holds a non-number").str();
        return false;
      }
      out.push_back(*x);
    }
    return true;
  };
  const llvm::json::Array *nodes = json.getArray("nodes");
  const llvm::json::Array *edges = json.getArray("edges");
  const llvm::json::Value *global = json.get("global");
  const llvm::json::Value *factors = json.get("esp_factors");
  if (!nodes || !edges || !global || !factors) {
    error = "a circuit graph needs 'nodes', 'edges', 'global' and "
            "'esp_factors'";
    return failure();
  }
  for (const llvm::json::Value &row : *nodes)
    if (!readRow(row, nodeFeatureNames().size(), graph.nodeFeatures, "nodes"))
      return failure();
  graph.numNodes = nodes->size();
  if (!readRow(*global, globalFeatureNames().size(), graph.globalFeatures,
               "global"))
    return failure();
  std::vector<double> espFactors;
  if (!readRow(*factors, 3, espFactors, "esp_factors"))
    return failure();
  graph.negLogGateFidelity = espFactors[0];
  graph.negLogReadoutFidelity = espFactors[1];
  graph.negLogIdleFidelity = espFactors[2];
  for (const llvm::json::Value &edge : *edges) {
    std::vector<double> pair;
    if (!readRow(edge, 2, pair, "edges"))
      return failure();
    if (pair[0] < 0 || pair[1] < 0 || pair[0] >= graph.numNodes ||
        pair[1] >= graph.numNodes || pair[0] != std::floor(pair[0]) ||
        pair[1] != std::floor(pair[1])) {
      error = "an edge names a node that does not exist";
      return failure();
    }
    graph.edges.emplace_back(unsigned(pair[0]), unsigned(pair[1]));
  }
  return graph;
}
