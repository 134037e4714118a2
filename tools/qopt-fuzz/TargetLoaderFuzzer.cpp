//===- TargetLoaderFuzzer.cpp - fuzz the calibration loaders --------------===//
//
// One piece is a qopt-target-v1 file; three pieces separated by "#--" lines
// are an IBM backend's conf, props and defs files. Loading either rejects
// the input with a diagnostic or gives a target from which the coupling
// graph and noise model can be built.
//
//===----------------------------------------------------------------------===//

#include "FuzzSupport.h"

#include "qopt/Mapping/CouplingGraph.h"
#include "qopt/Target/NoiseModel.h"
#include "qopt/Target/TargetLoader.h"

#include <cmath>

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Format.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Process.h"
#include "llvm/Support/raw_ostream.h"

using namespace mlir;

/// A directory of this process's own under the system's temporary one.
static const std::string &scratchDirectory() {
  static std::string directory = [] {
    llvm::SmallString<256> path;
    llvm::sys::path::system_temp_directory(/*erasedOnReboot=*/true, path);
    llvm::sys::path::append(
        path, "qopt-fuzz-target-" +
                  std::to_string(llvm::sys::Process::getProcessId()));
    llvm::sys::fs::create_directories(path);
    return std::string(path);
  }();
  return directory;
}

static void writeFile(llvm::StringRef path, llvm::StringRef text) {
  std::error_code error;
  llvm::raw_fd_ostream os(path, error);
  QOPT_FUZZ_CHECK(!error, "cannot write " << path);
  os << text;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  llvm::SmallVector<llvm::StringRef, 3> files =
      qopt::fuzz::splitFiles(qopt::fuzz::asText(data, size));
  std::string spec;
  if (files.size() == 3) {
    spec = scratchDirectory() + "/device";
    llvm::sys::fs::create_directories(spec);
    writeFile(spec + "/conf_fuzz.json", files[0]);
    writeFile(spec + "/props_fuzz.json", files[1]);
    writeFile(spec + "/defs_fuzz.json", files[2]);
  } else {
    spec = scratchDirectory() + "/target.json";
    writeFile(spec, qopt::fuzz::asText(data, size));
  }
  auto loaded = qopt::target::loadTarget(spec, &qopt::fuzz::context());
  if (failed(loaded))
    return 0;
  const qopt::target::Target &target = **loaded;
  QOPT_FUZZ_CHECK(target.numQubits > 0, "a target without qubits loaded");
  qopt::mapping::CouplingGraph graph =
      qopt::mapping::CouplingGraph::fromTarget(target);
  QOPT_FUZZ_CHECK(graph.numQubits() == target.numQubits,
                  "the coupling graph has the wrong size");
  // The noise the simulators take from it must be physical.
  qopt::target::NoiseModel noise(target);
  for (unsigned q = 0; q < target.numQubits; ++q) {
    Eigen::Matrix2d confusion = noise.readoutConfusion(q);
    for (int column = 0; column < 2; ++column)
      QOPT_FUZZ_CHECK(std::abs(confusion.col(column).sum() - 1) < 1e-9 &&
                          confusion.col(column).minCoeff() >= 0,
                      "readout confusion of qubit " << q
                                                    << " is not stochastic");
    Eigen::Matrix2cd sum = Eigen::Matrix2cd::Zero();
    for (const Eigen::Matrix2cd &kraus : noise.idleKraus(q, 100))
      sum += kraus.adjoint() * kraus;
    QOPT_FUZZ_CHECK((sum - Eigen::Matrix2cd::Identity()).norm() < 1e-9,
                    "idle relaxation of qubit " << q
                                                << " is not trace preserving");
  }
  for (auto [a, b] : target.couplingMap)
    if (a < target.numQubits && b < target.numQubits)
      if (auto gate = noise.gateNoise(target.twoQubitGate(), {a, b}))
        // A Pauli channel: p up to 16/15, where every Pauli but the
        // identity has the same weight (Qiskit Aer's convention).
        QOPT_FUZZ_CHECK(gate->depolarizing >= 0 &&
                            gate->depolarizing <= 16.0 / 15 + 1e-12,
                        "depolarizing parameter out of [0, 16/15]");
  return 0;
}
