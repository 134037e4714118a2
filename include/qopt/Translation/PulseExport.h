//===- PulseExport.h - pulse programs out (JSON, OpenPulse, SVG) -*- C++
//-*-===//
//
// Writers for modules holding scheduled `pulse.schedule` ops (after
// `schedule-pulses`), and a reader for the JSON format. docs/PulseOutput.md
// describes the formats.
//
// Every writer needs each schedule it exports to be scheduled (a start time
// on every timed op, a `duration`) and every waveform parameter, phase and
// frequency to be a constant. On bad input it emits an error at the
// offending op and writes nothing.
//
//===----------------------------------------------------------------------===//

#ifndef QOPT_TRANSLATION_PULSEEXPORT_H
#define QOPT_TRANSLATION_PULSEEXPORT_H

#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/OwningOpRef.h"

#include <complex>

namespace llvm {
class SourceMgr;
class raw_ostream;
} // namespace llvm

namespace qopt {

/// Value of the "format" field of the JSON export.
inline constexpr llvm::StringLiteral kPulseJsonFormat = "qopt-pulse-v1";

/// Writes every schedule of `module` as qopt-pulse-v1 JSON, close to IBM's
/// Qobj pulse instructions: one entry per schedule with its instructions in
/// time order (ties in program order), and the sampled waveforms in a shared
/// pulse library. The schedules must have a `dt`, all the same.
mlir::LogicalResult exportPulseJson(mlir::ModuleOp module,
                                    llvm::raw_ostream &os);

/// Rebuilds scheduled `pulse.schedule` ops from qopt-pulse-v1 JSON in the
/// main buffer of `sourceMgr`, such that exporting them again gives the same
/// JSON. Errors name the buffer and the JSON path of the offending value
/// (syntax errors also the line and column); returns null on error.
mlir::OwningOpRef<mlir::ModuleOp> importPulseJson(llvm::SourceMgr &sourceMgr,
                                                  mlir::MLIRContext *context);

/// Writes the schedules as an OpenQASM 3 program in the OpenPulse grammar:
/// a `cal` block declaring ports, frames and waveforms, then one `cal` block
/// per schedule with its timed body. Frame frequencies come from the target
/// recorded on the module (attach-target), or are 0.0 with a comment saying
/// so.
mlir::LogicalResult exportOpenPulse(mlir::ModuleOp module,
                                    llvm::raw_ostream &os);

/// Draws the schedules as an SVG picture in the style of Qiskit's
/// Schedule.draw(): one lane per channel with the sampled envelopes of its
/// plays, frame changes as markers and captures as boxes, above a time axis
/// in ns. The output depends only on the input.
mlir::LogicalResult exportPulseSvg(mlir::ModuleOp module,
                                   llvm::raw_ostream &os);

/// The complex amplitude amp * exp(i * angle) of a waveform op, as every
/// export writes it; importPulseJson inverts exactly this computation.
std::complex<double> complexAmplitude(double amp, double angle);

/// Registers the qopt-translate translations --export-pulse-json,
/// --import-pulse-json, --export-openpulse and --export-pulse-svg.
void registerPulseTranslations();

} // namespace qopt

#endif // QOPT_TRANSLATION_PULSEEXPORT_H
