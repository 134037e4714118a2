//===- PulseDialect.cpp - the pulse dialect -------------------------------===//

#include "qopt/Dialect/Pulse/Pulse.h"

#include "mlir/IR/DialectImplementation.h"
#include "llvm/ADT/TypeSwitch.h"

using namespace mlir;
using namespace qopt::pulse;

#include "qopt/Dialect/Pulse/PulseDialect.cpp.inc"

#define GET_TYPEDEF_CLASSES
#include "qopt/Dialect/Pulse/PulseTypes.cpp.inc"

void PulseDialect::initialize() {
  addTypes<
#define GET_TYPEDEF_LIST
#include "qopt/Dialect/Pulse/PulseTypes.cpp.inc"
      >();
  addOperations<
#define GET_OP_LIST
#include "qopt/Dialect/Pulse/PulseOps.cpp.inc"
      >();
}

LogicalResult WaveformType::verify(function_ref<InFlightDiagnostic()> emitError,
                                   int64_t duration) {
  if (duration <= 0)
    return emitError() << "waveform duration must be a positive number of "
                          "dt, got "
                       << duration;
  if (duration > kMaxWaveformSamples)
    return emitError() << "waveform duration " << duration
                       << " dt is beyond the limit of " << kMaxWaveformSamples
                       << " samples";
  return success();
}
