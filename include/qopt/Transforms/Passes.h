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

} // namespace qopt

#endif // QOPT_TRANSFORMS_PASSES_H
