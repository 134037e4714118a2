//===- ModuleExportRegistration.h - qopt-translate's exporters --*- C++ -*-===//
//
// Registers a translation out of MLIR that first refuses inputs MLIR's parser
// cannot survive (MlirInputLimits.h), then parses and verifies the module and
// hands it to an exporter.
//
//===----------------------------------------------------------------------===//

#ifndef QOPT_LIB_TRANSLATION_MODULEEXPORTREGISTRATION_H
#define QOPT_LIB_TRANSLATION_MODULEEXPORTREGISTRATION_H

#include "mlir/IR/BuiltinOps.h"
#include "mlir/Support/LogicalResult.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/raw_ostream.h"

namespace qopt {

using ModuleExporter = mlir::LogicalResult (*)(mlir::ModuleOp,
                                               llvm::raw_ostream &);

void registerModuleExport(llvm::StringRef name, llvm::StringRef description,
                          ModuleExporter exporter);

} // namespace qopt

#endif // QOPT_LIB_TRANSLATION_MODULEEXPORTREGISTRATION_H
