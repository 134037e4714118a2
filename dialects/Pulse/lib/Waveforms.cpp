//===- Waveforms.cpp - sampling pulse envelopes ---------------------------===//

#include "qopt/Dialect/Pulse/Waveforms.h"

#include "qopt/Dialect/Pulse/Pulse.h"

#include "mlir/IR/Matchers.h"
#include "llvm/ADT/TypeSwitch.h"

#include <cmath>

using namespace mlir;
using namespace qopt::pulse;

namespace {

/// exp(-((t - center)/sigma)^2 / 2), shifted and rescaled so that it is 0 at
/// `zeroAt` and 1 at `center`.
double liftedGaussian(double t, double center, double zeroAt, double sigma) {
  auto gauss = [&](double x) {
    double u = (x - center) / sigma;
    return std::exp(-0.5 * u * u);
  };
  double offset = gauss(zeroAt);
  return (gauss(t) - offset) / (1.0 - offset);
}

double midpoint(int64_t k) { return static_cast<double>(k) + 0.5; }

/// amp * e^{i angle}; amp may be negative (std::polar requires amp >= 0).
std::complex<double> scaleOf(double amp, double angle) {
  return amp * std::exp(std::complex<double>(0.0, angle));
}

} // namespace

Samples qopt::pulse::sampleGaussian(int64_t duration, double amp, double angle,
                                    double sigma) {
  std::complex<double> scale = scaleOf(amp, angle);
  double center = duration / 2.0;
  Samples samples(duration);
  for (int64_t k = 0; k < duration; ++k)
    samples[k] =
        scale * liftedGaussian(midpoint(k), center, duration + 1.0, sigma);
  return samples;
}

Samples qopt::pulse::sampleGaussianSquare(int64_t duration, double amp,
                                          double angle, double sigma,
                                          double width) {
  std::complex<double> scale = scaleOf(amp, angle);
  double center = duration / 2.0;
  double riseEnd = center - width / 2.0, fallStart = center + width / 2.0;
  Samples samples(duration);
  for (int64_t k = 0; k < duration; ++k) {
    double t = midpoint(k);
    double envelope = t <= riseEnd ? liftedGaussian(t, riseEnd, -1.0, sigma)
                      : t >= fallStart
                          ? liftedGaussian(t, fallStart, duration + 1.0, sigma)
                          : 1.0;
    samples[k] = scale * envelope;
  }
  return samples;
}

Samples qopt::pulse::sampleDrag(int64_t duration, double amp, double angle,
                                double sigma, double beta) {
  std::complex<double> scale = scaleOf(amp, angle);
  double center = duration / 2.0;
  Samples samples(duration);
  for (int64_t k = 0; k < duration; ++k) {
    double t = midpoint(k);
    double gauss = liftedGaussian(t, center, duration + 1.0, sigma);
    double derivative = -(t - center) / (sigma * sigma) * gauss;
    samples[k] = scale * std::complex<double>(gauss, beta * derivative);
  }
  return samples;
}

Samples qopt::pulse::sampleConstant(int64_t duration, double amp,
                                    double angle) {
  return Samples(duration, scaleOf(amp, angle));
}

std::optional<Samples> qopt::pulse::sampleWaveform(Value waveform) {
  auto constant = [](Value value) -> std::optional<double> {
    APFloat number(0.0);
    if (matchPattern(value, m_ConstantFloat(&number)))
      return number.convertToDouble();
    return std::nullopt;
  };
  auto all = [&](std::initializer_list<Value> values)
      -> std::optional<std::vector<double>> {
    std::vector<double> result;
    for (Value value : values) {
      std::optional<double> number = constant(value);
      if (!number)
        return std::nullopt;
      result.push_back(*number);
    }
    return result;
  };
  int64_t duration = cast<WaveformType>(waveform.getType()).getDuration();
  Operation *def = waveform.getDefiningOp();
  if (!def)
    return std::nullopt;
  return llvm::TypeSwitch<Operation *, std::optional<Samples>>(def)
      .Case([&](GaussianOp op) -> std::optional<Samples> {
        auto p = all({op.getAmp(), op.getAngle(), op.getSigma()});
        if (!p)
          return std::nullopt;
        return sampleGaussian(duration, (*p)[0], (*p)[1], (*p)[2]);
      })
      .Case([&](GaussianSquareOp op) -> std::optional<Samples> {
        auto p =
            all({op.getAmp(), op.getAngle(), op.getSigma(), op.getWidth()});
        if (!p)
          return std::nullopt;
        return sampleGaussianSquare(duration, (*p)[0], (*p)[1], (*p)[2],
                                    (*p)[3]);
      })
      .Case([&](DragOp op) -> std::optional<Samples> {
        auto p = all({op.getAmp(), op.getAngle(), op.getSigma(), op.getBeta()});
        if (!p)
          return std::nullopt;
        return sampleDrag(duration, (*p)[0], (*p)[1], (*p)[2], (*p)[3]);
      })
      .Case([&](ConstantOp op) -> std::optional<Samples> {
        auto p = all({op.getAmp(), op.getAngle()});
        if (!p)
          return std::nullopt;
        return sampleConstant(duration, (*p)[0], (*p)[1]);
      })
      .Case([&](SampledOp op) -> std::optional<Samples> {
        ArrayRef<double> values = op.getSamples();
        Samples samples(values.size() / 2);
        for (size_t k = 0; k < samples.size(); ++k)
          samples[k] = {values[2 * k], values[2 * k + 1]};
        return samples;
      })
      .Default([](Operation *) { return std::nullopt; });
}
