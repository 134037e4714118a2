//===- OpenQasm.h - OpenQASM import and export ------------------*- C++ -*-===//
//
// OpenQASM 2.0 in, OpenQASM 2.0 and 3.0 out.
//
// An imported program becomes one `func.func` named after the file:
//  - each `qreg` bit is a `qgate.alloc`, in declaration order;
//  - each `creg` bit is an i1 value, `false` until measured; the function
//    returns every creg bit's final value, registers in declaration order,
//    bit 0 first;
//  - `measure q[i] -> c[j]` is `qgate.measure ... -> "c"[j]`;
//  - `if (c == n) op;` is `qgate.creg_equals` feeding an `scf.if` that threads
//    the qubits (and bits) `op` touches;
//  - gates of qelib1.inc that have a qgate op become that op (u3 -> u,
//    u1 -> p, cu1 -> cp, cu3 -> cu with gamma 0, u0/id -> id); every other
//    gate, built-in or user-defined, is expanded into its body;
//  - the register layout is kept on the function as
//    `qgate.qregs = [["q", 5], ...]` and `qgate.cregs = [["c", 5], ...]`,
//    which export uses to print the same registers back.
// Every op's location is the file:line:col of the statement it came from.
//
//===----------------------------------------------------------------------===//

#ifndef QOPT_TRANSLATION_OPENQASM_H
#define QOPT_TRANSLATION_OPENQASM_H

#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/OwningOpRef.h"

namespace llvm {
class SourceMgr;
class raw_ostream;
} // namespace llvm

namespace qopt {

/// Function attribute names of the register layout (see above).
inline constexpr llvm::StringLiteral kQregsAttrName = "qgate.qregs";
inline constexpr llvm::StringLiteral kCregsAttrName = "qgate.cregs";

/// True if `path` ends in .qasm, or (unless it ends in .mlir) `text`'s
/// first token after comments is OPENQASM or include.
bool looksLikeOpenQasm(llvm::StringRef path, llvm::StringRef text);

/// Imports the OpenQASM 2.0 program in the main buffer of `sourceMgr`.
/// Errors are emitted through the context's diagnostic engine with the
/// program's file:line:col; returns null on error. `include` paths resolve
/// against the including file's directory and the source manager's include
/// directories; "qelib1.inc" is built in.
mlir::OwningOpRef<mlir::ModuleOp> importOpenQasm2(llvm::SourceMgr &sourceMgr,
                                                  mlir::MLIRContext *context);

/// Writes the single circuit function of `module` as OpenQASM 2.0. Angles
/// must be constants. Emits an error at the offending op and fails for
/// anything OpenQASM 2.0 cannot express.
mlir::LogicalResult exportOpenQasm2(mlir::ModuleOp module,
                                    llvm::raw_ostream &os);

/// The same as OpenQASM 3.0 (stdgates.inc).
mlir::LogicalResult exportOpenQasm3(mlir::ModuleOp module,
                                    llvm::raw_ostream &os);

/// Registers the qopt-translate translations: --import-qasm, --export-qasm
/// and --export-qasm3.
void registerOpenQasmTranslations();

} // namespace qopt

#endif // QOPT_TRANSLATION_OPENQASM_H
