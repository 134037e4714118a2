//===- IBMBackendLoader.cpp - IBM backend conf/props/defs JSON ------------===//
//
// Reads the three files IBM backends publish (as in Qiskit's fake
// providers): conf_<name>.json for the structure, props_<name>.json for the
// calibration, and the optional defs_<name>.json for the pulse schedules.
//
//===----------------------------------------------------------------------===//

#include "TargetLoading.h"

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"

#include <cmath>

using namespace mlir;
using namespace qopt;
using namespace qopt::target;
using llvm::json::Array;
using llvm::json::Object;
using JsonValue = llvm::json::Value;

namespace {

/// Scale factor from a props `unit` to qopt's units (ns, GHz).
std::optional<double> unitScale(llvm::StringRef unit) {
  return llvm::StringSwitch<std::optional<double>>(unit)
      .Cases("", "ns", "GHz", 1.0)
      .Case("us", 1e3)
      .Case("µs", 1e3)
      .Case("ms", 1e6)
      .Case("s", 1e9)
      .Case("MHz", 1e-3)
      .Case("kHz", 1e-6)
      .Case("Hz", 1e-9)
      .Default(std::nullopt);
}

LogicalResult readConf(JsonReader &reader, Target &target) {
  const Object *root = reader.object();
  if (!root)
    return failure();
  std::optional<int64_t> n = reader.integer("n_qubits", /*required=*/true);
  if (!n)
    return failure();
  if (*n <= 0 || *n > 100000)
    return reader.errorAt({"n_qubits"},
                          "the qubit count must be positive, got ")
           << *n;
  target.numQubits = *n;
  if (auto name = reader.string("backend_name", /*required=*/false))
    target.backendName = *name;
  std::optional<std::vector<std::string>> basis =
      reader.stringArray("basis_gates");
  if (!basis)
    return failure();
  target.basisGates = *basis;
  if (auto dt = reader.number("dt", /*required=*/false)) {
    if (*dt <= 0)
      return reader.errorAt({"dt"}, "dt must be positive, got ") << *dt;
    target.dtNs = *dt;
  }
  auto pairs = reader.pairArray("coupling_map", target.numQubits);
  if (!pairs)
    return failure();
  target.couplingMap = *pairs;

  // Control channels: "u<k>": {"operates": {"qubits": [c, t]}, ...}.
  if (const Object *channels = root->getObject("channels")) {
    for (const auto &[key, value] : *channels) {
      llvm::StringRef name = key;
      unsigned index;
      if (!name.consume_front("u") || name.getAsInteger(10, index))
        continue;
      JsonReader::Scope scope(reader,
                              {"channels", key.str(), "operates", "qubits"});
      const Object *channel = value.getAsObject();
      const Object *operates =
          channel ? channel->getObject("operates") : nullptr;
      const Array *qubits = operates ? operates->getArray("qubits") : nullptr;
      if (!qubits || qubits->size() != 2 || !(*qubits)[0].getAsInteger() ||
          !(*qubits)[1].getAsInteger())
        return reader.error("a control channel must operate on two qubits");
      int64_t c = *(*qubits)[0].getAsInteger(),
              t = *(*qubits)[1].getAsInteger();
      if (c < 0 || t < 0 || c >= *n || t >= *n)
        return reader.error("control channel qubit out of range");
      target.controlChannels.push_back({index, unsigned(c), unsigned(t)});
    }
    llvm::sort(target.controlChannels,
               [](const auto &a, const auto &b) { return a.index < b.index; });
  }

  // The Hamiltonian estimate's drive strengths, "omegad<i>" in rad/ns.
  target.qubits.resize(target.numQubits);
  if (const Object *hamiltonian = root->getObject("hamiltonian"))
    if (const Object *vars = hamiltonian->getObject("vars"))
      for (unsigned q = 0; q < target.numQubits; ++q)
        if (std::optional<double> omegad =
                vars->getNumber("omegad" + std::to_string(q))) {
          if (!(*omegad > 0) || !std::isfinite(*omegad))
            return reader.errorAt({"hamiltonian", "vars"},
                                  "drive strength omegad")
                   << q << " must be positive, got " << *omegad;
          target.qubits[q].driveStrengthRadPerNs = *omegad;
        }
  return success();
}

LogicalResult readProps(JsonReader &reader, Target &target) {
  const Object *root = reader.object();
  if (!root)
    return failure();
  if (auto date = reader.string("last_update_date", /*required=*/false))
    target.calibrationDate = *date;
  if (target.backendName.empty())
    if (auto name = reader.string("backend_name", /*required=*/false))
      target.backendName = *name;

  const Array *qubits = reader.array("qubits");
  if (!qubits)
    return failure();
  if (qubits->size() != target.numQubits)
    return reader.errorAt({"qubits"}, "lists ")
           << qubits->size() << " qubits but the configuration has "
           << target.numQubits;
  target.qubits.resize(target.numQubits);
  for (size_t q = 0; q < qubits->size(); ++q) {
    const Array *entries = (*qubits)[q].getAsArray();
    if (!entries)
      return reader.errorAt({"qubits", q}, "expected a list of properties");
    for (size_t e = 0; e < entries->size(); ++e) {
      JsonReader::Scope scope(reader, {"qubits", q, e});
      std::optional<std::pair<std::string, double>> item =
          reader.namedValue((*entries)[e], unitScale);
      if (!item)
        return failure();
      QubitProperties &props = target.qubits[q];
      auto &[name, value] = *item;
      if (name == "T1")
        props.t1Ns = value;
      else if (name == "T2")
        props.t2Ns = value;
      else if (name == "frequency")
        props.frequencyGHz = value;
      else if (name == "anharmonicity")
        props.anharmonicityGHz = value;
      else if (name == "readout_error")
        props.readoutError = value;
      else if (name == "prob_meas0_prep1")
        props.probMeas0Prep1 = value;
      else if (name == "prob_meas1_prep0")
        props.probMeas1Prep0 = value;
      else if (name == "readout_length")
        props.readoutLengthNs = value;
    }
  }

  const Array *gates = reader.array("gates");
  if (!gates)
    return failure();
  for (size_t g = 0; g < gates->size(); ++g) {
    JsonReader::Scope scope(reader, {"gates", g});
    const Object *entry = (*gates)[g].getAsObject();
    if (!entry)
      return reader.error("expected a gate object");
    GateProperties props;
    if (auto name = reader.string("gate"))
      props.gate = *name;
    else
      return failure();
    auto gateQubits = reader.indexArray("qubits", target.numQubits);
    if (!gateQubits)
      return failure();
    props.qubits.assign(gateQubits->begin(), gateQubits->end());
    const Array *parameters = reader.array("parameters");
    if (!parameters)
      return failure();
    for (size_t p = 0; p < parameters->size(); ++p) {
      JsonReader::Scope inner(reader, {"parameters", p});
      auto item = reader.namedValue((*parameters)[p], unitScale);
      if (!item)
        return failure();
      if (item->first == "gate_error")
        props.error = item->second;
      else if (item->first == "gate_length")
        props.lengthNs = item->second;
    }
    target.gates.push_back(std::move(props));
  }
  return success();
}

LogicalResult readInstruction(JsonReader &reader, const JsonValue &value,
                              PulseInstruction &inst) {
  const Object *object = value.getAsObject();
  if (!object)
    return reader.error("expected an instruction object");
  if (auto name = reader.string("name"))
    inst.name = *name;
  else
    return failure();
  if (auto t0 = reader.integer("t0", /*required=*/false))
    inst.t0 = *t0;
  if (auto ch = reader.string("ch", /*required=*/false))
    inst.channel = *ch;
  if (const JsonValue *phase = object->get("phase")) {
    if (auto number = phase->getAsNumber())
      inst.phase = *number;
    else if (auto expr = phase->getAsString())
      inst.phaseExpression = expr->str();
    else
      return reader.errorAt({"phase"}, "expected a number or an expression");
  }
  if (auto frequency = reader.number("frequency", /*required=*/false))
    inst.frequencyGHz = *frequency;
  if (auto duration = reader.integer("duration", /*required=*/false))
    inst.duration = *duration;
  if (auto shape = reader.string("pulse_shape", /*required=*/false))
    inst.pulseShape = *shape;
  if (const Object *params = object->getObject("parameters")) {
    JsonReader::Scope scope(reader, {"parameters"});
    for (const auto &[key, param] : *params) {
      if (key == "amp") {
        auto amp = reader.complexNumber(param, {"amp"});
        if (!amp)
          return failure();
        inst.amp = *amp;
      } else if (auto number = param.getAsNumber()) {
        inst.parameters[key.str()] = *number;
      }
      // Names (e.g. "name") and other annotations are not needed.
    }
  }
  if (inst.name == "acquire") {
    if (auto qubits = reader.indexArray("qubits", 1u << 20, false))
      inst.acquireQubits.assign(qubits->begin(), qubits->end());
    if (auto slots = reader.indexArray("memory_slot", 1u << 20, false))
      inst.memorySlots.assign(slots->begin(), slots->end());
  }
  return success();
}

LogicalResult readDefs(JsonReader &reader, Target &target) {
  const Object *root = reader.object();
  if (!root)
    return failure();
  PulseDefaults defaults;
  if (auto freqs = reader.numberArray("qubit_freq_est", /*required=*/false))
    defaults.qubitFreqEstGHz = *freqs;
  if (auto freqs = reader.numberArray("meas_freq_est", /*required=*/false))
    defaults.measFreqEstGHz = *freqs;
  if (const Array *library = root->getArray("pulse_library")) {
    for (size_t i = 0; i < library->size(); ++i) {
      JsonReader::Scope scope(reader, {"pulse_library", i});
      auto name = reader.string("name");
      const Object *entry = (*library)[i].getAsObject();
      const Array *samples = entry ? entry->getArray("samples") : nullptr;
      if (!name || !samples)
        return reader.error("a library pulse needs a name and samples");
      std::vector<std::complex<double>> values;
      for (size_t s = 0; s < samples->size(); ++s) {
        auto sample = reader.complexNumber((*samples)[s], {"samples", s});
        if (!sample)
          return failure();
        values.push_back(*sample);
      }
      defaults.pulseLibrary[*name] = std::move(values);
    }
  }
  const Array *commands = reader.array("cmd_def");
  if (!commands)
    return failure();
  for (size_t c = 0; c < commands->size(); ++c) {
    JsonReader::Scope scope(reader, {"cmd_def", c});
    GateSchedule schedule;
    auto name = reader.string("name");
    auto qubits = reader.indexArray("qubits", target.numQubits);
    const Object *entry = (*commands)[c].getAsObject();
    const Array *sequence = entry ? entry->getArray("sequence") : nullptr;
    if (!name || !qubits)
      return failure();
    if (!sequence)
      return reader.error("missing 'sequence'");
    schedule.gate = *name;
    schedule.qubits.assign(qubits->begin(), qubits->end());
    for (size_t i = 0; i < sequence->size(); ++i) {
      JsonReader::Scope inner(reader, {"sequence", i});
      PulseInstruction inst;
      if (failed(readInstruction(reader, (*sequence)[i], inst)))
        return failure();
      schedule.sequence.push_back(std::move(inst));
    }
    defaults.commands.push_back(std::move(schedule));
  }
  target.pulses = std::move(defaults);
  return success();
}

/// The one file in `dir` named <prefix>_*.json, if any.
std::optional<std::string> findFile(llvm::StringRef dir,
                                    llvm::StringRef prefix) {
  std::error_code ec;
  std::optional<std::string> found;
  for (llvm::sys::fs::directory_iterator it(dir, ec), end; it != end && !ec;
       it.increment(ec)) {
    llvm::StringRef file = llvm::sys::path::filename(it->path());
    if (file.starts_with((prefix + "_").str()) && file.ends_with(".json"))
      found = it->path();
  }
  return found;
}

} // namespace

FailureOr<std::unique_ptr<Target>>
target::loadIBMBackend(llvm::StringRef dir, MLIRContext *context) {
  std::optional<std::string> conf = findFile(dir, "conf");
  std::optional<std::string> props = findFile(dir, "props");
  std::optional<std::string> defs = findFile(dir, "defs");
  if (!conf || !props)
    return emitError(FileLineColLoc::get(context, dir, 0, 0))
           << "a device directory needs conf_<name>.json and "
              "props_<name>.json; "
           << (!conf ? "conf" : "props") << "_*.json is missing";
  auto target = std::make_unique<Target>();
  target->source = dir.str();
  llvm::StringRef stem = llvm::sys::path::stem(*conf);
  target->name = stem.drop_front(5).str(); // conf_<name>
  std::vector<std::unique_ptr<JsonFile>> files;
  for (const std::string *path : {&*conf, &*props}) {
    files.push_back(JsonFile::load(*path, context));
    if (!files.back())
      return failure();
  }
  JsonReader confReader(*files[0]);
  JsonReader propsReader(*files[1]);
  if (failed(readConf(confReader, *target)) || confReader.hasErrors() ||
      failed(readProps(propsReader, *target)) || propsReader.hasErrors())
    return failure();
  if (defs) {
    files.push_back(JsonFile::load(*defs, context));
    if (!files.back())
      return failure();
    JsonReader defsReader(*files.back());
    if (failed(readDefs(defsReader, *target)) || defsReader.hasErrors())
      return failure();
  }
  std::vector<llvm::StringRef> texts;
  for (const auto &file : files)
    texts.push_back(file->getText());
  target->contentHash = hashContents(texts);
  const JsonFile &confFile = *files[0], &propsFile = *files[1];
  TargetLocations locations{[&](unsigned q) {
                              return propsFile.locate({"qubits", size_t(q)});
                            },
                            [&](size_t g) {
                              return propsFile.locate({"gates", g});
                            },
                            [&](size_t b) {
                              return confFile.locate({"basis_gates", b});
                            },
                            confFile.locate({"coupling_map"})};
  if (failed(verifyTarget(*target, locations)))
    return failure();
  return target;
}
