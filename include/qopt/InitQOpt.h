//===- InitQOpt.h - register qopt's dialects and passes ---------*- C++ -*-===//
//
// What an embedding tool calls to get everything qopt provides: its own
// dialects and passes plus the upstream ones qopt circuits use. Only these are
// registered, which keeps `qopt` small and quick to link.
//
//===----------------------------------------------------------------------===//

#ifndef QOPT_INITQOPT_H
#define QOPT_INITQOPT_H

namespace mlir {
class DialectRegistry;
} // namespace mlir

namespace qopt {

/// Adds qgate and the upstream dialects qopt circuits use (builtin, func,
/// arith, scf) to `registry`.
void registerAllDialects(mlir::DialectRegistry &registry);

/// Registers qopt's passes and the generic upstream transforms (canonicalize,
/// cse, ...) with the global pass registry.
void registerAllPasses();

} // namespace qopt

#endif // QOPT_INITQOPT_H
