//===- CircuitSupport.h - QASMBench circuits for the benches ----*- C++ -*-===//
//
// Finding, importing and counting QASMBench circuits, shared by the benches
// that compile them.
//
//===----------------------------------------------------------------------===//

#ifndef QOPT_BENCH_CIRCUITSUPPORT_H
#define QOPT_BENCH_CIRCUITSUPPORT_H

#include "qopt/Dataset/FidelityDataset.h"
#include "qopt/Dialect/QGate/QGate.h"
#include "qopt/Translation/OpenQasm.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/Diagnostics.h"
#include "mlir/IR/DialectRegistry.h"
#include "mlir/IR/MLIRContext.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/SourceMgr.h"

#include <cmath>
#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace qopt::bench {

/// Gates are ops implementing qgate::GateOpInterface other than qgate.id;
/// two-qubit gates those with getNumQubits() == 2.
struct Counts {
  unsigned total = 0, twoQubit = 0;
};

inline std::unique_ptr<mlir::MLIRContext>
freshContext(const mlir::DialectRegistry &registry) {
  auto context = std::make_unique<mlir::MLIRContext>(registry);
  context->loadAllAvailableDialects();
  return context;
}

/// Imports `text` into `context`; the first error, if any, goes to `error`.
inline mlir::OwningOpRef<mlir::ModuleOp> importText(llvm::StringRef text,
                                                    llvm::StringRef path,
                                                    mlir::MLIRContext &context,
                                                    std::string &error) {
  mlir::ScopedDiagnosticHandler quiet(&context, [&](mlir::Diagnostic &diag) {
    if (diag.getSeverity() == mlir::DiagnosticSeverity::Error && error.empty())
      error = diag.str();
    return mlir::success();
  });
  llvm::SourceMgr sourceMgr;
  sourceMgr.AddNewSourceBuffer(llvm::MemoryBuffer::getMemBufferCopy(text, path),
                               llvm::SMLoc());
  mlir::OwningOpRef<mlir::ModuleOp> module =
      qopt::importOpenQasm2(sourceMgr, &context);
  if (!module && error.empty())
    error = "import failed";
  return module;
}

inline bool readFile(const std::string &path, std::string &text,
                     std::string &error) {
  auto buffer = llvm::MemoryBuffer::getFile(path, /*IsText=*/true);
  if (!buffer) {
    error = buffer.getError().message();
    return false;
  }
  text = (*buffer)->getBuffer().str();
  return true;
}

inline Counts countGates(mlir::ModuleOp module) {
  Counts counts;
  module.walk([&](qopt::qgate::GateOpInterface gate) {
    if (mlir::isa<qopt::qgate::IdOp>(gate.getOperation()))
      return;
    ++counts.total;
    if (gate.getNumQubits() == 2)
      ++counts.twoQubit;
  });
  return counts;
}

inline mlir::func::FuncOp circuitOf(mlir::ModuleOp module) {
  auto funcs = module.getOps<mlir::func::FuncOp>();
  return funcs.empty() ? mlir::func::FuncOp() : *funcs.begin();
}

/// Finds `<dir>/{small,medium,large}/<name>/<name>.qasm` with its
/// `<name>_transpiled.qasm` next to it.
inline std::vector<std::pair<std::string, std::string>>
findCircuits(const std::string &dir) {
  return qopt::dataset::findQasmBenchCircuits(dir);
}

/// Geometric mean of `ratios` (all positive).
inline double geomean(llvm::ArrayRef<double> ratios) {
  if (ratios.empty())
    return NAN;
  double logSum = 0;
  for (double ratio : ratios)
    logSum += std::log(ratio);
  return std::exp(logSum / ratios.size());
}

} // namespace qopt::bench

#endif // QOPT_BENCH_CIRCUITSUPPORT_H
