//===- QasmImportFuzzer.cpp - fuzz the OpenQASM 2 importer ----------------===//
//
// Any input either is rejected with a diagnostic or imports into a module
// that verifies, exports back to OpenQASM, and imports again.
//
//===----------------------------------------------------------------------===//

#include "FuzzSupport.h"

#include "qopt/Translation/OpenQasm.h"

#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/Verifier.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/SourceMgr.h"

using namespace mlir;

static OwningOpRef<ModuleOp> import(llvm::StringRef text) {
  llvm::SourceMgr sourceMgr;
  sourceMgr.AddNewSourceBuffer(
      llvm::MemoryBuffer::getMemBufferCopy(text, "fuzz.qasm"), llvm::SMLoc());
  return qopt::importOpenQasm2(sourceMgr, &qopt::fuzz::context());
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  OwningOpRef<ModuleOp> module = import(qopt::fuzz::asText(data, size));
  if (!module)
    return 0;
  QOPT_FUZZ_CHECK(succeeded(verify(*module)),
                  "the importer built a module that does not verify");
  std::string exported;
  llvm::raw_string_ostream os(exported);
  // Export may refuse what OpenQASM 2 cannot express; what it writes must
  // import again.
  if (succeeded(qopt::exportOpenQasm2(*module, os)))
    QOPT_FUZZ_CHECK(import(exported), "the exported OpenQASM does not import:\n"
                                          << exported);
  return 0;
}
