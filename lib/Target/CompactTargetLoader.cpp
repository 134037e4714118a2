//===- CompactTargetLoader.cpp - qopt's small synthetic target format -----===//
//
// One JSON file describing a synthetic device for tests and experiments; see
// docs/Targets.md. Devices are built from a topology (line, ring, grid) or
// an explicit coupling map, with default calibration values that individual
// qubits and gates may override.
//
//===----------------------------------------------------------------------===//

#include "TargetLoading.h"

#include "llvm/Support/Path.h"

using namespace mlir;
using namespace qopt;
using namespace qopt::target;
using llvm::json::Array;
using llvm::json::Object;

namespace {

/// Reads the qubit fields of the compact format from the current object.
void readQubitFields(JsonReader &reader, QubitProperties &props) {
  auto set = [&](const char *key, std::optional<double> &field, double scale) {
    std::optional<double> v = reader.number(key, /*required=*/false);
    if (v)
      field = *v * scale;
    return v.has_value();
  };
  set("t1_us", props.t1Ns, 1e3);
  set("t2_us", props.t2Ns, 1e3);
  set("frequency_ghz", props.frequencyGHz, 1);
  set("anharmonicity_ghz", props.anharmonicityGHz, 1);
  bool total = set("readout_error", props.readoutError, 1);
  bool p01 = set("prob_meas0_prep1", props.probMeas0Prep1, 1);
  bool p10 = set("prob_meas1_prep0", props.probMeas1Prep0, 1);
  set("readout_length_ns", props.readoutLengthNs, 1);
  // A symmetric readout error when only the total is given here.
  if (total && !p01)
    props.probMeas0Prep1 = props.readoutError;
  if (total && !p10)
    props.probMeas1Prep0 = props.readoutError;
}

std::vector<std::pair<unsigned, unsigned>>
bothWays(const std::vector<std::pair<unsigned, unsigned>> &edges) {
  std::vector<std::pair<unsigned, unsigned>> out;
  for (auto [a, b] : edges) {
    out.push_back({a, b});
    out.push_back({b, a});
  }
  return out;
}

} // namespace

FailureOr<std::unique_ptr<Target>>
target::loadCompactTarget(llvm::StringRef path, MLIRContext *context) {
  std::unique_ptr<JsonFile> file = JsonFile::load(path, context);
  if (!file)
    return failure();
  JsonReader reader(*file);
  const Object *root = reader.object();
  if (!root)
    return failure();
  std::optional<std::string> format = reader.string("format");
  if (!format)
    return failure();
  if (*format != "qopt-target-v1")
    return reader.errorAt({"format"}, "unknown format '")
           << *format << "'; expected \"qopt-target-v1\"";

  auto target = std::make_unique<Target>();
  target->source = path.str();
  target->name =
      reader.string("name", false).value_or(llvm::sys::path::stem(path).str());
  target->backendName = target->name;
  target->calibrationDate =
      reader.string("calibration_date", false).value_or("synthetic");
  std::optional<int64_t> n = reader.integer("num_qubits");
  if (!n)
    return failure();
  if (*n <= 0 || *n > 100000)
    return reader.errorAt({"num_qubits"}, "the qubit count must be positive, "
                                          "got ")
           << *n;
  target->numQubits = *n;
  std::optional<std::vector<std::string>> basis =
      reader.stringArray("basis_gates");
  if (!basis)
    return failure();
  target->basisGates = *basis;
  if (auto dt = reader.number("dt_ns", false))
    target->dtNs = *dt;

  // The coupling graph: a named topology or an explicit list.
  bool directed = false;
  if (const llvm::json::Value *d = root->get("directed")) {
    if (!d->getAsBoolean())
      return reader.errorAt({"directed"}, "expected true or false");
    directed = *d->getAsBoolean();
  }
  if (root->get("coupling_map")) {
    auto pairs = reader.pairArray("coupling_map", target->numQubits);
    if (!pairs)
      return failure();
    target->couplingMap = directed ? *pairs : bothWays(*pairs);
  } else {
    if (!root->get("topology"))
      return reader.error("missing 'topology' (line, ring or grid) or "
                          "'coupling_map'");
    std::optional<std::string> topology = reader.string("topology");
    if (!topology)
      return failure();
    std::vector<std::pair<unsigned, unsigned>> edges;
    unsigned count = target->numQubits;
    if (*topology == "line" || *topology == "ring") {
      for (unsigned q = 0; q + 1 < count; ++q)
        edges.push_back({q, q + 1});
      if (*topology == "ring" && count > 2)
        edges.push_back({count - 1, 0});
    } else if (*topology == "grid") {
      std::optional<int64_t> rows = reader.integer("rows");
      if (!rows)
        return failure();
      if (*rows <= 0 || count % *rows != 0)
        return reader.errorAt({"rows"}, "a grid of ")
               << count << " qubits cannot have " << *rows << " rows";
      unsigned cols = count / *rows;
      for (unsigned r = 0; r < *rows; ++r)
        for (unsigned c = 0; c < cols; ++c) {
          unsigned q = r * cols + c;
          if (c + 1 < cols)
            edges.push_back({q, q + 1});
          if (r + 1 < *rows)
            edges.push_back({q, q + cols});
        }
    } else {
      return reader.errorAt({"topology"}, "unknown topology '")
             << *topology
             << "'; expected line, ring or grid, or give a coupling_map";
    }
    target->couplingMap = bothWays(edges);
  }

  // Optional sections must have the right shape when present.
  for (auto [key, wantArray] :
       {std::make_pair("qubits", true), std::make_pair("gates", true),
        std::make_pair("defaults", false)})
    if (const llvm::json::Value *section = root->get(key))
      if (wantArray ? !section->getAsArray() : !section->getAsObject())
        return reader.errorAt({std::string(key)}, wantArray
                                                      ? "expected a list"
                                                      : "expected an object");

  // Defaults, then per-qubit overrides.
  QubitProperties defaults;
  const Object *defaultsObject = root->getObject("defaults");
  if (defaultsObject) {
    JsonReader::Scope scope(reader, {"defaults"});
    readQubitFields(reader, defaults);
  }
  target->qubits.assign(target->numQubits, defaults);
  if (const Array *qubits = root->getArray("qubits")) {
    for (size_t i = 0; i < qubits->size(); ++i) {
      JsonReader::Scope scope(reader, {"qubits", i});
      std::optional<int64_t> index = reader.integer("index");
      if (!index)
        return failure();
      if (*index < 0 || *index >= *n)
        return reader.errorAt({"index"}, "qubit ")
               << *index << " is out of range for a device of " << *n
               << " qubits";
      readQubitFields(reader, target->qubits[*index]);
    }
  }

  // Gate calibrations: defaults per gate name, then explicit entries.
  std::map<std::string, std::pair<std::optional<double>, std::optional<double>>>
      gateDefaults;
  if (defaultsObject)
    if (const Object *gates = defaultsObject->getObject("gates"))
      for (const auto &[name, value] : *gates) {
        JsonReader::Scope scope(reader, {"defaults", "gates", name.str()});
        gateDefaults[name.str()] = {reader.number("error", false),
                                    reader.number("length_ns", false)};
      }
  llvm::StringRef twoQubit = target->twoQubitGate();
  for (const std::string &gate : target->basisGates) {
    auto it = gateDefaults.find(gate);
    if (it == gateDefaults.end())
      continue;
    if (gate == twoQubit) {
      for (auto [a, b] : target->couplingMap)
        target->gates.push_back(
            {gate, {a, b}, it->second.first, it->second.second});
    } else {
      for (unsigned q = 0; q < target->numQubits; ++q)
        target->gates.push_back(
            {gate, {q}, it->second.first, it->second.second});
    }
  }
  target->reindex();
  size_t firstExplicit = target->gates.size();
  std::vector<size_t> entryOfGate(target->gates.size(), SIZE_MAX);
  if (const Array *gates = root->getArray("gates")) {
    for (size_t i = 0; i < gates->size(); ++i) {
      JsonReader::Scope scope(reader, {"gates", i});
      std::optional<std::string> name = reader.string("gate");
      auto qubits = reader.indexArray("qubits", target->numQubits);
      if (!name || !qubits)
        return failure();
      GateProperties props{*name,
                           {qubits->begin(), qubits->end()},
                           reader.number("error", false),
                           reader.number("length_ns", false)};
      if (const GateProperties *existing = target->findGate(*name, *qubits)) {
        size_t index = existing - target->gates.data();
        target->gates[index] = props;
        entryOfGate[index] = i;
      } else {
        target->gates.push_back(props);
        entryOfGate.push_back(i);
      }
    }
  }
  (void)firstExplicit;
  if (reader.hasErrors())
    return failure();
  target->contentHash = hashContents({file->getText()});

  TargetLocations locations{
      [&](unsigned q) {
        // Point at the qubit's override entry if it has one.
        if (const Array *qubits = root->getArray("qubits"))
          for (size_t i = 0; i < qubits->size(); ++i)
            if (const Object *o = (*qubits)[i].getAsObject())
              if (o->getInteger("index") == int64_t(q))
                return file->locate({"qubits", i});
        return file->locate({"defaults"});
      },
      [&](size_t g) {
        if (g < entryOfGate.size() && entryOfGate[g] != SIZE_MAX)
          return file->locate({"gates", entryOfGate[g]});
        return file->locate({"defaults", "gates", target->gates[g].gate});
      },
      [&](size_t b) {
        return file->locate({"basis_gates", b});
      },
      file->locate({root->get("coupling_map") ? "coupling_map" : "topology"})};
  if (failed(verifyTarget(*target, locations)))
    return failure();
  return target;
}
