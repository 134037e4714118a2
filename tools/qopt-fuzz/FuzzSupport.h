//===- FuzzSupport.h - what qopt's libFuzzer targets share ------*- C++ -*-===//
//
// One MLIR context per fuzzing process (building one per input would spend
// the run on dialect loading), single-threaded, with every diagnostic
// swallowed: a rejected input is the expected outcome, and only crashes,
// hangs, sanitizer reports and broken invariants (reported with
// QOPT_FUZZ_CHECK) are findings.
//
//===----------------------------------------------------------------------===//

#ifndef QOPT_TOOLS_QOPT_FUZZ_FUZZSUPPORT_H
#define QOPT_TOOLS_QOPT_FUZZ_FUZZSUPPORT_H

#include "qopt/InitQOpt.h"

#include "mlir/IR/Diagnostics.h"
#include "mlir/IR/DialectRegistry.h"
#include "mlir/IR/MLIRContext.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/raw_ostream.h"

#include <cstdlib>

namespace qopt::fuzz {

inline mlir::MLIRContext &context() {
  static mlir::MLIRContext *instance = [] {
    registerAllPasses();
    mlir::DialectRegistry registry;
    registerAllDialects(registry);
    auto *context =
        new mlir::MLIRContext(registry, mlir::MLIRContext::Threading::DISABLED);
    context->loadAllAvailableDialects();
    context->printOpOnDiagnostic(false);
    context->getDiagEngine().registerHandler(
        [](mlir::Diagnostic &) { return mlir::success(); });
    return context;
  }();
  return *instance;
}

inline llvm::StringRef asText(const uint8_t *data, size_t size) {
  return llvm::StringRef(reinterpret_cast<const char *>(data), size);
}

/// The pieces of an input made of several files, separated by lines "#--".
inline llvm::SmallVector<llvm::StringRef, 3> splitFiles(llvm::StringRef text) {
  llvm::SmallVector<llvm::StringRef, 3> files;
  text.split(files, "\n#--\n");
  return files;
}

} // namespace qopt::fuzz

/// An invariant the input broke: report it and abort, so that libFuzzer
/// saves the input.
#define QOPT_FUZZ_CHECK(condition, message)                                    \
  do {                                                                         \
    if (!(condition)) {                                                        \
      llvm::errs() << "qopt fuzz invariant broken: " << message << "\n";       \
      std::abort();                                                            \
    }                                                                          \
  } while (false)

#endif // QOPT_TOOLS_QOPT_FUZZ_FUZZSUPPORT_H
