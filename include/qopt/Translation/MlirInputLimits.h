//===- MlirInputLimits.h - inputs MLIR's parser cannot survive --*- C++ -*-===//
//
// MLIR 19's parser sizes a vector by the number of a forward-referenced
// result (`%x#4000000000`), so a 30-byte input exhausts memory in mlir-opt as
// in every tool built on it: an upstream defect. Its recursive descent also
// has no depth limit, so ten thousand nested parentheses overflow the stack.
// qopt's tools check their MLIR inputs for both first and report them where
// they stand.
//
//===----------------------------------------------------------------------===//

#ifndef QOPT_TRANSLATION_MLIRINPUTLIMITS_H
#define QOPT_TRANSLATION_MLIRINPUTLIMITS_H

#include "mlir/IR/MLIRContext.h"
#include "mlir/Support/LogicalResult.h"
#include "llvm/Support/SourceMgr.h"

namespace qopt {

/// The largest result number (`%x#N`) an MLIR input may use. No operation
/// has a million results; the parser's vector for one stays at 16 MB.
inline constexpr unsigned long long kMaxMlirResultNumber = 999999;

/// Where `text` uses a result number above kMaxMlirResultNumber (the `%` of
/// its `%name#N`), skipping string literals and comments; null if nowhere.
const char *findHugeResultNumber(llvm::StringRef text);

/// The deepest an MLIR input may nest brackets ( [ { <. Real IR stays in
/// the tens; the parser's stack holds thousands.
inline constexpr unsigned kMaxMlirNesting = 512;

/// Where `text` opens a bracket nested deeper than kMaxMlirNesting,
/// skipping string literals and comments; null if nowhere. (The `>` of
/// `->` closes nothing.)
const char *findDeepNesting(llvm::StringRef text);

/// Whether `text` breaks either limit.
inline bool exceedsMlirInputLimits(llvm::StringRef text) {
  return findHugeResultNumber(text) || findDeepNesting(text);
}

/// Checks buffer `bufferId` of `sourceMgr` before it is parsed as MLIR; a
/// result number above the limit or nesting beyond it is an error at its
/// file:line:col, emitted through `context`'s diagnostic handlers.
mlir::LogicalResult checkMlirInputLimits(const llvm::SourceMgr &sourceMgr,
                                         unsigned bufferId,
                                         mlir::MLIRContext *context);

} // namespace qopt

#endif // QOPT_TRANSLATION_MLIRINPUTLIMITS_H
