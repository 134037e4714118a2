//===- QasmExporter.cpp - the qgate dialect to OpenQASM 2.0 and 3.0 -------===//
//
// One traversal of the circuit function follows every wire and classical bit
// and builds a flat program: registers and statements on register bits. It
// rejects whatever OpenQASM cannot express, before anything is printed. A
// printer per OpenQASM version then spells the program. See
// qopt/Translation/OpenQasm.h for the IR conventions.
//
//===----------------------------------------------------------------------===//

#include "qopt/Dialect/QGate/QGate.h"
#include "qopt/Translation/OpenQasm.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/IR/Matchers.h"
#include "mlir/Interfaces/SideEffectInterfaces.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/SetVector.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/ADT/StringSwitch.h"
#include "llvm/Support/raw_ostream.h"

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <optional>
#include <string>
#include <vector>

using namespace mlir;
using namespace qopt;

namespace {

//===----------------------------------------------------------------------===//
// The flat program
//===----------------------------------------------------------------------===//

struct Register {
  std::string name;
  unsigned size;
};

/// A classical bit: (register index, bit index).
using BitRef = std::pair<unsigned, unsigned>;

/// A register condition: (register index, value).
using Condition = std::pair<unsigned, int64_t>;

struct Statement {
  enum class Kind { Gate, Measure, Reset, Barrier };
  Kind kind;
  /// The qgate mnemonic of a gate.
  StringRef gate;
  SmallVector<double> params;
  SmallVector<unsigned> wires;
  /// Where a measurement writes.
  BitRef target;
  std::optional<Condition> condition;
};

struct Program {
  /// Wires are device qubits, named by their index.
  bool physical = false;
  SmallVector<Register> qregs;
  SmallVector<Register> cregs;
  /// Per wire, the qreg bit it lives in; (0, device index) when physical.
  SmallVector<std::pair<unsigned, unsigned>> wires;
  std::vector<Statement> statements;
};

/// The gates both printers can spell.
bool isExportableGate(StringRef name) {
  return llvm::StringSwitch<bool>(name)
      .Cases("id", "x", "y", "z", "h", "s", "sdg", "t", "tdg", true)
      .Cases("sx", "sxdg", "rx", "ry", "rz", "p", "u", true)
      .Cases("cx", "cy", "cz", "ch", "swap", "iswap", "ecr", true)
      .Cases("rxx", "ryy", "rzz", "crx", "cry", "crz", "cp", "cu", true)
      .Cases("ccx", "cswap", true)
      .Default(false);
}

/// An identifier both OpenQASM versions accept and that names nothing else.
bool isValidRegisterName(StringRef name) {
  if (name.empty() || !llvm::isLower(name.front()))
    return false;
  if (!llvm::all_of(name, [](char c) { return llvm::isAlnum(c) || c == '_'; }))
    return false;
  return !llvm::is_contained({"barrier", "bit", "creg", "gate", "if", "include",
                              "measure", "opaque", "pi", "qreg", "qubit",
                              "reset", "cos", "exp", "ln", "sin", "sqrt",
                              "tan"},
                             name);
}

//===----------------------------------------------------------------------===//
// Traversal
//===----------------------------------------------------------------------===//

/// Register index of scratch bits until the scratch register is placed.
constexpr unsigned kScratchReg = ~0u;

class Exporter {
public:
  Exporter(ModuleOp module, int version)
      : module(module), version(version),
        formatName(version == 2 ? "OpenQASM 2" : "OpenQASM 3") {}

  FailureOr<Program> run();

private:
  FailureOr<SmallVector<Register>> parseLayout(func::FuncOp func,
                                               StringRef attrName);
  LogicalResult collectCregs(func::FuncOp func);
  void numberScratchBits(func::FuncOp func);
  LogicalResult collectWires(func::FuncOp func);
  LogicalResult checkNames(func::FuncOp func);
  LogicalResult exportOp(Operation *op, std::optional<Condition> condition);
  LogicalResult exportIf(scf::IfOp ifOp);
  FailureOr<unsigned> lookupWire(Operation *user, Value qubit);
  std::optional<unsigned> findCreg(StringRef name) const;
  InFlightDiagnostic unsupported(Operation *op) {
    return op->emitOpError("cannot be exported to ") << formatName;
  }

  ModuleOp module;
  int version;
  StringRef formatName;
  Program program;
  bool qregsFromLayout = false;
  unsigned numScratch = 0;
  /// The scratch-register bit of each measurement without a register.
  DenseMap<Operation *, unsigned> scratchBit;
  DenseMap<Value, unsigned> wireOf;
  /// The value of each measured register bit: its latest measurement, or
  /// null when a branch may or may not have changed it. Bits never measured
  /// are absent and read as `false`.
  DenseMap<BitRef, Value> current;
};

FailureOr<SmallVector<Register>> Exporter::parseLayout(func::FuncOp func,
                                                       StringRef attrName) {
  auto fail = [&] {
    return func.emitError("expects '")
           << attrName << "' to be an array of [name, size] pairs";
  };
  auto array = dyn_cast<ArrayAttr>(func->getAttr(attrName));
  if (!array)
    return fail();
  SmallVector<Register> layout;
  for (Attribute entry : array) {
    auto pair = dyn_cast<ArrayAttr>(entry);
    if (!pair || pair.size() != 2)
      return fail();
    auto name = dyn_cast<StringAttr>(pair[0]);
    auto size = dyn_cast<IntegerAttr>(pair[1]);
    if (!name || !size || size.getValue().isNegative() ||
        size.getValue().getActiveBits() > 31 || size.getInt() == 0)
      return fail();
    layout.push_back({name.str(), unsigned(size.getInt())});
  }
  return layout;
}

LogicalResult Exporter::collectCregs(func::FuncOp func) {
  if (func->hasAttr(kCregsAttrName)) {
    auto layout = parseLayout(func, kCregsAttrName);
    if (failed(layout))
      return failure();
    program.cregs = std::move(*layout);
    return success();
  }
  // Without a layout, each named register is as wide as its largest use.
  auto use = [&](StringRef name, uint64_t size) {
    std::optional<unsigned> reg = findCreg(name);
    if (!reg) {
      program.cregs.push_back({name.str(), 0});
      reg = program.cregs.size() - 1;
    }
    unsigned &width = program.cregs[*reg].size;
    width = std::max<uint64_t>(width, size);
  };
  WalkResult walk = func.walk([&](Operation *op) {
    if (auto measure = dyn_cast<qgate::MeasureOp>(op)) {
      if (!measure.getCreg())
        return WalkResult::advance();
      uint64_t index = *measure.getCregIndex();
      if (index >= (1u << 31)) {
        measure.emitOpError("register bit index is too large to export");
        return WalkResult::interrupt();
      }
      use(*measure.getCreg(), index + 1);
    } else if (auto equals = dyn_cast<qgate::CregEqualsOp>(op)) {
      use(equals.getCreg(), equals.getBits().size());
    }
    return WalkResult::advance();
  });
  return failure(walk.wasInterrupted());
}

LogicalResult Exporter::collectWires(func::FuncOp func) {
  // Virtual wires: qubit arguments, then allocations in program order.
  SmallVector<Value> virtualWires;
  for (BlockArgument arg : func.getArguments()) {
    if (!qgate::isQubit(arg))
      return func.emitError("circuit parameter #")
             << arg.getArgNumber() << " must be bound before export";
    virtualWires.push_back(arg);
  }
  SmallVector<qgate::PhysicalOp> physicals;
  for (Operation &op : func.getBody().front()) {
    if (auto alloc = dyn_cast<qgate::AllocOp>(op))
      virtualWires.push_back(alloc);
    else if (auto physical = dyn_cast<qgate::PhysicalOp>(op))
      physicals.push_back(physical);
  }

  if (!physicals.empty()) {
    if (!virtualWires.empty())
      return physicals.front().emitError(
          "a circuit mixing physical and virtual qubits cannot be exported");
    program.physical = true;
    uint64_t numQubits = 0;
    for (qgate::PhysicalOp physical : physicals) {
      uint64_t index = physical.getIndex();
      if (index >= (1u << 20))
        return physical.emitOpError("device qubit index is too large to "
                                    "export");
      numQubits = std::max(numQubits, index + 1);
      wireOf[physical] = program.wires.size();
      program.wires.push_back({0, unsigned(index)});
    }
    program.qregs.push_back({"q", unsigned(numQubits)});
    return success();
  }

  for (auto [index, wire] : llvm::enumerate(virtualWires))
    wireOf[wire] = index;
  // Keep the imported register layout when it still fits the circuit.
  if (func->hasAttr(kQregsAttrName)) {
    auto layout = parseLayout(func, kQregsAttrName);
    if (failed(layout))
      return failure();
    uint64_t total = 0;
    for (const Register &reg : *layout)
      total += reg.size;
    if (total == virtualWires.size()) {
      for (auto [index, reg] : llvm::enumerate(*layout))
        for (unsigned bit = 0; bit < reg.size; ++bit)
          program.wires.push_back({index, bit});
      program.qregs = std::move(*layout);
      qregsFromLayout = true;
      return success();
    }
  }
  if (!virtualWires.empty())
    program.qregs.push_back({"q", unsigned(virtualWires.size())});
  for (unsigned wire = 0; wire < virtualWires.size(); ++wire)
    program.wires.push_back({0, wire});
  return success();
}

/// Checks the names from the layout attributes and the measurements, and
/// renames the default quantum register if a classical one took its name.
LogicalResult Exporter::checkNames(func::FuncOp func) {
  llvm::StringSet<> names;
  auto check = [&](const Register &reg) -> LogicalResult {
    if (!isValidRegisterName(reg.name))
      return func.emitError("register name '")
             << reg.name << "' is not a valid OpenQASM identifier";
    if (!names.insert(reg.name).second)
      return func.emitError("register name '") << reg.name << "' is used twice";
    return success();
  };
  for (const Register &reg : program.cregs)
    if (failed(check(reg)))
      return failure();
  for (Register &reg : program.qregs) {
    if (!qregsFromLayout)
      for (unsigned suffix = 0; names.contains(reg.name); ++suffix)
        reg.name = "q" + std::to_string(suffix);
    if (failed(check(reg)))
      return failure();
  }
  return success();
}

std::optional<unsigned> Exporter::findCreg(StringRef name) const {
  for (auto [index, reg] : llvm::enumerate(program.cregs))
    if (reg.name == name)
      return index;
  return std::nullopt;
}

FailureOr<unsigned> Exporter::lookupWire(Operation *user, Value qubit) {
  auto it = wireOf.find(qubit);
  if (it == wireOf.end())
    return user->emitOpError("uses a qubit that does not come from an "
                             "allocation, argument or exported operation");
  return it->second;
}

LogicalResult Exporter::exportOp(Operation *op,
                                 std::optional<Condition> condition) {
  auto addStatement = [&](Statement::Kind kind, ValueRange inputs,
                          ValueRange outputs) -> FailureOr<Statement *> {
    Statement statement;
    statement.kind = kind;
    statement.condition = condition;
    for (auto [input, output] : llvm::zip_equal(inputs, outputs)) {
      FailureOr<unsigned> wire = lookupWire(op, input);
      if (failed(wire))
        return failure();
      statement.wires.push_back(*wire);
      wireOf[output] = *wire;
    }
    program.statements.push_back(std::move(statement));
    return &program.statements.back();
  };

  if (auto gate = dyn_cast<qgate::GateOpInterface>(op)) {
    StringRef name = op->getName().stripDialect();
    if (!isExportableGate(name))
      return unsupported(op);
    std::optional<SmallVector<double>> params = gate.getConstantParams();
    if (!params)
      return op->emitError("angle operands must be constants to export; bind "
                           "the circuit's parameters first");
    if (!llvm::all_of(*params, [](double x) { return std::isfinite(x); }))
      return op->emitError("angles must be finite to export");
    FailureOr<Statement *> statement = addStatement(
        Statement::Kind::Gate, gate.getQubitInputs(), gate.getQubitOutputs());
    if (failed(statement))
      return failure();
    (*statement)->gate = name;
    (*statement)->params = std::move(*params);
    return success();
  }

  if (auto measure = dyn_cast<qgate::MeasureOp>(op)) {
    BitRef target;
    if (std::optional<StringRef> creg = measure.getCreg()) {
      uint64_t index = *measure.getCregIndex();
      std::optional<unsigned> reg = findCreg(*creg);
      if (!reg || index >= program.cregs[*reg].size)
        return measure.emitOpError("target ")
               << *creg << "[" << index
               << "] is not a bit of a declared classical register";
      target = {*reg, unsigned(index)};
      current[target] = measure.getBit();
    } else {
      target = {kScratchReg, scratchBit.lookup(measure)};
    }
    FailureOr<Statement *> statement = addStatement(
        Statement::Kind::Measure, measure.getQubit(), measure.getQubitOut());
    if (failed(statement))
      return failure();
    (*statement)->target = target;
    return success();
  }

  if (auto reset = dyn_cast<qgate::ResetOp>(op))
    return addStatement(Statement::Kind::Reset, reset.getQubit(),
                        reset.getQubitOut());

  if (auto barrier = dyn_cast<qgate::BarrierOp>(op)) {
    if (condition)
      return op->emitOpError("cannot be conditional in ") << formatName;
    return addStatement(Statement::Kind::Barrier, barrier.getQubits(),
                        barrier.getQubitsOut());
  }

  if (!condition) {
    // Allocations were numbered up front.
    if (isa<qgate::AllocOp, qgate::PhysicalOp>(op))
      return success();
    if (auto ifOp = dyn_cast<scf::IfOp>(op))
      return exportIf(ifOp);
  }

  // Classical side computations (constants, creg_equals) matter only where a
  // gate angle or a condition reads them, and those are checked there.
  auto isQubitValue = [](Value value) { return qgate::isQubit(value); };
  if (op->getNumRegions() == 0 && !op->hasTrait<OpTrait::IsTerminator>() &&
      isMemoryEffectFree(op) &&
      llvm::none_of(op->getOperands(), isQubitValue) &&
      llvm::none_of(op->getResults(), isQubitValue))
    return success();
  return unsupported(op);
}

LogicalResult Exporter::exportIf(scf::IfOp ifOp) {
  auto equals = ifOp.getCondition().getDefiningOp<qgate::CregEqualsOp>();
  if (!equals)
    return ifOp.emitError("only a qgate.creg_equals condition can be "
                          "exported to ")
           << formatName;

  // OpenQASM compares the register as it is now, so the bits must be its
  // current values.
  auto isCurrent = [](const DenseMap<BitRef, Value> &values, BitRef bit,
                      Value value) {
    auto it = values.find(bit);
    if (it != values.end())
      return it->second && it->second == value;
    return matchPattern(value, m_Zero());
  };
  std::optional<unsigned> reg = findCreg(equals.getCreg());
  bool readsRegister =
      reg && program.cregs[*reg].size == equals.getBits().size();
  for (auto [index, bit] : llvm::enumerate(equals.getBits()))
    if (readsRegister && !isCurrent(current, {*reg, index}, bit))
      readsRegister = false;
  if (!readsRegister)
    return equals.emitError("condition does not read the current value of "
                            "register ")
           << equals.getCreg();

  if (Block *elseBlock = ifOp.elseBlock())
    if (!llvm::hasSingleElement(*elseBlock))
      return ifOp.emitError(version == 2
                                ? "OpenQASM 2 cannot express an else branch"
                                : "an else branch cannot be exported to "
                                  "OpenQASM 3");

  // Each operation of the branch becomes its own conditional statement,
  // which re-reads the register; a measurement into it must come last.
  Condition condition{*reg, equals.getValueAttr().getInt()};
  DenseMap<BitRef, Value> before = current;
  llvm::SmallSetVector<BitRef, 4> measured;
  Operation *conditionChangedBy = nullptr;
  for (Operation &op : ifOp.thenBlock()->without_terminator()) {
    size_t numStatements = program.statements.size();
    if (failed(exportOp(&op, condition)))
      return failure();
    if (program.statements.size() == numStatements)
      continue;
    if (conditionChangedBy) {
      InFlightDiagnostic diag = op.emitOpError(
          "cannot be exported after a measurement into the condition's "
          "register in the same branch");
      diag.attachNote(conditionChangedBy->getLoc()) << "measured here";
      return diag;
    }
    const Statement &statement = program.statements.back();
    if (statement.kind == Statement::Kind::Measure &&
        statement.target.first != kScratchReg) {
      measured.insert(statement.target);
      if (statement.target.first == *reg)
        conditionChangedBy = &op;
    }
  }

  // A qubit result continues the wire both branches yield; a bit result is
  // the new value of a bit measured in the branch.
  auto thenYield = ifOp.thenYield();
  for (OpResult result : ifOp.getResults()) {
    if (!qgate::isQubit(result))
      continue;
    unsigned number = result.getResultNumber();
    FailureOr<unsigned> thenWire =
        lookupWire(thenYield, thenYield.getOperand(number));
    if (failed(thenWire))
      return failure();
    FailureOr<unsigned> elseWire =
        lookupWire(ifOp.elseYield(), ifOp.elseYield().getOperand(number));
    if (failed(elseWire))
      return failure();
    if (*thenWire != *elseWire)
      return ifOp.emitError("result #")
             << number << " continues different qubits in the two branches";
    wireOf[result] = *thenWire;
  }
  for (BitRef bit : measured) {
    Value measuredValue = current[bit];
    Value after;
    for (OpResult result : ifOp.getResults())
      if (thenYield.getOperand(result.getResultNumber()) == measuredValue &&
          isCurrent(before, bit,
                    ifOp.elseYield().getOperand(result.getResultNumber())))
        after = result;
    current[bit] = after;
  }
  return success();
}

/// Measurements without a register write a scratch register, which reads
/// back as the circuit's returned bits: those the function returns come
/// first, in the order it returns them (routing may have reordered the
/// measurements), then the others in program order.
void Exporter::numberScratchBits(func::FuncOp func) {
  DenseMap<Value, unsigned> returnPosition;
  for (Block &block : func.getBody())
    if (auto ret = dyn_cast<func::ReturnOp>(block.getTerminator()))
      for (auto [position, value] : llvm::enumerate(ret.getOperands()))
        returnPosition.try_emplace(value, position);
  SmallVector<std::pair<unsigned, Operation *>> returned;
  SmallVector<Operation *> others;
  func.walk([&](qgate::MeasureOp measure) {
    if (measure.getCreg())
      return;
    auto position = returnPosition.find(measure.getBit());
    if (position != returnPosition.end())
      returned.push_back({position->second, measure});
    else
      others.push_back(measure);
  });
  llvm::stable_sort(returned, llvm::less_first());
  for (auto [position, measure] : returned)
    scratchBit[measure] = numScratch++;
  for (Operation *measure : others)
    scratchBit[measure] = numScratch++;
}

FailureOr<Program> Exporter::run() {
  SmallVector<func::FuncOp> circuits;
  for (auto func : module.getOps<func::FuncOp>())
    if (!func.isExternal())
      circuits.push_back(func);
  if (circuits.size() != 1)
    return module.emitError("export needs exactly one circuit function, found ")
           << circuits.size();
  func::FuncOp func = circuits.front();

  if (failed(collectCregs(func)) || failed(collectWires(func)) ||
      failed(checkNames(func)))
    return failure();
  numberScratchBits(func);
  for (Operation &op : func.getBody().front()) {
    // Results are the registers' final values, which need no statement.
    if (isa<func::ReturnOp>(op))
      break;
    if (failed(exportOp(&op, std::nullopt)))
      return failure();
  }

  // Unnamed measurements write a scratch register declared last.
  if (numScratch) {
    Register scratch{"meas", numScratch};
    for (unsigned suffix = 0; findCreg(scratch.name) ||
                              llvm::any_of(program.qregs,
                                           [&](const Register &reg) {
                                             return reg.name == scratch.name;
                                           });
         ++suffix)
      scratch.name = "meas" + std::to_string(suffix);
    program.cregs.push_back(scratch);
    for (Statement &statement : program.statements)
      if (statement.kind == Statement::Kind::Measure &&
          statement.target.first == kScratchReg)
        statement.target.first = program.cregs.size() - 1;
  }
  return std::move(program);
}

//===----------------------------------------------------------------------===//
// Printing
//===----------------------------------------------------------------------===//

/// Prints `value` so that OpenQASM reads back the same double: multiples of
/// pi as `3*pi/4`, which parses as (3*pi)/4, the way they are recognised
/// here; everything else with 17 significant digits.
void printAngle(llvm::raw_ostream &os, double value) {
  if (value == 0) {
    os << "0";
    return;
  }
  for (int q : {1, 2, 3, 4, 6, 8, 16, 32, 64, 128}) {
    for (int p = 1 - 4 * q; p < 4 * q; ++p) {
      if (p == 0 || double(p) * M_PI / q != value)
        continue;
      if (p < 0)
        os << '-';
      if (std::abs(p) != 1)
        os << std::abs(p) << '*';
      os << "pi";
      if (q != 1)
        os << '/' << q;
      return;
    }
  }
  char buffer[32];
  std::snprintf(buffer, sizeof(buffer), "%.17g", value);
  std::string text = buffer;
  // OpenQASM 2 reals need a decimal point before the exponent.
  size_t exponent = text.find('e');
  if (exponent != std::string::npos && text.find('.') == std::string::npos)
    text.insert(exponent, ".0");
  os << text;
}

/// How a format writes one qgate gate.
struct Spelling {
  StringRef name;
  /// How many of the gate's angles the spelled gate takes.
  unsigned numParams;
  /// A definition to print before the program, for gates the format's
  /// standard library lacks.
  StringRef definition;
};

/// The parts of the output that differ between OpenQASM versions.
class Printer {
public:
  Printer(const Program &program, llvm::raw_ostream &os)
      : program(program), os(os) {}
  virtual ~Printer() = default;

  void print() {
    printHeader();
    // Definitions of the gates used, in order of first use.
    llvm::SetVector<StringRef> definitions;
    for (const Statement &statement : program.statements)
      if (statement.kind == Statement::Kind::Gate) {
        StringRef definition =
            spell(statement.gate, statement.params).definition;
        if (!definition.empty())
          definitions.insert(definition);
      }
    for (StringRef definition : definitions)
      os << definition << "\n";
    printDeclarations();
    for (const Statement &statement : program.statements)
      printStatement(statement);
  }

protected:
  virtual void printHeader() = 0;
  virtual void printDeclarations() = 0;
  virtual Spelling spell(StringRef gate, ArrayRef<double> params) = 0;
  virtual void printQubit(unsigned wire) = 0;
  virtual void printMeasure(const Statement &statement) = 0;
  virtual void printConditionStart(Condition condition) = 0;
  virtual void printConditionEnd() = 0;
  /// Between qubits and between angles.
  virtual StringRef separator() = 0;

  void printBit(BitRef bit) {
    os << program.cregs[bit.first].name << "[" << bit.second << "]";
  }
  void printQubits(ArrayRef<unsigned> wires) {
    llvm::interleave(
        wires, os, [&](unsigned wire) { printQubit(wire); }, separator());
  }

  void printStatement(const Statement &statement) {
    if (statement.condition)
      printConditionStart(*statement.condition);
    switch (statement.kind) {
    case Statement::Kind::Gate: {
      Spelling spelling = spell(statement.gate, statement.params);
      os << spelling.name;
      if (spelling.numParams) {
        os << "(";
        llvm::interleave(
            ArrayRef<double>(statement.params).take_front(spelling.numParams),
            os, [&](double angle) { printAngle(os, angle); }, separator());
        os << ")";
      }
      os << " ";
      printQubits(statement.wires);
      break;
    }
    case Statement::Kind::Measure:
      printMeasure(statement);
      break;
    case Statement::Kind::Reset:
      os << "reset ";
      printQubits(statement.wires);
      break;
    case Statement::Kind::Barrier:
      os << "barrier ";
      printQubits(statement.wires);
      break;
    }
    os << ";";
    if (statement.condition)
      printConditionEnd();
    os << "\n";
  }

  const Program &program;
  llvm::raw_ostream &os;
};

// Definitions of gates missing from a standard library, written with its
// gates. They match GateMatrices.cpp up to global phase; ecr is Qiskit's
// rzx(pi/4) a,b; x a; rzx(-pi/4) a,b.
constexpr StringLiteral kIswap2 =
    "gate iswap a,b { s a; s b; h a; cx a,b; cx b,a; h b; }";
constexpr StringLiteral kEcr2 =
    "gate ecr a,b { h b; cx a,b; rz(pi/4) b; cx a,b; h b; x a; h b; cx a,b; "
    "rz(-pi/4) b; cx a,b; h b; }";
constexpr StringLiteral kRyy2 =
    "gate ryy(theta) a,b { rx(pi/2) a; rx(pi/2) b; cx a,b; rz(theta) b; "
    "cx a,b; rx(-pi/2) a; rx(-pi/2) b; }";
constexpr StringLiteral kIswap3 =
    "gate iswap a, b { s a; s b; h a; cx a, b; cx b, a; h b; }";
constexpr StringLiteral kEcr3 =
    "gate ecr a, b { h b; cx a, b; rz(pi/4) b; cx a, b; h b; x a; h b; "
    "cx a, b; rz(-pi/4) b; cx a, b; h b; }";
constexpr StringLiteral kRyy3 =
    "gate ryy(theta) a, b { rx(pi/2) a; rx(pi/2) b; cx a, b; rz(theta) b; "
    "cx a, b; rx(-pi/2) a; rx(-pi/2) b; }";
constexpr StringLiteral kRxx3 =
    "gate rxx(theta) a, b { h a; h b; cx a, b; rz(theta) b; cx a, b; h a; "
    "h b; }";
constexpr StringLiteral kRzz3 =
    "gate rzz(theta) a, b { cx a, b; rz(theta) b; cx a, b; }";
constexpr StringLiteral kSxdg3 = "gate sxdg a { s a; h a; s a; }";

/// OpenQASM 2.0 with Qiskit's qelib1.inc.
class Qasm2Printer : public Printer {
public:
  using Printer::Printer;

protected:
  void printHeader() override {
    os << "OPENQASM 2.0;\ninclude \"qelib1.inc\";\n";
  }
  void printDeclarations() override {
    for (const Register &reg : program.qregs)
      os << "qreg " << reg.name << "[" << reg.size << "];\n";
    for (const Register &reg : program.cregs)
      os << "creg " << reg.name << "[" << reg.size << "];\n";
  }
  Spelling spell(StringRef gate, ArrayRef<double> params) override {
    unsigned numParams = params.size();
    if (gate == "u")
      return {"u3", numParams, ""};
    if (gate == "p")
      return {"u1", numParams, ""};
    if (gate == "cp")
      return {"cu1", numParams, ""};
    // cu3 has no control phase.
    if (gate == "cu")
      return params[3] == 0 ? Spelling{"cu3", 3, ""}
                            : Spelling{"cu", numParams, ""};
    if (gate == "iswap")
      return {gate, numParams, kIswap2};
    if (gate == "ecr")
      return {gate, numParams, kEcr2};
    if (gate == "ryy")
      return {gate, numParams, kRyy2};
    return {gate, numParams, ""};
  }
  void printQubit(unsigned wire) override {
    auto [reg, index] = program.wires[wire];
    os << program.qregs[reg].name << "[" << index << "]";
  }
  void printMeasure(const Statement &statement) override {
    os << "measure ";
    printQubit(statement.wires.front());
    os << " -> ";
    printBit(statement.target);
  }
  void printConditionStart(Condition condition) override {
    os << "if(" << program.cregs[condition.first].name
       << "==" << condition.second << ") ";
  }
  void printConditionEnd() override {}
  StringRef separator() override { return ","; }
};

/// OpenQASM 3.0 with stdgates.inc.
class Qasm3Printer : public Printer {
public:
  using Printer::Printer;

protected:
  void printHeader() override {
    os << "OPENQASM 3.0;\ninclude \"stdgates.inc\";\n";
  }
  void printDeclarations() override {
    // Device qubits are the hardware qubits $k and are not declared.
    if (!program.physical)
      for (const Register &reg : program.qregs)
        os << "qubit[" << reg.size << "] " << reg.name << ";\n";
    for (const Register &reg : program.cregs)
      os << "bit[" << reg.size << "] " << reg.name << ";\n";
  }
  Spelling spell(StringRef gate, ArrayRef<double> params) override {
    unsigned numParams = params.size();
    StringRef definition = llvm::StringSwitch<StringRef>(gate)
                               .Case("sxdg", kSxdg3)
                               .Case("iswap", kIswap3)
                               .Case("ecr", kEcr3)
                               .Case("rxx", kRxx3)
                               .Case("ryy", kRyy3)
                               .Case("rzz", kRzz3)
                               .Default("");
    return {gate == "u" ? StringRef("U") : gate, numParams, definition};
  }
  void printQubit(unsigned wire) override {
    auto [reg, index] = program.wires[wire];
    if (program.physical)
      os << "$" << index;
    else
      os << program.qregs[reg].name << "[" << index << "]";
  }
  void printMeasure(const Statement &statement) override {
    printBit(statement.target);
    os << " = measure ";
    printQubit(statement.wires.front());
  }
  void printConditionStart(Condition condition) override {
    os << "if (" << program.cregs[condition.first].name
       << " == " << condition.second << ") { ";
  }
  void printConditionEnd() override { os << " }"; }
  StringRef separator() override { return ", "; }
};

} // namespace

LogicalResult qopt::exportOpenQasm2(ModuleOp module, llvm::raw_ostream &os) {
  FailureOr<Program> program = Exporter(module, 2).run();
  if (failed(program))
    return failure();
  Qasm2Printer(*program, os).print();
  return success();
}

LogicalResult qopt::exportOpenQasm3(ModuleOp module, llvm::raw_ostream &os) {
  FailureOr<Program> program = Exporter(module, 3).run();
  if (failed(program))
    return failure();
  Qasm3Printer(*program, os).print();
  return success();
}
