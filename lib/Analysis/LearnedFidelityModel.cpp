//===- LearnedFidelityModel.cpp - QuEst-style graph model -----------------===//

#include "qopt/Analysis/LearnedFidelityModel.h"

#include "llvm/Support/MemoryBuffer.h"

#include <cmath>

using namespace mlir;
using namespace qopt;

namespace {

// The shipped model's text, generated from models/fidelity-mpnn.json.
#include "DefaultFidelityModel.inc"

constexpr llvm::StringLiteral kFormat = "qopt-fidelity-model-v2";
// Standardized features are clipped to +-10 standard deviations (as in
// training), so a device or circuit far outside the training data gives a
// saturated estimate rather than an arbitrary one.
constexpr double kFeatureClip = 10;

/// Reads JSON numbers into Eigen objects, remembering the first problem.
class ModelReader {
public:
  explicit ModelReader(std::string &error) : error(error) {}

  bool ok() const { return error.empty(); }

  void fail(const llvm::Twine &message) {
    if (error.empty())
      error = message.str();
  }

  Eigen::VectorXd vector(const llvm::json::Object &object, llvm::StringRef key,
                         long size) {
    const llvm::json::Array *array = object.getArray(key);
    if (!array) {
      fail("'" + key + "' is missing or not an array");
      return {};
    }
    if (size >= 0 && long(array->size()) != size) {
      fail("'" + key + "' has " + llvm::Twine(array->size()) +
           " entries, expected " + llvm::Twine(size));
      return {};
    }
    Eigen::VectorXd out(array->size());
    for (auto [i, value] : llvm::enumerate(*array)) {
      std::optional<double> x = value.getAsNumber();
      if (!x || !std::isfinite(*x)) {
        fail("'" + key + "' holds a non-number");
        return {};
      }
      out[i] = *x;
    }
    return out;
  }

  /// A rows x cols matrix stored as an array of rows.
  Eigen::MatrixXd matrix(const llvm::json::Object &object, llvm::StringRef key,
                         long rows, long cols) {
    const llvm::json::Array *array = object.getArray(key);
    if (!array || long(array->size()) != rows) {
      fail("'" + key + "' must be an array of " + llvm::Twine(rows) + " rows");
      return {};
    }
    Eigen::MatrixXd out(rows, cols);
    for (auto [r, rowValue] : llvm::enumerate(*array)) {
      const llvm::json::Array *row = rowValue.getAsArray();
      if (!row || long(row->size()) != cols) {
        fail("'" + key + "' rows must have " + llvm::Twine(cols) + " entries");
        return {};
      }
      for (auto [c, value] : llvm::enumerate(*row)) {
        std::optional<double> x = value.getAsNumber();
        if (!x || !std::isfinite(*x)) {
          fail("'" + key + "' holds a non-number");
          return {};
        }
        out(r, c) = *x;
      }
    }
    return out;
  }

  const llvm::json::Object &object(const llvm::json::Object &parent,
                                   llvm::StringRef key) {
    static const llvm::json::Object empty;
    const llvm::json::Object *child = parent.getObject(key);
    if (!child) {
      fail("'" + key + "' is missing or not an object");
      return empty;
    }
    return *child;
  }

private:
  std::string &error;
};

Eigen::VectorXd relu(const Eigen::VectorXd &x) { return x.cwiseMax(0.0); }

Eigen::VectorXd clip(const Eigen::VectorXd &standardized) {
  return standardized.cwiseMax(-kFeatureClip).cwiseMin(kFeatureClip);
}

bool namesMatch(const llvm::json::Array *names,
                llvm::ArrayRef<llvm::StringRef> expected) {
  if (!names || names->size() != expected.size())
    return false;
  for (auto [value, name] : llvm::zip(*names, expected))
    if (value.getAsString() != std::optional<llvm::StringRef>(name))
      return false;
  return true;
}

} // namespace

FailureOr<LearnedFidelityModel>
LearnedFidelityModel::parse(llvm::StringRef text, std::string &error) {
  llvm::Expected<llvm::json::Value> parsed = llvm::json::parse(text);
  if (!parsed) {
    error = "not JSON: " + llvm::toString(parsed.takeError());
    return failure();
  }
  const llvm::json::Object *root = parsed->getAsObject();
  if (!root || root->getString("format") != std::optional(kFormat)) {
    error =
        ("not a model file: expected \"format\": \"" + kFormat + "\"").str();
    return failure();
  }
  if (!namesMatch(root->getArray("node_features"),
                  CircuitGraph::nodeFeatureNames()) ||
      !namesMatch(root->getArray("global_features"),
                  CircuitGraph::globalFeatureNames())) {
    error = "the model was trained on other features than this qopt builds; "
            "retrain it (docs/Fidelity.md)";
    return failure();
  }
  if (root->getString("architecture") !=
      std::optional<llvm::StringRef>("mpnn")) {
    error = "unknown architecture; this qopt evaluates 'mpnn' models";
    return failure();
  }
  std::optional<int64_t> hiddenValue = root->getInteger("hidden");
  if (!hiddenValue || *hiddenValue <= 0 || *hiddenValue > 4096) {
    error = "'hidden' must be a positive width";
    return failure();
  }
  long hidden = *hiddenValue;
  long numNode = CircuitGraph::nodeFeatureNames().size();
  long numGlobal = CircuitGraph::globalFeatureNames().size();

  LearnedFidelityModel model;
  ModelReader reader(error);
  model.nodeMean = reader.vector(*root, "node_mean", numNode);
  model.nodeScale = reader.vector(*root, "node_std", numNode);
  model.globalMean = reader.vector(*root, "global_mean", numGlobal);
  model.globalScale = reader.vector(*root, "global_std", numGlobal);
  auto dense = [&](llvm::StringRef key, long rows, long cols) {
    const llvm::json::Object &object = reader.object(*root, key);
    return Dense{reader.matrix(object, "weight", rows, cols),
                 reader.vector(object, "bias", rows)};
  };
  model.input = dense("input", hidden, numNode);
  model.global = dense("global", hidden, numGlobal);
  model.readoutHidden = dense("readout_hidden", hidden, 2 * hidden);
  model.readoutOut = dense("readout_out", 1, hidden);
  const llvm::json::Array *layers = root->getArray("layers");
  if (!layers)
    reader.fail("'layers' is missing or not an array");
  for (const llvm::json::Value &value :
       layers ? *layers : llvm::json::Array()) {
    const llvm::json::Object *layer = value.getAsObject();
    if (!layer) {
      reader.fail("each of 'layers' must be an object");
      break;
    }
    model.layers.push_back({reader.matrix(*layer, "self", hidden, hidden),
                            reader.matrix(*layer, "forward", hidden, hidden),
                            reader.matrix(*layer, "backward", hidden, hidden),
                            reader.vector(*layer, "bias", hidden)});
  }
  if (!reader.ok())
    return failure();
  if ((model.nodeScale.array() <= 0).any() ||
      (model.globalScale.array() <= 0).any()) {
    error = "feature scales must be positive";
    return failure();
  }
  llvm::ArrayRef<llvm::StringRef> names = CircuitGraph::nodeFeatureNames();
  std::optional<llvm::StringRef> baseline = root->getString("baseline");
  const llvm::StringRef *found =
      baseline ? llvm::find(names, *baseline) : names.end();
  if (found == names.end()) {
    error = "'baseline' must name a node feature";
    return failure();
  }
  model.baselineFeature = unsigned(found - names.begin());
  if (std::optional<llvm::StringRef> description =
          root->getString("description"))
    model.description = description->str();
  if (const llvm::json::Value *maxQubits = root->get("max_training_qubits")) {
    std::optional<int64_t> value = maxQubits->getAsInteger();
    if (!value || *value < 1 || *value > 100000) {
      error = "'max_training_qubits' must be a positive qubit count";
      return failure();
    }
    model.maxTrainingQubits = unsigned(*value);
  }
  return model;
}

FailureOr<LearnedFidelityModel> LearnedFidelityModel::load(llvm::StringRef path,
                                                           std::string &error) {
  llvm::ErrorOr<std::unique_ptr<llvm::MemoryBuffer>> buffer =
      llvm::MemoryBuffer::getFile(path);
  if (!buffer) {
    error =
        ("cannot read the model '" + path + "': " + buffer.getError().message())
            .str();
    return failure();
  }
  FailureOr<LearnedFidelityModel> model = parse((*buffer)->getBuffer(), error);
  if (failed(model))
    error = (path + ": " + error).str();
  return model;
}

const LearnedFidelityModel &LearnedFidelityModel::getDefault() {
  static const LearnedFidelityModel model = [] {
    std::string error;
    FailureOr<LearnedFidelityModel> parsed =
        parse(kDefaultFidelityModel, error);
    if (failed(parsed))
      llvm::report_fatal_error("the shipped fidelity model is broken: " +
                               llvm::Twine(error));
    return std::move(*parsed);
  }();
  return model;
}

double LearnedFidelityModel::predict(const CircuitGraph &graph) const {
  long numNode = nodeMean.size();
  long hidden = input.bias.size();
  Eigen::MatrixXd h(hidden, graph.numNodes);
  for (unsigned v = 0; v < graph.numNodes; ++v) {
    Eigen::Map<const Eigen::VectorXd> x(
        &graph.nodeFeatures[size_t(v) * numNode], numNode);
    Eigen::VectorXd standardized =
        clip((x - nodeMean).cwiseQuotient(nodeScale));
    h.col(v) = relu(input.weight * standardized + input.bias);
  }
  Eigen::MatrixXd forward(hidden, graph.numNodes),
      backward(hidden, graph.numNodes);
  for (const MessageLayer &layer : layers) {
    forward.setZero();
    backward.setZero();
    for (auto [from, to] : graph.edges) {
      forward.col(to) += h.col(from);
      backward.col(from) += h.col(to);
    }
    Eigen::MatrixXd update =
        layer.self * h + layer.forward * forward + layer.backward * backward;
    update.colwise() += layer.bias;
    h += update.cwiseMax(0.0);
  }
  Eigen::Map<const Eigen::VectorXd> g(graph.globalFeatures.data(),
                                      graph.globalFeatures.size());
  Eigen::VectorXd globalEmbedding =
      relu(global.weight * clip((g - globalMean).cwiseQuotient(globalScale)) +
           global.bias);
  // Split W_r into the node and global halves: W_r [h; e] = A h + B e.
  Eigen::MatrixXd readout = readoutHidden.weight.leftCols(hidden) * h;
  readout.colwise() +=
      readoutHidden.weight.rightCols(hidden) * globalEmbedding +
      readoutHidden.bias;
  Eigen::RowVectorXd shares = readoutOut.weight.row(0) * readout.cwiseMax(0.0);
  double negLogFidelity = 0;
  for (unsigned v = 0; v < graph.numNodes; ++v)
    negLogFidelity +=
        graph.nodeFeatures[size_t(v) * numNode + baselineFeature] *
        std::exp(shares[v] + readoutOut.bias[0]);
  return std::exp(-negLogFidelity);
}
