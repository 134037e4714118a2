//===- QasmLexer.h - OpenQASM 2 tokens --------------------------*- C++ -*-===//

#ifndef QOPT_LIB_TRANSLATION_QASMLEXER_H
#define QOPT_LIB_TRANSLATION_QASMLEXER_H

#include "llvm/ADT/StringRef.h"
#include "llvm/ADT/Twine.h"
#include "llvm/Support/SMLoc.h"

#include <string>

namespace qopt::qasm {

enum class TokenKind {
  Eof,
  Error,
  Identifier,
  Integer,
  Real,
  String,
  // Keywords.
  KwOpenQasm,
  KwInclude,
  KwQreg,
  KwCreg,
  KwGate,
  KwOpaque,
  KwMeasure,
  KwReset,
  KwBarrier,
  KwIf,
  KwPi,
  // Punctuation.
  Semicolon,
  Comma,
  LParen,
  RParen,
  LBracket,
  RBracket,
  LBrace,
  RBrace,
  Arrow,
  EqualEqual,
  Plus,
  Minus,
  Star,
  Slash,
  Caret,
};

struct Token {
  TokenKind kind;
  llvm::StringRef spelling;

  llvm::SMLoc getLoc() const {
    return llvm::SMLoc::getFromPointer(spelling.begin());
  }
  llvm::SMLoc getEndLoc() const {
    return llvm::SMLoc::getFromPointer(spelling.end());
  }
  bool is(TokenKind k) const { return kind == k; }
};

/// Splits one buffer into tokens, skipping whitespace and comments (`//` to
/// the end of the line, and `/* */`).
class Lexer {
public:
  explicit Lexer(llvm::StringRef buffer)
      : buffer(buffer), current(buffer.begin()) {}
  Token next();

  /// Describes the error an Error token stands for.
  llvm::StringRef getErrorMessage() const { return errorMessage; }

private:
  Token make(TokenKind kind, const char *start) {
    return Token{kind, llvm::StringRef(start, current - start)};
  }
  Token error(const char *start, const llvm::Twine &message) {
    errorMessage = message.str();
    return make(TokenKind::Error, start);
  }
  Token lexNumber(const char *start);
  Token lexIdentifier(const char *start);
  Token lexString(const char *start);

  llvm::StringRef buffer;
  const char *current;
  std::string errorMessage;
};

/// A readable name of a token kind, for "expected X" messages.
llvm::StringRef describe(TokenKind kind);

} // namespace qopt::qasm

#endif // QOPT_LIB_TRANSLATION_QASMLEXER_H
