//===- qopt-dataset.cpp - labelled circuits for the learned estimator -----===//
//
//   qopt-dataset --random=N --random-compiled=N --variants=K
//                [--devices=montreal,...]
//                [--families=...|--exclude-families=...]
//                [--seed=S] [--jobs=J] [--shard=K --num-shards=N] -o out.jsonl
//
// Writes one JSON record per example (FidelityDataset.h): its spec, the
// circuit graph the learned model reads, ESP and the density-matrix labels.
// Every example is determined by its index and --seed, so the output does not
// depend on --jobs, and the shards of one index space (--shard=K
// --num-shards=N, e.g. one per cluster node; shard K holds the examples whose
// index is K mod N) together hold exactly the unsharded dataset's lines.
//
//===----------------------------------------------------------------------===//

#include "qopt/Dataset/FidelityDataset.h"
#include "qopt/InitQOpt.h"
#include "qopt/Support/ParallelForEach.h"
#include "qopt/Support/ProgressBar.h"

#include "mlir/IR/MLIRContext.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Format.h"
#include "llvm/Support/InitLLVM.h"
#include "llvm/Support/Process.h"
#include "llvm/Support/Signals.h"
#include "llvm/Support/raw_ostream.h"

#include <atomic>
#include <chrono>
#include <map>
#include <mutex>
#include <thread>

using namespace mlir;
using namespace qopt;
using namespace qopt::dataset;

namespace cl = llvm::cl;

namespace {

cl::OptionCategory category("qopt-dataset options");
cl::opt<std::string> outputPath("o", cl::desc("Output JSON Lines file"),
                                cl::value_desc("file"), cl::init("-"),
                                cl::cat(category));
cl::list<std::string>
    devices("devices", cl::CommaSeparated,
            cl::desc("Targets to map onto (default: montreal, jakarta, "
                     "sherbrooke, belem)"),
            cl::cat(category));
cl::opt<unsigned> randomCount("random", cl::init(0),
                              cl::desc("Random basis-gate circuits on device "
                                       "qubits"),
                              cl::cat(category));
cl::opt<unsigned>
    randomCompiledCount("random-compiled", cl::init(0),
                        cl::desc("Random u3/cx circuits compiled for a device"),
                        cl::cat(category));
cl::opt<std::string> algorithmsDir(
    "algorithms", cl::init(QOPT_DATASET_CIRCUITS_DIR),
    cl::desc("QASMBench directory (small/medium/large/<name>/<name>.qasm)"),
    cl::cat(category));
cl::opt<unsigned> variants("variants", cl::init(0),
                           cl::desc("Compilations of each algorithm circuit "
                                    "per device (seeds, -O1..-O3 in turn)"),
                           cl::cat(category));
cl::list<std::string> families("families", cl::CommaSeparated,
                               cl::desc("Only these algorithm families"),
                               cl::cat(category));
cl::list<std::string>
    excludeFamilies("exclude-families", cl::CommaSeparated,
                    cl::desc("Not these algorithm families (held out)"),
                    cl::cat(category));
cl::opt<unsigned> maxQubits("max-qubits", cl::init(10),
                            cl::desc("Widest circuit labelled (density "
                                     "matrix)"),
                            cl::cat(category));
cl::opt<uint64_t> seed("seed", cl::init(1), cl::desc("Dataset seed"),
                       cl::cat(category));
cl::opt<unsigned> jobs("jobs", cl::init(0),
                       cl::desc("Worker threads (default: all cores)"),
                       cl::cat(category));
cl::opt<unsigned> shard("shard", cl::init(0),
                        cl::desc("This shard's index, 0 <= K < N"),
                        cl::cat(category));
cl::opt<unsigned> numShards("num-shards", cl::init(1),
                            cl::desc("Number of shards N"), cl::cat(category));

} // namespace

int main(int argc, char **argv) {
  llvm::InitLLVM init(argc, argv);
  registerAllPasses();
  cl::HideUnrelatedOptions(category);
  cl::ParseCommandLineOptions(
      argc, argv,
      "qopt-dataset: circuits labelled by noisy simulation, as JSON Lines, "
      "for training and evaluating the learned fidelity estimator\n");
  if (devices.empty())
    for (const char *device : {"montreal", "jakarta", "sherbrooke", "belem"})
      devices.push_back(device);
  if (numShards == 0 || shard >= numShards) {
    llvm::errs() << "error: --num-shards must be at least 1 and --shard "
                    "below it\n";
    return 1;
  }
  if (maxQubits < 2 || maxQubits > 13) {
    llvm::errs() << "error: --max-qubits must be 2..13 (density matrix)\n";
    return 1;
  }
  DatasetPlan plan;
  plan.devices.assign(devices.begin(), devices.end());
  plan.random = randomCount;
  plan.randomCompiled = randomCompiledCount;
  plan.variants = variants;
  plan.algorithmsDir = algorithmsDir;
  plan.families.assign(families.begin(), families.end());
  plan.excludeFamilies.assign(excludeFamilies.begin(), excludeFamilies.end());
  plan.maxQubits = maxQubits;
  plan.seed = seed;
  std::string error;
  FailureOr<std::vector<ExampleSpec>> all = enumerateExamples(plan, error);
  if (failed(all)) {
    llvm::errs() << "error: " << error << "\n";
    return 1;
  }
  std::vector<ExampleSpec> specs;
  for (size_t i = shard; i < all->size(); i += numShards)
    specs.push_back((*all)[i]);
  if (specs.empty()) {
    llvm::errs() << "error: no examples requested (--random, "
                    "--random-compiled or --variants)\n";
    return 1;
  }

  // Written to a temporary file renamed into place at the end.
  std::unique_ptr<llvm::raw_fd_ostream> file;
  llvm::SmallString<256> temporary;
  if (outputPath != "-") {
    int fd;
    if (std::error_code ec = llvm::sys::fs::createUniqueFile(
            outputPath + ".tmp-%%%%%%", fd, temporary)) {
      llvm::errs() << "error: cannot write '" << outputPath
                   << "': " << ec.message() << "\n";
      return 1;
    }
    file = std::make_unique<llvm::raw_fd_ostream>(fd, /*shouldClose=*/true);
    llvm::sys::RemoveFileOnSignal(temporary);
  }
  llvm::raw_ostream &os = file ? *file : llvm::outs();

  DialectRegistry registry;
  registerAllDialects(registry);
  // Results are written in index order as they complete.
  std::mutex mutex;
  std::map<size_t, std::optional<std::string>> finished;
  std::map<std::string, unsigned> skipReasons;
  size_t written = 0, skipped = 0, flushed = 0;
  ProgressBar progress(specs.size());
  auto makeContext = [&] {
    auto context = std::make_unique<MLIRContext>(
        registry, MLIRContext::Threading::DISABLED);
    context->loadAllAvailableDialects();
    return context;
  };
  auto build = [&](std::unique_ptr<MLIRContext> &context, size_t i) {
    std::string why;
    FailureOr<Example> example =
        buildExample(specs[i], *context, maxQubits, why);
    std::optional<std::string> line;
    if (succeeded(example))
      line = llvm::formatv("{0}", llvm::json::Value(toJson(*example)));
    std::lock_guard<std::mutex> lock(mutex);
    if (!line) {
      ++skipped;
      std::string label = specs[i].circuit.empty()
                              ? kindName(specs[i].kind).str()
                              : specs[i].circuit;
      ++skipReasons[label + " on " + specs[i].device + ": " +
                    llvm::StringRef(why).split('\n').first.str()];
    }
    finished[i] = std::move(line);
    while (!finished.empty() && finished.begin()->first == flushed) {
      if (finished.begin()->second) {
        os << *finished.begin()->second << "\n";
        ++written;
      }
      finished.erase(finished.begin());
      ++flushed;
    }
    progress.update(flushed, std::to_string(skipped) + " skipped");
  };
  parallelForEachWithState(specs.size(), jobs, makeContext, build);
  progress.finish();

  for (auto &[reason, count] : skipReasons)
    llvm::errs() << "skipped " << count << ": " << reason << "\n";
  llvm::errs() << "qopt-dataset: " << written << " examples written, "
               << skipped << " skipped\n";
  if (file) {
    file->close();
    std::error_code ec = file->error();
    file->clear_error();
    // Nothing labelled: no output file, not an empty one.
    if (!written) {
      llvm::sys::fs::remove(temporary);
      return 1;
    }
    if (!ec)
      ec = llvm::sys::fs::rename(temporary, outputPath);
    llvm::sys::DontRemoveFileOnSignal(temporary);
    if (ec) {
      llvm::sys::fs::remove(temporary);
      llvm::errs() << "error: cannot write '" << outputPath
                   << "': " << ec.message() << "\n";
      return 1;
    }
  }
  return written ? 0 : 1;
}
