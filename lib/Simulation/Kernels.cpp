//===- Kernels.cpp - in-place gate application on amplitudes --------------===//

#include "qopt/Simulation/Kernels.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallVector.h"

#include <algorithm>
#include <cassert>

using namespace qopt;
using namespace qopt::sim;

namespace {

bool isDiagonal(const Eigen::MatrixXcd &gate) {
  for (Eigen::Index c = 0; c < gate.cols(); ++c)
    for (Eigen::Index r = 0; r < gate.rows(); ++r)
      if (r != c && gate(r, c) != Amplitude(0))
        return false;
  return true;
}

/// Spreads the bits of `index` so that the positions in `sortedMasks`
/// (ascending single-bit masks) are zero: enumerates every index whose gate
/// bits are all 0.
inline uint64_t insertZeroBits(uint64_t index,
                               llvm::ArrayRef<uint64_t> sortedMasks) {
  for (uint64_t mask : sortedMasks)
    index = ((index & ~(mask - 1)) << 1) | (index & (mask - 1));
  return index;
}

void applyOneQubit(Amplitude *amps, uint64_t dim, uint64_t mask,
                   const Eigen::MatrixXcd &g) {
  const Amplitude m00 = g(0, 0), m01 = g(0, 1), m10 = g(1, 0), m11 = g(1, 1);
  for (uint64_t block = 0; block < dim; block += 2 * mask)
    for (uint64_t i = block; i < block + mask; ++i) {
      Amplitude a = amps[i], b = amps[i + mask];
      amps[i] = m00 * a + m01 * b;
      amps[i + mask] = m10 * a + m11 * b;
    }
}

void applyDiagonal(Amplitude *amps, uint64_t dim,
                   llvm::ArrayRef<uint64_t> masks, const Eigen::MatrixXcd &g) {
  unsigned k = masks.size();
  for (uint64_t i = 0; i < dim; ++i) {
    unsigned local = 0;
    for (unsigned b = 0; b < k; ++b)
      local = (local << 1) | ((i & masks[b]) ? 1 : 0);
    amps[i] *= g(local, local);
  }
}

/// Gates with one non-zero entry per row (x, cx, swap, ccx, cswap, ...)
/// permute amplitudes, with a phase per row.
bool isMonomial(const Eigen::MatrixXcd &gate,
                llvm::SmallVectorImpl<unsigned> &source,
                llvm::SmallVectorImpl<Amplitude> &factor) {
  for (Eigen::Index r = 0; r < gate.rows(); ++r) {
    int column = -1;
    for (Eigen::Index c = 0; c < gate.cols(); ++c)
      if (gate(r, c) != Amplitude(0)) {
        if (column >= 0)
          return false;
        column = c;
      }
    if (column < 0)
      return false;
    source.push_back(column);
    factor.push_back(gate(r, column));
  }
  return true;
}

void applyGeneral(Amplitude *amps, uint64_t dim, llvm::ArrayRef<uint64_t> masks,
                  const Eigen::MatrixXcd &g) {
  unsigned k = masks.size();
  uint64_t gateDim = uint64_t(1) << k;
  llvm::SmallVector<uint64_t, 8> offsets(gateDim, 0);
  for (uint64_t j = 0; j < gateDim; ++j)
    for (unsigned b = 0; b < k; ++b)
      if (j & (uint64_t(1) << (k - 1 - b)))
        offsets[j] |= masks[b];
  llvm::SmallVector<uint64_t, 4> sorted(masks.begin(), masks.end());
  std::sort(sorted.begin(), sorted.end());
  llvm::SmallVector<Amplitude, 8> in(gateDim);
  llvm::SmallVector<unsigned, 8> source;
  llvm::SmallVector<Amplitude, 8> factor;
  if (isMonomial(g, source, factor)) {
    // Only rows that move or change phase need touching.
    llvm::SmallVector<unsigned, 8> active;
    for (unsigned r = 0; r < gateDim; ++r)
      if (source[r] != r || factor[r] != Amplitude(1))
        active.push_back(r);
    for (uint64_t idx = 0, n = dim >> k; idx < n; ++idx) {
      uint64_t base = insertZeroBits(idx, sorted);
      for (unsigned r : active)
        in[r] = amps[base | offsets[source[r]]];
      for (unsigned r : active)
        amps[base | offsets[r]] = factor[r] * in[r];
    }
    return;
  }
  for (uint64_t idx = 0, n = dim >> k; idx < n; ++idx) {
    uint64_t base = insertZeroBits(idx, sorted);
    for (uint64_t j = 0; j < gateDim; ++j)
      in[j] = amps[base | offsets[j]];
    for (uint64_t r = 0; r < gateDim; ++r) {
      Amplitude sum = 0;
      for (uint64_t c = 0; c < gateDim; ++c)
        sum += g(r, c) * in[c];
      amps[base | offsets[r]] = sum;
    }
  }
}

} // namespace

void sim::applyMatrix(Amplitude *amps, unsigned numQubits,
                      const Eigen::MatrixXcd &gate,
                      llvm::ArrayRef<unsigned> wires) {
  unsigned k = wires.size();
  assert(gate.rows() == (Eigen::Index(1) << k) && gate.cols() == gate.rows());
  uint64_t dim = uint64_t(1) << numQubits;
  llvm::SmallVector<uint64_t, 4> masks;
  for (unsigned wire : wires) {
    assert(wire < numQubits && "wire out of range");
    masks.push_back(wireMask(numQubits, wire));
  }
  if (isDiagonal(gate))
    return applyDiagonal(amps, dim, masks, gate);
  if (k == 1)
    return applyOneQubit(amps, dim, masks[0], gate);
  applyGeneral(amps, dim, masks, gate);
}

double sim::probabilityOfOne(const Amplitude *amps, unsigned numQubits,
                             unsigned wire) {
  uint64_t dim = uint64_t(1) << numQubits, mask = wireMask(numQubits, wire);
  double p = 0;
  for (uint64_t block = mask; block < dim; block += 2 * mask)
    for (uint64_t i = block; i < block + mask; ++i)
      p += std::norm(amps[i]);
  return p;
}

Eigen::MatrixXcd sim::reducedDensityMatrix(const Amplitude *amps,
                                           unsigned numQubits,
                                           llvm::ArrayRef<unsigned> wires) {
  unsigned k = wires.size();
  uint64_t sub = uint64_t(1) << k;
  llvm::SmallVector<uint64_t, 4> masks, sorted;
  for (unsigned wire : wires)
    masks.push_back(wireMask(numQubits, wire));
  sorted.assign(masks.begin(), masks.end());
  llvm::sort(sorted);
  // offset[s]: the index bits of sub-index s (its bit k-1-b is wires[b]).
  llvm::SmallVector<uint64_t, 16> offset(sub, 0);
  for (uint64_t s = 0; s < sub; ++s)
    for (unsigned b = 0; b < k; ++b)
      if (s & (uint64_t(1) << (k - 1 - b)))
        offset[s] |= masks[b];
  Eigen::MatrixXcd rho = Eigen::MatrixXcd::Zero(sub, sub);
  Eigen::VectorXcd v(sub);
  for (uint64_t rest = 0; rest < (uint64_t(1) << (numQubits - k)); ++rest) {
    uint64_t base = insertZeroBits(rest, sorted);
    for (uint64_t s = 0; s < sub; ++s)
      v[s] = amps[base | offset[s]];
    rho.noalias() += v * v.adjoint();
  }
  return rho;
}

void sim::projectQubit(Amplitude *amps, unsigned numQubits, unsigned wire,
                       bool outcome, double scale) {
  uint64_t dim = uint64_t(1) << numQubits, mask = wireMask(numQubits, wire);
  for (uint64_t i = 0; i < dim; ++i)
    amps[i] = (((i & mask) != 0) == outcome) ? amps[i] * scale : Amplitude(0);
}
