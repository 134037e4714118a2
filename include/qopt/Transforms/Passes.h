//===- Passes.h - qopt's passes ---------------------------------*- C++ -*-===//

#ifndef QOPT_TRANSFORMS_PASSES_H
#define QOPT_TRANSFORMS_PASSES_H

#include "mlir/IR/BuiltinOps.h"
#include "mlir/Pass/Pass.h"

namespace qopt {

#define GEN_PASS_DECL
#include "qopt/Transforms/Passes.h.inc"

#define GEN_PASS_REGISTRATION
#include "qopt/Transforms/Passes.h.inc"

/// Adds qopt's optimization pipeline for `level` (0-3) to `pm`:
/// 0 nothing; 1 canonicalization and commute-cancel (cancellation and
/// rotation merging, also through commuting gates; identity removal); 2 adds
/// one-qubit run fusion; 3 adds two-qubit block resynthesis, removal of
/// diagonal gates before measurement and, when `approximate`, fidelity-aware
/// pruning of mapped circuits. Everything except the pruning keeps the
/// measurement statistics exactly; everything except the pruning and the
/// diagonal removal keeps the unitary up to global phase.
void buildOptimizationPipeline(mlir::OpPassManager &pm, unsigned level,
                               bool approximate = true);

/// Registers the pipelines as qopt-O0 ... qopt-O3 (qopt's -O0 ... -O3).
void registerOptimizationPipelines();

} // namespace qopt

#endif // QOPT_TRANSFORMS_PASSES_H
