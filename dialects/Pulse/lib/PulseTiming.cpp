//===- PulseTiming.cpp - verifying a schedule's timing --------------------===//
//
// A schedule is either unscheduled (no start times: time follows program
// order per channel) or scheduled (every timed operation has a start time
// and the schedule a duration). In a scheduled program, each operation on a
// channel starts no earlier than the previous one on that channel ended, so
// plays never overlap and program order is time order, and the duration is
// the end of the last operation.
//
//===----------------------------------------------------------------------===//

#include "qopt/Dialect/Pulse/Pulse.h"

#include "llvm/ADT/DenseMap.h"

#include <map>

using namespace mlir;
using namespace qopt::pulse;

LogicalResult qopt::pulse::verifyScheduleTiming(ScheduleOp schedule) {
  Block &body = schedule.getBody().front();
  TimedOpInterface firstScheduled, firstUnscheduled;
  WalkResult nested = schedule.getBody().walk([&](TimedOpInterface op) {
    if (op->getBlock() != &body) {
      op->emitOpError("must be directly in the schedule body: a pulse "
                      "program has no control flow");
      return WalkResult::interrupt();
    }
    if (op.getStartTime()) {
      if (!firstScheduled)
        firstScheduled = op;
    } else if (!firstUnscheduled) {
      firstUnscheduled = op;
    }
    return WalkResult::advance();
  });
  if (nested.wasInterrupted())
    return failure();

  for (Operation &op : body)
    if (auto timed = dyn_cast<TimedOpInterface>(op))
      for (Value channel : timed.getTimedChannels())
        if (!getChannelOp(channel))
          return op.emitOpError("uses a channel that is not made by "
                                "pulse.channel in this schedule");

  if (firstScheduled && firstUnscheduled)
    return firstUnscheduled->emitOpError(
        "has no start time, but other operations in the schedule do: a "
        "schedule is timed entirely or not at all");
  std::optional<int64_t> duration = schedule.getDuration();
  if (!firstScheduled) {
    if (duration && firstUnscheduled)
      return schedule.emitOpError("has a duration but its operations have "
                                  "no start times");
    return success();
  }
  if (!duration)
    return schedule.emitOpError("has timed operations but no duration");

  // End of the last operation on each channel, by (kind, index).
  llvm::DenseMap<std::pair<unsigned, int64_t>, int64_t> channelEnd;
  int64_t end = 0;
  for (Operation &op : body) {
    auto timed = dyn_cast<TimedOpInterface>(op);
    if (!timed)
      continue;
    int64_t start = *timed.getStartTime();
    int64_t stop = start + timed.getDurationDt();
    for (Value channel : timed.getTimedChannels()) {
      ChannelOp channelOp = getChannelOp(channel);
      auto key = std::pair{static_cast<unsigned>(channelOp.getKind()),
                           channelOp.getIndex()};
      auto it = channelEnd.find(key);
      if (it != channelEnd.end() && start < it->second)
        return op.emitOpError("starts at ")
               << start << " on channel " << channelOp.getChannelName()
               << ", before the previous operation there ends at "
               << it->second;
      channelEnd[key] = stop;
    }
    end = std::max(end, stop);
  }
  if (*duration != end)
    return schedule.emitOpError("duration ")
           << *duration << " differs from the end of its last operation, "
           << end;
  return success();
}

ScheduleTiming qopt::pulse::computeTiming(ScheduleOp schedule, bool alap) {
  ScheduleTiming timing;
  for (Operation &op : schedule.getBody().front())
    if (auto timed = dyn_cast<TimedOpInterface>(op))
      timing.ops.push_back(timed);
  auto keyOf = [](Value channel) {
    ChannelOp op = getChannelOp(channel);
    return std::pair{static_cast<unsigned>(op.getKind()), op.getIndex()};
  };
  // Going backward, an op's "start" is its distance from the end; the
  // times are flipped afterwards.
  size_t count = timing.ops.size();
  timing.starts.resize(count);
  std::map<std::pair<unsigned, int64_t>, int64_t> clock;
  for (size_t step = 0; step < count; ++step) {
    size_t i = alap ? count - 1 - step : step;
    TimedOpInterface op = timing.ops[i];
    int64_t at = 0;
    for (Value channel : op.getTimedChannels())
      at = std::max(at, clock[keyOf(channel)]);
    int64_t end = at + op.getDurationDt();
    for (Value channel : op.getTimedChannels())
      clock[keyOf(channel)] = end;
    timing.starts[i] = at;
    timing.duration = std::max(timing.duration, end);
  }
  if (alap)
    for (size_t i = 0; i < count; ++i)
      timing.starts[i] =
          timing.duration - timing.starts[i] - timing.ops[i].getDurationDt();
  return timing;
}
