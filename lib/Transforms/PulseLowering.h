//===- PulseLowering.h - gates to calibrated pulses, shared -----*- C++ -*-===//
//
// The machinery of lower-to-pulse, shared with native-pulse-ansatz: the
// calibration table, the emitter that writes calibrated sequences into a
// schedule, the pre-conversion checks, and the dialect conversion itself,
// which a pass can extend with patterns of its own.
//
//===----------------------------------------------------------------------===//

#ifndef QOPT_LIB_TRANSFORMS_PULSELOWERING_H
#define QOPT_LIB_TRANSFORMS_PULSELOWERING_H

#include "qopt/Dialect/Pulse/Pulse.h"
#include "qopt/Target/Target.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/IR/BuiltinOps.h"
#include "mlir/Transforms/DialectConversion.h"

#include <map>
#include <memory>

namespace qopt::pulse_lowering {

using ChannelKey = std::pair<pulse::ChannelKind, int64_t>;

using pulse::parseChannelName;

/// The IBM name of a qgate gate: qgate.u and qgate.p are IBM's u3 and u1.
std::string calibrationName(mlir::Operation *op);

/// The device's calibrated schedules, by gate name and qubits.
class CalibrationTable {
public:
  explicit CalibrationTable(const target::PulseDefaults &defaults);
  const target::GateSchedule *find(llvm::StringRef gate,
                                   llvm::ArrayRef<unsigned> qubits) const;

private:
  std::map<std::pair<std::string, std::vector<unsigned>>,
           const target::GateSchedule *>
      table;
};

/// Emits pulse ops into one schedule. Channels, constants and calibrated
/// waveforms are built once, in a prologue at the top of the body.
class ScheduleEmitter {
public:
  ScheduleEmitter(mlir::Block &body, const target::PulseDefaults &defaults)
      : defaults(defaults), prologueEnd(&body.front()) {}

  mlir::Value channel(mlir::OpBuilder &builder, mlir::Location loc,
                      ChannelKey key);
  mlir::Value constant(mlir::OpBuilder &builder, mlir::Location loc,
                       double value);
  /// The waveform of a calibrated parametric or library pulse.
  mlir::FailureOr<mlir::Value>
  waveform(mlir::OpBuilder &builder, mlir::Location loc,
           const target::PulseInstruction &instruction);
  /// The length in dt of a calibrated instruction (0 for frame changes).
  mlir::FailureOr<int64_t>
  duration(mlir::Location loc, const target::PulseInstruction &instruction);

  /// Emits `schedule` with parameters `params`, fenced by barriers on its
  /// channels and the drive channels of `qubits`; when `measured` is set,
  /// the acquisition of that qubit becomes a capture whose bit is returned.
  mlir::FailureOr<mlir::Value>
  emitSequence(mlir::OpBuilder &builder, mlir::Location loc,
               const target::GateSchedule &schedule,
               llvm::ArrayRef<unsigned> qubits, mlir::ValueRange params,
               std::optional<unsigned> measured);

  unsigned numPlays = 0;

private:
  bool isIdle(const target::PulseInstruction &instruction) const;
  mlir::LogicalResult
  emitInstruction(mlir::OpBuilder &builder, mlir::Location loc,
                  mlir::Value channel,
                  const target::PulseInstruction &instruction,
                  mlir::ValueRange params, mlir::Value &bit);

  const target::PulseDefaults &defaults;
  mlir::Operation *prologueEnd;
  std::map<ChannelKey, mlir::Value> channels;
  std::map<double, mlir::Value> constants;
  llvm::DenseMap<const target::PulseInstruction *, mlir::Value> waveforms;
};

/// State shared by the patterns of one conversion.
struct LoweringState {
  LoweringState(const target::Target &device, llvm::StringRef passName);

  const target::Target *device;
  CalibrationTable calibrations;
  std::string passName;
  /// Qubits become drive channels. One per conversion: a TypeConverter
  /// caches types, which die with their context.
  mlir::TypeConverter converter;
  /// Device qubits of each qubit op's operands, computed before conversion.
  llvm::DenseMap<mlir::Operation *, llvm::SmallVector<unsigned, 2>> qubitsOf;
  llvm::DenseMap<mlir::Operation *, std::unique_ptr<ScheduleEmitter>> emitters;
  unsigned numGates = 0;

  /// The emitter of the schedule holding `op`, or null for an op outside
  /// the schedules this conversion created.
  ScheduleEmitter *emitterFor(mlir::Operation *op) {
    auto it = emitters.find(op->getParentOfType<pulse::ScheduleOp>());
    return it == emitters.end() ? nullptr : it->second.get();
  }
};

/// The module's target, which must have pulse calibrations.
mlir::FailureOr<std::shared_ptr<const target::Target>>
loadPulseTarget(mlir::ModuleOp module, llvm::StringRef passName);

/// The functions of `module` that hold qgate operations.
llvm::SmallVector<mlir::func::FuncOp> collectCircuits(mlir::ModuleOp module);

/// Reports everything the conversion cannot lower in `func` and records the
/// device qubits of every qubit op. Ops for which `handledElsewhere` is
/// true need no calibration of their own.
mlir::LogicalResult
checkCircuit(mlir::func::FuncOp func, LoweringState &state,
             llvm::function_ref<bool(mlir::Operation *)> handledElsewhere);

/// Replaces `func` by a pulse.schedule with the same name, body and
/// signature plus `extraArguments` appended, and registers its emitter.
pulse::ScheduleOp
replaceWithSchedule(mlir::func::FuncOp func, LoweringState &state,
                    llvm::ArrayRef<mlir::Type> extraArguments);

/// Converts every qgate op under `module` with the calibrated patterns plus
/// `extraPatterns` (which win, having a higher benefit).
mlir::LogicalResult runPulseConversion(mlir::ModuleOp module,
                                       LoweringState &state,
                                       mlir::RewritePatternSet &&extraPatterns);

} // namespace qopt::pulse_lowering

#endif // QOPT_LIB_TRANSFORMS_PULSELOWERING_H
