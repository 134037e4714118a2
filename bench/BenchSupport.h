//===- BenchSupport.h - shared bench timing and reporting -------*- C++ -*-===//
//
// Benchmarks print ratios against a baseline timed in the same run, so the
// helpers here are only what both benches need to time things the same way
// and to say which machine and commit a table came from.
//
//===----------------------------------------------------------------------===//

#ifndef QOPT_BENCH_BENCHSUPPORT_H
#define QOPT_BENCH_BENCHSUPPORT_H

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/raw_ostream.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <string>
#include <thread>
#include <vector>

namespace qopt::bench {

using Clock = std::chrono::steady_clock;

inline double millisecondsSince(Clock::time_point start) {
  return std::chrono::duration<double, std::milli>(Clock::now() - start)
      .count();
}

/// Summary of repeated timings. The median is what tables report: a run that
/// shares the machine sees outliers in one direction only.
struct Stats {
  double median = 0, min = 0, max = 0;
};

inline Stats summarize(std::vector<double> samples) {
  Stats s;
  if (samples.empty())
    return s;
  std::sort(samples.begin(), samples.end());
  size_t n = samples.size();
  s.median = n % 2 ? samples[n / 2] : (samples[n / 2 - 1] + samples[n / 2]) / 2;
  s.min = samples.front();
  s.max = samples.back();
  return s;
}

/// First line of a shell command's output, or "" if it fails.
inline std::string firstLineOf(const std::string &command) {
  std::string line;
  if (FILE *pipe = popen(command.c_str(), "r")) {
    char buffer[256];
    if (fgets(buffer, sizeof(buffer), pipe))
      line = llvm::StringRef(buffer).trim().str();
    if (pclose(pipe) != 0)
      line.clear();
  }
  return line;
}

/// The source tree's commit, read at run time so a table never names a
/// commit the binary was configured at but not built from; "+dirty" marks
/// uncommitted changes to tracked files.
inline std::string sourceCommit() {
  std::string git = "git -C '" QOPT_BENCH_SOURCE_DIR "' --no-optional-locks ";
  std::string commit = firstLineOf(git + "rev-parse --short HEAD 2>/dev/null");
  if (commit.empty())
    return "unknown";
  if (firstLineOf(git + "diff --quiet HEAD -- 2>/dev/null || echo dirty") ==
      "dirty")
    commit += "+dirty";
  return commit;
}

inline std::string cpuModel() {
  auto buffer = llvm::MemoryBuffer::getFileAsStream("/proc/cpuinfo");
  if (!buffer)
    return "unknown";
  llvm::StringRef text = (*buffer)->getBuffer();
  while (!text.empty()) {
    auto [line, rest] = text.split('\n');
    text = rest;
    if (line.starts_with("model name"))
      return line.split(':').second.trim().str();
  }
  return "unknown";
}

/// One header block per run: enough to tell two tables apart.
inline void printRunHeader(llvm::raw_ostream &os, llvm::StringRef title,
                           unsigned reps) {
  os << "# " << title << "\n\n"
     << "- cpu: " << cpuModel() << ", " << std::thread::hardware_concurrency()
     << " cores\n"
     << "- commit: " << sourceCommit() << "\n"
     << "- compiler: " << __VERSION__
#ifdef NDEBUG
     << ", assertions off"
#else
     << ", assertions ON (not a release build)"
#endif
     << "\n- repetitions: " << reps << " (median reported)\n\n";
}

} // namespace qopt::bench

#endif // QOPT_BENCH_BENCHSUPPORT_H
