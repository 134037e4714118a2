//===- ProgressBar.h - a progress line for long-running tools ---*- C++ -*-===//
//
// "[#####.....] 120/400, 3 skipped, 80s left" redrawn on stderr, only when
// stderr is a terminal: logs and CI output stay free of carriage returns.
//
//===----------------------------------------------------------------------===//

#ifndef QOPT_SUPPORT_PROGRESSBAR_H
#define QOPT_SUPPORT_PROGRESSBAR_H

#include "llvm/Support/Format.h"
#include "llvm/Support/Process.h"
#include "llvm/Support/raw_ostream.h"

#include <chrono>
#include <string>

namespace qopt {

class ProgressBar {
public:
  explicit ProgressBar(size_t total)
      : total(total), enabled(llvm::sys::Process::StandardErrIsDisplayed()),
        start(std::chrono::steady_clock::now()) {}

  /// Redraws the line; `note` (such as "3 skipped") follows the count.
  void update(size_t done, llvm::StringRef note = "") {
    if (!enabled)
      return;
    double elapsed =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start)
            .count();
    drawn = true;
    unsigned filled = total ? 30 * done / total : 30;
    double left = done ? elapsed * (total - done) / done : 0;
    llvm::errs() << "\r[" << std::string(filled, '#')
                 << std::string(30 - filled, '.') << "] " << done << "/"
                 << total << (note.empty() ? "" : ", ") << note << ", "
                 << llvm::format("%.0fs left ", left);
  }

  /// Blanks the line, so that other output can be printed over it; the
  /// next update draws it again.
  void clear() {
    if (enabled && drawn)
      llvm::errs() << "\r" << std::string(72, ' ') << "\r";
  }

  /// Ends the line, so that what follows starts on a new one.
  void finish() {
    if (enabled && drawn)
      llvm::errs() << "\n";
  }

private:
  size_t total;
  bool enabled;
  bool drawn = false;
  std::chrono::steady_clock::time_point start;
};

} // namespace qopt

#endif // QOPT_SUPPORT_PROGRESSBAR_H
