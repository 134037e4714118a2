//===- QasmLexer.cpp - OpenQASM 2 tokens ----------------------------------===//

#include "QasmLexer.h"

#include "llvm/ADT/StringSwitch.h"

#include <cctype>

using namespace qopt::qasm;

Token Lexer::next() {
  const char *end = buffer.end();
  while (true) {
    while (current != end && std::isspace(static_cast<unsigned char>(*current)))
      ++current;
    if (current + 1 < end && current[0] == '/' && current[1] == '/') {
      while (current != end && *current != '\n')
        ++current;
      continue;
    }
    if (current + 1 < end && current[0] == '/' && current[1] == '*') {
      const char *start = current;
      current += 2;
      while (current + 1 < end && !(current[0] == '*' && current[1] == '/'))
        ++current;
      if (current + 1 >= end) {
        current = end;
        return error(start, "unterminated '/*' comment");
      }
      current += 2;
      continue;
    }
    break;
  }
  if (current == end)
    return Token{TokenKind::Eof, llvm::StringRef(end, 0)};

  const char *start = current;
  char c = *current++;
  switch (c) {
  case ';':
    return make(TokenKind::Semicolon, start);
  case ',':
    return make(TokenKind::Comma, start);
  case '(':
    return make(TokenKind::LParen, start);
  case ')':
    return make(TokenKind::RParen, start);
  case '[':
    return make(TokenKind::LBracket, start);
  case ']':
    return make(TokenKind::RBracket, start);
  case '{':
    return make(TokenKind::LBrace, start);
  case '}':
    return make(TokenKind::RBrace, start);
  case '+':
    return make(TokenKind::Plus, start);
  case '*':
    return make(TokenKind::Star, start);
  case '/':
    return make(TokenKind::Slash, start);
  case '^':
    return make(TokenKind::Caret, start);
  case '-':
    if (current != end && *current == '>') {
      ++current;
      return make(TokenKind::Arrow, start);
    }
    return make(TokenKind::Minus, start);
  case '=':
    if (current != end && *current == '=') {
      ++current;
      return make(TokenKind::EqualEqual, start);
    }
    return error(start, "expected '==' (a lone '=' is not OpenQASM 2)");
  case '"':
    return lexString(start);
  default:
    break;
  }
  if (std::isdigit(static_cast<unsigned char>(c)) || c == '.')
    return lexNumber(start);
  if (std::isalpha(static_cast<unsigned char>(c)) || c == '_')
    return lexIdentifier(start);
  return error(start, "unexpected character '" + llvm::Twine(c) + "'");
}

Token Lexer::lexNumber(const char *start) {
  const char *end = buffer.end();
  auto digits = [&] {
    while (current != end && std::isdigit(static_cast<unsigned char>(*current)))
      ++current;
  };
  current = start;
  digits();
  bool isReal = false;
  if (current != end && *current == '.') {
    isReal = true;
    ++current;
    digits();
  }
  if (current != end && (*current == 'e' || *current == 'E')) {
    const char *exponent = current++;
    if (current != end && (*current == '+' || *current == '-'))
      ++current;
    if (current == end || !std::isdigit(static_cast<unsigned char>(*current))) {
      current = exponent + 1;
      return error(start, "malformed exponent in number");
    }
    digits();
    isReal = true;
  }
  if (llvm::StringRef(start, current - start) == ".")
    return error(start, "expected a digit after '.'");
  return make(isReal ? TokenKind::Real : TokenKind::Integer, start);
}

Token Lexer::lexIdentifier(const char *start) {
  const char *end = buffer.end();
  while (
      current != end &&
      (std::isalnum(static_cast<unsigned char>(*current)) || *current == '_'))
    ++current;
  llvm::StringRef spelling(start, current - start);
  TokenKind kind = llvm::StringSwitch<TokenKind>(spelling)
                       .Case("OPENQASM", TokenKind::KwOpenQasm)
                       .Case("include", TokenKind::KwInclude)
                       .Case("qreg", TokenKind::KwQreg)
                       .Case("creg", TokenKind::KwCreg)
                       .Case("gate", TokenKind::KwGate)
                       .Case("opaque", TokenKind::KwOpaque)
                       .Case("measure", TokenKind::KwMeasure)
                       .Case("reset", TokenKind::KwReset)
                       .Case("barrier", TokenKind::KwBarrier)
                       .Case("if", TokenKind::KwIf)
                       .Case("pi", TokenKind::KwPi)
                       .Default(TokenKind::Identifier);
  return make(kind, start);
}

Token Lexer::lexString(const char *start) {
  const char *end = buffer.end();
  while (current != end && *current != '"' && *current != '\n')
    ++current;
  if (current == end || *current != '"')
    return error(start, "unterminated string");
  ++current;
  return make(TokenKind::String, start);
}

llvm::StringRef qopt::qasm::describe(TokenKind kind) {
  switch (kind) {
  case TokenKind::Eof:
    return "end of file";
  case TokenKind::Error:
    return "invalid token";
  case TokenKind::Identifier:
    return "an identifier";
  case TokenKind::Integer:
    return "an integer";
  case TokenKind::Real:
    return "a number";
  case TokenKind::String:
    return "a string";
  case TokenKind::KwOpenQasm:
    return "'OPENQASM'";
  case TokenKind::KwInclude:
    return "'include'";
  case TokenKind::KwQreg:
    return "'qreg'";
  case TokenKind::KwCreg:
    return "'creg'";
  case TokenKind::KwGate:
    return "'gate'";
  case TokenKind::KwOpaque:
    return "'opaque'";
  case TokenKind::KwMeasure:
    return "'measure'";
  case TokenKind::KwReset:
    return "'reset'";
  case TokenKind::KwBarrier:
    return "'barrier'";
  case TokenKind::KwIf:
    return "'if'";
  case TokenKind::KwPi:
    return "'pi'";
  case TokenKind::Semicolon:
    return "';'";
  case TokenKind::Comma:
    return "','";
  case TokenKind::LParen:
    return "'('";
  case TokenKind::RParen:
    return "')'";
  case TokenKind::LBracket:
    return "'['";
  case TokenKind::RBracket:
    return "']'";
  case TokenKind::LBrace:
    return "'{'";
  case TokenKind::RBrace:
    return "'}'";
  case TokenKind::Arrow:
    return "'->'";
  case TokenKind::EqualEqual:
    return "'=='";
  case TokenKind::Plus:
    return "'+'";
  case TokenKind::Minus:
    return "'-'";
  case TokenKind::Star:
    return "'*'";
  case TokenKind::Slash:
    return "'/'";
  case TokenKind::Caret:
    return "'^'";
  }
  return "token";
}
