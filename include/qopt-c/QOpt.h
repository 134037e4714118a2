/*===-- qopt-c/QOpt.h - qopt's C API ------------------------------*- C -*-===*\
|*                                                                            *|
|* An MLIR-C style interface to qopt: register its dialects and passes in an  *|
|* MLIR context, import OpenQASM, attach a device target, run a named         *|
|* pipeline on a module, read the fidelity estimate, or compile a file with   *|
|* the whole default pipeline. Errors go through the context's diagnostic     *|
|* handlers (mlirContextAttachDiagnosticHandler). Link QOpt::QOptCAPI. *|
|*                                                                            *|
\*===----------------------------------------------------------------------===*/

#ifndef QOPT_C_QOPT_H
#define QOPT_C_QOPT_H

#include "mlir-c/IR.h"
#include "mlir-c/Support.h"

#ifdef __cplusplus
extern "C" {
#endif

/// Adds qopt's dialects (qgate, pulse) and those its circuits use (func,
/// arith, scf) to `registry`.
MLIR_CAPI_EXPORTED void qoptRegisterAllDialects(MlirDialectRegistry registry);

/// Registers qopt's passes and the qopt-O0 ... qopt-O3 pipelines, so that
/// pipeline strings can name them. Call once per process.
MLIR_CAPI_EXPORTED void qoptRegisterAllPasses(void);

/// Imports an OpenQASM 2.0 program; `fileName` locates diagnostics and
/// resolves includes. Returns a null module on error.
MLIR_CAPI_EXPORTED MlirModule qoptImportOpenQasm(MlirContext context,
                                                 MlirStringRef source,
                                                 MlirStringRef fileName);

/// The number of qubits of a device: a shipped target name, an IBM device
/// directory or a qopt-target-v1 file. Returns 0 (with a diagnostic) if it
/// does not load.
MLIR_CAPI_EXPORTED unsigned qoptTargetGetNumQubits(MlirContext context,
                                                   MlirStringRef target);

/// Runs `pipeline` on `module`: a textual pass pipeline such as
/// "attach-target{target=belem},to-target-basis,layout,route,qopt-O2" (the
/// passes of a builtin.module; qopt --help lists them).
MLIR_CAPI_EXPORTED MlirLogicalResult qoptRunPipeline(MlirModule module,
                                                     MlirStringRef pipeline);

/// The fidelity estimate of the module's circuit on its attached target:
/// `estimator` is "esp", "learned" or "simulate" (state fidelity of a noisy
/// simulation). Returns a negative number (with a diagnostic) on error.
MLIR_CAPI_EXPORTED double qoptEstimateFidelity(MlirModule module,
                                               MlirStringRef estimator);

/// `qopt compile` on one file: writes the compiled circuit, pulses and
/// report into `outputDirectory`. An empty `target` means the default.
MLIR_CAPI_EXPORTED MlirLogicalResult qoptCompileFile(
    MlirContext context, MlirStringRef inputPath, MlirStringRef outputDirectory,
    MlirStringRef target, unsigned optLevel);

#ifdef __cplusplus
}
#endif

#endif /* QOPT_C_QOPT_H */
