//===- QubitInterfaceTest.cpp - following wires through qubit ops ---------===//

#include "GateTestSupport.h"

#include "mlir/Parser/Parser.h"

#include "gtest/gtest.h"

using namespace mlir;
using namespace qopt;

namespace {

const char *kCircuit = R"mlir(
func.func @f(%a: !qgate.qubit, %b: !qgate.qubit, %t: f64)
    -> (!qgate.qubit, !qgate.qubit, i1) {
  %a1, %b1 = qgate.crx(%t) %a, %b
  %x:2 = qgate.barrier %b1, %a1
  %b2, %bit = qgate.measure %x#0
  %a2 = qgate.reset %x#1
  return %a2, %b2, %bit : !qgate.qubit, !qgate.qubit, i1
}
)mlir";

TEST(QubitOpInterface, FollowsEveryWireForwardAndBack) {
  std::unique_ptr<MLIRContext> context = test::makeContext();
  OwningOpRef<ModuleOp> module =
      parseSourceString<ModuleOp>(kCircuit, context.get());
  ASSERT_TRUE(module);
  auto func = cast<func::FuncOp>(module->getBody()->front());
  Value a = func.getArgument(0), b = func.getArgument(1);

  // Follow each argument's wire to the end, collecting the ops it crosses.
  auto follow = [](Value wire) {
    SmallVector<StringRef> path;
    while (wire.hasOneUse()) {
      auto op = dyn_cast<qgate::QubitOpInterface>(*wire.getUsers().begin());
      if (!op)
        break;
      path.push_back(op->getName().getStringRef());
      Value next = op.getOutputForInput(wire);
      EXPECT_EQ(op.getInputForOutput(next), wire);
      wire = next;
    }
    return std::make_pair(path, wire);
  };
  auto [pathA, endA] = follow(a);
  auto [pathB, endB] = follow(b);
  EXPECT_EQ(pathA, (SmallVector<StringRef>{"qgate.crx", "qgate.barrier",
                                           "qgate.reset"}));
  EXPECT_EQ(pathB, (SmallVector<StringRef>{"qgate.crx", "qgate.barrier",
                                           "qgate.measure"}));
  auto ret = cast<func::ReturnOp>(func.getBody().front().getTerminator());
  EXPECT_EQ(endA, ret.getOperand(0));
  EXPECT_EQ(endB, ret.getOperand(1));

  // The angle and the measured bit are not wires.
  auto crx = cast<qgate::GateOpInterface>(*a.getUsers().begin());
  EXPECT_EQ(crx.getQubitInputs().size(), 2u);
  EXPECT_EQ(crx.getNumParams(), 1u);
  EXPECT_FALSE(crx.getOutputForInput(func.getArgument(2)));
  auto measure =
      cast<qgate::QubitOpInterface>(ret.getOperand(2).getDefiningOp());
  EXPECT_FALSE(measure.getInputForOutput(ret.getOperand(2)));
}

} // namespace
