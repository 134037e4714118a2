//===- Pulse.h - the pulse dialect, types and operations --------*- C++ -*-===//

#ifndef QOPT_DIALECT_PULSE_PULSE_H
#define QOPT_DIALECT_PULSE_PULSE_H

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/IR/Builders.h"
#include "mlir/IR/BuiltinTypes.h"
#include "mlir/IR/Dialect.h"
#include "mlir/IR/OpDefinition.h"
#include "mlir/IR/OpImplementation.h"
#include "mlir/IR/SymbolTable.h"
#include "mlir/Interfaces/CallInterfaces.h"
#include "mlir/Interfaces/ControlFlowInterfaces.h"
#include "mlir/Interfaces/FunctionInterfaces.h"
#include "mlir/Interfaces/InferTypeOpInterface.h"
#include "mlir/Interfaces/SideEffectInterfaces.h"

namespace qopt::pulse {
/// Longest waveform, in samples (16.7 million, 3.7 ms at 0.22 ns): beyond
/// it a waveform is a mistake, and sampling it would exhaust memory.
inline constexpr int64_t kMaxWaveformSamples = int64_t(1) << 24;
/// Longest delay or capture and latest start time, in dt: far beyond any
/// program, and small enough that sums of them cannot overflow.
inline constexpr int64_t kMaxTimeDt = int64_t(1) << 40;
} // namespace qopt::pulse

#include "qopt/Dialect/Pulse/PulseDialect.h.inc"

#define GET_TYPEDEF_CLASSES
#include "qopt/Dialect/Pulse/PulseTypes.h.inc"

#include "qopt/Dialect/Pulse/PulseOpsEnums.h.inc"

#include "qopt/Dialect/Pulse/PulseInterfaces.h.inc"

#define GET_OP_CLASSES
#include "qopt/Dialect/Pulse/PulseOps.h.inc"

namespace qopt::pulse {
/// Reads IBM's channel names, "d0", "u12", "m3" or "a1", as a kind and an
/// index.
std::optional<std::pair<ChannelKind, int64_t>>
parseChannelName(llvm::StringRef name);

/// The channel op that names `channel`, or null when the value does not
/// come from one (a block argument).
ChannelOp getChannelOp(mlir::Value channel);

/// Verifies the timing of a scheduled or unscheduled schedule body.
mlir::LogicalResult verifyScheduleTiming(ScheduleOp schedule);

/// Start times for the timed operations of a schedule, in program order.
struct ScheduleTiming {
  llvm::SmallVector<TimedOpInterface> ops;
  llvm::SmallVector<int64_t> starts;
  int64_t duration = 0;
};

/// Places every timed operation as early as its channels allow (ASAP), or,
/// with `alap`, as late as the operations after it allow, keeping program
/// order per channel. Does not change the IR.
ScheduleTiming computeTiming(ScheduleOp schedule, bool alap);
} // namespace qopt::pulse

#endif // QOPT_DIALECT_PULSE_PULSE_H
