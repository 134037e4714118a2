//===- TargetLoading.h - shared pieces of the target loaders ----*- C++ -*-===//

#ifndef QOPT_LIB_TARGET_TARGETLOADING_H
#define QOPT_LIB_TARGET_TARGETLOADING_H

#include "qopt/Target/JsonFile.h"

#include "qopt/Target/Target.h"

#include "llvm/ADT/StringSwitch.h"

#include <functional>
#include <memory>

namespace qopt::target {

/// Walks a JsonFile with a current position, reporting every problem at the
/// offending value's file:line:col together with its JSON path.
class JsonReader {
public:
  explicit JsonReader(const JsonFile &file) : file(file) {
    values.push_back(&file.root());
  }

  /// Enters `steps` below the current position for its lifetime.
  class Scope {
  public:
    Scope(JsonReader &reader, std::vector<JsonStep> steps);
    ~Scope();

  private:
    JsonReader &reader;
    size_t depth;
  };

  mlir::InFlightDiagnostic error(const llvm::Twine &message) {
    return errorAt({}, message);
  }
  /// True once any error was reported, including for optional fields.
  bool hasErrors() const { return errored; }
  mlir::InFlightDiagnostic errorAt(std::vector<JsonStep> steps,
                                   const llvm::Twine &message);

  const llvm::json::Object *object();
  const llvm::json::Array *array(llvm::StringRef key);
  std::optional<int64_t> integer(llvm::StringRef key, bool required = true);
  std::optional<double> number(llvm::StringRef key, bool required = true);
  std::optional<std::string> string(llvm::StringRef key, bool required = true);
  std::optional<std::vector<std::string>> stringArray(llvm::StringRef key);
  std::optional<std::vector<double>> numberArray(llvm::StringRef key,
                                                 bool required = true);
  /// Qubit indices below `limit`.
  std::optional<std::vector<unsigned>>
  indexArray(llvm::StringRef key, unsigned limit, bool required = true);
  /// A list of [a, b] qubit pairs below `limit`.
  std::optional<std::vector<std::pair<unsigned, unsigned>>>
  pairArray(llvm::StringRef key, unsigned limit);
  /// {"name": ..., "unit": ..., "value": ...} scaled to qopt's units.
  std::optional<std::pair<std::string, double>> namedValue(
      const llvm::json::Value &value,
      const std::function<std::optional<double>(llvm::StringRef)> &unitScale);
  /// [re, im] or a real number.
  std::optional<std::complex<double>>
  complexNumber(const llvm::json::Value &value, std::vector<JsonStep> steps);

private:
  const llvm::json::Value *lookup(llvm::StringRef key, bool required);

  const JsonFile &file;
  bool errored = false;
  std::vector<JsonStep> path;
  std::vector<const llvm::json::Value *> values;
};

/// SHA-256 over the files a target was loaded from, as "sha256:<hex>".
std::string hashContents(llvm::ArrayRef<llvm::StringRef> texts);

/// Where to report a problem with a qubit, with gate entry i, or with the
/// device as a whole.
struct TargetLocations {
  std::function<mlir::Location(unsigned)> qubit;
  std::function<mlir::Location(size_t)> gate;
  std::function<mlir::Location(size_t)> basisGate;
  mlir::Location couplingMap;
};

/// A number as it would be written: shortest round-trip form.
std::string formatNumber(double value);

/// Checks a freshly loaded target, marks broken couplers, and warns about
/// quirks of real data.
mlir::LogicalResult verifyTarget(Target &target,
                                 const TargetLocations &locations);

mlir::FailureOr<std::unique_ptr<Target>>
loadIBMBackend(llvm::StringRef directory, mlir::MLIRContext *context);

mlir::FailureOr<std::unique_ptr<Target>>
loadCompactTarget(llvm::StringRef path, mlir::MLIRContext *context);

} // namespace qopt::target

#endif // QOPT_LIB_TARGET_TARGETLOADING_H
