//===- FlatCircuit.cpp - a qgate circuit as an instruction list -----------===//

#include "qopt/Simulation/FlatCircuit.h"

#include "qopt/Dialect/QGate/QGate.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/IR/Matchers.h"
#include "llvm/ADT/DenseMap.h"

using namespace mlir;
using namespace qopt;
using namespace qopt::sim;

bool FlatCircuit::isUnitary() const {
  return llvm::all_of(instructions, [](const Instruction &inst) {
    return inst.kind == Instruction::Kind::Gate && inst.condition.isAlways();
  });
}

unsigned FlatCircuit::numGates() const {
  return llvm::count_if(instructions, [](const Instruction &inst) {
    return inst.kind == Instruction::Kind::Gate;
  });
}

namespace {

class Flattener {
public:
  explicit Flattener(FlatCircuit &circuit) : circuit(circuit) {}

  LogicalResult flattenBlock(Block &block, const Condition &condition);

  unsigned newWire(std::optional<int64_t> physical) {
    circuit.physicalIndex.push_back(physical);
    return circuit.numWires++;
  }
  unsigned newBit(std::optional<bool> constant = std::nullopt) {
    circuit.bitConstant.push_back(constant);
    return circuit.numBits++;
  }

  llvm::DenseMap<Value, unsigned> wireOf;
  llvm::DenseMap<Value, unsigned> bitOf;

private:
  FailureOr<unsigned> wire(Operation *op, Value value) {
    auto it = wireOf.find(value);
    if (it == wireOf.end())
      return op->emitError("acts on a qubit whose wire cannot be traced");
    return it->second;
  }
  FailureOr<unsigned> bit(Operation *op, Value value);
  FailureOr<Condition> conditionOf(Operation *op, Value cond);
  LogicalResult flattenIf(scf::IfOp ifOp, const Condition &outer);

  FlatCircuit &circuit;
};

FailureOr<unsigned> Flattener::bit(Operation *op, Value value) {
  auto it = bitOf.find(value);
  if (it != bitOf.end())
    return it->second;
  IntegerAttr constant;
  if (matchPattern(value, m_Constant(&constant))) {
    unsigned b = newBit(constant.getValue().getBoolValue());
    bitOf[value] = b;
    return b;
  }
  return op->emitError("uses a classical bit that is not a measurement "
                       "outcome or a constant");
}

FailureOr<Condition> Flattener::conditionOf(Operation *op, Value cond) {
  Condition result;
  if (auto equals = cond.getDefiningOp<qgate::CregEqualsOp>()) {
    uint64_t value = equals.getValueAttr().getInt();
    for (auto [index, bitValue] : llvm::enumerate(equals.getBits())) {
      FailureOr<unsigned> b = bit(equals, bitValue);
      if (failed(b))
        return failure();
      result.bitEquals.push_back({*b, ((value >> index) & 1) != 0});
    }
    return result;
  }
  FailureOr<unsigned> b = bit(op, cond);
  if (failed(b))
    return failure();
  result.bitEquals.push_back({*b, true});
  return result;
}

/// `inner` restricted to where `outer` holds, as one conjunction.
static FailureOr<Condition> conjoin(Operation *op, const Condition &outer,
                                    const Condition &inner) {
  if (outer.isAlways())
    return inner;
  if (outer.negated || inner.negated)
    return op->emitError("nested conditionals with an else branch cannot be "
                         "simulated");
  Condition both = outer;
  both.bitEquals.insert(both.bitEquals.end(), inner.bitEquals.begin(),
                        inner.bitEquals.end());
  return both;
}

LogicalResult Flattener::flattenIf(scf::IfOp ifOp, const Condition &outer) {
  FailureOr<Condition> cond = conditionOf(ifOp, ifOp.getCondition());
  if (failed(cond))
    return failure();
  FailureOr<Condition> thenCond = conjoin(ifOp, outer, *cond);
  if (failed(thenCond) ||
      failed(flattenBlock(ifOp.getThenRegion().front(), *thenCond)))
    return failure();
  Condition elseInner = *cond;
  elseInner.negated = true;
  bool hasElse = !ifOp.getElseRegion().empty();
  if (hasElse) {
    FailureOr<Condition> elseCond = conjoin(ifOp, outer, elseInner);
    if (failed(elseCond) ||
        failed(flattenBlock(ifOp.getElseRegion().front(), *elseCond)))
      return failure();
  }
  // Each result continues one wire, or merges one classical bit.
  for (auto [index, result] : llvm::enumerate(ifOp.getResults())) {
    Value thenValue = ifOp.thenYield().getOperand(index);
    Value elseValue = hasElse ? ifOp.elseYield().getOperand(index) : Value();
    if (qgate::isQubit(result)) {
      FailureOr<unsigned> thenWire = wire(ifOp, thenValue);
      FailureOr<unsigned> elseWire = wire(ifOp, elseValue);
      if (failed(thenWire) || failed(elseWire))
        return failure();
      if (*thenWire != *elseWire)
        return ifOp.emitError("result #")
               << index << " carries different qubits in its two branches";
      wireOf[result] = *thenWire;
      continue;
    }
    if (!result.getType().isInteger(1))
      return ifOp.emitError("result #") << index
                                        << " is neither a qubit nor "
                                           "a classical bit";
    FailureOr<unsigned> thenBit = bit(ifOp, thenValue);
    FailureOr<unsigned> elseBit = bit(ifOp, elseValue);
    if (failed(thenBit) || failed(elseBit))
      return failure();
    unsigned merged = newBit();
    Instruction copyThen(Instruction::Kind::CopyBit);
    copyThen.bit = merged;
    copyThen.sourceBit = *thenBit;
    copyThen.condition = *thenCond;
    copyThen.origin = ifOp;
    circuit.instructions.push_back(copyThen);
    Instruction copyElse = copyThen;
    copyElse.sourceBit = *elseBit;
    FailureOr<Condition> elseCond = conjoin(ifOp, outer, elseInner);
    if (failed(elseCond))
      return failure();
    copyElse.condition = *elseCond;
    circuit.instructions.push_back(copyElse);
    bitOf[result] = merged;
  }
  return success();
}

LogicalResult Flattener::flattenBlock(Block &block,
                                      const Condition &condition) {
  for (Operation &op : block) {
    if (auto alloc = dyn_cast<qgate::AllocOp>(op)) {
      wireOf[alloc.getResult()] = newWire(std::nullopt);
      continue;
    }
    if (auto physical = dyn_cast<qgate::PhysicalOp>(op)) {
      wireOf[physical.getResult()] = newWire(physical.getIndexAttr().getInt());
      continue;
    }
    if (auto gate = dyn_cast<qgate::GateOpInterface>(op)) {
      std::optional<Eigen::MatrixXcd> matrix = gate.getConstantMatrix();
      if (!matrix)
        return op.emitError("has non-constant angles; bind the circuit's "
                            "parameters before simulating it");
      Instruction inst(Instruction::Kind::Gate);
      inst.matrix = *matrix;
      for (Value input : gate.getQubitInputs()) {
        FailureOr<unsigned> w = wire(&op, input);
        if (failed(w))
          return failure();
        inst.wires.push_back(*w);
      }
      inst.condition = condition;
      inst.origin = &op;
      for (auto [w, output] : llvm::zip(inst.wires, gate.getQubitOutputs()))
        wireOf[output] = w;
      circuit.instructions.push_back(std::move(inst));
      continue;
    }
    if (auto measure = dyn_cast<qgate::MeasureOp>(op)) {
      FailureOr<unsigned> w = wire(&op, measure.getQubit());
      if (failed(w))
        return failure();
      Instruction inst(Instruction::Kind::Measure);
      inst.wires = {*w};
      inst.bit = newBit();
      inst.condition = condition;
      inst.origin = &op;
      wireOf[measure.getQubitOut()] = *w;
      bitOf[measure.getBit()] = inst.bit;
      circuit.instructions.push_back(std::move(inst));
      continue;
    }
    if (auto reset = dyn_cast<qgate::ResetOp>(op)) {
      FailureOr<unsigned> w = wire(&op, reset.getQubit());
      if (failed(w))
        return failure();
      Instruction inst(Instruction::Kind::Reset);
      inst.wires = {*w};
      inst.condition = condition;
      inst.origin = &op;
      wireOf[reset.getQubitOut()] = *w;
      circuit.instructions.push_back(std::move(inst));
      continue;
    }
    if (auto barrier = dyn_cast<qgate::BarrierOp>(op)) {
      for (auto [in, out] :
           llvm::zip(barrier.getQubits(), barrier.getResults())) {
        FailureOr<unsigned> w = wire(&op, in);
        if (failed(w))
          return failure();
        wireOf[out] = *w;
      }
      continue;
    }
    if (auto ifOp = dyn_cast<scf::IfOp>(op)) {
      if (failed(flattenIf(ifOp, condition)))
        return failure();
      continue;
    }
    // Conditions are read where an scf.if uses them; constants where a gate
    // or condition uses them.
    if (isa<qgate::CregEqualsOp>(op) || op.hasTrait<OpTrait::ConstantLike>() ||
        op.hasTrait<OpTrait::IsTerminator>())
      continue;
    if (isa<arith::ArithDialect>(op.getDialect()) &&
        llvm::all_of(op.getResultTypes(),
                     [](Type type) { return type.isF64(); }))
      continue; // angle arithmetic, seen through getConstantMatrix
    return op.emitError("cannot be simulated");
  }
  return success();
}

FailureOr<FlatCircuit> flattenImpl(Block &block) {
  FlatCircuit circuit;
  Flattener flattener(circuit);
  for (BlockArgument arg : block.getArguments()) {
    if (qgate::isQubit(arg))
      flattener.wireOf[arg] = flattener.newWire(std::nullopt);
    else if (!arg.getType().isF64())
      return emitError(arg.getLoc(), "circuit argument #")
             << arg.getArgNumber() << " of type " << arg.getType()
             << " cannot be simulated";
  }
  if (failed(flattener.flattenBlock(block, Condition())))
    return failure();
  if (block.mightHaveTerminator()) {
    Operation *terminator = block.getTerminator();
    for (Value operand : terminator->getOperands()) {
      if (qgate::isQubit(operand)) {
        circuit.outputWires.push_back(flattener.wireOf.lookup(operand));
        continue;
      }
      auto it = flattener.bitOf.find(operand);
      if (it != flattener.bitOf.end()) {
        circuit.outputBits.push_back(it->second);
        continue;
      }
      IntegerAttr constant;
      if (matchPattern(operand, m_Constant(&constant)) &&
          constant.getType().isInteger(1)) {
        circuit.outputBits.push_back(
            flattener.newBit(constant.getValue().getBoolValue()));
        continue;
      }
      return terminator->emitError("returns a value that is neither a qubit "
                                   "nor a classical bit of the circuit");
    }
  }
  return circuit;
}

} // namespace

FailureOr<FlatCircuit> sim::flattenCircuit(Block &block) {
  return flattenImpl(block);
}

FailureOr<FlatCircuit> sim::flattenCircuit(func::FuncOp func) {
  if (func.isExternal())
    return func.emitError("has no body to simulate");
  if (!func.getBody().hasOneBlock())
    return func.emitError("has more than one block; only straight-line "
                          "circuits with scf.if can be simulated");
  for (BlockArgument arg : func.getArguments())
    if (arg.getType().isF64())
      return func.emitError("has the free parameter #")
             << arg.getArgNumber() << "; bind it before simulating";
  return flattenImpl(func.getBody().front());
}
