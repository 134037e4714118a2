//===- JsonReader.cpp - walking calibration JSON with diagnostics ---------===//

#include "TargetLoading.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/SHA256.h"

#include <charconv>
#include <cmath>

using namespace mlir;
using namespace qopt::target;
using llvm::json::Array;
using llvm::json::Object;
using JsonValue = llvm::json::Value;

JsonReader::Scope::Scope(JsonReader &reader, std::vector<JsonStep> steps)
    : reader(reader), depth(reader.path.size()) {
  for (JsonStep &step : steps) {
    const JsonValue *current = reader.values.back();
    const JsonValue *next = nullptr;
    if (current) {
      if (auto *key = std::get_if<std::string>(&step)) {
        if (const Object *object = current->getAsObject())
          next = object->get(*key);
      } else if (const Array *array = current->getAsArray()) {
        size_t index = std::get<size_t>(step);
        if (index < array->size())
          next = &(*array)[index];
      }
    }
    reader.path.push_back(std::move(step));
    reader.values.push_back(next);
  }
}

JsonReader::Scope::~Scope() {
  reader.path.resize(depth);
  reader.values.resize(depth + 1);
}

InFlightDiagnostic JsonReader::errorAt(std::vector<JsonStep> steps,
                                       const llvm::Twine &message) {
  errored = true;
  std::vector<JsonStep> full = path;
  full.insert(full.end(), steps.begin(), steps.end());
  return emitError(file.locate(full))
         << JsonFile::describe(full) << ": " << message;
}

const Object *JsonReader::object() {
  const JsonValue *value = values.back();
  const Object *object = value ? value->getAsObject() : nullptr;
  if (!object)
    error("expected a JSON object");
  return object;
}

const JsonValue *JsonReader::lookup(llvm::StringRef key, bool required) {
  const JsonValue *value = values.back();
  const Object *object = value ? value->getAsObject() : nullptr;
  const JsonValue *found = object ? object->get(key) : nullptr;
  if (!found && required)
    error("missing '") << key << "'";
  return found;
}

const Array *JsonReader::array(llvm::StringRef key) {
  const JsonValue *value = lookup(key, true);
  if (!value)
    return nullptr;
  const Array *array = value->getAsArray();
  if (!array)
    errorAt({key.str()}, "expected a list");
  return array;
}

std::optional<int64_t> JsonReader::integer(llvm::StringRef key, bool required) {
  const JsonValue *value = lookup(key, required);
  if (!value)
    return std::nullopt;
  std::optional<int64_t> result = value->getAsInteger();
  if (!result) {
    // Integral doubles (e.g. 160.0) are fine. The range is checked first:
    // converting 4e85 to an integer is undefined (found by the target
    // fuzzer).
    if (std::optional<double> d = value->getAsNumber())
      if (std::abs(*d) < 0x1p63 && *d == std::trunc(*d))
        return int64_t(*d);
    errorAt({key.str()}, "expected an integer");
  }
  return result;
}

std::optional<double> JsonReader::number(llvm::StringRef key, bool required) {
  const JsonValue *value = lookup(key, required);
  if (!value)
    return std::nullopt;
  std::optional<double> result = value->getAsNumber();
  if (!result)
    errorAt({key.str()}, "expected a number");
  return result;
}

std::optional<std::string> JsonReader::string(llvm::StringRef key,
                                              bool required) {
  const JsonValue *value = lookup(key, required);
  if (!value)
    return std::nullopt;
  std::optional<llvm::StringRef> result = value->getAsString();
  if (!result) {
    errorAt({key.str()}, "expected a string");
    return std::nullopt;
  }
  return result->str();
}

std::optional<std::vector<std::string>>
JsonReader::stringArray(llvm::StringRef key) {
  const Array *list = array(key);
  if (!list)
    return std::nullopt;
  std::vector<std::string> result;
  for (size_t i = 0; i < list->size(); ++i) {
    std::optional<llvm::StringRef> s = (*list)[i].getAsString();
    if (!s) {
      errorAt({key.str(), i}, "expected a string");
      return std::nullopt;
    }
    result.push_back(s->str());
  }
  return result;
}

std::optional<std::vector<double>> JsonReader::numberArray(llvm::StringRef key,
                                                           bool required) {
  if (!lookup(key, required))
    return std::nullopt;
  const Array *list = array(key);
  if (!list)
    return std::nullopt;
  std::vector<double> result;
  for (size_t i = 0; i < list->size(); ++i) {
    std::optional<double> d = (*list)[i].getAsNumber();
    if (!d) {
      errorAt({key.str(), i}, "expected a number");
      return std::nullopt;
    }
    result.push_back(*d);
  }
  return result;
}

std::optional<std::vector<unsigned>>
JsonReader::indexArray(llvm::StringRef key, unsigned limit, bool required) {
  if (!lookup(key, required))
    return std::nullopt;
  const Array *list = array(key);
  if (!list)
    return std::nullopt;
  std::vector<unsigned> result;
  for (size_t i = 0; i < list->size(); ++i) {
    std::optional<int64_t> index = (*list)[i].getAsInteger();
    if (!index || *index < 0 || *index >= int64_t(limit)) {
      if (index)
        errorAt({key.str(), i}, "qubit ")
            << *index << " is out of range for a device of " << limit
            << " qubits";
      else
        errorAt({key.str(), i}, "expected a qubit index");
      return std::nullopt;
    }
    result.push_back(*index);
  }
  return result;
}

std::optional<std::vector<std::pair<unsigned, unsigned>>>
JsonReader::pairArray(llvm::StringRef key, unsigned limit) {
  const Array *list = array(key);
  if (!list)
    return std::nullopt;
  std::vector<std::pair<unsigned, unsigned>> result;
  for (size_t i = 0; i < list->size(); ++i) {
    const Array *pair = (*list)[i].getAsArray();
    std::optional<int64_t> a, b;
    if (pair && pair->size() == 2) {
      a = (*pair)[0].getAsInteger();
      b = (*pair)[1].getAsInteger();
    }
    if (!a || !b) {
      errorAt({key.str(), i}, "expected a pair of qubit indices");
      return std::nullopt;
    }
    for (int64_t q : {*a, *b})
      if (q < 0 || q >= int64_t(limit)) {
        errorAt({key.str(), i}, "qubit ")
            << q << " is out of range for a device of " << limit << " qubits";
        return std::nullopt;
      }
    if (*a == *b) {
      errorAt({key.str(), i}, "a coupling joins qubit ") << *a << " to itself";
      return std::nullopt;
    }
    result.push_back({unsigned(*a), unsigned(*b)});
  }
  return result;
}

std::optional<std::pair<std::string, double>> JsonReader::namedValue(
    const JsonValue &value,
    const std::function<std::optional<double>(llvm::StringRef)> &unitScale) {
  const Object *object = value.getAsObject();
  std::optional<llvm::StringRef> name =
      object ? object->getString("name") : std::nullopt;
  std::optional<double> number =
      object ? object->getNumber("value") : std::nullopt;
  if (!name) {
    error("expected an entry with a 'name'");
    return std::nullopt;
  }
  if (!number) {
    errorAt({"value"}, "'") << *name << "' needs a numeric 'value'";
    return std::nullopt;
  }
  llvm::StringRef unit = object->getString("unit").value_or("");
  std::optional<double> scale = unitScale(unit);
  if (!scale) {
    errorAt({"unit"}, "unknown unit '") << unit << "' for '" << *name << "'";
    return std::nullopt;
  }
  return std::make_pair(name->str(), *number * *scale);
}

std::optional<std::complex<double>>
JsonReader::complexNumber(const JsonValue &value, std::vector<JsonStep> steps) {
  if (std::optional<double> real = value.getAsNumber())
    return std::complex<double>(*real, 0);
  const Array *pair = value.getAsArray();
  if (pair && pair->size() == 2 && (*pair)[0].getAsNumber() &&
      (*pair)[1].getAsNumber())
    return std::complex<double>(*(*pair)[0].getAsNumber(),
                                *(*pair)[1].getAsNumber());
  errorAt(std::move(steps), "expected a complex number [re, im]");
  return std::nullopt;
}

std::string qopt::target::hashContents(llvm::ArrayRef<llvm::StringRef> texts) {
  llvm::SHA256 hasher;
  for (llvm::StringRef text : texts) {
    hasher.update(text);
    hasher.update(llvm::StringRef("\0", 1));
  }
  std::array<uint8_t, 32> digest = hasher.final();
  std::string out = "sha256:";
  for (uint8_t byte : digest)
    out += llvm::utohexstr(byte, /*LowerCase=*/true, /*Width=*/2);
  return out;
}

std::string qopt::target::formatNumber(double value) {
  char buffer[64];
  auto result = std::to_chars(buffer, buffer + sizeof(buffer), value);
  return std::string(buffer, result.ptr);
}
