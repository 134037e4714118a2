//===- GateEmission.cpp - building synthesized gates ----------------------===//

#include "GateEmission.h"

#include "qopt/Dialect/QGate/QGate.h"

#include "mlir/Dialect/Arith/IR/Arith.h"

using namespace mlir;

Value qopt::buildOneQubitGate(OpBuilder &builder, Location loc, StringRef name,
                              Value qubit, ArrayRef<double> angles) {
  SmallVector<Value> params;
  for (double angle : angles)
    params.push_back(
        builder.create<arith::ConstantOp>(loc, builder.getF64FloatAttr(angle)));
  return qgate::buildGate(
             builder, loc,
             OperationName(("qgate." + name).str(), builder.getContext()),
             qubit, params)
      ->getResult(0);
}

Value qopt::buildZSXSequence(OpBuilder &builder, Location loc, Value qubit,
                             ArrayRef<synthesis::ZSXStep> steps) {
  for (const synthesis::ZSXStep &step : steps) {
    switch (step.kind) {
    case synthesis::ZSXStep::Kind::RZ:
      qubit = buildOneQubitGate(builder, loc, "rz", qubit, {step.angle});
      break;
    case synthesis::ZSXStep::Kind::SX:
      qubit = buildOneQubitGate(builder, loc, "sx", qubit);
      break;
    case synthesis::ZSXStep::Kind::X:
      qubit = buildOneQubitGate(builder, loc, "x", qubit);
      break;
    }
  }
  return qubit;
}
