//===- TargetLoader.cpp - finding and loading device targets --------------===//

#include "qopt/Target/TargetLoader.h"

#include "TargetLoading.h"

#include "qopt/Dialect/QGate/QGate.h"

#include "mlir/IR/BuiltinAttributes.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Process.h"

#include <algorithm>
#include <mutex>

using namespace mlir;
using namespace qopt::target;

/// "file:line:col: " for file locations, nothing otherwise.
static void printLocationPrefix(llvm::raw_ostream &os, Location loc) {
  if (auto file = dyn_cast<FileLineColLoc>(loc))
    os << file.getFilename().getValue() << ":" << file.getLine() << ":"
       << file.getColumn() << ": ";
}

std::vector<std::string> qopt::target::targetSearchPath() {
  std::vector<std::string> path;
  if (std::optional<std::string> env =
          llvm::sys::Process::GetEnv("QOPT_TARGETS_DIR"))
    path.push_back(*env);
  path.push_back(QOPT_INSTALLED_TARGETS_DIR);
  path.push_back(QOPT_SOURCE_TARGETS_DIR);
  return path;
}

std::vector<std::string> qopt::target::listShippedTargets() {
  std::vector<std::string> names;
  for (const std::string &dir : targetSearchPath()) {
    std::error_code ec;
    for (llvm::sys::fs::directory_iterator it(dir, ec), end; it != end && !ec;
         it.increment(ec)) {
      std::string name = llvm::sys::path::filename(it->path()).str();
      llvm::SmallString<256> conf(it->path());
      llvm::sys::path::append(conf, "conf_" + name + ".json");
      if (llvm::sys::fs::exists(conf) && !llvm::is_contained(names, name))
        names.push_back(name);
    }
  }
  std::sort(names.begin(), names.end());
  return names;
}

FailureOr<std::unique_ptr<Target>>
qopt::target::loadTarget(llvm::StringRef spec, MLIRContext *context) {
  if (llvm::sys::fs::is_directory(spec))
    return loadIBMBackend(spec, context);
  if (llvm::sys::fs::exists(spec))
    return loadCompactTarget(spec, context);
  // A bare name: a shipped target.
  if (!spec.contains('/') && !spec.ends_with(".json"))
    for (const std::string &dir : targetSearchPath()) {
      llvm::SmallString<256> candidate(dir);
      llvm::sys::path::append(candidate, spec);
      if (llvm::sys::fs::is_directory(candidate))
        return loadIBMBackend(candidate, context);
    }
  InFlightDiagnostic diag = emitError(UnknownLoc::get(context))
                            << "unknown target '" << spec
                            << "': not a shipped target, a device directory "
                               "or a target file; shipped targets are:";
  for (const std::string &name : listShippedTargets())
    diag << " " << name;
  return diag;
}

void qopt::target::printDiagnosticsPlainly(MLIRContext *context) {
  context->getDiagEngine().registerHandler([](Diagnostic &diag) {
    auto print = [](Diagnostic &d) {
      llvm::raw_ostream &os = llvm::errs();
      printLocationPrefix(os, d.getLocation());
      switch (d.getSeverity()) {
      case DiagnosticSeverity::Error:
        os << "error: ";
        break;
      case DiagnosticSeverity::Warning:
        os << "warning: ";
        break;
      case DiagnosticSeverity::Note:
        os << "note: ";
        break;
      case DiagnosticSeverity::Remark:
        os << "remark: ";
        break;
      }
      os << d << "\n";
    };
    print(diag);
    for (Diagnostic &note : diag.getNotes())
      print(note);
    return success();
  });
}

FailureOr<std::shared_ptr<const Target>>
qopt::target::loadModuleTarget(ModuleOp module) {
  auto attr = module->getAttrOfType<qgate::TargetAttr>(qgate::kTargetAttrName);
  if (!attr)
    return emitError(module.getLoc(), "module has no '")
           << qgate::kTargetAttrName << "'; compile it with --target";
  std::string errors;
  FailureOr<std::shared_ptr<const Target>> target =
      loadTargetQuietly(attr.getSource(), module.getContext(), errors);
  if (failed(target))
    return emitError(module.getLoc(), "cannot load target '")
           << attr.getName() << "': " << errors;
  if ((*target)->contentHash != attr.getContentHash())
    return emitError(module.getLoc(), "the calibration of target '")
           << attr.getName() << "' at " << attr.getSource()
           << " changed since the module was compiled for it (content hash "
           << (*target)->contentHash << ", recorded " << attr.getContentHash()
           << ")";
  return target;
}

FailureOr<std::shared_ptr<const Target>>
qopt::target::loadTargetQuietly(llvm::StringRef spec, MLIRContext *context,
                                std::string &errors) {
  ScopedDiagnosticHandler handler(context, [&](Diagnostic &diag) {
    if (diag.getSeverity() != DiagnosticSeverity::Error)
      return success();
    llvm::raw_string_ostream os(errors);
    if (!errors.empty())
      os << "\n";
    printLocationPrefix(os, diag.getLocation());
    os << diag.str();
    return success();
  });
  // Every pass that needs the device reloads it, and parsing a 127-qubit
  // calibration takes a quarter of a second. Successful loads are kept,
  // keyed by the resolved path and the size and modification time of every
  // file it names, so a changed calibration is read again. The cached targets
  // are immutable and shared: copying one per pass cost 3 ms each on a
  // 127-qubit device.
  static std::mutex cacheMutex;
  static llvm::StringMap<std::shared_ptr<const Target>> cache;
  llvm::SmallVector<std::string> files;
  llvm::SmallString<256> resolved(spec);
  if (!llvm::sys::fs::exists(resolved))
    for (const std::string &dir : targetSearchPath()) {
      llvm::SmallString<256> candidate(dir);
      llvm::sys::path::append(candidate, spec);
      if (llvm::sys::fs::is_directory(candidate)) {
        resolved = candidate;
        break;
      }
    }
  if (llvm::sys::fs::is_directory(resolved)) {
    std::error_code ec;
    for (llvm::sys::fs::directory_iterator it(resolved, ec), end;
         it != end && !ec; it.increment(ec))
      files.push_back(it->path());
  } else {
    files.push_back(resolved.str().str());
  }
  llvm::sort(files);
  // A name and the path it resolves to share an entry.
  std::string key = resolved.str().str();
  for (const std::string &file : files) {
    llvm::sys::fs::file_status status;
    if (llvm::sys::fs::status(file, status))
      continue;
    key += "|" + file + ":" + std::to_string(status.getSize()) + ":" +
           std::to_string(
               status.getLastModificationTime().time_since_epoch().count());
  }
  {
    std::lock_guard<std::mutex> lock(cacheMutex);
    auto it = cache.find(key);
    if (it != cache.end())
      return it->second;
  }
  FailureOr<std::unique_ptr<Target>> loaded = loadTarget(spec, context);
  if (failed(loaded))
    return failure();
  std::shared_ptr<const Target> shared = std::move(*loaded);
  std::lock_guard<std::mutex> lock(cacheMutex);
  cache[key] = shared;
  return shared;
}
