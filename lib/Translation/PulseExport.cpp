//===- PulseExport.cpp - scheduled pulse programs to JSON, OpenPulse, SVG -===//
//
// Each writer first flattens every schedule of the module into a program:
// its instructions with constant parameters, in time order (ties in program
// order). Flattening is where bad input is rejected, so a writer only
// formats, into a string that reaches the stream only when it is complete.
// docs/PulseOutput.md describes the three formats.
//
//===----------------------------------------------------------------------===//

#include "qopt/Translation/PulseExport.h"

#include "qopt/Dialect/Pulse/Pulse.h"
#include "qopt/Dialect/Pulse/Waveforms.h"
#include "qopt/Dialect/QGate/QGate.h"
#include "qopt/Target/TargetLoader.h"

#include "mlir/IR/Diagnostics.h"
#include "mlir/IR/Matchers.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/ADT/TypeSwitch.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/raw_ostream.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <tuple>
#include <vector>

using namespace mlir;
using namespace qopt;
using namespace qopt::pulse;

std::complex<double> qopt::complexAmplitude(double amp, double angle) {
  return {amp * std::cos(angle), amp * std::sin(angle)};
}

namespace {

//===----------------------------------------------------------------------===//
// Flattened programs
//===----------------------------------------------------------------------===//

/// A channel by kind and index; sorts d, u, m, a, then by index.
struct Channel {
  ChannelKind kind;
  int64_t index;

  std::string name() const {
    static constexpr char letters[] = {'d', 'u', 'm', 'a'};
    return letters[static_cast<unsigned>(kind)] + std::to_string(index);
  }
  bool operator<(const Channel &other) const {
    return std::tie(kind, index) < std::tie(other.kind, other.index);
  }
  bool operator==(const Channel &other) const {
    return kind == other.kind && index == other.index;
  }
};

/// A played waveform with its parameters; unused parameters are 0.
struct Envelope {
  enum class Shape { Gaussian, GaussianSquare, Drag, Constant, Sampled };
  Shape shape;
  int64_t duration;
  double amp = 0, angle = 0, sigma = 0, width = 0, beta = 0;
  /// Sampled: real and imaginary parts interleaved.
  std::vector<double> samples;
  /// The waveform value, for sampling the envelope.
  Value value;

  StringRef shapeName() const {
    switch (shape) {
    case Shape::Gaussian:
      return "gaussian";
    case Shape::GaussianSquare:
      return "gaussian_square";
    case Shape::Drag:
      return "drag";
    case Shape::Constant:
      return "constant";
    case Shape::Sampled:
      return "sampled";
    }
    llvm_unreachable("unknown shape");
  }
  /// Identity of the envelope's samples, for sharing declarations.
  auto key() const {
    return std::tie(shape, duration, amp, angle, sigma, width, beta, samples);
  }
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
  /// Position in the schedule body, which breaks ties in time.
  size_t order;
  int64_t t0;
  /// Play, delay and capture; 0 otherwise.
  int64_t duration = 0;
  SmallVector<Channel, 1> channels;
  /// Frame changes: the phase in radians or the frequency in GHz.
  double value = 0;
  /// Play: index into Program::envelopes.
  unsigned envelope = 0;
  /// Capture: the schedule result that returns the bit, if one does.
  std::optional<unsigned> memorySlot;

  bool isFrameChange() const {
    return kind == Kind::ShiftPhase || kind == Kind::SetPhase ||
           kind == Kind::ShiftFrequency || kind == Kind::SetFrequency;
  }
};

struct Program {
  ScheduleOp op;
  std::string name;
  int64_t duration;
  std::optional<double> dtNs;
  unsigned numResults;
  std::vector<Instruction> instructions;
  std::vector<Envelope> envelopes;

  /// The channels the instructions use, sorted.
  std::vector<Channel> channels() const {
    std::vector<Channel> result;
    for (const Instruction &instruction : instructions)
      llvm::append_range(result, instruction.channels);
    llvm::sort(result);
    result.erase(std::unique(result.begin(), result.end()), result.end());
    return result;
  }
};

struct FlattenOptions {
  /// Every schedule needs a dt (physical time).
  bool requireDt = false;
  /// Every schedule result must be a captured bit (a memory slot).
  bool requireCapturedResults = false;
};

std::optional<double> getConstant(Value value) {
  APFloat constant(0.0);
  if (matchPattern(value, m_ConstantFloat(&constant)))
    return constant.convertToDouble();
  return std::nullopt;
}

/// The constant `value` of operand `name` of `op`; an error if it is not a
/// finite constant.
FailureOr<double> getExportedConstant(Operation *op, Value value,
                                      StringRef name) {
  std::optional<double> constant = getConstant(value);
  if (!constant) {
    op->emitOpError() << name
                      << " is not a constant; bind the schedule's parameters "
                         "before exporting it";
    return failure();
  }
  if (!std::isfinite(*constant)) {
    op->emitOpError() << name << " is not finite";
    return failure();
  }
  return *constant;
}

FailureOr<Channel> getChannel(Operation *user, Value value) {
  ChannelOp channel = getChannelOp(value);
  if (!channel) {
    user->emitOpError("uses a channel that is not made by pulse.channel");
    return failure();
  }
  return Channel{channel.getKind(), static_cast<int64_t>(channel.getIndex())};
}

FailureOr<Envelope> getEnvelope(Operation *user, Value waveform) {
  Envelope envelope;
  envelope.value = waveform;
  envelope.duration = cast<WaveformType>(waveform.getType()).getDuration();
  Operation *def = waveform.getDefiningOp();
  if (!def) {
    user->emitOpError("plays a waveform that is not made by a pulse "
                      "waveform op in the schedule");
    return failure();
  }
  auto read = [&](Value value, StringRef name, double &into) {
    FailureOr<double> constant = getExportedConstant(def, value, name);
    if (succeeded(constant))
      into = *constant;
    return succeeded(constant);
  };
  bool ok = llvm::TypeSwitch<Operation *, bool>(def)
                .Case([&](GaussianOp op) {
                  envelope.shape = Envelope::Shape::Gaussian;
                  return read(op.getAmp(), "amp", envelope.amp) &&
                         read(op.getAngle(), "angle", envelope.angle) &&
                         read(op.getSigma(), "sigma", envelope.sigma);
                })
                .Case([&](GaussianSquareOp op) {
                  envelope.shape = Envelope::Shape::GaussianSquare;
                  return read(op.getAmp(), "amp", envelope.amp) &&
                         read(op.getAngle(), "angle", envelope.angle) &&
                         read(op.getSigma(), "sigma", envelope.sigma) &&
                         read(op.getWidth(), "width", envelope.width);
                })
                .Case([&](DragOp op) {
                  envelope.shape = Envelope::Shape::Drag;
                  return read(op.getAmp(), "amp", envelope.amp) &&
                         read(op.getAngle(), "angle", envelope.angle) &&
                         read(op.getSigma(), "sigma", envelope.sigma) &&
                         read(op.getBeta(), "beta", envelope.beta);
                })
                .Case([&](ConstantOp op) {
                  envelope.shape = Envelope::Shape::Constant;
                  return read(op.getAmp(), "amp", envelope.amp) &&
                         read(op.getAngle(), "angle", envelope.angle);
                })
                .Case([&](SampledOp op) {
                  envelope.shape = Envelope::Shape::Sampled;
                  llvm::append_range(envelope.samples, op.getSamples());
                  return true;
                })
                .Default([&](Operation *) {
                  user->emitOpError("plays a waveform made by '")
                      << def->getName() << "', not by a pulse waveform op";
                  return false;
                });
  if (!ok)
    return failure();
  return envelope;
}

/// A result that is the constant 0: a classical bit the circuit never
/// measured, exported as a memory slot no capture writes, which reads 0.
bool isNeverWrittenSlot(Value result) {
  return matchPattern(result, m_Zero());
}

/// For each capture whose bit the schedule returns, the index of that
/// result: its memory slot.
FailureOr<DenseMap<Operation *, unsigned>>
getMemorySlots(ScheduleOp schedule, bool requireCapturedResults) {
  DenseMap<Operation *, unsigned> slots;
  Block &body = schedule.getBody().front();
  auto terminator = body.empty() ? ReturnOp() : dyn_cast<ReturnOp>(body.back());
  if (!terminator)
    return slots;
  for (auto [index, result] : llvm::enumerate(terminator.getOperands())) {
    auto capture = result.getDefiningOp<CaptureOp>();
    if (!capture) {
      if (!requireCapturedResults || isNeverWrittenSlot(result))
        continue;
      terminator.emitOpError("result #")
          << index
          << " is not the bit of a pulse.capture; exported results are the "
             "captures' memory slots, or constant 0 for bits never measured";
      return failure();
    }
    auto [it, inserted] = slots.try_emplace(capture, index);
    if (!inserted && requireCapturedResults) {
      terminator.emitOpError("result #")
          << index << " returns the same captured bit as result #" << it->second
          << "; each capture has one memory slot";
      return failure();
    }
  }
  return slots;
}

FailureOr<Program> flattenSchedule(ScheduleOp schedule,
                                   const FlattenOptions &options) {
  Program program;
  program.op = schedule;
  program.name = schedule.getSymName().str();
  program.numResults = schedule.getResultTypes().size();
  if (FloatAttr dt = schedule.getDtAttr())
    program.dtNs = dt.getValueAsDouble();
  if (options.requireDt && !program.dtNs)
    return schedule.emitOpError("@")
           << program.name
           << " has no 'dt' (the sample time in ns that lower-to-pulse "
              "records from the target)";

  Block &body = schedule.getBody().front();
  bool unscheduled = !schedule.getDuration().has_value();
  for (Operation &op : body)
    if (auto timed = dyn_cast<TimedOpInterface>(op); timed && !unscheduled)
      unscheduled = !timed.getStartTime().has_value();
  if (unscheduled)
    return schedule.emitOpError("@")
           << program.name
           << " is not scheduled; run --schedule-pulses before exporting it";
  program.duration = *schedule.getDuration();

  FailureOr<DenseMap<Operation *, unsigned>> slots =
      getMemorySlots(schedule, options.requireCapturedResults);
  if (failed(slots))
    return failure();

  for (Operation &op : body) {
    auto timed = dyn_cast<TimedOpInterface>(op);
    if (!timed)
      continue;
    Instruction instruction;
    instruction.order = program.instructions.size();
    instruction.t0 = *timed.getStartTime();
    instruction.duration = timed.getDurationDt();
    for (Value value : timed.getTimedChannels()) {
      FailureOr<Channel> channel = getChannel(&op, value);
      if (failed(channel))
        return failure();
      instruction.channels.push_back(*channel);
    }
    auto readValue = [&](Value value, StringRef name) -> LogicalResult {
      FailureOr<double> constant = getExportedConstant(&op, value, name);
      if (succeeded(constant))
        instruction.value = *constant;
      return constant;
    };
    LogicalResult result =
        llvm::TypeSwitch<Operation *, LogicalResult>(&op)
            .Case([&](PlayOp play) -> LogicalResult {
              instruction.kind = Instruction::Kind::Play;
              FailureOr<Envelope> envelope =
                  getEnvelope(&op, play.getWaveform());
              if (failed(envelope))
                return failure();
              auto it =
                  llvm::find_if(program.envelopes, [&](const Envelope &known) {
                    return known.key() == envelope->key();
                  });
              instruction.envelope = it - program.envelopes.begin();
              if (it == program.envelopes.end())
                program.envelopes.push_back(std::move(*envelope));
              return success();
            })
            .Case([&](DelayOp) -> LogicalResult {
              instruction.kind = Instruction::Kind::Delay;
              return success();
            })
            .Case([&](ShiftPhaseOp frame) {
              instruction.kind = Instruction::Kind::ShiftPhase;
              return readValue(frame.getValue(), "phase");
            })
            .Case([&](SetPhaseOp frame) {
              instruction.kind = Instruction::Kind::SetPhase;
              return readValue(frame.getValue(), "phase");
            })
            .Case([&](ShiftFrequencyOp frame) {
              instruction.kind = Instruction::Kind::ShiftFrequency;
              return readValue(frame.getValue(), "frequency");
            })
            .Case([&](SetFrequencyOp frame) {
              instruction.kind = Instruction::Kind::SetFrequency;
              return readValue(frame.getValue(), "frequency");
            })
            .Case([&](CaptureOp capture) -> LogicalResult {
              instruction.kind = Instruction::Kind::Capture;
              if (auto it = slots->find(capture); it != slots->end())
                instruction.memorySlot = it->second;
              return success();
            })
            .Case([&](BarrierOp) -> LogicalResult {
              instruction.kind = Instruction::Kind::Barrier;
              return success();
            })
            .Default([&](Operation *) -> LogicalResult {
              return op.emitOpError("is a timed operation the pulse export "
                                    "does not know");
            });
    if (failed(result))
      return failure();
    program.instructions.push_back(std::move(instruction));
  }
  llvm::sort(program.instructions,
             [](const Instruction &a, const Instruction &b) {
               return std::tie(a.t0, a.order) < std::tie(b.t0, b.order);
             });
  return program;
}

FailureOr<std::vector<Program>> flattenModule(ModuleOp module,
                                              const FlattenOptions &options) {
  std::vector<Program> programs;
  for (ScheduleOp schedule : module.getOps<ScheduleOp>()) {
    FailureOr<Program> program = flattenSchedule(schedule, options);
    if (failed(program))
      return failure();
    programs.push_back(std::move(*program));
  }
  if (programs.empty())
    return module.emitError("no pulse.schedule to export; lower the circuit "
                            "with --lower-to-pulse --schedule-pulses first");
  return programs;
}

//===----------------------------------------------------------------------===//
// Number formatting
//===----------------------------------------------------------------------===//

/// The shortest decimal form that reads back as `value`: 0.5, 40, 1e-09.
std::string formatShortest(double value) {
  // std::to_chars finds the shortest round-trip digits directly, where
  // trying printf precisions 1 to 17 cost the pulse JSON most of its time.
  char buffer[400];
  char *end = buffer + sizeof(buffer);
  // Whole numbers in full, not as 1.6e+02.
  if (value == std::trunc(value) && std::abs(value) < 1e15)
    return std::string(buffer,
                       std::to_chars(buffer, end, value,
                                     std::chars_format::fixed, 0)
                           .ptr);
  if (!std::isfinite(value))
    return std::isnan(value) ? "nan" : (value < 0 ? "-inf" : "inf");
  // The shortest digits, then printed as "%.*g" with that many would be.
  char *mantissaEnd =
      std::to_chars(buffer, end, value, std::chars_format::scientific).ptr;
  int digits = 0;
  for (char *c = buffer; c != mantissaEnd && *c != 'e'; ++c)
    digits += *c >= '0' && *c <= '9';
  return std::string(buffer, std::to_chars(buffer, end, value,
                                           std::chars_format::general,
                                           std::max(digits, 1))
                                 .ptr);
}

/// A real literal of OpenQASM 3: formatShortest with a decimal point or an
/// exponent.
std::string formatReal(double value) {
  std::string text = formatShortest(value);
  if (text.find_first_of(".e") == std::string::npos)
    text += ".0";
  return text;
}

/// A fixed-point number for drawings, never "-0.0".
std::string formatFixed(double value, int decimals) {
  char buffer[400]; // the widest double, 1.8e308, in full
  std::string text(buffer, std::to_chars(buffer, buffer + sizeof(buffer),
                                         value, std::chars_format::fixed,
                                         decimals)
                               .ptr);
  if (text == "-0" || text.find_first_not_of("-0.") == std::string::npos)
    return decimals ? "0." + std::string(decimals, '0') : "0";
  return text;
}

//===----------------------------------------------------------------------===//
// Pulse JSON
//===----------------------------------------------------------------------===//

const char *jsonInstructionName(Instruction::Kind kind) {
  switch (kind) {
  case Instruction::Kind::Play:
    return "parametric_pulse";
  case Instruction::Kind::Delay:
    return "delay";
  case Instruction::Kind::ShiftPhase:
    return "fc";
  case Instruction::Kind::SetPhase:
    return "setp";
  case Instruction::Kind::ShiftFrequency:
    return "shiftf";
  case Instruction::Kind::SetFrequency:
    return "setf";
  case Instruction::Kind::Capture:
    return "acquire";
  case Instruction::Kind::Barrier:
    return "barrier";
  }
  llvm_unreachable("unknown instruction kind");
}

/// A number in its shortest exact form ("phase":-0.5, not
/// -0.50000000000000000), which llvm::json reads back to the same double.
void writeJsonNumber(llvm::json::OStream &json, double value) {
  // "-0" would read back as the integer 0.
  json.rawValue(value == 0 && std::signbit(value) ? "-0.0"
                                                  : formatShortest(value));
}

void writeJsonNumber(llvm::json::OStream &json, StringRef key, double value) {
  json.attributeBegin(key);
  writeJsonNumber(json, value);
  json.attributeEnd();
}

void writeJsonInstruction(llvm::json::OStream &json,
                          const Instruction &instruction,
                          const Program &program,
                          const std::vector<std::string> &libraryNames) {
  json.object([&] {
    json.attribute("t0", instruction.t0);
    if (instruction.kind != Instruction::Kind::Barrier)
      json.attribute("ch", instruction.channels.front().name());
    switch (instruction.kind) {
    case Instruction::Kind::Play: {
      const Envelope &envelope = program.envelopes[instruction.envelope];
      if (envelope.shape == Envelope::Shape::Sampled) {
        json.attribute("name", libraryNames[instruction.envelope]);
        break;
      }
      json.attribute("name", "parametric_pulse");
      json.attribute("pulse_shape", envelope.shapeName());
      json.attributeObject("parameters", [&] {
        std::complex<double> amp =
            complexAmplitude(envelope.amp, envelope.angle);
        json.attributeArray("amp", [&] {
          writeJsonNumber(json, amp.real());
          writeJsonNumber(json, amp.imag());
        });
        json.attribute("duration", envelope.duration);
        if (envelope.shape != Envelope::Shape::Constant)
          writeJsonNumber(json, "sigma", envelope.sigma);
        if (envelope.shape == Envelope::Shape::GaussianSquare)
          writeJsonNumber(json, "width", envelope.width);
        if (envelope.shape == Envelope::Shape::Drag)
          writeJsonNumber(json, "beta", envelope.beta);
      });
      break;
    }
    case Instruction::Kind::Delay:
      json.attribute("name", "delay");
      json.attribute("duration", instruction.duration);
      break;
    case Instruction::Kind::ShiftPhase:
    case Instruction::Kind::SetPhase:
      json.attribute("name", jsonInstructionName(instruction.kind));
      writeJsonNumber(json, "phase", instruction.value);
      break;
    case Instruction::Kind::ShiftFrequency:
    case Instruction::Kind::SetFrequency:
      json.attribute("name", jsonInstructionName(instruction.kind));
      writeJsonNumber(json, "frequency", instruction.value);
      break;
    case Instruction::Kind::Capture:
      json.attribute("name", "acquire");
      json.attribute("duration", instruction.duration);
      json.attributeArray(
          "qubits", [&] { json.value(instruction.channels.front().index); });
      if (instruction.memorySlot)
        json.attributeArray("memory_slot",
                            [&] { json.value(*instruction.memorySlot); });
      break;
    case Instruction::Kind::Barrier:
      json.attribute("name", "barrier");
      json.attributeArray("channels", [&] {
        for (const Channel &channel : instruction.channels)
          json.value(channel.name());
      });
      break;
    }
  });
}

} // namespace

LogicalResult qopt::exportPulseJson(ModuleOp module, llvm::raw_ostream &os) {
  FailureOr<std::vector<Program>> programs = flattenModule(
      module, {/*requireDt=*/true, /*requireCapturedResults=*/true});
  if (failed(programs))
    return failure();
  double dtNs = *programs->front().dtNs;
  for (const Program &program : *programs)
    if (*program.dtNs != dtNs)
      return ScheduleOp(program.op).emitOpError("@")
             << program.name << " has dt = " << formatShortest(*program.dtNs)
             << " ns but @" << programs->front().name << " has "
             << formatShortest(dtNs) << " ns; the pulse JSON has one dt";

  // The sampled waveforms, shared by content across schedules and named in
  // order of first use.
  std::vector<const Envelope *> library;
  std::vector<std::vector<std::string>> libraryNames;
  for (const Program &program : *programs) {
    std::vector<std::string> &names =
        libraryNames.emplace_back(program.envelopes.size(), std::string());
    for (const Instruction &instruction : program.instructions) {
      if (instruction.kind != Instruction::Kind::Play)
        continue;
      const Envelope &envelope = program.envelopes[instruction.envelope];
      if (envelope.shape != Envelope::Shape::Sampled ||
          !names[instruction.envelope].empty())
        continue;
      auto it = llvm::find_if(library, [&](const Envelope *entry) {
        return entry->samples == envelope.samples;
      });
      size_t index = it - library.begin();
      if (it == library.end())
        library.push_back(&envelope);
      names[instruction.envelope] = "sampled_" + std::to_string(index);
    }
  }

  std::string text;
  llvm::raw_string_ostream out(text);
  llvm::json::OStream json(out, /*IndentSize=*/2);
  // One line per instruction and per library entry keeps the file readable
  // and greppable.
  auto compact = [&](llvm::function_ref<void(llvm::json::OStream &)> write) {
    json.rawValue([&](llvm::raw_ostream &raw) {
      llvm::json::OStream line(raw);
      write(line);
    });
  };
  json.object([&] {
    json.attribute("format", kPulseJsonFormat);
    writeJsonNumber(json, "dt_ns", dtNs);
    json.attributeArray("schedules", [&] {
      for (size_t index = 0; index < programs->size(); ++index) {
        const Program &program = (*programs)[index];
        const std::vector<std::string> &names = libraryNames[index];
        json.object([&] {
          json.attribute("name", program.name);
          json.attribute("duration_dt", program.duration);
          writeJsonNumber(json, "duration_ns", program.duration * dtNs);
          json.attribute("memory_slots", int64_t(program.numResults));
          json.attributeArray("instructions", [&] {
            for (const Instruction &instruction : program.instructions)
              compact([&](llvm::json::OStream &line) {
                writeJsonInstruction(line, instruction, program, names);
              });
          });
        });
      }
    });
    json.attributeArray("pulse_library", [&] {
      for (size_t index = 0; index < library.size(); ++index)
        compact([&](llvm::json::OStream &line) {
          const Envelope *envelope = library[index];
          line.object([&] {
            line.attribute("name", "sampled_" + std::to_string(index));
            line.attributeArray("samples", [&] {
              for (size_t k = 0; k + 1 < envelope->samples.size(); k += 2)
                line.array([&] {
                  writeJsonNumber(line, envelope->samples[k]);
                  writeJsonNumber(line, envelope->samples[k + 1]);
                });
            });
          });
        });
    });
  });
  out << "\n";
  os << text;
  return success();
}

//===----------------------------------------------------------------------===//
// OpenQASM 3 with OpenPulse
//===----------------------------------------------------------------------===//

namespace {

std::string frameName(const Channel &channel) {
  return channel.name() + "_frame";
}

/// `re + im im`, or `re - |im| im`.
std::string formatComplex(std::complex<double> value) {
  std::string text = formatReal(value.real());
  if (std::signbit(value.imag()))
    return text + " - " + formatReal(-value.imag()) + "im";
  return text + " + " + formatReal(value.imag()) + "im";
}

std::string formatDuration(double dt) { return formatShortest(dt) + "dt"; }

/// The OpenPulse expression of an envelope: the standard library's
/// parametric waveforms, or the samples as a complex array literal.
std::string formatWaveform(const Envelope &envelope) {
  std::string amp =
      formatComplex(complexAmplitude(envelope.amp, envelope.angle));
  std::string duration = formatDuration(envelope.duration);
  switch (envelope.shape) {
  case Envelope::Shape::Gaussian:
    return "gaussian(" + amp + ", " + duration + ", " +
           formatDuration(envelope.sigma) + ")";
  case Envelope::Shape::GaussianSquare:
    return "gaussian_square(" + amp + ", " + duration + ", " +
           formatDuration(envelope.width) + ", " +
           formatDuration(envelope.sigma) + ")";
  case Envelope::Shape::Drag:
    return "drag(" + amp + ", " + duration + ", " +
           formatDuration(envelope.sigma) + ", " + formatReal(envelope.beta) +
           ")";
  case Envelope::Shape::Constant:
    return "constant(" + amp + ", " + duration + ")";
  case Envelope::Shape::Sampled: {
    std::string text = "{";
    for (size_t k = 0; k + 1 < envelope.samples.size(); k += 2) {
      if (k)
        text += ", ";
      text += formatComplex({envelope.samples[k], envelope.samples[k + 1]});
    }
    return text + "}";
  }
  }
  llvm_unreachable("unknown shape");
}

/// The declaration of a standard waveform function, in the types-only form
/// of the grammar's `extern` statement.
StringRef waveformExtern(Envelope::Shape shape) {
  switch (shape) {
  case Envelope::Shape::Gaussian:
    return "extern gaussian(complex[float[64]], duration, duration) -> "
           "waveform;";
  case Envelope::Shape::GaussianSquare:
    return "extern gaussian_square(complex[float[64]], duration, duration, "
           "duration) -> waveform;";
  case Envelope::Shape::Drag:
    return "extern drag(complex[float[64]], duration, duration, float[64]) "
           "-> waveform;";
  case Envelope::Shape::Constant:
    return "extern constant(complex[float[64]], duration) -> waveform;";
  case Envelope::Shape::Sampled:
    return "";
  }
  llvm_unreachable("unknown shape");
}

/// Frame frequencies in Hz from the module's target, and a comment saying
/// where they come from (or why they are 0).
struct FrameFrequencies {
  std::map<Channel, double> hz;
  /// Comment lines.
  std::vector<std::string> source;
};

FrameFrequencies getFrameFrequencies(ModuleOp module,
                                     ArrayRef<Channel> channels) {
  FrameFrequencies result;
  auto attr = module->getAttrOfType<qgate::TargetAttr>(qgate::kTargetAttrName);
  if (!attr) {
    result.source = {"No target is recorded on the module (compile with "
                     "--target), so every",
                     "frame frequency is written as 0.0."};
    return result;
  }
  std::string reason;
  FailureOr<std::shared_ptr<const target::Target>> loaded = [&] {
    ScopedDiagnosticHandler quiet(module.getContext(), [&](Diagnostic &diag) {
      if (reason.empty())
        reason = diag.str();
      return success();
    });
    return target::loadModuleTarget(module);
  }();
  if (failed(loaded)) {
    result.source = {"Target '" + attr.getName().str() +
                     "' could not be reloaded, so every frame frequency "
                     "is written as 0.0:"};
    SmallVector<StringRef> lines;
    StringRef(reason).split(lines, '\n');
    llvm::append_range(result.source, lines);
    return result;
  }
  const target::Target &device = **loaded;
  const target::PulseDefaults *pulses =
      device.pulses ? &*device.pulses : nullptr;
  auto lookUp = [&](const std::vector<double> &table,
                    int64_t qubit) -> std::optional<double> {
    if (qubit >= 0 && static_cast<size_t>(qubit) < table.size())
      return table[qubit] * 1e9;
    return std::nullopt;
  };
  std::vector<std::string> missing;
  for (const Channel &channel : channels) {
    std::optional<double> hz;
    if (pulses) {
      switch (channel.kind) {
      case ChannelKind::drive:
        hz = lookUp(pulses->qubitFreqEstGHz, channel.index);
        break;
      case ChannelKind::control:
        for (const target::ControlChannel &control : device.controlChannels)
          if (static_cast<int64_t>(control.index) == channel.index)
            hz = lookUp(pulses->qubitFreqEstGHz, control.targetQubit);
        break;
      case ChannelKind::measure:
      case ChannelKind::acquire:
        hz = lookUp(pulses->measFreqEstGHz, channel.index);
        break;
      }
    }
    if (hz)
      result.hz[channel] = *hz;
    else
      missing.push_back(channel.name());
  }
  result.source = {
      "Frame frequencies (Hz) from target '" + attr.getName().str() +
          "': qubit_freq_est for d<i>,",
      "meas_freq_est for m<i> and a<i>, and for u<k> the qubit_freq_est of "
      "the second",
      "qubit the control channel operates on (IBM's u_channel_lo for "
      "cross-resonance)."};
  if (!missing.empty())
    result.source.push_back("Not in the calibration, written as 0.0: " +
                            llvm::join(missing, ", ") + ".");
  return result;
}

/// An OpenQASM identifier made from a schedule name.
std::string sanitizeIdentifier(StringRef name) {
  std::string text;
  for (char c : name)
    text += llvm::isAlnum(c) || c == '_' ? c : '_';
  return text;
}

} // namespace

LogicalResult qopt::exportOpenPulse(ModuleOp module, llvm::raw_ostream &os) {
  FailureOr<std::vector<Program>> programs = flattenModule(
      module, {/*requireDt=*/false, /*requireCapturedResults=*/true});
  if (failed(programs))
    return failure();

  std::vector<Channel> channels;
  for (const Program &program : *programs)
    llvm::append_range(channels, program.channels());
  llvm::sort(channels);
  channels.erase(std::unique(channels.begin(), channels.end()), channels.end());
  FrameFrequencies frequencies = getFrameFrequencies(module, channels);

  // Waveforms are declared once by content, named in order of first use.
  std::vector<const Envelope *> waveforms;
  std::vector<std::vector<unsigned>> waveformIds;
  for (const Program &program : *programs) {
    std::vector<unsigned> &ids =
        waveformIds.emplace_back(program.envelopes.size(), ~0u);
    for (const Instruction &instruction : program.instructions) {
      if (instruction.kind != Instruction::Kind::Play ||
          ids[instruction.envelope] != ~0u)
        continue;
      const Envelope &envelope = program.envelopes[instruction.envelope];
      auto it = llvm::find_if(waveforms, [&](const Envelope *declared) {
        return declared->key() == envelope.key();
      });
      ids[instruction.envelope] = it - waveforms.begin();
      if (it == waveforms.end())
        waveforms.push_back(&envelope);
    }
  }

  // Bit registers for the schedules' results, one per schedule.
  std::vector<std::string> registers;
  llvm::StringSet<> taken;
  for (const Program &program : *programs) {
    std::string name = "c_" + sanitizeIdentifier(program.name);
    for (unsigned suffix = 1; !taken.insert(name).second; ++suffix)
      name = "c_" + sanitizeIdentifier(program.name) + "_" +
             std::to_string(suffix);
    registers.push_back(name);
  }

  std::string text;
  llvm::raw_string_ostream out(text);
  out << "OPENQASM 3.0;\n"
      << "defcalgrammar \"openpulse\";\n\n";
  // A name with a line break would end its comment early.
  auto commentText = [](StringRef text) {
    std::string line = text.str();
    std::replace_if(
        line.begin(), line.end(), [](char c) { return c == '\n' || c == '\r'; },
        ' ');
    return line;
  };
  for (const Program &program : *programs) {
    out << "// @" << commentText(program.name) << ": " << program.duration
        << " dt";
    if (program.dtNs)
      out << " of " << formatShortest(*program.dtNs) << " ns ("
          << formatFixed(program.duration * *program.dtNs, 1) << " ns)";
    out << "\n";
  }
  for (const std::string &line : frequencies.source)
    out << "// " << commentText(line) << "\n";
  out << "// capture_v2(frame, duration) integrates the frame's port for the "
         "duration and\n// returns the discriminated bit.\n\n";

  for (auto [program, name] : llvm::zip(*programs, registers)) {
    if (!program.numResults)
      continue;
    // Results no capture writes (bits the circuit never measured) are 0.
    std::vector<bool> written(program.numResults, false);
    for (const Instruction &instruction : program.instructions)
      if (instruction.memorySlot)
        written[*instruction.memorySlot] = true;
    std::string unwritten;
    for (auto [slot, isWritten] : llvm::enumerate(written))
      if (!isWritten)
        unwritten += (unwritten.empty() ? "" : ", ") + name + "[" +
                     std::to_string(slot) + "]";
    out << "bit[" << program.numResults << "] " << name;
    if (!unwritten.empty())
      out << " = \"" << std::string(program.numResults, '0') << "\"; // "
          << unwritten << ": never measured, stays 0\n";
    else
      out << ";\n";
  }

  out << "\ncal {\n";
  std::set<Envelope::Shape> shapes;
  for (const Envelope *waveform : waveforms)
    if (waveform->shape != Envelope::Shape::Sampled)
      shapes.insert(waveform->shape);
  for (Envelope::Shape shape : shapes)
    out << "  " << waveformExtern(shape) << "\n";
  bool capturing = llvm::any_of(*programs, [](const Program &program) {
    return llvm::any_of(program.instructions, [](const Instruction &i) {
      return i.kind == Instruction::Kind::Capture;
    });
  });
  if (capturing)
    out << "  extern capture_v2(frame, duration) -> bit;\n";
  out << "\n";
  for (const Channel &channel : channels)
    out << "  extern port " << channel.name() << ";\n";
  for (const Channel &channel : channels) {
    auto it = frequencies.hz.find(channel);
    out << "  frame " << frameName(channel) << " = newframe(" << channel.name()
        << ", " << formatReal(it == frequencies.hz.end() ? 0.0 : it->second)
        << ", 0.0);\n";
  }
  if (!waveforms.empty())
    out << "\n";
  for (auto [index, waveform] : llvm::enumerate(waveforms))
    out << "  waveform w" << index << " = " << formatWaveform(*waveform)
        << ";\n";
  out << "}\n";

  for (auto [index, program] : llvm::enumerate(*programs)) {
    const std::vector<unsigned> &ids = waveformIds[index];
    out << "\n// @" << commentText(program.name) << "\ncal {\n";
    // Frame clocks carry over from one cal block to the next: align them
    // all so that this schedule starts at a common time.
    if (index)
      out << "  barrier "
          << llvm::join(llvm::map_range(channels, frameName), ", ") << ";\n";
    // Each frame's clock in dt since the schedule's start; an instruction
    // after a gap first idles its frames up to its start time. A barrier
    // aligns its frames itself, so only the latest of them may need to idle.
    std::map<Channel, int64_t> clock;
    auto idle = [&](const Channel &channel, int64_t until) {
      int64_t &now = clock[channel];
      if (now < until)
        out << "  delay[" << until - now << "dt] " << frameName(channel)
            << ";\n";
      now = until;
    };
    for (const Instruction &instruction : program.instructions) {
      if (instruction.kind == Instruction::Kind::Barrier) {
        const Channel *latest = &instruction.channels.front();
        for (const Channel &channel : instruction.channels)
          if (clock[channel] > clock[*latest])
            latest = &channel;
        idle(*latest, instruction.t0);
        for (const Channel &channel : instruction.channels)
          clock[channel] = instruction.t0;
      }
      for (const Channel &channel : instruction.channels) {
        idle(channel, instruction.t0);
        clock[channel] += instruction.duration;
      }
      std::string frame = frameName(instruction.channels.front());
      switch (instruction.kind) {
      case Instruction::Kind::Play:
        out << "  play(" << frame << ", w" << ids[instruction.envelope]
            << ");\n";
        break;
      case Instruction::Kind::Delay:
        out << "  delay[" << instruction.duration << "dt] " << frame << ";\n";
        break;
      case Instruction::Kind::ShiftPhase:
        out << "  shift_phase(" << frame << ", "
            << formatReal(instruction.value) << ");\n";
        break;
      case Instruction::Kind::SetPhase:
        out << "  set_phase(" << frame << ", " << formatReal(instruction.value)
            << ");\n";
        break;
      case Instruction::Kind::ShiftFrequency:
        out << "  shift_frequency(" << frame << ", "
            << formatReal(instruction.value * 1e9) << ");\n";
        break;
      case Instruction::Kind::SetFrequency:
        out << "  set_frequency(" << frame << ", "
            << formatReal(instruction.value * 1e9) << ");\n";
        break;
      case Instruction::Kind::Capture:
        out << "  ";
        if (instruction.memorySlot)
          out << registers[index] << "[" << *instruction.memorySlot << "] = ";
        out << "capture_v2(" << frame << ", " << instruction.duration
            << "dt);\n";
        break;
      case Instruction::Kind::Barrier:
        out << "  barrier "
            << llvm::join(llvm::map_range(instruction.channels, frameName),
                          ", ")
            << ";\n";
        break;
      }
    }
    out << "}\n";
  }
  os << text;
  return success();
}

//===----------------------------------------------------------------------===//
// SVG
//===----------------------------------------------------------------------===//

namespace {

constexpr double kSvgWidth = 1200;
constexpr double kPlotLeft = 96, kPlotRight = 1176;
constexpr double kLaneHeight = 56, kEnvelopeHeight = 22;
constexpr double kHeaderHeight = 30, kAxisHeight = 44;
constexpr size_t kMaxPointsPerPulse = 400;

/// Qiskit's default pulse drawer palette: (real fill, imaginary line).
std::pair<const char *, const char *> laneColors(ChannelKind kind) {
  switch (kind) {
  case ChannelKind::drive:
    return {"#648fff", "#002999"};
  case ChannelKind::control:
    return {"#ffb000", "#994a00"};
  case ChannelKind::measure:
    return {"#dc267f", "#760019"};
  case ChannelKind::acquire:
    return {"#808080", "#404040"};
  }
  llvm_unreachable("unknown channel kind");
}

/// The number of characters of UTF-8 `text`.
size_t countCharacters(StringRef text) {
  return llvm::count_if(text, [](char c) { return (c & 0xc0) != 0x80; });
}

/// A coordinate, to a tenth of a pixel.
std::string px(double value) { return formatFixed(value, 1); }

/// `text` as XML character data or attribute value; control characters,
/// which XML 1.0 does not allow, become '?'.
std::string escapeXml(StringRef text) {
  std::string escaped;
  for (char c : text) {
    if (static_cast<unsigned char>(c) < 0x20 && c != '\t' && c != '\n' &&
        c != '\r') {
      escaped += '?';
      continue;
    }
    switch (c) {
    case '&':
      escaped += "&amp;";
      break;
    case '<':
      escaped += "&lt;";
      break;
    case '>':
      escaped += "&gt;";
      break;
    case '"':
      escaped += "&quot;";
      break;
    default:
      escaped += c;
    }
  }
  return escaped;
}

/// An angle as a multiple of pi when it is one (to 1e-9), e.g. "−π/2",
/// else in radians with two decimals.
std::string formatAngle(double radians) {
  const char *minus = "\u2212";
  if (std::abs(radians) < 1e-12)
    return "0";
  // A huge angle (the verifier allows any finite one) is no multiple of pi
  // worth naming, and its multiple would not fit an integer.
  if (std::abs(radians) > 1e6) {
    char text[32];
    std::snprintf(text, sizeof(text), "%.2e", radians);
    return text;
  }
  for (int denominator : {1, 2, 3, 4, 6, 8}) {
    double multiple = radians / M_PI * denominator;
    double rounded = std::round(multiple);
    if (rounded == 0 || std::abs(multiple - rounded) > 1e-9)
      continue;
    std::string text = rounded < 0 ? minus : "";
    if (std::abs(rounded) != 1)
      text += std::to_string(static_cast<long long>(std::abs(rounded)));
    text += "\u03c0";
    if (denominator != 1)
      text += "/" + std::to_string(denominator);
    return text;
  }
  std::string text = formatFixed(std::abs(radians), 2);
  return radians < 0 ? minus + text : text;
}

/// A round tick spacing (1, 2 or 5 times a power of ten) giving about
/// eight ticks over `span`.
double tickStep(double span) {
  double raw = span / 8;
  double power = std::pow(10.0, std::floor(std::log10(raw)));
  for (double factor : {1.0, 2.0, 5.0})
    if (raw <= factor * power)
      return factor * power;
  return 10 * power;
}

class SvgWriter {
public:
  explicit SvgWriter(llvm::raw_ostream &os) : os(os) {}

  void write(ArrayRef<Program> programs);

private:
  /// Draws one schedule with its top at `top`; returns its height.
  double drawProgram(const Program &program, double top);
  /// `lane` lists the indices of the instructions on `channel`.
  void drawLane(const Program &program, const Channel &channel,
                ArrayRef<size_t> lane, double top);
  void drawPlay(const Program &program, const Instruction &instruction,
                const Samples &samples, const Channel &channel,
                double baseline, double scale);
  void drawAxis(const Program &program, double top);
  /// A dense lane: per pixel column, the peak of its pulses and whether a
  /// frame change or a barrier falls in it.
  void drawColumns(const Channel &channel, double top, double scale,
                   size_t plays, ArrayRef<double> peakI, ArrayRef<double> peakQ,
                   const std::vector<bool> &frameChange,
                   const std::vector<bool> &barrier);

  double x(double dt) const {
    return kPlotLeft + (kPlotRight - kPlotLeft) * dt / span;
  }

  llvm::raw_ostream &os;
  /// The drawn duration in dt (at least 1).
  double span = 1;
};

void SvgWriter::write(ArrayRef<Program> programs) {
  double height = 12;
  for (const Program &program : programs)
    height +=
        kHeaderHeight + program.channels().size() * kLaneHeight + kAxisHeight;
  height += 24;

  std::string title = "qopt pulse schedule";
  if (programs.size() > 1)
    title += "s";
  for (auto [index, program] : llvm::enumerate(programs))
    title += (index ? ", @" : " @") + program.name;

  os << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
     << "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" << px(kSvgWidth)
     << "\" height=\"" << px(height) << "\" viewBox=\"0 0 " << px(kSvgWidth)
     << " " << px(height)
     << "\" font-family=\"Helvetica, Arial, sans-serif\" font-size=\"12\">\n"
     << "<title>" << escapeXml(title) << "</title>\n"
     << "<rect x=\"0\" y=\"0\" width=\"" << px(kSvgWidth) << "\" height=\""
     << px(height) << "\" fill=\"#ffffff\"/>\n";
  double top = 12;
  for (const Program &program : programs)
    top += drawProgram(program, top);
  os << "<text x=\"" << px(kPlotLeft) << "\" y=\"" << px(top + 10)
     << "\" font-size=\"10\" fill=\"#555555\">filled: real part (I), line: "
        "imaginary part (Q), each lane scaled to its peak amplitude; "
        "\u25bc frame change; grey box: capture; dashed: barrier; gaps: "
        "delays</text>\n"
     << "</svg>\n";
}

double SvgWriter::drawProgram(const Program &program, double top) {
  span = std::max<int64_t>(program.duration, 1);
  std::vector<Channel> channels = program.channels();
  os << "<g class=\"schedule\" data-name=\"" << escapeXml(program.name)
     << "\">\n";
  os << "<text x=\"12\" y=\"" << px(top + 18)
     << "\" font-size=\"14\" font-weight=\"bold\">@" << escapeXml(program.name)
     << ": " << program.duration << " dt";
  if (program.dtNs)
    os << " \u00d7 " << formatFixed(*program.dtNs, 4)
       << " ns = " << px(program.duration * *program.dtNs) << " ns";
  os << "</text>\n";
  double laneTop = top + kHeaderHeight;
  // Each lane's instructions, found in one pass: a scan of the whole
  // program per lane was quadratic on a 127-qubit device.
  std::map<Channel, std::vector<size_t>> lanes;
  for (auto [index, instruction] : llvm::enumerate(program.instructions))
    for (const Channel &channel : instruction.channels)
      lanes[channel].push_back(index);
  for (const Channel &channel : channels) {
    drawLane(program, channel, lanes[channel], laneTop);
    laneTop += kLaneHeight;
  }
  drawAxis(program, laneTop);
  os << "</g>\n";
  return kHeaderHeight + channels.size() * kLaneHeight + kAxisHeight;
}

void SvgWriter::drawLane(const Program &program, const Channel &channel,
                         ArrayRef<size_t> lane, double top) {
  const char *line = laneColors(channel.kind).second;
  double baseline = top + kLaneHeight / 2;
  std::string y = px(baseline);

  // Each lane is scaled to its own peak, as Qiskit's drawer does by
  // default, so weak readout pulses stay visible next to strong drives.
  double peak = 0;
  std::map<unsigned, std::optional<Samples>> samples;
  // Per waveform, its largest |I| and |Q|.
  std::map<unsigned, std::pair<double, double>> envelopePeaks;
  size_t plays = 0, marks = 0;
  for (size_t index : lane) {
    const Instruction &instruction = program.instructions[index];
    if (instruction.kind == Instruction::Kind::Barrier ||
        instruction.isFrameChange())
      ++marks;
    if (instruction.kind != Instruction::Kind::Play)
      continue;
    ++plays;
    auto [it, inserted] = samples.try_emplace(instruction.envelope);
    if (!inserted)
      continue;
    it->second = sampleWaveform(program.envelopes[instruction.envelope].value);
    std::pair<double, double> &envelopePeak =
        envelopePeaks[instruction.envelope];
    if (it->second)
      for (std::complex<double> sample : *it->second)
        envelopePeak = {std::max(envelopePeak.first, std::abs(sample.real())),
                        std::max(envelopePeak.second, std::abs(sample.imag()))};
    peak = std::max({peak, envelopePeak.first, envelopePeak.second});
  }
  double scale = peak > 0 ? kEnvelopeHeight / peak : 0;
  // A lane with more pulses, frame changes and barriers than half its pixel
  // columns (a long schedule) is drawn per column, each column at the peak
  // of the pulses in it, with one frame-change marker and one barrier line
  // per column at most: drawing each made a 10,000-gate circuit's picture
  // 100 MB.
  size_t columns = static_cast<size_t>(kPlotRight - kPlotLeft);
  bool dense = plays + marks > columns / 2;
  auto column = [&](double dt) {
    return std::min(columns - 1,
                    static_cast<size_t>(std::max(0.0, x(dt) - kPlotLeft)));
  };
  std::vector<double> columnPeakI, columnPeakQ;
  std::vector<bool> columnFrameChange, columnBarrier;
  if (dense) {
    columnPeakI.assign(columns, 0);
    columnPeakQ.assign(columns, 0);
    columnFrameChange.assign(columns, false);
    columnBarrier.assign(columns, false);
  }

  os << "<g class=\"lane\" data-channel=\"" << channel.name() << "\">\n"
     << "<line x1=\"" << px(kPlotLeft) << "\" y1=\"" << y << "\" x2=\""
     << px(kPlotRight) << "\" y2=\"" << y << "\" stroke=\"#cccccc\"/>\n"
     << "<text x=\"" << px(kPlotLeft - 10) << "\" y=\"" << px(baseline + 1)
     << "\" text-anchor=\"end\" fill=\"" << line
     << "\" font-size=\"14\" font-weight=\"bold\">" << channel.name()
     << "</text>\n";
  if (peak > 0)
    os << "<text x=\"" << px(kPlotLeft - 10) << "\" y=\"" << px(baseline + 14)
       << "\" text-anchor=\"end\" fill=\"#777777\" font-size=\"9\">peak "
       << formatFixed(peak, 3) << "</text>\n";

  std::set<int64_t> barriers, frameChangeTimes;
  double labelEnd = 0;
  for (size_t position = 0; position < lane.size(); ++position) {
    const Instruction &instruction = program.instructions[lane[position]];
    if (dense && instruction.kind != Instruction::Kind::Capture &&
        instruction.kind != Instruction::Kind::Delay) {
      size_t first = column(instruction.t0);
      if (instruction.kind == Instruction::Kind::Barrier) {
        columnBarrier[first] = true;
      } else if (instruction.isFrameChange()) {
        columnFrameChange[first] = true;
      } else if (instruction.kind == Instruction::Kind::Play) {
        auto [peakI, peakQ] = envelopePeaks[instruction.envelope];
        size_t last = column(instruction.t0 + instruction.duration);
        for (size_t c = first; c <= last; ++c) {
          columnPeakI[c] = std::max(columnPeakI[c], peakI);
          columnPeakQ[c] = std::max(columnPeakQ[c], peakQ);
        }
      }
      continue;
    }
    switch (instruction.kind) {
    case Instruction::Kind::Play:
      // Sampled once per waveform above, not once per play.
      if (const std::optional<Samples> &played =
              samples.at(instruction.envelope))
        drawPlay(program, instruction, *played, channel, baseline, scale);
      break;
    case Instruction::Kind::Capture: {
      double left = x(instruction.t0),
             right = x(instruction.t0 + instruction.duration);
      os << "<g class=\"capture\"><rect x=\"" << px(left) << "\" y=\""
         << px(top + 10) << "\" width=\"" << px(right - left) << "\" height=\""
         << px(kLaneHeight - 20)
         << "\" fill=\"#808080\" fill-opacity=\"0.35\" stroke=\"#606060\"/>";
      if (right - left > 90) {
        os << "<text x=\"" << px(left + 6) << "\" y=\"" << px(baseline + 4)
           << "\" fill=\"#303030\" font-size=\"11\">capture "
           << instruction.duration << " dt";
        if (instruction.memorySlot)
          os << " \u2192 result " << *instruction.memorySlot;
        os << "</text>";
      }
      os << "<title>capture on " << channel.name() << " at " << instruction.t0
         << " dt for " << instruction.duration << " dt</title></g>\n";
      break;
    }
    case Instruction::Kind::Barrier:
      if (barriers.insert(instruction.t0).second) {
        std::string bx = px(x(instruction.t0));
        os << "<line class=\"barrier\" x1=\"" << bx << "\" y1=\"" << px(top + 4)
           << "\" x2=\"" << bx << "\" y2=\"" << px(top + kLaneHeight - 4)
           << "\" stroke=\"#bbbbbb\" stroke-dasharray=\"3,3\"/>\n";
      }
      break;
    case Instruction::Kind::ShiftPhase:
    case Instruction::Kind::SetPhase:
    case Instruction::Kind::ShiftFrequency:
    case Instruction::Kind::SetFrequency: {
      // Frame changes at the same time on this lane make one marker, as
      // in Qiskit's drawer; consecutive phase shifts add up. (Only
      // instantaneous operations can come between them.)
      if (!frameChangeTimes.insert(instruction.t0).second)
        break;
      std::vector<std::string> labels;
      double phaseShift = 0;
      bool shifting = false;
      auto flushShift = [&] {
        if (shifting && phaseShift != 0)
          labels.push_back(formatAngle(phaseShift));
        shifting = false;
        phaseShift = 0;
      };
      for (size_t next = position; next < lane.size(); ++next) {
        const Instruction &change = program.instructions[lane[next]];
        if (change.t0 != instruction.t0)
          break;
        if (!change.isFrameChange())
          continue;
        if (change.kind == Instruction::Kind::ShiftPhase) {
          shifting = true;
          phaseShift += change.value;
          continue;
        }
        flushShift();
        if (change.kind == Instruction::Kind::SetPhase)
          labels.push_back("\u03c6=" + formatAngle(change.value));
        else if (change.kind == Instruction::Kind::ShiftFrequency)
          labels.push_back("\u0394f=" + formatFixed(change.value * 1e3, 2) +
                           " MHz");
        else
          labels.push_back("f=" + formatFixed(change.value, 4) + " GHz");
      }
      flushShift();
      if (labels.empty())
        break;
      double mx = x(instruction.t0);
      std::string label = llvm::join(labels, ", ");
      os << "<g class=\"frame-change\"><path d=\"M" << px(mx - 4) << ","
         << px(top + 5) << " L" << px(mx + 4) << "," << px(top + 5) << " L"
         << px(mx) << "," << px(top + 12) << " Z\" fill=\"#333333\"/>";
      // A label that would run into the previous one is left to the
      // tooltip.
      if (mx + 5 >= labelEnd) {
        os << "<text x=\"" << px(mx + 5) << "\" y=\"" << px(top + 12)
           << "\" font-size=\"9\" fill=\"#333333\">" << escapeXml(label)
           << "</text>";
        labelEnd = mx + 5 + 5.5 * countCharacters(label) + 3;
      }
      os << "<title>" << escapeXml(label) << " at " << instruction.t0
         << " dt</title></g>\n";
      break;
    }
    case Instruction::Kind::Delay:
      break;
    }
  }
  if (dense)
    drawColumns(channel, top, scale, plays, columnPeakI, columnPeakQ,
                columnFrameChange, columnBarrier);
  os << "</g>\n";
}

void SvgWriter::drawColumns(const Channel &channel, double top, double scale,
                            size_t plays, ArrayRef<double> peakI,
                            ArrayRef<double> peakQ,
                            const std::vector<bool> &frameChange,
                            const std::vector<bool> &barrier) {
  auto [fill, line] = laneColors(channel.kind);
  double baseline = top + kLaneHeight / 2;
  // Every column's barrier in one path, and every frame-change marker in
  // another: thousands of elements each would dominate the file.
  std::string barriers;
  for (size_t c = 0; c < barrier.size(); ++c)
    if (barrier[c])
      barriers += "M" + px(kPlotLeft + c + 0.5) + "," + px(top + 4) + "V" +
                  px(top + kLaneHeight - 4);
  if (!barriers.empty())
    os << "<path class=\"barriers\" d=\"" << barriers
       << "\" stroke=\"#bbbbbb\" stroke-dasharray=\"3,3\"/>\n";
  // Filled I, outlined Q, as for single pulses: up to each column's peak.
  std::string real = px(kPlotLeft) + "," + px(baseline), imag;
  for (size_t c = 0; c < peakI.size(); ++c) {
    std::string left = px(kPlotLeft + c), right = px(kPlotLeft + c + 1);
    std::string yI = px(baseline - scale * peakI[c]);
    std::string yQ = px(baseline - scale * peakQ[c]);
    real += " " + left + "," + yI + " " + right + "," + yI;
    imag += (imag.empty() ? "" : " ") + left + "," + yQ + " " + right + "," +
            yQ;
  }
  real += " " + px(kPlotRight) + "," + px(baseline);
  os << "<g class=\"play-columns\"><polygon points=\"" << real << "\" fill=\""
     << fill << "\" fill-opacity=\"0.6\" stroke=\"" << fill
     << "\" stroke-width=\"0.8\"/><polyline points=\"" << imag
     << "\" fill=\"none\" stroke=\"" << line
     << "\" stroke-width=\"1\"/><title>" << plays << " pulses on "
     << channel.name()
     << ", too many to draw one by one: each pixel column shows the peak "
        "|I| and |Q| of the pulses in it</title></g>\n";
  std::string markers;
  for (size_t c = 0; c < frameChange.size(); ++c)
    if (frameChange[c]) {
      double mx = kPlotLeft + c + 0.5;
      markers += "M" + px(mx - 2) + "," + px(top + 5) + "H" + px(mx + 2) +
                 "L" + px(mx) + "," + px(top + 9) + "Z";
    }
  if (!markers.empty())
    os << "<path class=\"frame-changes\" d=\"" << markers
       << "\" fill=\"#333333\"><title>frame changes on " << channel.name()
       << "</title></path>\n";
}

void SvgWriter::drawPlay(const Program &program, const Instruction &instruction,
                         const Samples &samples, const Channel &channel,
                         double baseline, double scale) {
  const Envelope &envelope = program.envelopes[instruction.envelope];
  if (samples.empty())
    return;
  auto [fill, line] = laneColors(channel.kind);
  // At most kMaxPointsPerPulse samples, evenly spaced, first and last
  // included, and no more than four per pixel: a long schedule's pulses
  // are a pixel or less wide, and 16 points each made its picture huge.
  size_t count = samples.size();
  double pixels = x(instruction.t0 + count) - x(instruction.t0);
  size_t points = std::min(
      {count, kMaxPointsPerPulse, std::max<size_t>(4, std::ceil(4 * pixels))});
  std::vector<size_t> picks;
  for (size_t p = 0; p < points; ++p)
    picks.push_back(points == 1 ? 0 : p * (count - 1) / (points - 1));

  auto point = [&](double dt, double value) {
    return px(x(instruction.t0 + dt)) + "," + px(baseline - scale * value);
  };
  // Every sample holds for its dt, so all samples are drawn as steps;
  // picked ones as a line through their midpoints.
  std::string real = point(0, 0), imag;
  auto add = [&](double at, std::complex<double> sample) {
    real += " " + point(at, sample.real());
    imag += (imag.empty() ? "" : " ") + point(at, sample.imag());
  };
  for (size_t k : picks) {
    if (points == count) {
      add(k, samples[k]);
      add(k + 1, samples[k]);
    } else {
      add(k + 0.5, samples[k]);
    }
  }
  real += " " + point(count, 0);
  os << "<g class=\"play\"><polygon points=\"" << real << "\" fill=\"" << fill
     << "\" fill-opacity=\"0.6\" stroke=\"" << fill
     << "\" stroke-width=\"0.8\"/><polyline points=\"" << imag
     << "\" fill=\"none\" stroke=\"" << line << "\" stroke-width=\"1\"/><title>"
     << envelope.shapeName() << ", " << envelope.duration << " dt, on "
     << channel.name() << " at " << instruction.t0 << " dt</title></g>\n";
}

void SvgWriter::drawAxis(const Program &program, double top) {
  std::string y = px(top + 6);
  os << "<g class=\"time-axis\">\n<line x1=\"" << px(kPlotLeft) << "\" y1=\""
     << y << "\" x2=\"" << px(kPlotRight) << "\" y2=\"" << y
     << "\" stroke=\"#333333\"/>\n";
  // Ticks in ns when the schedule has a dt, else in dt.
  double unit = program.dtNs ? *program.dtNs : 1.0;
  double total = span * unit;
  double step = tickStep(total);
  int decimals =
      step >= 1 ? 0 : static_cast<int>(-std::floor(std::log10(step)));
  for (int64_t tick = 0; tick * step <= total * (1 + 1e-12); ++tick) {
    double at = kPlotLeft + (kPlotRight - kPlotLeft) * (tick * step) / total;
    std::string tx = px(at);
    os << "<line x1=\"" << tx << "\" y1=\"" << y << "\" x2=\"" << tx
       << "\" y2=\"" << px(top + 11) << "\" stroke=\"#333333\"/><text x=\""
       << tx << "\" y=\"" << px(top + 23)
       << "\" text-anchor=\"middle\" font-size=\"10\">"
       << formatFixed(tick * step, decimals) << "</text>\n";
  }
  os << "<text x=\"" << px(kPlotRight) << "\" y=\"" << px(top + 37)
     << "\" text-anchor=\"end\" font-size=\"11\" fill=\"#333333\">time ("
     << (program.dtNs ? "ns" : "dt") << ")</text>\n</g>\n";
}

} // namespace

LogicalResult qopt::exportPulseSvg(ModuleOp module, llvm::raw_ostream &os) {
  FailureOr<std::vector<Program>> programs = flattenModule(
      module, {/*requireDt=*/false, /*requireCapturedResults=*/false});
  if (failed(programs))
    return failure();
  std::string text;
  llvm::raw_string_ostream out(text);
  SvgWriter(out).write(*programs);
  os << text;
  return success();
}
