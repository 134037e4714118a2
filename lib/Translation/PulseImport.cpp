//===- PulseImport.cpp - qopt-pulse-v1 JSON to scheduled pulse programs ---===//
//
// Reads the JSON that exportPulseJson writes (and the Qobj-style variants
// described in docs/PulseOutput.md) in two steps: the whole document is
// checked and turned into plain instructions first, so that every error
// names the JSON path of the offending value, and only then is IR built,
// in time order, which is a valid program order for the schedule verifier.
//
//===----------------------------------------------------------------------===//

#include "qopt/Translation/PulseExport.h"

#include "qopt/Dialect/Pulse/Pulse.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/IR/Builders.h"
#include "mlir/IR/Diagnostics.h"
#include "mlir/IR/Verifier.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/SourceMgr.h"

#include <cmath>
#include <limits>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

using namespace mlir;
using namespace qopt;
using namespace qopt::pulse;

namespace {

/// A JSON value as written, for messages.
std::string describe(const llvm::json::Value &value) {
  std::string text;
  llvm::raw_string_ostream os(text);
  os << value;
  return text;
}

using Channel = std::pair<ChannelKind, int64_t>;

struct Envelope {
  enum class Shape { Gaussian, GaussianSquare, Drag, Constant, Sampled };
  Shape shape;
  int64_t duration = 0;
  double amp = 0, angle = 0, sigma = 0, width = 0, beta = 0;
  /// Sampled: the pulse library entry's name.
  std::string library;

  auto key() const {
    return std::tie(shape, duration, amp, angle, sigma, width, beta, library);
  }
  bool operator<(const Envelope &other) const { return key() < other.key(); }
};

struct Instruction {
  enum class Kind {
    Play,
    Delay,
    ShiftPhase,
    SetPhase,
    ShiftFrequency,
    SetFrequency,
    Capture,
    Barrier
  };
  Kind kind;
  /// The JSON path, e.g. schedules[0].instructions[3], for locations.
  std::string path;
  /// Position in the JSON, which breaks ties in time.
  size_t order = 0;
  int64_t t0 = 0;
  int64_t duration = 0;
  std::vector<Channel> channels;
  double value = 0;
  Envelope envelope;
  std::optional<int64_t> memorySlot;
};

struct Schedule {
  std::string path;
  std::string name;
  int64_t duration = 0;
  int64_t memorySlots = 0;
  std::vector<Instruction> instructions;
};

/// The polar form (amp, angle) whose complexAmplitude is exactly `re + i
/// im`, so that export -> import -> export repeats the same numbers. The
/// closed form hypot/atan2 can be an ulp or two away from such a pair; the
/// nearby doubles are searched for one.
std::pair<double, double> polarAmplitude(double re, double im) {
  auto same = [](double a, double b) {
    return a == b && std::signbit(a) == std::signbit(b);
  };
  auto reproduces = [&](double amp, double angle) {
    std::complex<double> z = complexAmplitude(amp, angle);
    return same(z.real(), re) && same(z.imag(), im);
  };
  double amp = std::hypot(re, im), angle = std::atan2(im, re);
  auto neighbours = [](double center, int steps) {
    std::vector<double> values = {center};
    double down = center, up = center;
    for (int step = 0; step < steps; ++step) {
      down = std::nextafter(down, -std::numeric_limits<double>::infinity());
      up = std::nextafter(up, std::numeric_limits<double>::infinity());
      values.push_back(down);
      values.push_back(up);
    }
    return values;
  };
  for (double a : neighbours(amp, 4)) {
    if (a < 0)
      continue;
    for (double t : neighbours(angle, 8))
      if (reproduces(a, t))
        return {a, t};
  }
  return {amp, angle};
}

class JsonImporter {
public:
  JsonImporter(MLIRContext *context, StringRef file)
      : context(context), file(file),
        fileLoc(FileLineColLoc::get(context, file, 0, 0)) {}

  OwningOpRef<ModuleOp> import(const llvm::json::Value &root);

private:
  /// An error about the value at `path`.
  InFlightDiagnostic error(const std::string &path) {
    InFlightDiagnostic diag = emitError(fileLoc);
    if (!path.empty())
      diag << path << ": ";
    return diag;
  }

  // Typed access to object members; each reports a missing or mistyped
  // member and returns nullopt.
  const llvm::json::Object *getObject(const llvm::json::Value &value,
                                      const std::string &path);
  std::optional<double> getNumber(const llvm::json::Object &object,
                                  StringRef key, const std::string &path);
  std::optional<int64_t> getInteger(const llvm::json::Object &object,
                                    StringRef key, const std::string &path,
                                    int64_t minimum);
  std::optional<StringRef> getString(const llvm::json::Object &object,
                                     StringRef key, const std::string &path);
  const llvm::json::Array *getArray(const llvm::json::Object &object,
                                    StringRef key, const std::string &path);
  std::optional<Channel> parseChannel(const llvm::json::Value &value,
                                      const std::string &path);

  LogicalResult readLibrary(const llvm::json::Object &root);
  std::optional<Schedule> readSchedule(const llvm::json::Value &value,
                                       const std::string &path);
  LogicalResult readInstruction(const llvm::json::Value &value,
                                const std::string &path, Schedule &schedule);
  LogicalResult readParametricPulse(const llvm::json::Object &object,
                                    const std::string &path,
                                    Instruction &instruction);

  void build(ModuleOp module, const Schedule &schedule, double dtNs);

  MLIRContext *context;
  StringRef file;
  Location fileLoc;
  /// pulse_library: samples by name, interleaved real and imaginary parts.
  llvm::StringMap<std::vector<double>> library;
};

const llvm::json::Object *
JsonImporter::getObject(const llvm::json::Value &value,
                        const std::string &path) {
  const llvm::json::Object *object = value.getAsObject();
  if (!object)
    error(path) << "expected an object";
  return object;
}

std::optional<double> JsonImporter::getNumber(const llvm::json::Object &object,
                                              StringRef key,
                                              const std::string &path) {
  const llvm::json::Value *value = object.get(key);
  if (!value) {
    error(path) << "missing '" << key << "'";
    return std::nullopt;
  }
  std::optional<double> number = value->getAsNumber();
  if (!number)
    error(path + "." + key.str()) << "expected a number";
  return number;
}

std::optional<int64_t>
JsonImporter::getInteger(const llvm::json::Object &object, StringRef key,
                         const std::string &path, int64_t minimum) {
  const llvm::json::Value *value = object.get(key);
  if (!value) {
    error(path) << "missing '" << key << "'";
    return std::nullopt;
  }
  // Times and durations stay far from overflow when added up.
  constexpr int64_t maximum = int64_t(1) << 53;
  std::optional<int64_t> integer = value->getAsInteger();
  if (!integer || *integer < minimum || *integer > maximum) {
    error(path + "." + key.str())
        << "expected an integer from " << minimum << " to 2^53";
    return std::nullopt;
  }
  return integer;
}

std::optional<StringRef>
JsonImporter::getString(const llvm::json::Object &object, StringRef key,
                        const std::string &path) {
  const llvm::json::Value *value = object.get(key);
  if (!value) {
    error(path) << "missing '" << key << "'";
    return std::nullopt;
  }
  std::optional<StringRef> string = value->getAsString();
  if (!string)
    error(path + "." + key.str()) << "expected a string";
  return string;
}

const llvm::json::Array *
JsonImporter::getArray(const llvm::json::Object &object, StringRef key,
                       const std::string &path) {
  const llvm::json::Value *value = object.get(key);
  if (!value) {
    error(path) << "missing '" << key << "'";
    return nullptr;
  }
  const llvm::json::Array *array = value->getAsArray();
  if (!array)
    error(path + "." + key.str()) << "expected an array";
  return array;
}

std::optional<Channel>
JsonImporter::parseChannel(const llvm::json::Value &value,
                           const std::string &path) {
  std::optional<StringRef> name = value.getAsString();
  if (name)
    if (auto channel = parseChannelName(*name))
      return Channel{channel->first, channel->second};
  error(path) << "expected a channel name d<i>, u<k>, m<i> or a<i>, got "
              << describe(value);
  return std::nullopt;
}

LogicalResult JsonImporter::readLibrary(const llvm::json::Object &root) {
  const llvm::json::Value *value = root.get("pulse_library");
  if (!value)
    return success();
  const llvm::json::Array *entries = value->getAsArray();
  if (!entries)
    return error("pulse_library") << "expected an array";
  for (auto [index, entryValue] : llvm::enumerate(*entries)) {
    std::string path = "pulse_library[" + std::to_string(index) + "]";
    const llvm::json::Object *entry = getObject(entryValue, path);
    if (!entry)
      return failure();
    std::optional<StringRef> name = getString(*entry, "name", path);
    const llvm::json::Array *samples =
        name ? getArray(*entry, "samples", path) : nullptr;
    if (!samples)
      return failure();
    if (samples->empty())
      return error(path + ".samples") << "a waveform needs at least one sample";
    std::vector<double> interleaved;
    for (auto [k, sample] : llvm::enumerate(*samples)) {
      const llvm::json::Array *pair = sample.getAsArray();
      std::optional<double> re, im;
      if (pair && pair->size() == 2) {
        re = (*pair)[0].getAsNumber();
        im = (*pair)[1].getAsNumber();
      }
      if (!re || !im)
        return error(path + ".samples[" + std::to_string(k) + "]")
               << "expected [re, im]";
      interleaved.push_back(*re);
      interleaved.push_back(*im);
    }
    if (!library.try_emplace(*name, std::move(interleaved)).second)
      return error(path + ".name")
             << "pulse '" << *name << "' is defined twice";
  }
  return success();
}

LogicalResult
JsonImporter::readParametricPulse(const llvm::json::Object &object,
                                  const std::string &path,
                                  Instruction &instruction) {
  std::optional<StringRef> shape = getString(object, "pulse_shape", path);
  if (!shape)
    return failure();
  Envelope &envelope = instruction.envelope;
  // The parameters each shape takes besides amp and duration.
  std::vector<StringRef> names;
  if (*shape == "gaussian") {
    envelope.shape = Envelope::Shape::Gaussian;
    names = {"sigma"};
  } else if (*shape == "gaussian_square") {
    envelope.shape = Envelope::Shape::GaussianSquare;
    names = {"sigma", "width"};
  } else if (*shape == "drag") {
    envelope.shape = Envelope::Shape::Drag;
    names = {"sigma", "beta"};
  } else if (*shape == "constant") {
    envelope.shape = Envelope::Shape::Constant;
  } else {
    return error(path + ".pulse_shape")
           << "unknown pulse shape '" << *shape
           << "'; expected gaussian, gaussian_square, drag or constant";
  }
  std::string parametersPath = path + ".parameters";
  const llvm::json::Value *parametersValue = object.get("parameters");
  if (!parametersValue)
    return error(path) << "missing 'parameters'";
  const llvm::json::Object *parameters =
      getObject(*parametersValue, parametersPath);
  if (!parameters)
    return failure();
  // A parameter the shape does not take would be silently dropped.
  for (const auto &[key, value] : *parameters)
    if (key != "amp" && key != "angle" && key != "duration" &&
        !llvm::is_contained(names, StringRef(key)))
      return error(parametersPath)
             << "a " << *shape << " pulse has no parameter '" << key.str()
             << "'";

  std::optional<int64_t> duration =
      getInteger(*parameters, "duration", parametersPath, 1);
  if (!duration)
    return failure();
  envelope.duration = instruction.duration = *duration;

  // amp is [re, im] as exported, or, as in newer Qobj, a real amplitude
  // with an optional "angle".
  const llvm::json::Value *amp = parameters->get("amp");
  if (!amp)
    return error(parametersPath) << "missing 'amp'";
  if (const llvm::json::Array *pair = amp->getAsArray()) {
    std::optional<double> re, im;
    if (pair->size() == 2) {
      re = (*pair)[0].getAsNumber();
      im = (*pair)[1].getAsNumber();
    }
    if (!re || !im)
      return error(parametersPath + ".amp") << "expected [re, im]";
    if (parameters->get("angle"))
      return error(parametersPath)
             << "'angle' goes with a real 'amp', not with [re, im]";
    std::tie(envelope.amp, envelope.angle) = polarAmplitude(*re, *im);
  } else if (std::optional<double> real = amp->getAsNumber()) {
    envelope.amp = *real;
    if (parameters->get("angle")) {
      std::optional<double> angle =
          getNumber(*parameters, "angle", parametersPath);
      if (!angle)
        return failure();
      envelope.angle = *angle;
    }
  } else {
    return error(parametersPath + ".amp") << "expected [re, im] or a number";
  }

  for (StringRef name : names) {
    std::optional<double> number = getNumber(*parameters, name, parametersPath);
    if (!number)
      return failure();
    if (name == "sigma")
      envelope.sigma = *number;
    else if (name == "width")
      envelope.width = *number;
    else
      envelope.beta = *number;
  }
  return success();
}

LogicalResult JsonImporter::readInstruction(const llvm::json::Value &value,
                                            const std::string &path,
                                            Schedule &schedule) {
  const llvm::json::Object *object = getObject(value, path);
  if (!object)
    return failure();
  std::optional<StringRef> name = getString(*object, "name", path);
  std::optional<int64_t> t0 =
      name ? getInteger(*object, "t0", path, 0) : std::nullopt;
  if (!t0)
    return failure();
  Instruction instruction;
  instruction.path = path;
  instruction.t0 = *t0;

  using Kind = Instruction::Kind;
  auto readChannel = [&](bool output) -> LogicalResult {
    const llvm::json::Value *ch = object->get("ch");
    if (!ch)
      return error(path) << "missing 'ch'";
    std::optional<Channel> channel = parseChannel(*ch, path + ".ch");
    if (!channel)
      return failure();
    if (output && channel->first == ChannelKind::acquire)
      return error(path + ".ch")
             << "'" << *name << "' needs a drive, control or measure "
             << "channel, not an acquire channel";
    instruction.channels.push_back(*channel);
    return success();
  };
  auto readDuration = [&]() -> LogicalResult {
    std::optional<int64_t> duration = getInteger(*object, "duration", path, 1);
    if (duration)
      instruction.duration = *duration;
    return success(duration.has_value());
  };
  auto readValue = [&](StringRef key) -> LogicalResult {
    const llvm::json::Value *field = object->get(key);
    if (field && field->getAsString())
      return error(path + "." + key.str())
             << "expected a number, got " << describe(*field)
             << "; parametric (string) values cannot be imported";
    std::optional<double> number = getNumber(*object, key, path);
    if (number)
      instruction.value = *number;
    return success(number.has_value());
  };

  if (*name == "parametric_pulse") {
    instruction.kind = Kind::Play;
    if (failed(readChannel(/*output=*/true)) ||
        failed(readParametricPulse(*object, path, instruction)))
      return failure();
  } else if (*name == "fc" || *name == "setp") {
    instruction.kind = *name == "fc" ? Kind::ShiftPhase : Kind::SetPhase;
    if (failed(readChannel(true)) || failed(readValue("phase")))
      return failure();
  } else if (*name == "shiftf" || *name == "setf") {
    instruction.kind =
        *name == "shiftf" ? Kind::ShiftFrequency : Kind::SetFrequency;
    if (failed(readChannel(true)) || failed(readValue("frequency")))
      return failure();
  } else if (*name == "delay") {
    instruction.kind = Kind::Delay;
    if (failed(readChannel(false)) || failed(readDuration()))
      return failure();
  } else if (*name == "barrier") {
    instruction.kind = Kind::Barrier;
    const llvm::json::Array *channels = getArray(*object, "channels", path);
    if (!channels)
      return failure();
    if (channels->empty())
      return error(path + ".channels") << "a barrier needs a channel";
    for (auto [index, channel] : llvm::enumerate(*channels)) {
      std::optional<Channel> parsed = parseChannel(
          channel, path + ".channels[" + std::to_string(index) + "]");
      if (!parsed)
        return failure();
      instruction.channels.push_back(*parsed);
    }
  } else if (*name == "acquire") {
    // One capture per acquired qubit: on "ch" as exported, or on a<q> for
    // each of Qobj's "qubits", writing the matching "memory_slot".
    instruction.kind = Kind::Capture;
    if (failed(readDuration()))
      return failure();
    if (object->get("ch")) {
      if (failed(readChannel(false)))
        return failure();
      if (instruction.channels.front().first != ChannelKind::acquire)
        return error(path + ".ch") << "'acquire' needs an acquire channel a<i>";
    } else {
      const llvm::json::Array *qubits = getArray(*object, "qubits", path);
      if (!qubits)
        return failure();
      for (auto [index, qubit] : llvm::enumerate(*qubits)) {
        std::optional<int64_t> q = qubit.getAsInteger();
        if (!q || *q < 0)
          return error(path + ".qubits[" + std::to_string(index) + "]")
                 << "expected a qubit index";
        instruction.channels.push_back({ChannelKind::acquire, *q});
      }
      if (instruction.channels.empty())
        return error(path + ".qubits") << "an acquire needs a qubit";
    }
    std::vector<std::optional<int64_t>> slots(instruction.channels.size());
    if (object->get("memory_slot")) {
      const llvm::json::Array *memory = getArray(*object, "memory_slot", path);
      if (!memory)
        return failure();
      if (memory->size() != instruction.channels.size())
        return error(path + ".memory_slot")
               << "expected " << instruction.channels.size()
               << " memory slot(s), one per acquired channel";
      for (auto [index, slot] : llvm::enumerate(*memory)) {
        std::optional<int64_t> s = slot.getAsInteger();
        if (!s || *s < 0)
          return error(path + ".memory_slot[" + std::to_string(index) + "]")
                 << "expected a memory slot index";
        slots[index] = *s;
      }
    }
    for (auto [channel, slot] : llvm::zip(instruction.channels, slots)) {
      Instruction capture = instruction;
      capture.channels = {channel};
      capture.memorySlot = slot;
      schedule.instructions.push_back(std::move(capture));
    }
    return success();
  } else if (library.count(*name)) {
    instruction.kind = Kind::Play;
    if (failed(readChannel(true)))
      return failure();
    instruction.envelope.shape = Envelope::Shape::Sampled;
    instruction.envelope.library = name->str();
    instruction.envelope.duration = instruction.duration =
        library.lookup(*name).size() / 2;
  } else {
    return error(path + ".name")
           << "unknown instruction '" << *name
           << "': neither parametric_pulse, fc, setp, shiftf, setf, delay, "
              "acquire, barrier nor a pulse_library entry";
  }
  schedule.instructions.push_back(std::move(instruction));
  return success();
}

std::optional<Schedule>
JsonImporter::readSchedule(const llvm::json::Value &value,
                           const std::string &path) {
  const llvm::json::Object *object = getObject(value, path);
  if (!object)
    return std::nullopt;
  Schedule schedule;
  schedule.path = path;
  std::optional<StringRef> name = getString(*object, "name", path);
  if (!name)
    return std::nullopt;
  if (name->empty()) {
    error(path + ".name") << "a schedule needs a name";
    return std::nullopt;
  }
  schedule.name = name->str();
  std::optional<int64_t> duration = getInteger(*object, "duration_dt", path, 0);
  const llvm::json::Array *instructions =
      duration ? getArray(*object, "instructions", path) : nullptr;
  if (!instructions)
    return std::nullopt;
  schedule.duration = *duration;
  for (auto [index, instruction] : llvm::enumerate(*instructions))
    if (failed(readInstruction(
            instruction, path + ".instructions[" + std::to_string(index) + "]",
            schedule)))
      return std::nullopt;

  // Memory slots: "memory_slots", or one past the highest slot written;
  // every slot must be written exactly once, as it becomes a result.
  std::map<int64_t, const Instruction *> writers;
  for (const Instruction &instruction : schedule.instructions) {
    if (!instruction.memorySlot)
      continue;
    auto [it, inserted] =
        writers.try_emplace(*instruction.memorySlot, &instruction);
    if (!inserted) {
      error(instruction.path + ".memory_slot")
          << "memory slot " << *instruction.memorySlot << " is also written by "
          << it->second->path;
      return std::nullopt;
    }
  }
  if (object->get("memory_slots")) {
    std::optional<int64_t> slots = getInteger(*object, "memory_slots", path, 0);
    if (!slots)
      return std::nullopt;
    schedule.memorySlots = *slots;
  } else if (!writers.empty()) {
    schedule.memorySlots = writers.rbegin()->first + 1;
  }
  if (!writers.empty() && writers.rbegin()->first >= schedule.memorySlots) {
    const Instruction *writer = writers.rbegin()->second;
    error(writer->path + ".memory_slot")
        << "memory slot " << writers.rbegin()->first
        << " is out of range: the schedule has " << schedule.memorySlots
        << " memory_slots";
    return std::nullopt;
  }

  int64_t end = 0;
  for (const Instruction &instruction : schedule.instructions)
    end = std::max(end, instruction.t0 + instruction.duration);
  if (end != schedule.duration) {
    error(path + ".duration_dt")
        << "is " << schedule.duration << " but the last instruction ends at "
        << end << " dt";
    return std::nullopt;
  }
  // Time order, ties in the order given, is a valid program order: on each
  // channel it is the order of the verified schedule the JSON came from.
  for (auto [order, instruction] : llvm::enumerate(schedule.instructions))
    instruction.order = order;
  llvm::sort(schedule.instructions,
             [](const Instruction &a, const Instruction &b) {
               return std::tie(a.t0, a.order) < std::tie(b.t0, b.order);
             });
  return schedule;
}

void JsonImporter::build(ModuleOp module, const Schedule &schedule,
                         double dtNs) {
  OpBuilder builder(context);
  auto locationOf = [&](const std::string &path) -> Location {
    return NameLoc::get(StringAttr::get(context, path), fileLoc);
  };
  builder.setInsertionPointToEnd(module.getBody());
  SmallVector<Type> results(schedule.memorySlots, builder.getI1Type());
  auto scheduleOp =
      builder.create<ScheduleOp>(locationOf(schedule.path), schedule.name,
                                 builder.getFunctionType({}, results));
  scheduleOp.setDtAttr(builder.getF64FloatAttr(dtNs));
  scheduleOp.setDurationAttr(builder.getI64IntegerAttr(schedule.duration));
  builder.createBlock(&scheduleOp.getBody());

  // Channels first, sorted; then constants and waveforms, each once; then
  // the timed operations.
  std::map<Channel, Value> channels;
  for (const Instruction &instruction : schedule.instructions)
    for (const Channel &channel : instruction.channels)
      channels.try_emplace(channel);
  for (auto &[channel, value] : channels)
    value = builder.create<ChannelOp>(locationOf(schedule.path), channel.first,
                                      channel.second);

  std::map<uint64_t, Value> constants;
  auto constant = [&](double number, Location loc) {
    Value &value = constants[llvm::bit_cast<uint64_t>(number)];
    if (!value)
      value = builder.create<arith::ConstantOp>(
          loc, builder.getF64FloatAttr(number));
    return value;
  };
  std::map<Envelope, Value> waveforms;
  for (const Instruction &instruction : schedule.instructions) {
    if (instruction.kind != Instruction::Kind::Play)
      continue;
    const Envelope &envelope = instruction.envelope;
    Value &waveform = waveforms[envelope];
    if (waveform)
      continue;
    Location loc = locationOf(instruction.path);
    auto type = WaveformType::get(context, envelope.duration);
    switch (envelope.shape) {
    case Envelope::Shape::Gaussian:
      waveform = builder.create<GaussianOp>(
          loc, type, constant(envelope.amp, loc), constant(envelope.angle, loc),
          constant(envelope.sigma, loc));
      break;
    case Envelope::Shape::GaussianSquare:
      waveform = builder.create<GaussianSquareOp>(
          loc, type, constant(envelope.amp, loc), constant(envelope.angle, loc),
          constant(envelope.sigma, loc), constant(envelope.width, loc));
      break;
    case Envelope::Shape::Drag:
      waveform = builder.create<DragOp>(
          loc, type, constant(envelope.amp, loc), constant(envelope.angle, loc),
          constant(envelope.sigma, loc), constant(envelope.beta, loc));
      break;
    case Envelope::Shape::Constant:
      waveform =
          builder.create<ConstantOp>(loc, type, constant(envelope.amp, loc),
                                     constant(envelope.angle, loc));
      break;
    case Envelope::Shape::Sampled:
      waveform = builder.create<SampledOp>(
          loc, type, ArrayRef<double>(library.lookup(envelope.library)));
      break;
    }
  }

  SmallVector<Value> bits(schedule.memorySlots);
  for (const Instruction &instruction : schedule.instructions) {
    Location loc = locationOf(instruction.path);
    Value channel = channels[instruction.channels.front()];
    Operation *op = nullptr;
    auto frameValue = [&] { return constant(instruction.value, loc); };
    switch (instruction.kind) {
    case Instruction::Kind::Play:
      op = builder.create<PlayOp>(loc, channel, waveforms[instruction.envelope],
                                  nullptr);
      break;
    case Instruction::Kind::Delay:
      op = builder.create<DelayOp>(loc, channel, instruction.duration, nullptr);
      break;
    case Instruction::Kind::ShiftPhase:
      op = builder.create<ShiftPhaseOp>(loc, channel, frameValue(), nullptr);
      break;
    case Instruction::Kind::SetPhase:
      op = builder.create<SetPhaseOp>(loc, channel, frameValue(), nullptr);
      break;
    case Instruction::Kind::ShiftFrequency:
      op =
          builder.create<ShiftFrequencyOp>(loc, channel, frameValue(), nullptr);
      break;
    case Instruction::Kind::SetFrequency:
      op = builder.create<SetFrequencyOp>(loc, channel, frameValue(), nullptr);
      break;
    case Instruction::Kind::Capture: {
      auto capture = builder.create<CaptureOp>(loc, channel,
                                               instruction.duration, nullptr);
      if (instruction.memorySlot)
        bits[*instruction.memorySlot] = capture.getBit();
      op = capture;
      break;
    }
    case Instruction::Kind::Barrier: {
      SmallVector<Value> operands;
      for (const Channel &name : instruction.channels)
        operands.push_back(channels[name]);
      op = builder.create<BarrierOp>(loc, operands, nullptr);
      break;
    }
    }
    cast<TimedOpInterface>(op).setStartTime(instruction.t0);
  }
  // A memory slot no acquire writes reads 0 (a bit the circuit never
  // measured), as the exporters write it.
  for (Value &bit : bits)
    if (!bit)
      bit = builder.create<arith::ConstantOp>(locationOf(schedule.path),
                                              builder.getBoolAttr(false));
  builder.create<ReturnOp>(locationOf(schedule.path), bits);
}

OwningOpRef<ModuleOp> JsonImporter::import(const llvm::json::Value &rootValue) {
  const llvm::json::Object *root = getObject(rootValue, "(root)");
  if (!root)
    return nullptr;
  std::optional<StringRef> format = getString(*root, "format", "(root)");
  if (!format)
    return nullptr;
  if (*format != kPulseJsonFormat) {
    error("format") << "expected \"" << kPulseJsonFormat << "\", got \""
                    << *format << "\"";
    return nullptr;
  }
  std::optional<double> dtNs = getNumber(*root, "dt_ns", "(root)");
  if (!dtNs)
    return nullptr;
  if (!(*dtNs > 0) || !std::isfinite(*dtNs)) {
    error("dt_ns") << "expected a positive number of ns";
    return nullptr;
  }
  const llvm::json::Array *schedules = getArray(*root, "schedules", "(root)");
  if (!schedules || failed(readLibrary(*root)))
    return nullptr;

  std::vector<Schedule> parsed;
  std::set<std::string> names;
  for (auto [index, value] : llvm::enumerate(*schedules)) {
    std::string path = "schedules[" + std::to_string(index) + "]";
    std::optional<Schedule> schedule = readSchedule(value, path);
    if (!schedule)
      return nullptr;
    if (!names.insert(schedule->name).second) {
      error(path + ".name")
          << "schedule '" << schedule->name << "' is defined twice";
      return nullptr;
    }
    parsed.push_back(std::move(*schedule));
  }

  OwningOpRef<ModuleOp> module = ModuleOp::create(fileLoc);
  for (const Schedule &schedule : parsed)
    build(*module, schedule, *dtNs);
  // The checks above leave the pulse verifiers what only they know: the
  // amplitude and width bounds of waveforms and overlaps on a channel. Their
  // errors are restated with the JSON path of the op's instruction.
  std::vector<std::pair<std::string, std::string>> problems;
  LogicalResult verified = [&] {
    ScopedDiagnosticHandler collect(context, [&](Diagnostic &diag) {
      if (diag.getSeverity() == DiagnosticSeverity::Error) {
        auto name = dyn_cast<NameLoc>(diag.getLocation());
        problems.emplace_back(name ? name.getName().str() : "", diag.str());
      }
      return success();
    });
    return verify(*module);
  }();
  for (const auto &[path, message] : problems)
    error(path) << message;
  if (failed(verified))
    return nullptr;
  return module;
}

} // namespace

OwningOpRef<ModuleOp> qopt::importPulseJson(llvm::SourceMgr &sourceMgr,
                                            MLIRContext *context) {
  context->loadDialect<PulseDialect, arith::ArithDialect>();
  const llvm::MemoryBuffer *buffer =
      sourceMgr.getMemoryBuffer(sourceMgr.getMainFileID());
  StringRef file = buffer->getBufferIdentifier();
  llvm::Expected<llvm::json::Value> root =
      llvm::json::parse(buffer->getBuffer());
  if (!root) {
    // The message reads "[line:column, byte=offset]: what"; the position
    // goes into the location.
    std::string message = llvm::toString(root.takeError());
    unsigned line = 0, column = 0;
    StringRef rest = message;
    if (rest.consume_front("[")) {
      auto [position, what] = rest.split("]: ");
      auto [lineText, columnText] = position.split(':');
      if (!lineText.getAsInteger(10, line) &&
          !columnText.split(',').first.getAsInteger(10, column))
        message = what.str();
    }
    emitError(FileLineColLoc::get(context, file, line, column))
        << "invalid JSON: " << message;
    return nullptr;
  }
  return JsonImporter(context, file).import(*root);
}
