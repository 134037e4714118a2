//===- SchedulePulses.cpp - start times for pulse programs ----------------===//

#include "qopt/Transforms/Passes.h"

#include "qopt/Dialect/Pulse/Pulse.h"

#include "llvm/Support/Format.h"

#include <map>

namespace qopt {
#define GEN_PASS_DEF_SCHEDULEPULSES
#include "qopt/Transforms/Passes.h.inc"
} // namespace qopt

using namespace mlir;
using namespace qopt;
using namespace qopt::pulse;

namespace {

using ChannelKey = std::pair<unsigned, int64_t>;

ChannelKey keyOf(Value channel) {
  ChannelOp op = getChannelOp(channel);
  return {static_cast<unsigned>(op.getKind()), op.getIndex()};
}

/// Start times for `ops` in program order. With `reverse`, the same greedy
/// placement runs from the end: an op's "start" is its distance from the
/// end of the program, and times are flipped afterwards.
SmallVector<int64_t> place(MutableArrayRef<TimedOpInterface> ops, bool reverse,
                           int64_t &total) {
  SmallVector<int64_t> start(ops.size());
  std::map<ChannelKey, int64_t> clock;
  total = 0;
  for (size_t step = 0; step < ops.size(); ++step) {
    size_t i = reverse ? ops.size() - 1 - step : step;
    TimedOpInterface op = ops[i];
    int64_t at = 0;
    for (Value channel : op.getTimedChannels())
      at = std::max(at, clock[keyOf(channel)]);
    int64_t end = at + op.getDurationDt();
    for (Value channel : op.getTimedChannels())
      clock[keyOf(channel)] = end;
    start[i] = at;
    total = std::max(total, end);
  }
  if (reverse)
    for (size_t i = 0; i < ops.size(); ++i)
      start[i] = total - start[i] - ops[i].getDurationDt();
  return start;
}

struct SchedulePulsesPass
    : public qopt::impl::SchedulePulsesBase<SchedulePulsesPass> {
  using SchedulePulsesBase::SchedulePulsesBase;

  void runOnOperation() override {
    if (policy != "asap" && policy != "alap") {
      getOperation().emitError("schedule-pulses: policy must be asap or "
                               "alap, got '")
          << policy << "'";
      return signalPassFailure();
    }
    for (auto schedule : getOperation().getOps<ScheduleOp>()) {
      SmallVector<TimedOpInterface> ops;
      for (Operation &op : schedule.getBody().front())
        if (auto timed = dyn_cast<TimedOpInterface>(op))
          ops.push_back(timed);
      int64_t total = 0;
      SmallVector<int64_t> start = place(ops, policy == "alap", total);
      std::map<ChannelKey, std::pair<std::string, int64_t>> busy;
      for (auto [op, at] : llvm::zip(ops, start)) {
        op.setStartTime(at);
        if (isa<PlayOp, CaptureOp>(op))
          for (Value channel : op.getTimedChannels()) {
            auto &entry = busy[keyOf(channel)];
            entry.first = getChannelOp(channel).getChannelName();
            entry.second += op.getDurationDt();
          }
      }
      schedule.setDurationAttr(
          IntegerAttr::get(IntegerType::get(&getContext(), 64), total));
      totalDurationDt += total;

      std::string text;
      llvm::raw_string_ostream os(text);
      os << "schedule-pulses: @" << schedule.getSymName() << " lasts " << total
         << " dt";
      if (FloatAttr dt = schedule.getDtAttr())
        os << llvm::format(" (%.1f ns)", total * dt.getValueAsDouble());
      if (!busy.empty() && total > 0) {
        os << "; utilization";
        for (auto &[key, entry] : busy)
          os << ' ' << entry.first
             << llvm::format(" %.1f%%", 100.0 * entry.second / total);
      }
      emitRemark(schedule.getLoc(), text);
    }
  }
};

} // namespace
