//===- OutputFile.h - outputs never left half written ----------*- C++ -*-===//

#ifndef QOPT_DRIVER_OUTPUTFILE_H
#define QOPT_DRIVER_OUTPUTFILE_H

#include "mlir/Support/LogicalResult.h"
#include "llvm/ADT/StringRef.h"

#include <string>

namespace qopt::driver {

/// Writes `text` to `path` ("-" is stdout). A regular file is written
/// through a new file next to it, then renamed over it, so that `path` never
/// holds a partial output; a special file such as /dev/null is written
/// directly. On failure `error` says "cannot write '<path>': <reason>".
mlir::LogicalResult writeOutputFile(llvm::StringRef path, llvm::StringRef text,
                                    std::string &error);

} // namespace qopt::driver

#endif // QOPT_DRIVER_OUTPUTFILE_H
