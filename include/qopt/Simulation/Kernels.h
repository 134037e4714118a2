//===- Kernels.h - in-place gate application on amplitudes ------*- C++ -*-===//
//
// The kernel layer every simulator in qopt shares: apply a small dense matrix
// to chosen qubits of a state stored as 2^n contiguous amplitudes, by index
// arithmetic. Wire w of an n-qubit state is bit (n-1-w) of the index (the
// big-endian convention of the gate matrices). A density matrix or a batch of
// states is a set of such vectors, so noisy simulators reuse these kernels.
//
//===----------------------------------------------------------------------===//

#ifndef QOPT_SIMULATION_KERNELS_H
#define QOPT_SIMULATION_KERNELS_H

#include "llvm/ADT/ArrayRef.h"

#include <Eigen/Core>
#include <complex>
#include <cstdint>

namespace qopt::sim {

using Amplitude = std::complex<double>;

/// Applies the 2^k x 2^k matrix `gate` to qubits `wires` (wires[0] is the
/// gate's most significant qubit) of the `numQubits`-qubit state at `amps`.
/// Diagonal gates and one- and two-qubit gates take specialised loops.
void applyMatrix(Amplitude *amps, unsigned numQubits,
                 const Eigen::MatrixXcd &gate, llvm::ArrayRef<unsigned> wires);

/// Probability that measuring `wire` of the normalised state gives 1.
double probabilityOfOne(const Amplitude *amps, unsigned numQubits,
                        unsigned wire);

/// The reduced density matrix of the normalised state on `wires` (wires[0]
/// the most significant qubit of the result), tracing out the others.
Eigen::MatrixXcd reducedDensityMatrix(const Amplitude *amps, unsigned numQubits,
                                      llvm::ArrayRef<unsigned> wires);

/// Projects `wire` onto `outcome` and rescales the rest by `scale`
/// (1/sqrt(probability) renormalises).
void projectQubit(Amplitude *amps, unsigned numQubits, unsigned wire,
                  bool outcome, double scale);

/// The bit mask of `wire` in an n-qubit index.
inline uint64_t wireMask(unsigned numQubits, unsigned wire) {
  return uint64_t(1) << (numQubits - 1 - wire);
}

} // namespace qopt::sim

#endif // QOPT_SIMULATION_KERNELS_H
