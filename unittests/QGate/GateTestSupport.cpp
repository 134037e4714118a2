//===- GateTestSupport.cpp - building qgate circuits in unit tests --------===//

#include "GateTestSupport.h"

#include "qopt/InitQOpt.h"

#include "mlir/IR/DialectRegistry.h"

using namespace mlir;
using namespace qopt;

std::unique_ptr<MLIRContext> test::makeContext() {
  DialectRegistry registry;
  registerAllDialects(registry);
  auto context = std::make_unique<MLIRContext>(registry);
  context->loadAllAvailableDialects();
  return context;
}

std::vector<test::GateKind> test::allGateKinds(MLIRContext &context) {
  std::vector<GateKind> kinds;
  for (RegisteredOperationName name : context.getRegisteredOperations()) {
    if (name.getDialectNamespace() != "qgate" ||
        !name.hasInterface<qgate::GateOpInterface>())
      continue;
    unsigned numQubits = 0;
    for (unsigned n = 1; n <= 3 && !numQubits; ++n) {
      if ((n == 1 && name.hasTrait<qgate::OpTrait::NumQubits<1>::Impl>()) ||
          (n == 2 && name.hasTrait<qgate::OpTrait::NumQubits<2>::Impl>()) ||
          (n == 3 && name.hasTrait<qgate::OpTrait::NumQubits<3>::Impl>()))
        numQubits = n;
    }
    unsigned numParams = 0;
    if (name.hasTrait<qgate::OpTrait::NumParams<1>::Impl>())
      numParams = 1;
    else if (name.hasTrait<qgate::OpTrait::NumParams<3>::Impl>())
      numParams = 3;
    else if (name.hasTrait<qgate::OpTrait::NumParams<4>::Impl>())
      numParams = 4;
    kinds.push_back(
        {name.getStringRef().drop_front(6).str(), numQubits, numParams});
  }
  return kinds;
}

test::CircuitBuilder::CircuitBuilder(MLIRContext &context, unsigned numQubits)
    : builder(&context) {
  Location loc = builder.getUnknownLoc();
  module = ModuleOp::create(loc);
  builder.setInsertionPointToEnd(module->getBody());
  Type qubit = qgate::QubitType::get(&context);
  SmallVector<Type> types(numQubits, qubit);
  func = builder.create<func::FuncOp>(loc, "circuit",
                                      builder.getFunctionType(types, types));
  Block *body = func.addEntryBlock();
  builder.setInsertionPointToEnd(body);
  for (BlockArgument arg : body->getArguments())
    wires.push_back(arg);
}

Operation *test::CircuitBuilder::addGate(StringRef name,
                                         ArrayRef<unsigned> gateWires,
                                         ArrayRef<double> params) {
  Location loc = builder.getUnknownLoc();
  SmallVector<Value> qubits, angles;
  for (unsigned wire : gateWires)
    qubits.push_back(wires[wire]);
  for (double param : params)
    angles.push_back(
        builder.create<arith::ConstantOp>(loc, builder.getF64FloatAttr(param)));
  Operation *op = qgate::buildGate(
      builder, loc,
      OperationName(("qgate." + name).str(), builder.getContext()), qubits,
      angles);
  for (auto [i, wire] : llvm::enumerate(gateWires))
    wires[wire] = op->getResult(i);
  return op;
}

func::FuncOp test::CircuitBuilder::finish() {
  builder.create<func::ReturnOp>(builder.getUnknownLoc(), wires);
  return func;
}
