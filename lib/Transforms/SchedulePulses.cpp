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
      ScheduleTiming timing = computeTiming(schedule, policy == "alap");
      int64_t total = timing.duration;
      std::map<ChannelKey, std::pair<std::string, int64_t>> busy;
      for (auto [op, at] : llvm::zip(timing.ops, timing.starts)) {
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
