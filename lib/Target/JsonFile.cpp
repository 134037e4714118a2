//===- JsonFile.cpp - JSON with file:line:col diagnostics -----------------===//

#include "qopt/Target/JsonFile.h"

#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Regex.h"

using namespace mlir;
using namespace qopt::target;

std::unique_ptr<JsonFile> JsonFile::load(llvm::StringRef path,
                                         MLIRContext *context) {
  auto buffer = llvm::MemoryBuffer::getFile(path);
  if (!buffer) {
    emitError(FileLineColLoc::get(context, path, 0, 0))
        << "cannot read '" << path << "': " << buffer.getError().message();
    return nullptr;
  }
  std::string text = (*buffer)->getBuffer().str();
  llvm::Expected<llvm::json::Value> value = llvm::json::parse(text);
  if (!value) {
    // llvm::json reports "[line:col, byte=N]: message".
    std::string message = llvm::toString(value.takeError());
    unsigned line = 0, column = 0;
    llvm::SmallVector<llvm::StringRef> groups;
    llvm::Regex pattern("^\\[([0-9]+):([0-9]+), byte=[0-9]+\\]: (.*)$");
    if (pattern.match(message, &groups)) {
      groups[1].getAsInteger(10, line);
      groups[2].getAsInteger(10, column);
      message = groups[3].str();
    }
    emitError(FileLineColLoc::get(context, path, line, column))
        << "invalid JSON: " << message;
    return nullptr;
  }
  return std::unique_ptr<JsonFile>(
      new JsonFile(path.str(), std::move(text), std::move(*value), context));
}

namespace {

/// Finds the byte offset of a value by scanning the text along `steps`.
class Locator {
public:
  explicit Locator(llvm::StringRef text) : text(text) {}

  std::optional<size_t> find(llvm::ArrayRef<JsonStep> steps) {
    skipSpace();
    if (steps.empty())
      return pos;
    if (pos >= text.size())
      return std::nullopt;
    if (text[pos] == '{' && std::holds_alternative<std::string>(steps[0])) {
      ++pos;
      while (true) {
        skipSpace();
        if (pos >= text.size() || text[pos] == '}')
          return std::nullopt;
        std::optional<std::string> key = readString();
        skipSpace();
        if (!key || pos >= text.size() || text[pos] != ':')
          return std::nullopt;
        ++pos;
        if (*key == std::get<std::string>(steps[0]))
          return find(steps.drop_front());
        if (!skipValue())
          return std::nullopt;
        skipSpace();
        if (pos < text.size() && text[pos] == ',')
          ++pos;
      }
    }
    if (text[pos] == '[' && std::holds_alternative<size_t>(steps[0])) {
      ++pos;
      for (size_t index = 0;; ++index) {
        skipSpace();
        if (pos >= text.size() || text[pos] == ']')
          return std::nullopt;
        if (index == std::get<size_t>(steps[0]))
          return find(steps.drop_front());
        if (!skipValue())
          return std::nullopt;
        skipSpace();
        if (pos < text.size() && text[pos] == ',')
          ++pos;
      }
    }
    return std::nullopt;
  }

private:
  void skipSpace() {
    while (pos < text.size() &&
           std::isspace(static_cast<unsigned char>(text[pos])))
      ++pos;
  }
  std::optional<std::string> readString() {
    if (pos >= text.size() || text[pos] != '"')
      return std::nullopt;
    std::string out;
    for (++pos; pos < text.size() && text[pos] != '"'; ++pos) {
      if (text[pos] == '\\')
        ++pos;
      if (pos < text.size())
        out.push_back(text[pos]);
    }
    ++pos;
    return out;
  }
  bool skipValue() {
    skipSpace();
    if (pos >= text.size())
      return false;
    char c = text[pos];
    if (c == '"')
      return readString().has_value();
    if (c == '{' || c == '[') {
      int depth = 0;
      for (; pos < text.size(); ++pos) {
        char d = text[pos];
        if (d == '"') {
          readString();
          --pos;
        } else if (d == '{' || d == '[') {
          ++depth;
        } else if (d == '}' || d == ']') {
          if (--depth == 0) {
            ++pos;
            return true;
          }
        }
      }
      return false;
    }
    while (pos < text.size() && text[pos] != ',' && text[pos] != '}' &&
           text[pos] != ']')
      ++pos;
    return true;
  }

  llvm::StringRef text;
  size_t pos = 0;
};

} // namespace

Location JsonFile::locate(llvm::ArrayRef<JsonStep> steps) const {
  std::optional<size_t> offset = Locator(text).find(steps);
  size_t at = offset.value_or(0);
  unsigned line = 1, column = 1;
  for (size_t i = 0; i < at && i < text.size(); ++i) {
    if (text[i] == '\n') {
      ++line;
      column = 1;
    } else {
      ++column;
    }
  }
  return FileLineColLoc::get(context, path, line, column);
}

std::string JsonFile::describe(llvm::ArrayRef<JsonStep> steps) {
  std::string out;
  for (const JsonStep &step : steps) {
    if (const auto *key = std::get_if<std::string>(&step)) {
      if (!out.empty())
        out += ".";
      out += *key;
    } else {
      out += "[" + std::to_string(std::get<size_t>(step)) + "]";
    }
  }
  return out.empty() ? "the document" : out;
}
