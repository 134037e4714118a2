//===- PhaseExpression.cpp - IBM cmd_def phase expressions ----------------===//

#include "PhaseExpression.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/IR/Diagnostics.h"
#include "mlir/IR/Matchers.h"

#include <functional>

#include "llvm/Support/MathExtras.h"
#include <cctype>

using namespace mlir;

namespace {

/// Recursive descent over the expression; every node becomes an f64 value.
class PhaseParser {
public:
  PhaseParser(OpBuilder &builder, Location loc, StringRef text,
              ValueRange params)
      : builder(builder), loc(loc), text(text), params(params) {}

  FailureOr<Value> parse() {
    FailureOr<Value> value = parseSum();
    if (failed(value))
      return failure();
    skipSpaces();
    if (pos != text.size())
      return error("unexpected '" + text.substr(pos, 1).str() + "'");
    return value;
  }

private:
  FailureOr<Value> parseSum() {
    FailureOr<Value> lhs = parseProduct();
    while (succeeded(lhs)) {
      skipSpaces();
      if (pos >= text.size() || (text[pos] != '+' && text[pos] != '-'))
        break;
      char op = text[pos++];
      FailureOr<Value> rhs = parseProduct();
      if (failed(rhs))
        return failure();
      lhs = op == '+' ? combine<arith::AddFOp>(*lhs, *rhs, std::plus<>())
                      : combine<arith::SubFOp>(*lhs, *rhs, std::minus<>());
    }
    return lhs;
  }

  FailureOr<Value> parseProduct() {
    FailureOr<Value> lhs = parseFactor();
    while (succeeded(lhs)) {
      skipSpaces();
      if (pos >= text.size() || (text[pos] != '*' && text[pos] != '/'))
        break;
      char op = text[pos++];
      FailureOr<Value> rhs = parseFactor();
      if (failed(rhs))
        return failure();
      lhs = op == '*' ? combine<arith::MulFOp>(*lhs, *rhs, std::multiplies<>())
                      : combine<arith::DivFOp>(*lhs, *rhs, std::divides<>());
    }
    return lhs;
  }

  FailureOr<Value> parseFactor() {
    skipSpaces();
    if (pos >= text.size())
      return error("unexpected end");
    char c = text[pos];
    if (c == '-') {
      ++pos;
      FailureOr<Value> operand = parseFactor();
      if (failed(operand))
        return failure();
      if (std::optional<double> value = getConstant(*operand))
        return constant(-*value);
      return builder.create<arith::NegFOp>(loc, *operand).getResult();
    }
    if (c == '(') {
      ++pos;
      FailureOr<Value> inner = parseSum();
      skipSpaces();
      if (failed(inner))
        return failure();
      if (pos >= text.size() || text[pos] != ')')
        return error("missing ')'");
      ++pos;
      return inner;
    }
    if (c == 'P') {
      size_t end = ++pos;
      while (end < text.size() && std::isdigit(text[end]))
        ++end;
      unsigned index;
      if (end == pos || text.slice(pos, end).getAsInteger(10, index))
        return error("expected a parameter number after 'P'");
      pos = end;
      if (index >= params.size())
        return error("uses P" + std::to_string(index) + " but the gate has " +
                     std::to_string(params.size()) + " parameter(s)");
      return Value(params[index]);
    }
    if (text.substr(pos).starts_with("pi")) {
      pos += 2;
      return constant(llvm::numbers::pi);
    }
    size_t end = pos;
    while (end < text.size() &&
           (std::isdigit(text[end]) || text[end] == '.' || text[end] == 'e' ||
            ((text[end] == '+' || text[end] == '-') && end > pos &&
             text[end - 1] == 'e')))
      ++end;
    double number;
    if (end == pos || text.slice(pos, end).getAsDouble(number))
      return error("unexpected '" + text.substr(pos, 1).str() + "'");
    pos = end;
    return constant(number);
  }

  // Folded by hand: createOrFold erases behind a conversion rewriter's back.
  template <typename Op, typename Fn>
  Value combine(Value lhs, Value rhs, Fn apply) {
    std::optional<double> a = getConstant(lhs), b = getConstant(rhs);
    if (a && b)
      return constant(apply(*a, *b));
    return builder.create<Op>(loc, lhs, rhs);
  }
  static std::optional<double> getConstant(Value value) {
    APFloat constant(0.0);
    if (matchPattern(value, m_ConstantFloat(&constant)))
      return constant.convertToDouble();
    return std::nullopt;
  }
  Value constant(double value) {
    return builder.create<arith::ConstantOp>(loc,
                                             builder.getF64FloatAttr(value));
  }
  void skipSpaces() {
    while (pos < text.size() && text[pos] == ' ')
      ++pos;
  }
  FailureOr<Value> error(const std::string &what) {
    emitError(loc) << "cannot evaluate the calibrated phase '" << text
                   << "': " << what;
    return failure();
  }

  OpBuilder &builder;
  Location loc;
  StringRef text;
  ValueRange params;
  size_t pos = 0;
};

} // namespace

FailureOr<Value> qopt::buildPhaseExpression(OpBuilder &builder, Location loc,
                                            StringRef expression,
                                            ValueRange params) {
  return PhaseParser(builder, loc, expression, params).parse();
}
