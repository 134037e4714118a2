//===- QasmBenchSupport.cpp - the QASMBench circuits in tests -------------===//

#include "QasmBenchSupport.h"

#include "qopt/Translation/OpenQasm.h"

#include "mlir/IR/Diagnostics.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/SourceMgr.h"

#include <algorithm>

using namespace mlir;
using namespace qopt;
using namespace qopt::test;

void test::PrintTo(const Benchmark &bench, std::ostream *os) {
  *os << bench.name;
}

std::vector<Benchmark> test::listBenchmarks() {
  std::vector<Benchmark> result;
  std::error_code ec;
  for (const char *size : {"small", "medium", "large"}) {
    llvm::SmallString<256> dir(QOPT_QASMBENCH_DIR);
    llvm::sys::path::append(dir, size);
    for (llvm::sys::fs::directory_iterator it(dir, ec), end; it != end && !ec;
         it.increment(ec)) {
      Benchmark bench;
      bench.directory = it->path();
      bench.name = llvm::sys::path::filename(it->path()).str();
      auto readme = llvm::MemoryBuffer::getFile(bench.directory + "/README.md");
      if (!readme)
        continue;
      llvm::SmallVector<llvm::StringRef> lines;
      (*readme)->getBuffer().split(lines, '\n');
      for (llvm::StringRef line : lines) {
        auto [key, value] = line.split(':');
        value = value.trim();
        if (key == "- Qubit Count ")
          value.getAsInteger(10, bench.qubits);
        else if (key == "- Gate Count ")
          value.getAsInteger(10, bench.gateCount);
        else if (key == "- Dual Gate Count ")
          value.getAsInteger(10, bench.dualGateCount);
      }
      result.push_back(bench);
    }
  }
  std::sort(
      result.begin(), result.end(),
      [](const Benchmark &a, const Benchmark &b) { return a.name < b.name; });
  return result;
}

bool test::hasUndefinedRegisters(const Benchmark &bench) {
  return llvm::StringRef(bench.name).starts_with("vqe_uccsd");
}

std::vector<Benchmark> test::validBenchmarks(unsigned maxQubits) {
#if defined(__has_feature)
#if __has_feature(address_sanitizer)
  // Under ASan, simulating a circuit of 16 qubits or more takes minutes;
  // the unsanitized suite checks those, the sanitized one the rest.
  maxQubits = std::min(maxQubits, 15u);
#endif
#endif
  std::vector<Benchmark> result;
  for (const Benchmark &bench : listBenchmarks())
    if (!hasUndefinedRegisters(bench) && bench.qubits <= maxQubits)
      result.push_back(bench);
  return result;
}

OwningOpRef<ModuleOp> test::importFile(MLIRContext &context,
                                       const std::string &path,
                                       std::string &diagnostics) {
  llvm::SourceMgr sourceMgr;
  auto buffer = llvm::MemoryBuffer::getFile(path);
  if (!buffer) {
    diagnostics = "cannot read " + path;
    return nullptr;
  }
  sourceMgr.AddNewSourceBuffer(std::move(*buffer), llvm::SMLoc());
  ScopedDiagnosticHandler handler(&context, [&](Diagnostic &diag) {
    if (diag.getSeverity() == DiagnosticSeverity::Error)
      diagnostics += diag.str() + "\n";
    return success();
  });
  return importOpenQasm2(sourceMgr, &context);
}

OwningOpRef<ModuleOp> test::importText(MLIRContext &context,
                                       llvm::StringRef text) {
  llvm::SourceMgr sourceMgr;
  sourceMgr.AddNewSourceBuffer(
      llvm::MemoryBuffer::getMemBufferCopy(text, "exported.qasm"),
      llvm::SMLoc());
  return importOpenQasm2(sourceMgr, &context);
}

func::FuncOp test::circuitOf(ModuleOp module) {
  return *module.getOps<func::FuncOp>().begin();
}
