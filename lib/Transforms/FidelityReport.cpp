//===- FidelityReport.cpp - fidelity estimates as remarks and attributes --===//

#include "qopt/Transforms/Passes.h"

#include "qopt/Analysis/FidelityAnalysis.h"
#include "qopt/Dialect/QGate/QGate.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "llvm/Support/Format.h"

#include <cmath>

namespace qopt {
#define GEN_PASS_DEF_FIDELITYREPORT
#include "qopt/Transforms/Passes.h.inc"
} // namespace qopt

using namespace mlir;
using namespace qopt;

namespace {

constexpr llvm::StringLiteral kFidelityAttrName = "qopt.fidelity";

struct FidelityReportPass
    : public qopt::impl::FidelityReportBase<FidelityReportPass> {
  using FidelityReportBase::FidelityReportBase;

  void runOnOperation() override {
    if (estimator != "auto" && estimator != "esp" && estimator != "simulate" &&
        estimator != "learned" && estimator != "all") {
      getOperation().emitError("fidelity-report: estimator must be auto, "
                               "esp, simulate, learned or all, got '")
          << estimator << "'";
      return signalPassFailure();
    }
    // The model is read only when it is asked for, so a bad model= does
    // not break an esp or simulate report.
    bool wantLearned =
        estimator == "learned" || estimator == "all" || estimator == "auto";
    if (wantLearned)
      model = &LearnedFidelityModel::getDefault();
    if (wantLearned && !modelPath.empty()) {
      std::string error;
      FailureOr<LearnedFidelityModel> loaded =
          LearnedFidelityModel::load(modelPath, error);
      if (failed(loaded)) {
        getOperation().emitError("fidelity-report: ") << error;
        return signalPassFailure();
      }
      customModel = std::move(*loaded);
      model = &*customModel;
    }
    bool any = false;
    for (auto func : getOperation().getOps<func::FuncOp>()) {
      bool isCircuit = false;
      func.walk([&](qgate::PhysicalOp) { isCircuit = true; });
      func.walk([&](qgate::AllocOp) { isCircuit = true; });
      if (!isCircuit)
        continue;
      any = true;
      if (failed(report(func)))
        return signalPassFailure();
    }
    // E.g. after --lower-to-pulse, which leaves no gate circuit behind.
    if (!any)
      getOperation().emitWarning("fidelity-report: no circuit function on "
                                 "qubits to report on");
  }

  LogicalResult report(func::FuncOp func) {
    FidelityAnalysis analysis(func);
    if (!analysis.isValid())
      return func.emitError("fidelity-report: ") << analysis.getError();
    Builder builder(func.getContext());
    SmallVector<NamedAttribute> estimates;
    std::string text;
    llvm::raw_string_ostream os(text);
    os << "fidelity-report: @" << func.getSymName() << " on "
       << analysis.getTarget().name;
    // auto and all report several estimates, joined by "; ".
    bool several = estimator == "all" || estimator == "auto";
    bool wantEsp = estimator == "esp" || several;
    // auto simulates only circuits small enough to take well under a
    // second; simulate and all always do.
    double simulationWork = analysis.getNumGates() *
                            std::pow(4.0, double(analysis.getNumQubits()));
    bool wantSimulation =
        estimator == "simulate" || estimator == "all" ||
        (estimator == "auto" &&
         analysis.getNumQubits() <= autoSimulateMaxQubits &&
         simulationWork <= autoSimulateMaxWork);
    if (wantEsp) {
      FailureOr<double> esp = analysis.esp();
      if (failed(esp))
        return func.emitError("fidelity-report: ") << analysis.getError();
      os << ": ESP " << llvm::format("%.4f", *esp);
      estimates.push_back(
          builder.getNamedAttr("esp", builder.getF64FloatAttr(*esp)));
    }
    if (estimator == "learned" || several) {
      FailureOr<double> learned = analysis.learned(*model);
      if (failed(learned))
        return func.emitError("fidelity-report: ") << analysis.getError();
      os << (wantEsp ? "; " : ": ") << "learned "
         << llvm::format("%.4f", *learned);
      if (std::optional<unsigned> trained = model->getMaxTrainingQubits();
          trained && analysis.getNumQubits() > *trained)
        os << " (extrapolated: the model was trained on circuits of at most "
           << *trained << " qubits)";
      estimates.push_back(
          builder.getNamedAttr("learned", builder.getF64FloatAttr(*learned)));
    }
    if (estimator == "auto" && !wantSimulation)
      os << "; not simulated (" << analysis.getNumQubits() << " qubits, "
         << analysis.getNumGates() << " gates; auto simulates up to "
         << autoSimulateMaxQubits << " qubits and gates x 4^qubits up to "
         << llvm::format("%g", double(autoSimulateMaxWork))
         << ", estimator=simulate forces it)";
    if (wantSimulation) {
      sim::NoisyRunOptions options;
      options.densityMatrixMaxQubits = densityMatrixMaxQubits;
      options.shots = shots;
      options.seed = seed;
      FailureOr<sim::NoisyRunResult> run = analysis.simulate(options);
      if (failed(run))
        return func.emitError("fidelity-report: ") << analysis.getError();
      os << (several ? "; " : ": ") << run->method << " simulation of "
         << run->numQubits << " qubit(s)";
      if (run->shots)
        os << " (" << run->shots << " trajectories, seed " << seed << ")";
      auto withError = [&](double value, double error) {
        os << llvm::format("%.4f", value);
        if (run->shots)
          os << llvm::format(" +- %.4f", 1.96 * error);
      };
      os << ": state fidelity ";
      withError(run->stateFidelity, run->stateFidelityError);
      os << ", PST ";
      withError(run->pst, run->pstError);
      os << ", Hellinger fidelity " << llvm::format("%.4f", run->hellinger);
      for (auto [name, value] :
           {std::pair{"state_fidelity", run->stateFidelity},
            std::pair{"pst", run->pst}, std::pair{"hellinger", run->hellinger}})
        estimates.push_back(
            builder.getNamedAttr(name, builder.getF64FloatAttr(value)));
      estimates.push_back(
          builder.getNamedAttr("method", builder.getStringAttr(run->method)));
    }
    func->setAttr(kFidelityAttrName, builder.getDictionaryAttr(estimates));
    emitRemark(func.getLoc(), text);
    ++numReported;
    return success();
  }

  const LearnedFidelityModel *model = nullptr;
  std::optional<LearnedFidelityModel> customModel;
};

} // namespace
