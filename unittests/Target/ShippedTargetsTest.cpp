//===- ShippedTargetsTest.cpp - the IBM devices in targets/ load right ----===//
//
// Every shipped device loads, and five values per device match its JSON
// (copied by hand from the files: the last qubit's T1, T2 and readout
// error, one two-qubit gate's error and length). Broken couplers and edge
// direction are checked against the files' own caveats (targets/*/SOURCE.md).
//
//===----------------------------------------------------------------------===//

#include "qopt/Target/TargetLoader.h"

#include "qopt/Dialect/QGate/QGate.h"

#include "mlir/IR/Diagnostics.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/raw_ostream.h"

#include "gtest/gtest.h"

using namespace mlir;
using namespace qopt::target;

namespace {

struct SpotCheck {
  const char *name;
  unsigned numQubits;
  double lastT1Us, lastT2Us, lastReadoutError;
  const char *twoQubitGate;
  unsigned control, target;
  double twoQubitError, twoQubitLengthNs;
  const char *calibrationDate;
};

const SpotCheck kSpotChecks[] = {
    {"yorktown", 5, 46.86728923564854, 3.443082999663734, 0.2923, "cx", 2, 3,
     0.0177363241903033, 519.1111111111111, "2021-03-15T01:02:20-04:00"},
    {"belem", 5, 110.55756502325885, 131.6820368187947, 0.02059999999999995,
     "cx", 1, 3, 0.013943462569729087, 433.77777777777777,
     "2021-03-15T00:49:04-04:00"},
    {"jakarta", 7, 85.09389992162491, 19.59699126377986, 0.02760000000000007,
     "cx", 4, 5, 0.013420197085121627, 540.4444444444445,
     "2024-05-27T15:32:24-03:00"},
    {"montreal", 27, 92.8646213797692, 165.07203689870656, 0.009800000000000031,
     "cx", 18, 21, 0.01327116388017685, 440.88888888888886,
     "2021-03-15T15:02:06-04:00"},
    {"washington", 127, 94.59928113659801, 136.6461843223723,
     0.0028000000000000247, "cx", 71, 77, 0.010370853210407566,
     462.2222222222222, "2022-04-12T23:42:47+09:00"},
    {"sherbrooke", 127, 261.8181514271377, 108.79803081319514, 0.019775390625,
     "ecr", 17, 12, 0.004242767028708239, 590.2222222222222,
     "2025-02-26T14:43:10-05:00"},
};

class ShippedTargetsTest : public ::testing::TestWithParam<SpotCheck> {
protected:
  std::unique_ptr<Target> load(llvm::StringRef name) {
    // Warnings (broken couplers, T2 > 2 T1) are expected; collect errors.
    ScopedDiagnosticHandler handler(&context, [&](Diagnostic &diag) {
      if (diag.getSeverity() == DiagnosticSeverity::Error)
        errors += diag.str() + "\n";
      else
        warnings += diag.str() + "\n";
      return success();
    });
    FailureOr<std::unique_ptr<Target>> target = loadTarget(name, &context);
    return succeeded(target) ? std::move(*target) : nullptr;
  }
  MLIRContext context;
  std::string errors, warnings;
};

TEST(ShippedTargets, AllSixAreListed) {
  EXPECT_EQ(listShippedTargets(),
            (std::vector<std::string>{"belem", "jakarta", "montreal",
                                      "sherbrooke", "washington", "yorktown"}));
}

TEST_P(ShippedTargetsTest, LoadsWithItsCalibration) {
  const SpotCheck &check = GetParam();
  std::unique_ptr<Target> target = load(check.name);
  ASSERT_TRUE(target) << errors;
  EXPECT_EQ(target->numQubits, check.numQubits);
  EXPECT_EQ(target->calibrationDate, check.calibrationDate);
  const QubitProperties &last = target->qubits.back();
  // Units: the files give microseconds; qopt stores nanoseconds.
  EXPECT_DOUBLE_EQ(*last.t1Ns, check.lastT1Us * 1e3);
  EXPECT_DOUBLE_EQ(*last.t2Ns, check.lastT2Us * 1e3);
  EXPECT_DOUBLE_EQ(*last.readoutError, check.lastReadoutError);
  EXPECT_EQ(target->twoQubitGate(), check.twoQubitGate);
  const GateProperties *gate =
      target->findGate(check.twoQubitGate, {check.control, check.target});
  ASSERT_TRUE(gate);
  EXPECT_DOUBLE_EQ(*gate->error, check.twoQubitError);
  EXPECT_DOUBLE_EQ(*gate->lengthNs, check.twoQubitLengthNs);
  EXPECT_TRUE(llvm::StringRef(target->contentHash).starts_with("sha256:"));
  EXPECT_EQ(target->contentHash.size(), 7u + 64u);
}

INSTANTIATE_TEST_SUITE_P(Devices, ShippedTargetsTest,
                         ::testing::ValuesIn(kSpotChecks),
                         [](const ::testing::TestParamInfo<SpotCheck> &info) {
                           return std::string(info.param.name);
                         });

class ShippedTargetQuirks : public ShippedTargetsTest {};

TEST_F(ShippedTargetQuirks, SherbrookeIsDirectedWithNineBrokenCouplers) {
  std::unique_ptr<Target> target = load("sherbrooke");
  ASSERT_TRUE(target) << errors;
  EXPECT_TRUE(target->isDirected());
  EXPECT_EQ(target->couplingMap.size(), 144u);
  // ECR 1->0 is calibrated, 0->1 is not a coupling at all.
  EXPECT_TRUE(target->hasCoupling(1, 0));
  EXPECT_FALSE(target->hasCoupling(0, 1));
  EXPECT_TRUE(target->isUsableCoupling(1, 0));
  std::vector<std::pair<unsigned, unsigned>> expected = {
      {8, 9},   {85, 84}, {16, 8},   {83, 84}, {56, 57},
      {56, 52}, {6, 5},   {92, 102}, {7, 6}};
  std::vector<std::pair<unsigned, unsigned>> broken = target->brokenCouplings();
  std::sort(broken.begin(), broken.end());
  std::sort(expected.begin(), expected.end());
  EXPECT_EQ(broken, expected);
  EXPECT_FALSE(target->isUsableCoupling(8, 9));
  EXPECT_NE(warnings.find("9 coupler(s) are reported broken"),
            std::string::npos)
      << warnings;
  // 144 control channels, one per directed ECR pair.
  ASSERT_TRUE(target->pulses);
  EXPECT_EQ(target->pulses->commands.size(), 1161u);
}

TEST_F(ShippedTargetQuirks, WashingtonIsSymmetricWithBrokenPairs) {
  std::unique_ptr<Target> target = load("washington");
  ASSERT_TRUE(target) << errors;
  EXPECT_FALSE(target->isDirected());
  EXPECT_EQ(target->brokenCouplings().size(), 6u);
  EXPECT_FALSE(target->isUsableCoupling(17, 12));
  EXPECT_FALSE(target->isUsableCoupling(12, 17));
  EXPECT_TRUE(target->isUsableCoupling(0, 1));
  EXPECT_NE(warnings.find("T2 exceeds 2*T1 on qubit(s) 16,77"),
            std::string::npos)
      << warnings;
}

TEST_F(ShippedTargetQuirks, MontrealChannelsAndPulses) {
  std::unique_ptr<Target> target = load("montreal");
  ASSERT_TRUE(target) << errors;
  EXPECT_TRUE(warnings.empty()) << warnings;
  EXPECT_DOUBLE_EQ(*target->dtNs, 0.2222222222222222);
  // u0 drives the cross-resonance from qubit 0 to qubit 1.
  ASSERT_FALSE(target->controlChannels.empty());
  EXPECT_EQ(target->controlChannels[0].index, 0u);
  EXPECT_EQ(target->controlChannels[0].controlQubit, 0u);
  EXPECT_EQ(target->controlChannels[0].targetQubit, 1u);
  ASSERT_TRUE(target->pulses);
  EXPECT_EQ(target->pulses->commands.size(), 273u);
  // The first cmd_def entry is cx on (0, 1); its first step is a frame
  // change of pi/2 on d0, its second a DRAG pulse of 160 samples.
  const GateSchedule &cx = target->pulses->commands.front();
  EXPECT_EQ(cx.gate, "cx");
  ASSERT_GE(cx.sequence.size(), 2u);
  EXPECT_EQ(cx.sequence[0].name, "fc");
  EXPECT_EQ(cx.sequence[0].channel, "d0");
  EXPECT_DOUBLE_EQ(*cx.sequence[0].phase, 1.5707963267948966);
  EXPECT_EQ(cx.sequence[1].pulseShape, "drag");
  EXPECT_DOUBLE_EQ(cx.sequence[1].parameters.at("duration"), 160);
  EXPECT_DOUBLE_EQ(cx.sequence[1].amp->imag(), -0.18358941405254167);
  EXPECT_EQ(target->pulses->qubitFreqEstGHz.size(), 27u);
}

TEST_F(ShippedTargetQuirks, ModuleTargetReloadsAndDetectsChangedFiles) {
  context.loadDialect<qopt::qgate::QGateDialect>();
  std::unique_ptr<Target> target = load("belem");
  ASSERT_TRUE(target);
  OwningOpRef<ModuleOp> module = ModuleOp::create(UnknownLoc::get(&context));
  auto record = [&](llvm::StringRef hash) {
    (*module)->setAttr(qopt::qgate::kTargetAttrName,
                       qopt::qgate::TargetAttr::get(
                           &context, target->name, target->numQubits,
                           target->calibrationDate, hash, target->source));
  };
  record(target->contentHash);
  {
    ScopedDiagnosticHandler quiet(&context,
                                  [](Diagnostic &) { return success(); });
    FailureOr<std::shared_ptr<const Target>> reloaded =
        loadModuleTarget(*module);
    ASSERT_TRUE(succeeded(reloaded));
    EXPECT_EQ((*reloaded)->contentHash, target->contentHash);
  }
  record("sha256:0000");
  std::string message;
  {
    ScopedDiagnosticHandler capture(&context, [&](Diagnostic &diag) {
      message += diag.str();
      return success();
    });
    EXPECT_TRUE(failed(loadModuleTarget(*module)));
  }
  EXPECT_NE(message.find("changed since the module was compiled"),
            std::string::npos)
      << message;
}

TEST(TargetCache, ReloadsWhenTheFileChanges) {
  MLIRContext context;
  llvm::SmallString<128> path;
  ASSERT_FALSE(llvm::sys::fs::createTemporaryFile("qopt-target", "json", path));
  auto write = [&](double t1) {
    std::error_code ec;
    llvm::raw_fd_ostream os(path, ec);
    ASSERT_FALSE(ec);
    os << R"({"format": "qopt-target-v1", "num_qubits": 2,
              "basis_gates": ["rz", "sx", "cx"], "topology": "line",
              "defaults": {"t1_us": )"
       << t1 << R"(, "t2_us": 50, "gates": {"sx": {"error": 0.001},
              "cx": {"error": 0.01}}}})";
  };
  std::string errors;
  write(100);
  auto first = loadTargetQuietly(path, &context, errors);
  ASSERT_TRUE(succeeded(first)) << errors;
  EXPECT_DOUBLE_EQ(*(*first)->qubits[0].t1Ns, 100e3);
  // Same file: served from the cache, the same immutable target.
  auto again = loadTargetQuietly(path, &context, errors);
  ASSERT_TRUE(succeeded(again));
  EXPECT_EQ(again->get(), first->get());
  EXPECT_DOUBLE_EQ(*(*again)->qubits[0].t1Ns, 100e3);
  // A new calibration (different size) is read again.
  write(1234.5);
  auto changed = loadTargetQuietly(path, &context, errors);
  ASSERT_TRUE(succeeded(changed)) << errors;
  EXPECT_DOUBLE_EQ(*(*changed)->qubits[0].t1Ns, 1234.5e3);
  llvm::sys::fs::remove(path);
}

TEST_F(ShippedTargetQuirks, YorktownHasNoPulseDefaults) {
  std::unique_ptr<Target> target = load("yorktown");
  ASSERT_TRUE(target) << errors;
  EXPECT_FALSE(target->pulses);
}

} // namespace
