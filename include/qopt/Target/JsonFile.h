//===- JsonFile.h - JSON with file:line:col diagnostics ---------*- C++ -*-===//
//
// Calibration files are JSON. llvm::json parses them; this wrapper keeps the
// text so that a complaint about any value can point at its line and column.
//
//===----------------------------------------------------------------------===//

#ifndef QOPT_TARGET_JSONFILE_H
#define QOPT_TARGET_JSONFILE_H

#include "mlir/IR/Diagnostics.h"
#include "mlir/IR/Location.h"
#include "llvm/Support/JSON.h"

#include <memory>
#include <string>
#include <variant>
#include <vector>

namespace qopt::target {

/// A step into a JSON document: an object key or an array index.
using JsonStep = std::variant<std::string, size_t>;

class JsonFile {
public:
  /// Reads and parses `path`; emits a located error and returns null if the
  /// file is missing or is not JSON.
  static std::unique_ptr<JsonFile> load(llvm::StringRef path,
                                        mlir::MLIRContext *context);

  const llvm::json::Value &root() const { return value; }
  llvm::StringRef getPath() const { return path; }
  llvm::StringRef getText() const { return text; }

  /// The file:line:col of the value reached by `steps` (the file's start if
  /// it cannot be found).
  mlir::Location locate(llvm::ArrayRef<JsonStep> steps) const;

  /// "qubits[3][0].value" for messages.
  static std::string describe(llvm::ArrayRef<JsonStep> steps);

private:
  JsonFile(std::string path, std::string text, llvm::json::Value value,
           mlir::MLIRContext *context)
      : path(std::move(path)), text(std::move(text)), value(std::move(value)),
        context(context) {}

  std::string path, text;
  llvm::json::Value value;
  mlir::MLIRContext *context;
};

} // namespace qopt::target

#endif // QOPT_TARGET_JSONFILE_H
