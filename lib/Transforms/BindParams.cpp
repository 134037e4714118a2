//===- BindParams.cpp - replace circuit parameters by values --------------===//

#include "qopt/Transforms/Passes.h"

#include "qopt/Target/JsonFile.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "llvm/ADT/BitVector.h"
#include "llvm/ADT/StringSet.h"

#include <cmath>

namespace qopt {
#define GEN_PASS_DEF_BINDPARAMS
#include "qopt/Transforms/Passes.h.inc"
} // namespace qopt

using namespace mlir;
using namespace qopt;

namespace {

struct BindParamsPass : public qopt::impl::BindParamsBase<BindParamsPass> {
  using BindParamsBase::BindParamsBase;

  void runOnOperation() override {
    ModuleOp module = getOperation();
    if (valuesFile.empty()) {
      emitError(module.getLoc(), "bind-params needs values=<file.json>");
      return signalPassFailure();
    }
    std::unique_ptr<target::JsonFile> file =
        target::JsonFile::load(valuesFile, &getContext());
    if (!file)
      return signalPassFailure();
    const llvm::json::Object *values = file->root().getAsObject();
    if (!values) {
      emitError(file->locate({}), "expected an object mapping parameter "
                                  "names to numbers");
      return signalPassFailure();
    }
    llvm::StringMap<double> byName;
    for (const auto &[key, value] : *values) {
      std::optional<double> number = value.getAsNumber();
      if (!number || !std::isfinite(*number)) {
        emitError(file->locate({key.str()}), "parameter '")
            << llvm::StringRef(key) << "' needs a finite number";
        return signalPassFailure();
      }
      byName[key] = *number;
    }

    llvm::StringSet<> used;
    for (auto func : module.getOps<func::FuncOp>()) {
      if (func.isExternal())
        continue;
      Block &entry = func.getBody().front();
      OpBuilder builder = OpBuilder::atBlockBegin(&entry);
      llvm::BitVector erase(func.getNumArguments());
      for (BlockArgument arg : func.getArguments()) {
        if (!arg.getType().isF64())
          continue;
        unsigned index = arg.getArgNumber();
        std::string name = "arg" + std::to_string(index);
        if (auto attr = func.getArgAttrOfType<StringAttr>(index, "qgate.param"))
          name = attr.getValue().str();
        auto it = byName.find(name);
        if (it == byName.end()) {
          if (requireAll) {
            emitError(func.getLoc(), "parameter '")
                << name << "' of @" << func.getName() << " has no value";
            return signalPassFailure();
          }
          continue;
        }
        used.insert(name);
        Value constant = builder.create<arith::ConstantOp>(
            func.getLoc(), builder.getF64FloatAttr(it->second));
        arg.replaceAllUsesWith(constant);
        erase.set(index);
        ++numBound;
      }
      func.eraseArguments(erase);
    }
    for (const auto &entry : byName)
      if (!used.contains(entry.getKey())) {
        emitError(file->locate({entry.getKey().str()}), "no circuit has a "
                                                        "parameter named '")
            << entry.getKey() << "'";
        return signalPassFailure();
      }
  }
};

} // namespace
