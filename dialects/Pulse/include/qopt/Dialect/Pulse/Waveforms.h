//===- Waveforms.h - sampling pulse envelopes -------------------*- C++ -*-===//
//
// The sample values of the parametric envelopes, as Qiskit Pulse defined
// them for IBM's calibrations (qiskit.pulse.library.Gaussian,
// GaussianSquare, Drag, Constant): each is sampled at the midpoint of its
// dt slots, t = k + 1/2, and the Gaussians are "lifted" so that they are
// zero one sample outside the pulse.
//
//===----------------------------------------------------------------------===//

#ifndef QOPT_DIALECT_PULSE_WAVEFORMS_H
#define QOPT_DIALECT_PULSE_WAVEFORMS_H

#include "mlir/IR/Value.h"

#include <complex>
#include <optional>
#include <vector>

namespace qopt::pulse {

using Samples = std::vector<std::complex<double>>;

Samples sampleGaussian(int64_t duration, double amp, double angle,
                       double sigma);
Samples sampleGaussianSquare(int64_t duration, double amp, double angle,
                             double sigma, double width);
Samples sampleDrag(int64_t duration, double amp, double angle, double sigma,
                   double beta);
Samples sampleConstant(int64_t duration, double amp, double angle);

/// The samples of a waveform value made by one of the waveform ops with
/// constant parameters; nullopt if a parameter is symbolic.
std::optional<Samples> sampleWaveform(mlir::Value waveform);

} // namespace qopt::pulse

#endif // QOPT_DIALECT_PULSE_WAVEFORMS_H
