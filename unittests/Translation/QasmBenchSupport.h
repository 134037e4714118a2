//===- QasmBenchSupport.h - the QASMBench circuits in tests -----*- C++ -*-===//

#ifndef QOPT_UNITTESTS_TRANSLATION_QASMBENCHSUPPORT_H
#define QOPT_UNITTESTS_TRANSLATION_QASMBENCHSUPPORT_H

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/MLIRContext.h"
#include "mlir/IR/OwningOpRef.h"

#include "GateTestSupport.h"

#include <ostream>
#include <string>
#include <vector>

namespace qopt::test {

/// One circuit of bench/circuits/qasmbench, with its upstream metric sheet.
struct Benchmark {
  std::string name, directory;
  unsigned qubits = 0;
  unsigned gateCount = 0;
  unsigned dualGateCount = 0;
};

void PrintTo(const Benchmark &bench, std::ostream *os);

/// Every shipped circuit, sorted by name.
std::vector<Benchmark> listBenchmarks();

/// The vqe_uccsd circuits name undefined registers (see SOURCE.md).
bool hasUndefinedRegisters(const Benchmark &bench);

/// Circuits that are valid OpenQASM 2.0 with at most `maxQubits` qubits.
std::vector<Benchmark> validBenchmarks(unsigned maxQubits);

/// Imports a file, collecting error diagnostics instead of printing them.
mlir::OwningOpRef<mlir::ModuleOp> importFile(mlir::MLIRContext &context,
                                             const std::string &path,
                                             std::string &diagnostics);
mlir::OwningOpRef<mlir::ModuleOp> importText(mlir::MLIRContext &context,
                                             llvm::StringRef text);

/// The circuit function of an imported module.
mlir::func::FuncOp circuitOf(mlir::ModuleOp module);

} // namespace qopt::test

#endif // QOPT_UNITTESTS_TRANSLATION_QASMBENCHSUPPORT_H
