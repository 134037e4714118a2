//===- EquivalenceCheckFuzzer.cpp - fuzz qopt-check's inputs --------------===//
//
// Two circuits, OpenQASM or MLIR, separated by a "#--" line, compared as
// qopt-check compares them, by wire order and up to layout. Any input is
// rejected with a diagnostic or gets a verdict; a circuit compared with
// itself by wire order must be equivalent.
//
//===----------------------------------------------------------------------===//

#include "FuzzSupport.h"

#include "qopt/Simulation/Equivalence.h"
#include "qopt/Translation/MlirInputLimits.h"
#include "qopt/Translation/OpenQasm.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/IR/BuiltinOps.h"
#include "mlir/Parser/Parser.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/SourceMgr.h"

using namespace mlir;

/// Wider circuits are valid but slow to check: the fuzzer would report
/// them as hangs.
constexpr unsigned kMaxWires = 8;

static OwningOpRef<ModuleOp> load(llvm::StringRef text) {
  MLIRContext &context = qopt::fuzz::context();
  if (text.ltrim().starts_with("OPENQASM")) {
    llvm::SourceMgr sourceMgr;
    sourceMgr.AddNewSourceBuffer(
        llvm::MemoryBuffer::getMemBufferCopy(text, "fuzz.qasm"), llvm::SMLoc());
    return qopt::importOpenQasm2(sourceMgr, &context);
  }
  // MLIR's lexer reads the NUL that every file buffer ends with; a piece
  // of libFuzzer's data has none.
  std::string source = text.str();
  if (qopt::exceedsMlirInputLimits(source))
    return nullptr;
  return parseSourceString<ModuleOp>(source, ParserConfig(&context),
                                     "fuzz.mlir");
}

static func::FuncOp circuitOf(ModuleOp module) {
  func::FuncOp found;
  for (auto func : module.getOps<func::FuncOp>())
    if (!func.isExternal()) {
      if (found)
        return nullptr;
      found = func;
    }
  if (!found)
    return nullptr;
  unsigned wires = found.getNumArguments();
  found.walk([&](Operation *op) {
    wires += op->getName().getStringRef() == "qgate.alloc" ||
             op->getName().getStringRef() == "qgate.physical";
  });
  return wires <= kMaxWires ? found : nullptr;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  llvm::SmallVector<llvm::StringRef, 3> files =
      qopt::fuzz::splitFiles(qopt::fuzz::asText(data, size));
  OwningOpRef<ModuleOp> a = load(files[0]);
  OwningOpRef<ModuleOp> b = load(files.size() > 1 ? files[1] : files[0]);
  if (!a || !b)
    return 0;
  func::FuncOp circuitA = circuitOf(*a), circuitB = circuitOf(*b);
  if (!circuitA || !circuitB)
    return 0;
  for (bool upToLayout : {false, true}) {
    qopt::EquivalenceOptions options;
    options.upToLayout = upToLayout;
    (void)qopt::checkEquivalence(circuitA, circuitB, options);
    // Up to layout, a circuit whose ancillas do not return to |0> differs
    // even from itself, by the layout contract.
    if (upToLayout)
      continue;
    FailureOr<qopt::EquivalenceResult> self =
        qopt::checkEquivalence(circuitA, circuitA, options);
    if (succeeded(self))
      QOPT_FUZZ_CHECK(self->equivalent,
                      "a circuit differs from itself: " << self->reason);
  }
  return 0;
}
