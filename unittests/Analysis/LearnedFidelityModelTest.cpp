//===- LearnedFidelityModelTest.cpp - C++ inference = training's ----------===//
//
// The shipped model must predict, in C++, what the training script predicted
// for the reference examples it saved next to the model
// (models/fidelity-mpnn.reference.jsonl), and malformed model files must be
// refused with a reason.
//
//===----------------------------------------------------------------------===//

#include "qopt/Analysis/LearnedFidelityModel.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/MemoryBuffer.h"

#include "gtest/gtest.h"

using namespace mlir;
using namespace qopt;

namespace {

std::string readModelsFile(llvm::StringRef name) {
  auto buffer = llvm::MemoryBuffer::getFile(
      (llvm::Twine(QOPT_MODELS_DIR) + "/" + name).str());
  EXPECT_TRUE(bool(buffer)) << name.str();
  return buffer ? (*buffer)->getBuffer().str() : std::string();
}

TEST(LearnedFidelityModelTest, ReproducesTrainingPredictions) {
  const LearnedFidelityModel &model = LearnedFidelityModel::getDefault();
  std::string references = readModelsFile("fidelity-mpnn.reference.jsonl");
  unsigned checked = 0;
  for (llvm::StringRef line : llvm::split(llvm::StringRef(references), "\n")) {
    if (line.trim().empty())
      continue;
    llvm::Expected<llvm::json::Value> record = llvm::json::parse(line);
    ASSERT_TRUE(bool(record)) << llvm::toString(record.takeError());
    const llvm::json::Object *object = record->getAsObject();
    ASSERT_TRUE(object && object->getObject("graph"));
    std::string error;
    FailureOr<CircuitGraph> graph =
        CircuitGraph::fromJson(*object->getObject("graph"), error);
    ASSERT_TRUE(succeeded(graph)) << error;
    std::optional<double> prediction = object->getNumber("prediction");
    ASSERT_TRUE(prediction.has_value());
    double expected = *prediction;
    double predicted = model.predict(*graph);
    EXPECT_NEAR(predicted, expected, 1e-9 * std::max(1.0, expected))
        << "reference example " << checked;
    // The reference predictions are real estimates, not a constant.
    EXPECT_GT(predicted, 0.0);
    EXPECT_LT(predicted, 1.0);
    ++checked;
  }
  EXPECT_GE(checked, 6u);
}

TEST(LearnedFidelityModelTest, EmbeddedModelIsTheCommittedFile) {
  // A stale compiled-in copy would predict differently from the file.
  std::string error;
  FailureOr<LearnedFidelityModel> fromFile =
      LearnedFidelityModel::parse(readModelsFile("fidelity-mpnn.json"), error);
  ASSERT_TRUE(succeeded(fromFile)) << error;
  EXPECT_FALSE(fromFile->getDescription().empty());
  std::string references = readModelsFile("fidelity-mpnn.reference.jsonl");
  unsigned compared = 0;
  for (llvm::StringRef line : llvm::split(llvm::StringRef(references), "\n")) {
    if (line.trim().empty())
      continue;
    llvm::Expected<llvm::json::Value> record = llvm::json::parse(line);
    ASSERT_TRUE(bool(record)) << llvm::toString(record.takeError());
    FailureOr<CircuitGraph> graph = CircuitGraph::fromJson(
        *record->getAsObject()->getObject("graph"), error);
    ASSERT_TRUE(succeeded(graph)) << error;
    EXPECT_EQ(fromFile->predict(*graph),
              LearnedFidelityModel::getDefault().predict(*graph));
    ++compared;
  }
  EXPECT_GT(compared, 0u);
}

std::string refusal(llvm::StringRef text) {
  std::string error;
  FailureOr<LearnedFidelityModel> model =
      LearnedFidelityModel::parse(text, error);
  EXPECT_TRUE(failed(model));
  return error;
}

TEST(LearnedFidelityModelTest, RefusesMalformedModels) {
  EXPECT_EQ(refusal("{"), "not JSON: [1:1, byte=1]: Expected object key");
  EXPECT_EQ(refusal("{\"format\": \"onnx\"}"),
            "not a model file: expected \"format\": "
            "\"qopt-fidelity-model-v2\"");
  EXPECT_EQ(refusal("{\"format\": \"qopt-fidelity-model-v2\", "
                    "\"node_features\": [\"is_rz\"], \"global_features\": []}"),
            "the model was trained on other features than this qopt builds; "
            "retrain it (docs/Fidelity.md)");

  // The shipped model with one weight row cut short.
  std::string text = readModelsFile("fidelity-mpnn.json");
  llvm::Expected<llvm::json::Value> json = llvm::json::parse(text);
  ASSERT_TRUE(bool(json));
  json->getAsObject()
      ->getObject("input")
      ->getArray("weight")
      ->front()
      .getAsArray()
      ->pop_back();
  EXPECT_EQ(refusal(llvm::formatv("{0}", *json).str()),
            "'weight' rows must have 30 entries");

  // A baseline that is not a node feature.
  json = llvm::json::parse(text);
  ASSERT_TRUE(bool(json));
  (*json->getAsObject())["baseline"] = "no_such_feature";
  EXPECT_EQ(refusal(llvm::formatv("{0}", *json).str()),
            "'baseline' must name a node feature");
  json = llvm::json::parse(text);
  ASSERT_TRUE(bool(json));
  json->getAsObject()->erase("baseline");
  EXPECT_EQ(refusal(llvm::formatv("{0}", *json).str()),
            "'baseline' must name a node feature");

  // The training width, which the report uses to flag extrapolation.
  EXPECT_EQ(LearnedFidelityModel::getDefault().getMaxTrainingQubits(),
            std::optional<unsigned>(10));
  json = llvm::json::parse(text);
  ASSERT_TRUE(bool(json));
  (*json->getAsObject())["max_training_qubits"] = 0;
  EXPECT_EQ(refusal(llvm::formatv("{0}", *json).str()),
            "'max_training_qubits' must be a positive qubit count");

  // A non-finite or non-positive feature scale.
  json = llvm::json::parse(text);
  ASSERT_TRUE(bool(json));
  (*json->getAsObject()->getArray("node_std"))[0] = 0.0;
  EXPECT_EQ(refusal(llvm::formatv("{0}", *json).str()),
            "feature scales must be positive");
}

} // namespace
