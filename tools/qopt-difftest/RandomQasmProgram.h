//===- RandomQasmProgram.h - random OpenQASM 2 programs for testing -*- C++
//-*-===//
//
// Programs that exercise what a user's file may hold: every qelib1.inc gate,
// U and CX, a user gate definition, register broadcast, barriers, mid-circuit
// measurement, reset and `if (c == n)`, with special and arbitrary angles.
// The same seed gives the same program.
//
//===----------------------------------------------------------------------===//

#ifndef QOPT_TOOLS_QOPT_DIFFTEST_RANDOMQASMPROGRAM_H
#define QOPT_TOOLS_QOPT_DIFFTEST_RANDOMQASMPROGRAM_H

#include <cstdint>
#include <string>

namespace qopt::difftest {

struct RandomProgramOptions {
  unsigned minQubits = 2, maxQubits = 10;
  unsigned minGates = 4, maxGates = 40;
  /// Chance that the program has classical control: a mid-circuit
  /// measurement, a reset or an `if`. Such programs are compared by their
  /// output distribution, which costs more than a unitary.
  double controlProbability = 0.25;
};

struct RandomProgram {
  std::string qasm;
  unsigned numQubits = 0;
  /// Whether it measures mid-circuit, resets or branches on a measurement.
  bool hasClassicalControl = false;
};

RandomProgram generateRandomProgram(uint64_t seed,
                                    const RandomProgramOptions &options);

} // namespace qopt::difftest

#endif // QOPT_TOOLS_QOPT_DIFFTEST_RANDOMQASMPROGRAM_H
