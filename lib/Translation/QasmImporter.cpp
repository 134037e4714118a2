//===- QasmImporter.cpp - OpenQASM 2.0 to the qgate dialect ---------------===//
//
// A recursive-descent parser that emits IR as it goes. Gate definitions are
// kept as small ASTs and expanded at each call with the call's constant
// angles; gates of qelib1.inc that have a qgate op are emitted as that op.
// See qopt/Translation/OpenQasm.h for the shape of the imported IR.
//
//===----------------------------------------------------------------------===//

#include "QasmLexer.h"

#include "qopt/Dialect/QGate/QGate.h"
#include "qopt/Translation/OpenQasm.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/IR/Builders.h"
#include "mlir/IR/Diagnostics.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/ScopeExit.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/SourceMgr.h"

#include <cmath>
#include <cstring>
#include <memory>

using namespace mlir;
using namespace qopt;
using namespace qopt::qasm;

namespace qopt::qasm {
llvm::StringRef getQelib1Source();
} // namespace qopt::qasm

namespace {

//===----------------------------------------------------------------------===//
// Expressions
//===----------------------------------------------------------------------===//

struct Expr {
  enum class Kind { Number, Param, Neg, Add, Sub, Mul, Div, Pow, Call };
  Kind kind;
  llvm::SMLoc loc;
  double value = 0;     // Number
  unsigned param = 0;   // Param
  std::string function; // Call
  std::unique_ptr<Expr> lhs, rhs;
  /// Longest path to a leaf; evaluation and destruction recurse this deep.
  unsigned height = 1;

  Expr(Kind kind, llvm::SMLoc loc) : kind(kind), loc(loc) {}
  Expr(Kind kind, llvm::SMLoc loc, std::unique_ptr<Expr> lhsOperand,
       std::unique_ptr<Expr> rhsOperand = nullptr)
      : kind(kind), loc(loc), lhs(std::move(lhsOperand)),
        rhs(std::move(rhsOperand)) {
    height = 1 + std::max(lhs->height, rhs ? rhs->height : 0u);
  }

  double evaluate(llvm::ArrayRef<double> params) const {
    switch (kind) {
    case Kind::Number:
      return value;
    case Kind::Param:
      return params[param];
    case Kind::Neg:
      return -lhs->evaluate(params);
    case Kind::Add:
      return lhs->evaluate(params) + rhs->evaluate(params);
    case Kind::Sub:
      return lhs->evaluate(params) - rhs->evaluate(params);
    case Kind::Mul:
      return lhs->evaluate(params) * rhs->evaluate(params);
    case Kind::Div:
      return lhs->evaluate(params) / rhs->evaluate(params);
    case Kind::Pow:
      return std::pow(lhs->evaluate(params), rhs->evaluate(params));
    case Kind::Call: {
      double x = lhs->evaluate(params);
      if (function == "sin")
        return std::sin(x);
      if (function == "cos")
        return std::cos(x);
      if (function == "tan")
        return std::tan(x);
      if (function == "exp")
        return std::exp(x);
      if (function == "ln")
        return std::log(x);
      return std::sqrt(x);
    }
    }
    return 0;
  }
  bool isConstant() const {
    switch (kind) {
    case Kind::Number:
      return true;
    case Kind::Param:
      return false;
    case Kind::Neg:
    case Kind::Call:
      return lhs->isConstant();
    default:
      return lhs->isConstant() && rhs->isConstant();
    }
  }
};
using ExprPtr = std::unique_ptr<Expr>;

//===----------------------------------------------------------------------===//
// Gates
//===----------------------------------------------------------------------===//

/// One statement of a gate body: a call, or a barrier when `name` is empty.
struct BodyStatement {
  std::string name;
  llvm::SMLoc loc;
  std::vector<ExprPtr> params;
  std::vector<unsigned> qubits; // indices into the gate's qubit arguments
};

/// How a qelib1 gate maps onto a qgate op: `params` lists, for each qgate
/// angle, the index of the OpenQASM parameter, or a negative code for a
/// constant (kHalfPi, kZero).
struct NativeGate {
  llvm::StringRef opName;
  llvm::SmallVector<int, 4> params;
};
constexpr int kHalfPi = -1;
constexpr int kZero = -2;

struct GateDef {
  std::string name;
  llvm::SMLoc loc;
  std::vector<std::string> paramNames;
  std::vector<std::string> qubitNames;
  std::vector<BodyStatement> body;
  bool opaque = false;
  bool fromQelib1 = false;
  std::optional<NativeGate> native;
};

std::optional<NativeGate> lookupNative(llvm::StringRef name) {
  using V = llvm::SmallVector<int, 4>;
  auto same = [](llvm::StringRef op, unsigned numParams) {
    V params;
    for (unsigned i = 0; i < numParams; ++i)
      params.push_back(i);
    return NativeGate{op, params};
  };
  static const llvm::StringMap<NativeGate> table = [&] {
    llvm::StringMap<NativeGate> t;
    for (llvm::StringRef g :
         {"x", "y", "z", "h", "s", "sdg", "t", "tdg", "sx", "sxdg", "id", "cx",
          "cy", "cz", "ch", "swap", "ccx", "cswap"})
      t[g] = same(g, 0);
    for (llvm::StringRef g :
         {"rx", "ry", "rz", "crx", "cry", "crz", "rxx", "rzz", "p", "cp"})
      t[g] = same(g, 1);
    t["U"] = same("u", 3);
    t["u"] = same("u", 3);
    t["u3"] = same("u", 3);
    t["u2"] = NativeGate{"u", V{kHalfPi, 0, 1}};
    t["u1"] = same("p", 1);
    t["u0"] = NativeGate{"id", V{}};
    t["CX"] = same("cx", 0);
    t["cu1"] = same("cp", 1);
    t["cu3"] = NativeGate{"cu", V{0, 1, 2, kZero}};
    t["cu"] = same("cu", 4);
    return t;
  }();
  auto it = table.find(name);
  if (it == table.end())
    return std::nullopt;
  return it->second;
}

//===----------------------------------------------------------------------===//
// Registers and operands
//===----------------------------------------------------------------------===//

struct Register {
  std::string name;
  unsigned size;
  unsigned first; // first wire / bit
  llvm::SMLoc loc;
};

/// `q` or `q[3]` in a statement.
struct Argument {
  llvm::StringRef reg;
  std::optional<int64_t> index;
  llvm::SMLoc loc;
};

//===----------------------------------------------------------------------===//
// The importer
//===----------------------------------------------------------------------===//

class Importer {
public:
  Importer(llvm::SourceMgr &sourceMgr, MLIRContext *context)
      : sourceMgr(sourceMgr), context(context), builder(context) {}

  OwningOpRef<ModuleOp> run();

private:
  // Tokens.
  void consume() {
    previousEnd = token.getEndLoc();
    token = lexer->next();
  }
  LogicalResult expect(TokenKind kind, llvm::StringRef context) {
    if (token.is(kind)) {
      consume();
      return success();
    }
    if (failed(checkLexError()))
      return failure();
    if (kind == TokenKind::Semicolon)
      return error(previousEnd, "expected ';' ") << context;
    return error(token.getLoc(), "expected ")
           << describe(kind) << " " << context << ", found "
           << (token.is(TokenKind::Eof) ? "end of file"
                                        : "'" + token.spelling.str() + "'");
  }
  LogicalResult checkLexError() {
    if (token.is(TokenKind::Error))
      return error(token.getLoc(), lexer->getErrorMessage());
    return success();
  }

  // Diagnostics.
  Location loc(llvm::SMLoc at);
  InFlightDiagnostic error(llvm::SMLoc at, const llvm::Twine &message) {
    return emitError(loc(at), message);
  }

  // Parsing.
  LogicalResult parseFile(unsigned bufferId, bool isMain);
  LogicalResult parseStatement();
  LogicalResult parseInclude();
  LogicalResult parseRegister(bool quantum);
  LogicalResult parseGateDefinition(bool opaque);
  LogicalResult parseGateBody(GateDef &def);
  LogicalResult
  parseQuantumOp(std::optional<std::pair<Register, int64_t>> condition);
  LogicalResult parseArgument(Argument &arg);
  LogicalResult parseArgumentList(llvm::SmallVectorImpl<Argument> &args,
                                  llvm::StringRef context);
  /// A left-associative chain of `operand`s joined by `operators`.
  FailureOr<ExprPtr>
  parseBinary(const GateDef *scope,
              llvm::ArrayRef<std::pair<TokenKind, Expr::Kind>> operators,
              FailureOr<ExprPtr> (Importer::*operand)(const GateDef *));
  FailureOr<ExprPtr> parseExpression(const GateDef *scope);
  FailureOr<ExprPtr> parseTerm(const GateDef *scope);
  FailureOr<ExprPtr> parseUnary(const GateDef *scope);
  FailureOr<ExprPtr> parsePower(const GateDef *scope);
  FailureOr<ExprPtr> parsePrimary(const GateDef *scope);
  /// Parentheses, signs and exponents nest by recursion; deeper than this
  /// is an error rather than a stack overflow.
  static constexpr unsigned kMaxExpressionDepth = 256;
  /// Chains such as 1+1+...+1 nest by iteration, but evaluating the tree
  /// recurses, so its height (in operators) is bounded too.
  static constexpr unsigned kMaxExpressionHeight = 1024;
  unsigned expressionDepth = 0;
  LogicalResult parseParamList(std::vector<ExprPtr> &params,
                               const GateDef *scope);

  // Resolution.
  FailureOr<const GateDef *> lookupGate(llvm::StringRef name, llvm::SMLoc at);
  FailureOr<const Register *> lookupRegister(const Argument &arg, bool quantum);
  FailureOr<llvm::SmallVector<llvm::SmallVector<unsigned, 3>>>
  broadcast(llvm::ArrayRef<Argument> args, bool quantum);

  // Emission.
  Value constant(double value);
  LogicalResult applyGate(const GateDef &gate, llvm::ArrayRef<double> params,
                          llvm::ArrayRef<unsigned> wires, Location at,
                          unsigned depth);
  LogicalResult emitGateCall(const GateDef &gate, llvm::ArrayRef<double> params,
                             llvm::ArrayRef<Argument> args, llvm::SMLoc at);
  void emitMeasure(unsigned wire, unsigned bit, Location at);
  void emitReset(unsigned wire, Location at);

  llvm::SourceMgr &sourceMgr;
  MLIRContext *context;
  OpBuilder builder;
  std::unique_ptr<Lexer> lexer;
  Token token{TokenKind::Eof, ""};
  llvm::SMLoc previousEnd;
  unsigned currentBuffer = 0;
  bool qelib1Included = false;
  llvm::StringSet<> includedFiles;

  llvm::StringMap<std::unique_ptr<GateDef>> gates;
  std::vector<Register> qregs, cregs;
  llvm::StringMap<llvm::SMLoc> registerNames;

  func::FuncOp func;
  Block *entry = nullptr;
  Operation *lastConstant = nullptr;
  llvm::DenseMap<uint64_t, Value> constants;
  std::vector<Value> wires; // current value of each qubit
  std::vector<Value> bits;  // current value of each classical bit
  Value falseBit;
};

Location Importer::loc(llvm::SMLoc at) {
  unsigned bufferId = sourceMgr.FindBufferContainingLoc(at);
  if (!bufferId)
    return UnknownLoc::get(context);
  auto [line, column] = sourceMgr.getLineAndColumn(at, bufferId);
  llvm::StringRef name =
      sourceMgr.getMemoryBuffer(bufferId)->getBufferIdentifier();
  return FileLineColLoc::get(context, name, line, column);
}

//===----------------------------------------------------------------------===//
// Expressions
//===----------------------------------------------------------------------===//

FailureOr<ExprPtr> Importer::parseBinary(
    const GateDef *scope,
    llvm::ArrayRef<std::pair<TokenKind, Expr::Kind>> operators,
    FailureOr<ExprPtr> (Importer::*operand)(const GateDef *)) {
  FailureOr<ExprPtr> lhs = (this->*operand)(scope);
  if (failed(lhs))
    return failure();
  while (true) {
    const auto *op = llvm::find_if(
        operators, [&](const auto &entry) { return token.is(entry.first); });
    if (op == operators.end())
      return lhs;
    llvm::SMLoc at = token.getLoc();
    consume();
    FailureOr<ExprPtr> rhs = (this->*operand)(scope);
    if (failed(rhs))
      return failure();
    *lhs = std::make_unique<Expr>(op->second, at, std::move(*lhs),
                                  std::move(*rhs));
    // A long chain such as 1+1+...+1 builds a tree as tall as it is long.
    if ((*lhs)->height - 1 > kMaxExpressionHeight)
      return error(at, "expression has more than ")
             << kMaxExpressionHeight << " operators in a chain";
  }
}

FailureOr<ExprPtr> Importer::parseExpression(const GateDef *scope) {
  return parseBinary(
      scope,
      {{TokenKind::Plus, Expr::Kind::Add}, {TokenKind::Minus, Expr::Kind::Sub}},
      &Importer::parseTerm);
}

FailureOr<ExprPtr> Importer::parseTerm(const GateDef *scope) {
  return parseBinary(
      scope,
      {{TokenKind::Star, Expr::Kind::Mul}, {TokenKind::Slash, Expr::Kind::Div}},
      &Importer::parseUnary);
}

FailureOr<ExprPtr> Importer::parseUnary(const GateDef *scope) {
  if (expressionDepth >= kMaxExpressionDepth)
    return error(token.getLoc(), "expression nested more than ")
           << kMaxExpressionDepth << " deep";
  ++expressionDepth;
  auto leave = llvm::make_scope_exit([&] { --expressionDepth; });
  if (token.is(TokenKind::Minus)) {
    llvm::SMLoc at = token.getLoc();
    consume();
    FailureOr<ExprPtr> operand = parseUnary(scope);
    if (failed(operand))
      return failure();
    return std::make_unique<Expr>(Expr::Kind::Neg, at, std::move(*operand));
  }
  if (token.is(TokenKind::Plus)) {
    consume();
    return parseUnary(scope);
  }
  return parsePower(scope);
}

FailureOr<ExprPtr> Importer::parsePower(const GateDef *scope) {
  FailureOr<ExprPtr> base = parsePrimary(scope);
  if (failed(base) || !token.is(TokenKind::Caret))
    return base;
  llvm::SMLoc at = token.getLoc();
  consume();
  // Right-associative: 2^3^2 is 2^(3^2).
  FailureOr<ExprPtr> exponent = parseUnary(scope);
  if (failed(exponent))
    return failure();
  return std::make_unique<Expr>(Expr::Kind::Pow, at, std::move(*base),
                                std::move(*exponent));
}

FailureOr<ExprPtr> Importer::parsePrimary(const GateDef *scope) {
  if (failed(checkLexError()))
    return failure();
  llvm::SMLoc at = token.getLoc();
  if (token.is(TokenKind::Integer) || token.is(TokenKind::Real)) {
    auto node = std::make_unique<Expr>(Expr::Kind::Number, at);
    if (token.spelling.getAsDouble(node->value, /*AllowInexact=*/true))
      return error(at, "malformed number '") << token.spelling << "'";
    consume();
    return node;
  }
  if (token.is(TokenKind::KwPi)) {
    consume();
    auto node = std::make_unique<Expr>(Expr::Kind::Number, at);
    node->value = M_PI;
    return node;
  }
  if (token.is(TokenKind::LParen)) {
    consume();
    FailureOr<ExprPtr> inner = parseExpression(scope);
    if (failed(inner) || failed(expect(TokenKind::RParen, "to close '('")))
      return failure();
    return inner;
  }
  if (token.is(TokenKind::Identifier)) {
    llvm::StringRef name = token.spelling;
    consume();
    if (llvm::is_contained({"sin", "cos", "tan", "exp", "ln", "sqrt"}, name)) {
      if (failed(expect(TokenKind::LParen, "after function name")))
        return failure();
      FailureOr<ExprPtr> argument = parseExpression(scope);
      if (failed(argument) ||
          failed(expect(TokenKind::RParen, "to close the function call")))
        return failure();
      auto node =
          std::make_unique<Expr>(Expr::Kind::Call, at, std::move(*argument));
      node->function = name.str();
      return node;
    }
    if (scope) {
      auto it = llvm::find(scope->paramNames, name);
      if (it != scope->paramNames.end()) {
        auto node = std::make_unique<Expr>(Expr::Kind::Param, at);
        node->param = it - scope->paramNames.begin();
        return node;
      }
      return error(at, "unknown parameter '")
             << name << "' in the body of gate '" << scope->name << "'";
    }
    if (token.is(TokenKind::LParen))
      return error(at, "unknown function '")
             << name << "'; OpenQASM 2 has sin, cos, tan, exp, ln and sqrt";
    return error(at, "unknown identifier '")
           << name
           << "' in expression; only 'pi' and numbers are allowed "
              "outside gate definitions";
  }
  return error(at, "expected an expression, found ")
         << (token.is(TokenKind::Eof) ? "end of file"
                                      : "'" + token.spelling.str() + "'");
}

LogicalResult Importer::parseParamList(std::vector<ExprPtr> &params,
                                       const GateDef *scope) {
  if (!token.is(TokenKind::LParen))
    return success();
  consume();
  if (token.is(TokenKind::RParen)) {
    consume();
    return success();
  }
  while (true) {
    FailureOr<ExprPtr> expr = parseExpression(scope);
    if (failed(expr))
      return failure();
    params.push_back(std::move(*expr));
    if (token.is(TokenKind::Comma)) {
      consume();
      continue;
    }
    return expect(TokenKind::RParen, "to close the parameter list");
  }
}

//===----------------------------------------------------------------------===//
// Files and statements
//===----------------------------------------------------------------------===//

OwningOpRef<ModuleOp> Importer::run() {
  unsigned mainId = sourceMgr.getMainFileID();
  llvm::StringRef path =
      sourceMgr.getMemoryBuffer(mainId)->getBufferIdentifier();
  Location fileLoc = FileLineColLoc::get(context, path, 1, 1);
  OwningOpRef<ModuleOp> module = ModuleOp::create(fileLoc);

  // The circuit function is named after the file.
  std::string name = path == "<stdin>" || path == "-"
                         ? "circuit"
                         : llvm::sys::path::stem(path).str();
  for (char &c : name)
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '_')
      c = '_';
  if (name.empty() || std::isdigit(static_cast<unsigned char>(name[0])))
    name = "circuit_" + name;
  builder.setInsertionPointToEnd(module->getBody());
  func = builder.create<func::FuncOp>(fileLoc, name,
                                      builder.getFunctionType({}, {}));
  entry = func.addEntryBlock();
  builder.setInsertionPointToEnd(entry);
  falseBit =
      builder.create<arith::ConstantOp>(fileLoc, builder.getBoolAttr(false));
  lastConstant = falseBit.getDefiningOp();

  if (failed(parseFile(mainId, /*isMain=*/true)))
    return nullptr;

  builder.setInsertionPointToEnd(entry);
  builder.create<func::ReturnOp>(fileLoc, bits);
  if (falseBit.use_empty())
    falseBit.getDefiningOp()->erase();
  SmallVector<Type> resultTypes(bits.size(), builder.getI1Type());
  func.setFunctionType(builder.getFunctionType({}, resultTypes));
  auto layout = [&](const std::vector<Register> &regs) {
    SmallVector<Attribute> entries;
    for (const Register &reg : regs)
      entries.push_back(
          builder.getArrayAttr({builder.getStringAttr(reg.name),
                                builder.getI64IntegerAttr(reg.size)}));
    return builder.getArrayAttr(entries);
  };
  func->setAttr(kQregsAttrName, layout(qregs));
  func->setAttr(kCregsAttrName, layout(cregs));
  return module;
}

LogicalResult Importer::parseFile(unsigned bufferId, bool isMain) {
  // Save the including file's lexer state.
  std::unique_ptr<Lexer> savedLexer = std::move(lexer);
  Token savedToken = token;
  llvm::SMLoc savedEnd = previousEnd;
  unsigned savedBuffer = currentBuffer;

  currentBuffer = bufferId;
  lexer =
      std::make_unique<Lexer>(sourceMgr.getMemoryBuffer(bufferId)->getBuffer());
  token = lexer->next();
  previousEnd = token.getLoc();

  LogicalResult result = success();
  if (isMain) {
    if (token.is(TokenKind::KwOpenQasm)) {
      consume();
      if (!token.is(TokenKind::Real) && !token.is(TokenKind::Integer)) {
        result = error(token.getLoc(), "expected a version number after "
                                       "'OPENQASM'");
      } else {
        llvm::StringRef version = token.spelling;
        if (version != "2.0" && version != "2")
          result = error(token.getLoc(), "unsupported OpenQASM version ")
                   << version << "; qopt reads OpenQASM 2.0";
        else
          consume();
      }
      if (succeeded(result))
        result = expect(TokenKind::Semicolon, "after the OPENQASM version");
    } else {
      emitWarning(loc(token.getLoc()),
                  "missing 'OPENQASM 2.0;' header; reading the file as "
                  "OpenQASM 2.0");
    }
  }
  while (succeeded(result) && !token.is(TokenKind::Eof))
    result = parseStatement();

  lexer = std::move(savedLexer);
  token = savedToken;
  previousEnd = savedEnd;
  currentBuffer = savedBuffer;
  return result;
}

LogicalResult Importer::parseStatement() {
  if (failed(checkLexError()))
    return failure();
  switch (token.kind) {
  case TokenKind::KwInclude:
    return parseInclude();
  case TokenKind::KwQreg:
    return parseRegister(/*quantum=*/true);
  case TokenKind::KwCreg:
    return parseRegister(/*quantum=*/false);
  case TokenKind::KwGate:
    return parseGateDefinition(/*opaque=*/false);
  case TokenKind::KwOpaque:
    return parseGateDefinition(/*opaque=*/true);
  case TokenKind::KwOpenQasm:
    return error(token.getLoc(), "'OPENQASM' may only start the main file");
  case TokenKind::KwIf: {
    consume();
    if (failed(expect(TokenKind::LParen, "after 'if'")))
      return failure();
    if (!token.is(TokenKind::Identifier))
      return error(token.getLoc(), "expected a classical register name in "
                                   "the condition");
    Argument reg{token.spelling, std::nullopt, token.getLoc()};
    consume();
    if (token.is(TokenKind::LBracket))
      return error(token.getLoc(), "OpenQASM 2 conditions compare a whole "
                                   "register; 'if (c[i] == n)' is not valid");
    if (failed(expect(TokenKind::EqualEqual, "in the condition")))
      return failure();
    if (!token.is(TokenKind::Integer))
      return error(token.getLoc(), "expected a non-negative integer to "
                                   "compare the register with");
    llvm::APInt value;
    llvm::StringRef spelling = token.spelling;
    llvm::SMLoc valueLoc = token.getLoc();
    consume();
    if (failed(expect(TokenKind::RParen, "to close the condition")))
      return failure();
    FailureOr<const Register *> creg = lookupRegister(reg, /*quantum=*/false);
    if (failed(creg))
      return failure();
    if ((*creg)->size > 63)
      return error(reg.loc, "registers wider than 63 bits cannot be compared");
    uint64_t n = 0;
    if (spelling.getAsInteger(10, n) || n >= (uint64_t(1) << (*creg)->size))
      return error(valueLoc, "value ")
             << spelling << " does not fit in the " << (*creg)->size
             << "-bit register '" << (*creg)->name << "'";
    return parseQuantumOp(std::make_pair(**creg, int64_t(n)));
  }
  default:
    return parseQuantumOp(std::nullopt);
  }
}

LogicalResult Importer::parseInclude() {
  llvm::SMLoc at = token.getLoc();
  consume();
  if (failed(checkLexError()))
    return failure();
  if (!token.is(TokenKind::String))
    return error(token.getLoc(), "expected a quoted file name after "
                                 "'include'");
  std::string file = token.spelling.drop_front().drop_back().str();
  consume();
  if (failed(expect(TokenKind::Semicolon, "after the include")))
    return failure();
  if (file == "qelib1.inc") {
    if (qelib1Included)
      return success();
    qelib1Included = true;
    auto buffer =
        llvm::MemoryBuffer::getMemBuffer(getQelib1Source(), "qelib1.inc");
    unsigned id = sourceMgr.AddNewSourceBuffer(std::move(buffer), at);
    return parseFile(id, /*isMain=*/false);
  }
  // Other files resolve against the including file's directory first.
  llvm::SmallString<256> candidate(llvm::sys::path::parent_path(
      sourceMgr.getMemoryBuffer(currentBuffer)->getBufferIdentifier()));
  llvm::sys::path::append(candidate, file);
  // Then the name as given and the include directories, as SourceMgr
  // would, but only regular files: a device such as /dev/zero or a pipe
  // would never end.
  llvm::SmallVector<std::string> candidates = {candidate.str().str(), file};
  for (const std::string &dir : sourceMgr.getIncludeDirs()) {
    llvm::SmallString<256> path(dir);
    llvm::sys::path::append(path, file);
    candidates.push_back(path.str().str());
  }
  std::string resolved;
  unsigned id = 0;
  for (const std::string &path : candidates) {
    if (!llvm::sys::fs::exists(path))
      continue;
    if (!llvm::sys::fs::is_regular_file(path))
      return error(at, "included file '")
             << file << "' is not a regular file";
    auto buffer = llvm::MemoryBuffer::getFile(path);
    if (!buffer)
      return error(at, "cannot read included file '")
             << file << "': " << buffer.getError().message();
    id = sourceMgr.AddNewSourceBuffer(std::move(*buffer), at);
    resolved = path;
    break;
  }
  if (!id)
    return error(at, "cannot find included file '") << file << "'";
  if (!includedFiles.insert(resolved).second)
    return success();
  return parseFile(id, /*isMain=*/false);
}

LogicalResult Importer::parseRegister(bool quantum) {
  consume();
  if (!token.is(TokenKind::Identifier))
    return error(token.getLoc(), "expected a register name");
  llvm::StringRef name = token.spelling;
  llvm::SMLoc at = token.getLoc();
  consume();
  if (failed(expect(TokenKind::LBracket, "after the register name")))
    return failure();
  if (!token.is(TokenKind::Integer))
    return error(token.getLoc(), "expected the register size");
  unsigned size = 0;
  llvm::SMLoc sizeLoc = token.getLoc();
  if (token.spelling.getAsInteger(10, size) || size == 0 || size > 1u << 20)
    return error(sizeLoc, "register size must be between 1 and 1048576, got ")
           << token.spelling;
  consume();
  if (failed(expect(TokenKind::RBracket, "after the register size")) ||
      failed(expect(TokenKind::Semicolon, "after the register declaration")))
    return failure();
  auto [it, inserted] = registerNames.try_emplace(name, at);
  if (!inserted) {
    InFlightDiagnostic diag = error(at, "redefinition of register '")
                              << name << "'";
    diag.attachNote(loc(it->second)) << "previous definition is here";
    return diag;
  }
  Location where = loc(at);
  OpBuilder::InsertionGuard guard(builder);
  builder.setInsertionPointToEnd(entry);
  if (quantum) {
    qregs.push_back({name.str(), size, unsigned(wires.size()), at});
    for (unsigned i = 0; i < size; ++i)
      wires.push_back(builder.create<qgate::AllocOp>(where));
  } else {
    cregs.push_back({name.str(), size, unsigned(bits.size()), at});
    bits.insert(bits.end(), size, falseBit);
  }
  return success();
}

LogicalResult Importer::parseGateDefinition(bool opaque) {
  consume();
  if (!token.is(TokenKind::Identifier))
    return error(token.getLoc(), "expected a gate name");
  auto def = std::make_unique<GateDef>();
  def->name = token.spelling.str();
  def->loc = token.getLoc();
  def->opaque = opaque;
  def->fromQelib1 =
      sourceMgr.getMemoryBuffer(currentBuffer)->getBufferIdentifier() ==
          "qelib1.inc" &&
      qelib1Included;
  consume();
  if (token.is(TokenKind::LParen)) {
    consume();
    while (!token.is(TokenKind::RParen)) {
      if (!token.is(TokenKind::Identifier))
        return error(token.getLoc(), "expected a parameter name");
      if (llvm::is_contained(def->paramNames, token.spelling))
        return error(token.getLoc(), "duplicate parameter '")
               << token.spelling << "'";
      def->paramNames.push_back(token.spelling.str());
      consume();
      if (token.is(TokenKind::Comma))
        consume();
      else if (!token.is(TokenKind::RParen))
        return expect(TokenKind::RParen, "to close the parameter list");
    }
    consume();
  }
  while (true) {
    if (!token.is(TokenKind::Identifier))
      return error(token.getLoc(), "expected a qubit argument name in the "
                                   "definition of gate '")
             << def->name << "'";
    if (llvm::is_contained(def->qubitNames, token.spelling))
      return error(token.getLoc(), "duplicate qubit argument '")
             << token.spelling << "'";
    def->qubitNames.push_back(token.spelling.str());
    consume();
    if (!token.is(TokenKind::Comma))
      break;
    consume();
  }
  if (opaque) {
    if (failed(expect(TokenKind::Semicolon, "after the opaque declaration")))
      return failure();
  } else if (failed(parseGateBody(*def))) {
    return failure();
  }
  if (def->fromQelib1)
    def->native = lookupNative(def->name);
  auto it = gates.find(def->name);
  if (it != gates.end()) {
    InFlightDiagnostic diag = error(def->loc, "redefinition of gate '")
                              << def->name << "'";
    diag.attachNote(loc(it->second->loc)) << "previous definition is here";
    return diag;
  }
  llvm::StringRef key = def->name;
  gates[key] = std::move(def);
  return success();
}

LogicalResult Importer::parseGateBody(GateDef &def) {
  llvm::SMLoc bodyStart = token.getLoc();
  if (failed(expect(TokenKind::LBrace, "to open the gate body")))
    return failure();
  while (!token.is(TokenKind::RBrace)) {
    if (failed(checkLexError()))
      return failure();
    if (token.is(TokenKind::Eof)) {
      InFlightDiagnostic diag =
          error(token.getLoc(), "unterminated body of gate '")
          << def.name << "': expected '}'";
      diag.attachNote(loc(bodyStart)) << "the body starts here";
      return diag;
    }
    BodyStatement statement;
    statement.loc = token.getLoc();
    const GateDef *callee = nullptr;
    if (token.is(TokenKind::KwBarrier)) {
      consume();
    } else if (token.is(TokenKind::Identifier)) {
      statement.name = token.spelling.str();
      FailureOr<const GateDef *> found =
          lookupGate(token.spelling, token.getLoc());
      if (failed(found))
        return failure();
      callee = *found;
      consume();
      if (failed(parseParamList(statement.params, &def)))
        return failure();
    } else {
      return error(token.getLoc(), "expected a gate call or 'barrier' in the "
                                   "body of gate '")
             << def.name << "'";
    }
    while (true) {
      if (!token.is(TokenKind::Identifier))
        return error(token.getLoc(), "expected a qubit argument of gate '")
               << def.name << "'";
      auto it = llvm::find(def.qubitNames, token.spelling);
      if (it == def.qubitNames.end())
        return error(token.getLoc(), "'")
               << token.spelling << "' is not a qubit argument of gate '"
               << def.name << "'";
      unsigned index = it - def.qubitNames.begin();
      if (llvm::is_contained(statement.qubits, index))
        return error(token.getLoc(), "qubit '")
               << token.spelling << "' is used twice in one gate";
      statement.qubits.push_back(index);
      consume();
      if (token.is(TokenKind::LBracket))
        return error(token.getLoc(), "gate arguments cannot be indexed "
                                     "inside a gate body");
      if (!token.is(TokenKind::Comma))
        break;
      consume();
    }
    if (callee) {
      if (statement.params.size() != callee->paramNames.size())
        return error(statement.loc, "gate '")
               << callee->name << "' takes " << callee->paramNames.size()
               << " parameter(s), got " << statement.params.size();
      if (statement.qubits.size() != callee->qubitNames.size())
        return error(statement.loc, "gate '")
               << callee->name << "' takes " << callee->qubitNames.size()
               << " qubit argument(s), got " << statement.qubits.size();
    }
    if (failed(expect(TokenKind::Semicolon, "after the statement")))
      return failure();
    def.body.push_back(std::move(statement));
  }
  consume();
  return success();
}

FailureOr<const GateDef *> Importer::lookupGate(llvm::StringRef name,
                                                llvm::SMLoc at) {
  auto it = gates.find(name);
  if (it != gates.end())
    return it->second.get();
  // The two primitives exist without any include.
  if (name == "U" || name == "CX") {
    auto def = std::make_unique<GateDef>();
    def->name = name.str();
    def->fromQelib1 = true;
    def->native = lookupNative(name);
    if (name == "U")
      def->paramNames = {"theta", "phi", "lambda"};
    def->qubitNames = name == "U" ? std::vector<std::string>{"a"}
                                  : std::vector<std::string>{"c", "t"};
    const GateDef *result = def.get();
    gates[name] = std::move(def);
    return result;
  }
  InFlightDiagnostic diag = error(at, "unknown gate '") << name << "'";
  bool inQelib1 = getQelib1Source().contains(("gate " + name + " ").str()) ||
                  getQelib1Source().contains(("gate " + name + "(").str());
  if (!qelib1Included && inQelib1)
    diag.attachNote(loc(at)) << "'" << name
                             << "' is defined in qelib1.inc; add 'include "
                                "\"qelib1.inc\";'";
  return diag;
}

//===----------------------------------------------------------------------===//
// Quantum operations
//===----------------------------------------------------------------------===//

LogicalResult Importer::parseArgument(Argument &arg) {
  if (failed(checkLexError()))
    return failure();
  if (!token.is(TokenKind::Identifier))
    return error(token.getLoc(), "expected a register or register[index], "
                                 "found ")
           << (token.is(TokenKind::Eof) ? "end of file"
                                        : "'" + token.spelling.str() + "'");
  arg.reg = token.spelling;
  arg.loc = token.getLoc();
  consume();
  if (!token.is(TokenKind::LBracket))
    return success();
  consume();
  if (!token.is(TokenKind::Integer))
    return error(token.getLoc(), "expected a non-negative integer index");
  int64_t index = 0;
  if (token.spelling.getAsInteger(10, index))
    return error(token.getLoc(), "index ") << token.spelling << " is too large";
  arg.index = index;
  consume();
  return expect(TokenKind::RBracket, "after the index");
}

LogicalResult Importer::parseArgumentList(llvm::SmallVectorImpl<Argument> &args,
                                          llvm::StringRef context) {
  while (true) {
    Argument arg;
    if (failed(parseArgument(arg)))
      return failure();
    args.push_back(arg);
    if (!token.is(TokenKind::Comma))
      return success();
    consume();
  }
}

FailureOr<const Register *> Importer::lookupRegister(const Argument &arg,
                                                     bool quantum) {
  const std::vector<Register> &wanted = quantum ? qregs : cregs;
  const std::vector<Register> &other = quantum ? cregs : qregs;
  for (const Register &reg : wanted)
    if (reg.name == arg.reg) {
      if (arg.index && (*arg.index < 0 || *arg.index >= reg.size))
        return error(arg.loc, "index ")
               << *arg.index << " is out of range for register '" << reg.name
               << "' of size " << reg.size;
      return &reg;
    }
  for (const Register &reg : other)
    if (reg.name == arg.reg)
      return error(arg.loc, "'")
             << arg.reg << "' is a " << (quantum ? "classical" : "quantum")
             << " register; expected a " << (quantum ? "quantum" : "classical")
             << " one";
  return error(arg.loc, "undefined register '") << arg.reg << "'";
}

FailureOr<llvm::SmallVector<llvm::SmallVector<unsigned, 3>>>
Importer::broadcast(llvm::ArrayRef<Argument> args, bool quantum) {
  // Whole registers repeat the statement once per index; all of them must
  // have the same size.
  llvm::SmallVector<const Register *> regs;
  std::optional<unsigned> width;
  const Argument *widthArg = nullptr;
  for (const Argument &arg : args) {
    FailureOr<const Register *> reg = lookupRegister(arg, quantum);
    if (failed(reg))
      return failure();
    regs.push_back(*reg);
    if (arg.index)
      continue;
    if (width && *width != (*reg)->size)
      return error(arg.loc, "register '")
             << arg.reg << "' has size " << (*reg)->size << " but '"
             << widthArg->reg << "' has size " << *width
             << "; whole-register arguments must match";
    width = (*reg)->size;
    widthArg = &arg;
  }
  llvm::SmallVector<llvm::SmallVector<unsigned, 3>> instances;
  for (unsigned i = 0, e = width.value_or(1); i < e; ++i) {
    llvm::SmallVector<unsigned, 3> operands;
    for (auto [arg, reg] : llvm::zip(args, regs))
      operands.push_back(reg->first + (arg.index ? *arg.index : i));
    instances.push_back(operands);
  }
  return instances;
}

Value Importer::constant(double value) {
  uint64_t key;
  std::memcpy(&key, &value, sizeof(key));
  auto it = constants.find(key);
  if (it != constants.end())
    return it->second;
  OpBuilder::InsertionGuard guard(builder);
  builder.setInsertionPointAfter(lastConstant);
  auto op = builder.create<arith::ConstantOp>(func.getLoc(),
                                              builder.getF64FloatAttr(value));
  lastConstant = op;
  constants[key] = op;
  return op;
}

LogicalResult Importer::applyGate(const GateDef &gate,
                                  llvm::ArrayRef<double> params,
                                  llvm::ArrayRef<unsigned> gateWires,
                                  Location at, unsigned depth) {
  if (gate.native) {
    OperationState state(at, ("qgate." + gate.native->opName).str());
    for (unsigned wire : gateWires)
      state.addOperands(wires[wire]);
    for (int source : gate.native->params)
      state.addOperands(constant(source == kHalfPi ? M_PI / 2
                                 : source == kZero ? 0.0
                                                   : params[source]));
    state.addTypes(
        SmallVector<Type>(gateWires.size(), qgate::QubitType::get(context)));
    Operation *op = builder.create(state);
    for (auto [index, wire] : llvm::enumerate(gateWires))
      wires[wire] = op->getResult(index);
    return success();
  }
  if (gate.opaque)
    return emitError(at, "gate '")
           << gate.name
           << "' is declared opaque and has no definition to expand";
  for (const BodyStatement &statement : gate.body) {
    SmallVector<unsigned, 3> inner;
    for (unsigned q : statement.qubits)
      inner.push_back(gateWires[q]);
    if (statement.name.empty()) {
      SmallVector<Value> operands;
      for (unsigned wire : inner)
        operands.push_back(wires[wire]);
      auto barrier = builder.create<qgate::BarrierOp>(at, operands);
      for (auto [wire, result] : llvm::zip(inner, barrier.getResults()))
        wires[wire] = result;
      continue;
    }
    SmallVector<double> values;
    for (const ExprPtr &expr : statement.params) {
      double value = expr->evaluate(params);
      if (!std::isfinite(value))
        return emitError(at, "an angle in the expansion of gate '")
               << gate.name << "' evaluates to "
               << (std::isnan(value) ? "NaN" : "infinity");
      values.push_back(value);
    }
    const GateDef &callee = *gates.find(statement.name)->second;
    if (failed(applyGate(callee, values, inner, at, depth + 1)))
      return failure();
  }
  return success();
}

void Importer::emitMeasure(unsigned wire, unsigned bit, Location at) {
  const Register *creg = nullptr;
  for (const Register &reg : cregs)
    if (bit >= reg.first && bit < reg.first + reg.size)
      creg = &reg;
  auto measure = builder.create<qgate::MeasureOp>(
      at, wires[wire], builder.getStringAttr(creg->name),
      builder.getI64IntegerAttr(bit - creg->first));
  wires[wire] = measure.getQubitOut();
  bits[bit] = measure.getBit();
}

void Importer::emitReset(unsigned wire, Location at) {
  wires[wire] = builder.create<qgate::ResetOp>(at, wires[wire]);
}

LogicalResult Importer::parseQuantumOp(
    std::optional<std::pair<Register, int64_t>> condition) {
  if (failed(checkLexError()))
    return failure();
  llvm::SMLoc at = token.getLoc();
  Location where = loc(at);

  // Parse the statement into an action on wires and bits.
  enum class Kind { Gate, Measure, Reset, Barrier } kind;
  const GateDef *gate = nullptr;
  SmallVector<double> params;
  SmallVector<Argument> qargs, cargs;
  if (token.is(TokenKind::KwMeasure)) {
    kind = Kind::Measure;
    consume();
    Argument q, c;
    if (failed(parseArgument(q)) ||
        failed(expect(TokenKind::Arrow, "between the measured qubit and its "
                                        "classical target")) ||
        failed(parseArgument(c)))
      return failure();
    qargs.push_back(q);
    cargs.push_back(c);
  } else if (token.is(TokenKind::KwReset)) {
    kind = Kind::Reset;
    consume();
    Argument q;
    if (failed(parseArgument(q)))
      return failure();
    qargs.push_back(q);
  } else if (token.is(TokenKind::KwBarrier)) {
    if (condition)
      return error(at, "'barrier' cannot be conditional");
    kind = Kind::Barrier;
    consume();
    if (failed(parseArgumentList(qargs, "of the barrier")))
      return failure();
  } else if (token.is(TokenKind::Identifier)) {
    kind = Kind::Gate;
    FailureOr<const GateDef *> found = lookupGate(token.spelling, at);
    if (failed(found))
      return failure();
    gate = *found;
    consume();
    std::vector<ExprPtr> exprs;
    if (failed(parseParamList(exprs, nullptr)))
      return failure();
    for (const ExprPtr &expr : exprs) {
      double value = expr->evaluate({});
      if (!std::isfinite(value))
        return error(expr->loc, "angle evaluates to ")
               << (std::isnan(value) ? "NaN" : "infinity");
      params.push_back(value);
    }
    if (params.size() != gate->paramNames.size())
      return error(at, "gate '")
             << gate->name << "' takes " << gate->paramNames.size()
             << " parameter(s), got " << params.size();
    if (failed(parseArgumentList(qargs, "of the gate")))
      return failure();
    if (qargs.size() != gate->qubitNames.size())
      return error(at, "gate '")
             << gate->name << "' takes " << gate->qubitNames.size()
             << " qubit argument(s), got " << qargs.size();
    if (gate->opaque)
      return error(at, "gate '")
             << gate->name
             << "' is declared opaque and has no definition to expand";
  } else {
    return error(at, "expected a statement, found ")
           << (token.is(TokenKind::Eof) ? "end of file"
                                        : "'" + token.spelling.str() + "'");
  }
  if (failed(expect(TokenKind::Semicolon, "after the statement")))
    return failure();

  if (kind == Kind::Barrier) {
    // One barrier across every named qubit; registers of any sizes mix.
    SmallVector<unsigned> all;
    for (const Argument &arg : qargs) {
      FailureOr<const Register *> reg = lookupRegister(arg, /*quantum=*/true);
      if (failed(reg))
        return failure();
      unsigned first = arg.index ? *arg.index : 0;
      unsigned last = arg.index ? *arg.index + 1 : (*reg)->size;
      for (unsigned i = first; i < last; ++i)
        if (!llvm::is_contained(all, (*reg)->first + i))
          all.push_back((*reg)->first + i);
    }
    SmallVector<Value> operands;
    for (unsigned wire : all)
      operands.push_back(wires[wire]);
    auto barrier = builder.create<qgate::BarrierOp>(where, operands);
    for (auto [wire, result] : llvm::zip(all, barrier.getResults()))
      wires[wire] = result;
    return success();
  }
  // Resolve registers and broadcast.
  auto quantum = broadcast(qargs, /*quantum=*/true);
  if (failed(quantum))
    return failure();
  llvm::SmallVector<llvm::SmallVector<unsigned, 3>> classical;
  if (kind == Kind::Measure) {
    auto c = broadcast(cargs, /*quantum=*/false);
    if (failed(c))
      return failure();
    if (c->size() != quantum->size())
      return error(cargs[0].loc, "measuring ")
             << quantum->size() << " qubit(s) into " << c->size()
             << " bit(s); the sizes must match";
    classical = *c;
  }
  for (auto &instance : *quantum)
    for (unsigned i = 0; i < instance.size(); ++i)
      for (unsigned j = 0; j < i; ++j)
        if (instance[i] == instance[j])
          return error(qargs[i].loc, "qubit arguments #")
                 << j << " and #" << i << " name the same qubit";

  for (auto [index, instance] : llvm::enumerate(*quantum)) {
    // The wires and bits this instance touches.
    SmallVector<unsigned> touchedBits;
    if (kind == Kind::Measure)
      touchedBits.push_back(classical[index][0]);
    scf::IfOp ifOp;
    OpBuilder::InsertionGuard guard(builder);
    if (condition) {
      const Register &creg = condition->first;
      SmallVector<Value> regBits(bits.begin() + creg.first,
                                 bits.begin() + creg.first + creg.size);
      Value cond = builder.create<qgate::CregEqualsOp>(
          where, builder.getStringAttr(creg.name), regBits,
          builder.getI64IntegerAttr(condition->second));
      SmallVector<Type> types;
      for (unsigned wire : instance)
        types.push_back(wires[wire].getType());
      for (unsigned bit : touchedBits)
        types.push_back(bits[bit].getType());
      ifOp = builder.create<scf::IfOp>(where, types, cond,
                                       /*withElseRegion=*/true);
      SmallVector<Value> unchanged;
      for (unsigned wire : instance)
        unchanged.push_back(wires[wire]);
      for (unsigned bit : touchedBits)
        unchanged.push_back(bits[bit]);
      builder.setInsertionPointToStart(&ifOp.getElseRegion().front());
      builder.create<scf::YieldOp>(where, unchanged);
      builder.setInsertionPointToStart(&ifOp.getThenRegion().front());
    }
    switch (kind) {
    case Kind::Gate:
      if (failed(applyGate(*gate, params, instance, where, 0)))
        return failure();
      break;
    case Kind::Measure:
      emitMeasure(instance[0], classical[index][0], where);
      break;
    case Kind::Reset:
      emitReset(instance[0], where);
      break;
    case Kind::Barrier:
      break;
    }
    if (ifOp) {
      SmallVector<Value> updated;
      for (unsigned wire : instance)
        updated.push_back(wires[wire]);
      for (unsigned bit : touchedBits)
        updated.push_back(bits[bit]);
      builder.create<scf::YieldOp>(where, updated);
      unsigned result = 0;
      for (unsigned wire : instance)
        wires[wire] = ifOp.getResult(result++);
      for (unsigned bit : touchedBits)
        bits[bit] = ifOp.getResult(result++);
    }
  }
  return success();
}

} // namespace

bool qopt::looksLikeOpenQasm(llvm::StringRef path, llvm::StringRef text) {
  if (path.ends_with(".qasm"))
    return true;
  if (path.ends_with(".mlir"))
    return false;
  while (true) {
    text = text.ltrim();
    if (!text.starts_with("//"))
      break;
    text = text.drop_until([](char c) { return c == '\n'; });
  }
  return text.starts_with("OPENQASM") || text.starts_with("include");
}

OwningOpRef<ModuleOp> qopt::importOpenQasm2(llvm::SourceMgr &sourceMgr,
                                            MLIRContext *context) {
  context->loadDialect<qgate::QGateDialect, arith::ArithDialect,
                       func::FuncDialect, scf::SCFDialect>();
  Importer importer(sourceMgr, context);
  return importer.run();
}
