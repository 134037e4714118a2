//===- MlirInputLimits.cpp - inputs MLIR's parser cannot survive ----------===//

#include "qopt/Translation/MlirInputLimits.h"

#include "mlir/IR/Diagnostics.h"
#include "mlir/IR/Location.h"
#include "llvm/ADT/StringExtras.h"

using namespace mlir;

static bool isIdentifierChar(char c) {
  return llvm::isAlnum(c) || c == '_' || c == '$' || c == '.' || c == '-';
}

/// If `at` starts a string literal or a `//` comment, where it ends (its
/// closing quote or the newline after it; `end` if none); else null. A
/// string ends at an unescaped quote or at the line's end, where the parser
/// reports it.
static const char *skipStringOrComment(const char *at, const char *end) {
  if (*at == '"') {
    for (++at; at < end && *at != '"' && *at != '\n'; ++at)
      if (*at == '\\' && at + 1 < end)
        ++at;
    return at;
  }
  if (*at == '/' && at + 1 < end && at[1] == '/') {
    while (at < end && *at != '\n')
      ++at;
    return at;
  }
  return nullptr;
}

const char *qopt::findHugeResultNumber(llvm::StringRef text) {
  const char *end = text.end();
  for (const char *at = text.begin(); at < end; ++at) {
    if (const char *skipped = skipStringOrComment(at, end)) {
      if (skipped == end)
        break;
      at = skipped;
      continue;
    }
    if (*at != '%')
      continue;
    const char *name = at;
    for (++at; at < end && isIdentifierChar(*at); ++at)
      ;
    // `%x #N` is a result number too: the lexer skips whitespace, NUL
    // bytes and comments between the two tokens.
    const char *hash = at;
    while (hash < end) {
      if (llvm::isSpace(*hash) || *hash == '\0') {
        ++hash;
      } else if (*hash == '/' && hash + 1 < end && hash[1] == '/') {
        while (hash < end && *hash != '\n')
          ++hash;
      } else {
        break;
      }
    }
    if (hash == end || *hash != '#') {
      --at;
      continue;
    }
    at = hash + 1;
    unsigned long long number = 0;
    bool huge = false;
    for (; at < end && llvm::isDigit(*at); ++at) {
      number = number * 10 + (*at - '0');
      huge |= number > kMaxMlirResultNumber;
    }
    if (huge)
      return name;
    --at; // The loop's increment resumes after the digits.
  }
  return nullptr;
}

const char *qopt::findDeepNesting(llvm::StringRef text) {
  const char *end = text.end();
  unsigned depth = 0;
  for (const char *at = text.begin(); at < end; ++at) {
    if (const char *skipped = skipStringOrComment(at, end)) {
      if (skipped == end)
        break;
      at = skipped;
      continue;
    }
    switch (*at) {
    case '(':
    case '[':
    case '{':
    case '<':
      if (++depth > kMaxMlirNesting)
        return at;
      break;
    case '>':
      if (at != text.begin() && at[-1] == '-')
        break;
      [[fallthrough]];
    case ')':
    case ']':
    case '}':
      if (depth)
        --depth;
      break;
    default:
      break;
    }
  }
  return nullptr;
}

LogicalResult qopt::checkMlirInputLimits(const llvm::SourceMgr &sourceMgr,
                                         unsigned bufferId,
                                         MLIRContext *context) {
  const llvm::MemoryBuffer *buffer = sourceMgr.getMemoryBuffer(bufferId);
  auto locationOf = [&](const char *at) {
    auto [line, column] =
        sourceMgr.getLineAndColumn(llvm::SMLoc::getFromPointer(at), bufferId);
    return FileLineColLoc::get(context, buffer->getBufferIdentifier(), line,
                               column);
  };
  if (const char *deep = findDeepNesting(buffer->getBuffer()))
    return emitError(locationOf(deep))
           << "brackets nested more than " << kMaxMlirNesting
           << " deep (MLIR's parser recurses once per level and would "
              "overflow its stack)";
  const char *huge = findHugeResultNumber(buffer->getBuffer());
  if (!huge)
    return success();
  // Quoted as `%name#N`, whatever separates the two.
  llvm::StringRef rest(huge, buffer->getBufferEnd() - huge);
  llvm::StringRef name =
      rest.take_while([](char c) { return isIdentifierChar(c) || c == '%'; });
  llvm::StringRef digits = rest.drop_until([](char c) { return c == '#'; })
                               .drop_front()
                               .take_while(llvm::isDigit);
  std::string use = (name + "#" + digits).str();
  return emitError(locationOf(huge))
         << "result number in '" << use << "' is above " << kMaxMlirResultNumber
         << ", more results than any operation has (MLIR's parser would "
            "reserve memory for every one of them)";
}
