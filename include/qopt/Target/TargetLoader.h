//===- TargetLoader.h - finding and loading device targets ------*- C++ -*-===//

#ifndef QOPT_TARGET_TARGETLOADER_H
#define QOPT_TARGET_TARGETLOADER_H

#include "qopt/Target/Target.h"

#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/MLIRContext.h"
#include "mlir/Support/LogicalResult.h"

#include <memory>

namespace qopt::target {

/// The shipped device used when none is given.
inline constexpr llvm::StringLiteral kDefaultTargetName = "montreal";

/// Directories searched for shipped targets, in order: $QOPT_TARGETS_DIR,
/// the install's share/qopt/targets, and the source tree's targets/.
std::vector<std::string> targetSearchPath();

/// Names of the shipped targets found on the search path.
std::vector<std::string> listShippedTargets();

/// Loads `spec`: the name of a shipped target, a directory with IBM
/// conf_*.json and props_*.json (and optionally defs_*.json), or a compact
/// qopt-target-v1 JSON file. Problems are reported through `context`'s
/// diagnostics with file:line:col; quirks of real data (broken couplers,
/// T2 > 2*T1) as warnings.
mlir::FailureOr<std::unique_ptr<Target>> loadTarget(llvm::StringRef spec,
                                                    mlir::MLIRContext *context);

/// loadTarget for use inside a compilation: warnings are dropped (they are
/// qopt-target-info's business) and errors are not emitted but returned in
/// `errors` as "file:line:col: message" lines, for the caller to report on
/// its own op (IBM's JSON files are single lines far too long to quote).
/// Successful loads are cached per process, keyed by the resolved path and
/// the size and modification time of its files, and shared: every pass of
/// a pipeline gets the same immutable target without copying it.
mlir::FailureOr<std::shared_ptr<const Target>>
loadTargetQuietly(llvm::StringRef spec, mlir::MLIRContext *context,
                  std::string &errors);

/// The target recorded on `module` by attach-target, reloaded from its
/// source. Fails, with a diagnostic on the module, when the module has no
/// target or when the files no longer match the recorded content hash (the
/// calibration changed since the module was compiled for it).
mlir::FailureOr<std::shared_ptr<const Target>>
loadModuleTarget(mlir::ModuleOp module);

/// Prints `loc: severity: message` for every diagnostic, without the source
/// line: IBM's JSON files are single lines of hundreds of kilobytes. For
/// tools that load targets outside a compilation.
void printDiagnosticsPlainly(mlir::MLIRContext *context);

} // namespace qopt::target

#endif // QOPT_TARGET_TARGETLOADER_H
