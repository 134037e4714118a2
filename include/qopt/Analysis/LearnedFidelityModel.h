//===- LearnedFidelityModel.h - QuEst-style graph model ---------*- C++ -*-===//
//
// The learned fidelity estimator: a message-passing network over the
// circuit's gate DAG (CircuitGraph.h), trained offline
// (scripts/train-fidelity-model.sh, docs/Fidelity.md) against noisy
// simulation and evaluated here on Eigen, with no Python at run time.
//
//   x_v  = standardized node features,  g = standardized global features
//          (both clipped to +-10 standard deviations)
//   h_v  = relu(W_in x_v + b_in)
//   for each layer:  h_v += relu(W_self h_v + W_fwd sum_{u -> v} h_u
//                                + W_bwd sum_{v -> w} h_w + b)
//   e    = relu(W_g g + b_g)
//   r_v  = w_out . relu(W_r [h_v; e] + b_r) + b_out
//   -log F = sum_v x_v[baseline] exp(r_v)
//
// The baseline is the node's first-order share of -log F (its noise alone
// on the noiseless state, unstandardized), which the network learns to
// rescale. Each node adds its share, so the estimate grows with the
// circuit the way fidelity decays, and the global embedding lets width,
// depth and coherence rescale every share.
//
//===----------------------------------------------------------------------===//

#ifndef QOPT_ANALYSIS_LEARNEDFIDELITYMODEL_H
#define QOPT_ANALYSIS_LEARNEDFIDELITYMODEL_H

#include "qopt/Analysis/CircuitGraph.h"

#include <Eigen/Core>
#include <optional>
#include <string>
#include <vector>

namespace qopt {

class LearnedFidelityModel {
public:
  /// The model shipped with qopt (models/fidelity-mpnn.json, compiled in).
  static const LearnedFidelityModel &getDefault();

  /// Parses a model file's text; `error` says what is wrong with it.
  static mlir::FailureOr<LearnedFidelityModel> parse(llvm::StringRef text,
                                                     std::string &error);
  static mlir::FailureOr<LearnedFidelityModel> load(llvm::StringRef path,
                                                    std::string &error);

  /// The predicted state fidelity of the circuit `graph` describes.
  double predict(const CircuitGraph &graph) const;

  /// What the model was trained to predict and on what, from the file.
  const std::string &getDescription() const { return description; }
  /// The widest training circuit, if the file says: estimates for wider
  /// circuits are extrapolations.
  std::optional<unsigned> getMaxTrainingQubits() const {
    return maxTrainingQubits;
  }

private:
  struct Dense {
    Eigen::MatrixXd weight;
    Eigen::VectorXd bias;
  };
  struct MessageLayer {
    Eigen::MatrixXd self, forward, backward;
    Eigen::VectorXd bias;
  };

  Eigen::VectorXd nodeMean, nodeScale, globalMean, globalScale;
  Dense input, global, readoutHidden, readoutOut;
  std::vector<MessageLayer> layers;
  /// The node feature each share rescales.
  unsigned baselineFeature = 0;
  std::string description;
  std::optional<unsigned> maxTrainingQubits;
};

} // namespace qopt

#endif // QOPT_ANALYSIS_LEARNEDFIDELITYMODEL_H
