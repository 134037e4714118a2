//===- RandomQasmProgram.cpp - random OpenQASM 2 programs for testing -----===//

#include "RandomQasmProgram.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/Support/Format.h"
#include "llvm/Support/raw_ostream.h"

#include <cmath>
#include <random>

using namespace qopt::difftest;

namespace {

struct GateSpec {
  const char *name;
  unsigned numQubits, numParams;
};

/// Every gate a program can apply: the built-in U and CX, all of
/// qelib1.inc (with QASMBench's and Qiskit's additions), and `pair`, the
/// user gate every program defines.
const GateSpec kGates[] = {
    {"U", 1, 3},     {"CX", 2, 0},   {"u3", 1, 3},      {"u2", 1, 2},
    {"u1", 1, 1},    {"cx", 2, 0},   {"id", 1, 0},      {"u0", 1, 1},
    {"u", 1, 3},     {"p", 1, 1},    {"x", 1, 0},       {"y", 1, 0},
    {"z", 1, 0},     {"h", 1, 0},    {"s", 1, 0},       {"sdg", 1, 0},
    {"t", 1, 0},     {"tdg", 1, 0},  {"rx", 1, 1},      {"ry", 1, 1},
    {"rz", 1, 1},    {"sx", 1, 0},   {"sxdg", 1, 0},    {"cz", 2, 0},
    {"cy", 2, 0},    {"swap", 2, 0}, {"ch", 2, 0},      {"ccx", 3, 0},
    {"cswap", 3, 0}, {"crx", 2, 1},  {"cry", 2, 1},     {"crz", 2, 1},
    {"cu1", 2, 1},   {"cp", 2, 1},   {"cu3", 2, 3},     {"csx", 2, 0},
    {"cu", 2, 4},    {"rxx", 2, 1},  {"rzz", 2, 1},     {"rccx", 3, 0},
    {"rc3x", 4, 0},  {"c3x", 4, 0},  {"c3sqrtx", 4, 0}, {"c4x", 5, 0},
    {"pair", 2, 2},
};

constexpr const char *kUserGate =
    "gate pair(a, b) l, r { rz(a) l; cx l, r; ry(b / 2) r; h l; cx r, l; }\n";

class Generator {
public:
  Generator(uint64_t seed, const RandomProgramOptions &options)
      : rng(seed), options(options) {}

  RandomProgram generate();

private:
  unsigned below(unsigned n) { return n ? rng() % n : 0; }
  bool chance(double p) {
    return std::uniform_real_distribution<double>(0, 1)(rng) < p;
  }
  std::string angle();
  std::string qubit(unsigned index) const;
  /// `count` distinct qubits.
  llvm::SmallVector<unsigned> pickQubits(unsigned count);
  void gate(llvm::raw_ostream &os);
  /// A one-qubit gate over a whole register, or a two-qubit gate pairing two
  /// registers of one size.
  void broadcast(llvm::raw_ostream &os);
  void classicalStep(llvm::raw_ostream &os);

  std::mt19937_64 rng;
  const RandomProgramOptions &options;
  unsigned numQubits = 0;
  /// Register sizes; qubit i lives in register registerOf(i). Register r is
  /// named q<r> and its classical twin c<r>.
  llvm::SmallVector<unsigned, 2> registers;
};

} // namespace

std::string Generator::angle() {
  static const char *const specials[] = {"0",    "pi",    "pi/2",    "-pi/2",
                                         "pi/4", "-pi/4", "2*pi",    "3*pi/2",
                                         "-pi",  "pi/8",  "-(pi/3)", "4*pi"};
  std::string text;
  llvm::raw_string_ostream os(text);
  switch (below(6)) {
  case 0:
  case 1:
    os << specials[below(std::size(specials))];
    break;
  case 2: // Near the identity: what tolerance-based rewrites meet.
    os << llvm::format(
        "%.3g", (chance(0.5) ? 1 : -1) * 1e-3 *
                    std::uniform_real_distribution<double>(0.1, 10)(rng));
    break;
  case 3: // An expression, as variational circuits write them.
    os << "("
       << llvm::format("%.6f",
                       std::uniform_real_distribution<double>(-1, 1)(rng))
       << " + pi) / " << 1 + below(4);
    break;
  default:
    os << llvm::format("%.9f", std::uniform_real_distribution<double>(
                                   -2 * M_PI, 2 * M_PI)(rng));
  }
  return text;
}

std::string Generator::qubit(unsigned index) const {
  unsigned reg = 0;
  while (index >= registers[reg])
    index -= registers[reg++];
  return "q" + std::to_string(reg) + "[" + std::to_string(index) + "]";
}

llvm::SmallVector<unsigned> Generator::pickQubits(unsigned count) {
  llvm::SmallVector<unsigned> picked;
  while (picked.size() < count) {
    unsigned q = below(numQubits);
    if (!llvm::is_contained(picked, q))
      picked.push_back(q);
  }
  return picked;
}

void Generator::gate(llvm::raw_ostream &os) {
  const GateSpec *spec;
  do
    spec = &kGates[below(std::size(kGates))];
  while (spec->numQubits > numQubits);
  os << spec->name;
  if (spec->numParams) {
    os << "(";
    for (unsigned p = 0; p < spec->numParams; ++p)
      os << (p ? ", " : "") << angle();
    os << ")";
  }
  llvm::SmallVector<unsigned> operands = pickQubits(spec->numQubits);
  for (auto [i, q] : llvm::enumerate(operands))
    os << (i ? ", " : " ") << qubit(q);
  os << ";\n";
}

void Generator::broadcast(llvm::raw_ostream &os) {
  unsigned reg = below(registers.size());
  if (registers.size() == 2 && registers[0] == registers[1] && chance(0.5)) {
    os << (chance(0.5) ? "cx" : "cz") << " q" << reg << ", q" << 1 - reg
       << ";\n";
    return;
  }
  static const char *const oneQubit[] = {"h", "x", "sx", "t"};
  os << oneQubit[below(std::size(oneQubit))] << " q" << reg << ";\n";
}

void Generator::classicalStep(llvm::raw_ostream &os) {
  unsigned q = below(numQubits);
  switch (below(3)) {
  case 0: {
    // A mid-circuit measurement into the qubit's own register's bit.
    std::string name = qubit(q);
    os << "measure " << name << " -> c" << name.substr(1) << ";\n";
    return;
  }
  case 1:
    os << "reset " << qubit(q) << ";\n";
    return;
  default: {
    unsigned reg = below(registers.size());
    unsigned value = below(std::min(4u, 1u << registers[reg]));
    os << "if (c" << reg << " == " << value << ") ";
    gate(os);
  }
  }
}

RandomProgram Generator::generate() {
  RandomProgram program;
  numQubits =
      options.minQubits + below(options.maxQubits - options.minQubits + 1);
  program.numQubits = numQubits;
  if (numQubits >= 2 && chance(0.3)) {
    unsigned first = 1 + below(numQubits - 1);
    registers = {first, numQubits - first};
  } else {
    registers = {numQubits};
  }
  std::string text;
  llvm::raw_string_ostream os(text);
  os << "OPENQASM 2.0;\ninclude \"qelib1.inc\";\n" << kUserGate;
  for (auto [r, size] : llvm::enumerate(registers))
    os << "qreg q" << r << "[" << size << "];\ncreg c" << r << "[" << size
       << "];\n";

  unsigned numGates =
      options.minGates + below(options.maxGates - options.minGates + 1);
  program.hasClassicalControl = chance(options.controlProbability);
  unsigned classicalSteps = program.hasClassicalControl ? 1 + below(3) : 0;
  for (unsigned g = 0; g < numGates; ++g) {
    if (classicalSteps && below(numGates) < classicalSteps + 1) {
      classicalStep(os);
      --classicalSteps;
    } else if (chance(0.04)) {
      broadcast(os);
    } else if (chance(0.03)) {
      os << "barrier q" << below(registers.size()) << ";\n";
    } else {
      gate(os);
    }
  }
  while (classicalSteps--)
    classicalStep(os);

  // Measure everything (compared as distributions, and diagonal gates
  // before the measurements may go), some qubits, or nothing (compared as
  // unitaries).
  if (program.hasClassicalControl || chance(0.7)) {
    for (unsigned r = 0; r < registers.size(); ++r)
      os << "measure q" << r << " -> c" << r << ";\n";
  } else if (chance(0.5)) {
    for (unsigned q : pickQubits(1 + below(numQubits))) {
      std::string name = qubit(q);
      os << "measure " << name << " -> c" << name.substr(1) << ";\n";
    }
  }
  program.qasm = std::move(text);
  return program;
}

RandomProgram
qopt::difftest::generateRandomProgram(uint64_t seed,
                                      const RandomProgramOptions &options) {
  return Generator(seed, options).generate();
}
