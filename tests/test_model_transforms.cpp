// Post-training pruning and threshold scaling on hand-computed models: which weights go, per
// scope; embeddings and tied decoders left alone unless asked; thresholds scaled.
#include <gtest/gtest.h>

#include <algorithm>
#include <numeric>
#include <random>

#include "core/error.hpp"
#include "models/model_transforms.hpp"
#include "models/pruning.hpp"
#include "tests/random_models.hpp"

namespace evsim {
namespace {

ModelSpec two_affines() {
  ModelSpec s;
  s.graph.add("a", "Affine").params["weight"] = Array::floats({2, 2}, {1.0f, -2.0f, 3.0f, 0.5f});
  s.graph.add("b", "Linear").params["weight"] = Array::floats({1, 2}, {4.0f, -0.1f});
  s.graph.add("lif", "LIF").params["v_threshold"] = Array::floats({2}, {1.0f, 0.5f});
  return s;
}

const std::vector<float>& w(const ModelSpec& s, const std::string& node, const std::string& p = "weight") {
  return s.graph.find(node)->find(p)->f;
}

TEST(ModelTransforms, GlobalPruningCutsTheSmallestOverAllArrays) {
  ModelSpec s = two_affines();
  const PruneOutcome o = prune_magnitude(s, 0.5, PruneScope::Global, false);  // 3 of 6: |0.1|, |0.5|, |1|
  EXPECT_EQ(o.weights, 6);
  EXPECT_EQ(o.zeros, 3);
  EXPECT_EQ(w(s, "a"), (std::vector<float>{0.0f, -2.0f, 3.0f, 0.0f}));
  EXPECT_EQ(w(s, "b"), (std::vector<float>{4.0f, 0.0f}));
}

TEST(ModelTransforms, LayerPruningCutsEachArray) {
  ModelSpec s = two_affines();
  const PruneOutcome o = prune_magnitude(s, 0.5, PruneScope::Layer, false);  // 2 of 4, 1 of 2
  EXPECT_EQ(o.zeros, 3);
  EXPECT_EQ(w(s, "a"), (std::vector<float>{0.0f, -2.0f, 3.0f, 0.0f}));
  EXPECT_EQ(w(s, "b"), (std::vector<float>{4.0f, 0.0f}));
  ModelSpec t = two_affines();
  prune_magnitude(t, 0.75, PruneScope::Layer, false);  // 3 of 4, round(1.5) = 2 of 2
  EXPECT_EQ(w(t, "a"), (std::vector<float>{0.0f, 0.0f, 3.0f, 0.0f}));
  EXPECT_EQ(w(t, "b"), (std::vector<float>{0.0f, 0.0f}));
  EXPECT_THROW(prune_magnitude(t, 1.0, PruneScope::Global, false), UsageError);
}

TEST(ModelTransforms, EmbeddingsAndTiedDecodersStayUnlessAsked) {
  ModelSpec s;
  const std::vector<float> table{0.1f, 0.2f, 0.3f, 0.4f, 0.5f, 0.6f};  // V = 3 x E = 2
  s.graph.add("embedding", "Embedding").params["weight"] = Array::floats({3, 2}, table);
  s.graph.add("egru", "EGRU").params["weight_ih"] = Array::floats({1, 2}, {0.01f, 0.9f});
  s.graph.add("decoder", "Affine").params["weight"] = Array::floats({3, 2}, table);
  s.graph.add("head", "Affine").params["weight"] = Array::floats({3, 2}, {1, 2, 3, 4, 5, 7});  // not tied
  const auto reached = prunable_arrays(s, false);
  ASSERT_EQ(reached.size(), 2u);
  EXPECT_EQ(reached[0].node, "egru");
  EXPECT_EQ(reached[1].node, "head");
  EXPECT_EQ(prunable_arrays(s, true).size(), 4u);
  prune_magnitude(s, 0.5, PruneScope::Global, false);
  EXPECT_EQ(w(s, "embedding"), table);
  EXPECT_EQ(w(s, "decoder"), table);
  EXPECT_EQ(w(s, "egru", "weight_ih"), (std::vector<float>{0.0f, 0.0f}));  // 4 of 8: 0.01, 0.9, 1, 2
}

TEST(ModelTransforms, ThresholdsScale) {
  ModelSpec s = two_affines();
  EXPECT_EQ(scale_thresholds(s, 2.0), 1);
  EXPECT_EQ(w(s, "lif", "v_threshold"), (std::vector<float>{2.0f, 1.0f}));
  ModelSpec none;
  none.graph.add("a", "Affine").params["weight"] = Array::floats({1, 1}, {1.0f});
  EXPECT_EQ(scale_thresholds(none, 2.0), 0);
  EXPECT_THROW(scale_thresholds(s, 0.0), UsageError);
  EXPECT_EQ(parse_prune_scope("layer"), PruneScope::Layer);
  EXPECT_THROW(parse_prune_scope("row"), UsageError);
}

}  // namespace
}  // namespace evsim

#include "models/weight_layout.hpp"

namespace evsim {
namespace {

TEST(ModelTransforms, PruningRefusesSparseStoredWeights) {
  ModelSpec s;
  s.graph.add("in", "Input").params["shape"] = Array::ints({1}, {2});
  s.graph.add("w", "Linear").params["weight"] = Array::floats({2, 2}, {1, 0, 0.5f, 2});
  s.graph.add("out", "Output");
  s.graph.connect("in", "w");
  s.graph.connect("w", "out");
  store_weights_sparse(s, true);
  try {
    prune_magnitude(s, 0.5, PruneScope::Global, false);
    ADD_FAILURE() << "pruned a sparse group";
  } catch (const UsageError& e) {
    EXPECT_NE(std::string(e.what()).find("node 'w'"), std::string::npos) << e.what();
  }
}

// Column pruning keeps each column's round(density x rows) largest magnitudes, of equal ones
// the lower rows: what ordering each column by magnitude with a stable sort keeps (the
// reference here). Weights from a few values of both signs, so that ties are common.
TEST(ColumnPruning, KeepsTheLargestMagnitudesAndOfTiesTheLowerRows) {
  const Matrix hand = (Matrix(4, 2) << 1.0f, 2.0f, -2.0f, -2.0f, 2.0f, 2.0f, 0.5f, 1.0f).finished();
  Matrix h = hand;
  prune_columns(h, 0.5);  // two of four per column
  EXPECT_EQ(h, (Matrix(4, 2) << 0.0f, 2.0f, -2.0f, -2.0f, 2.0f, 0.0f, 0.0f, 0.0f).finished());
  const uint64_t seed = testing::fresh_seed();
  SCOPED_TRACE("seed=" + std::to_string(seed));
  std::mt19937_64 rng(seed);
  std::uniform_int_distribution<int> level(-4, 4);
  for (int trial = 0; trial < 20; ++trial) {
    const int64_t rows = std::uniform_int_distribution<int64_t>(1, 60)(rng);
    const int64_t cols = std::uniform_int_distribution<int64_t>(1, 8)(rng);
    const double density = std::uniform_real_distribution<double>(0.01, 1.0)(rng);
    Matrix w(rows, cols);
    for (Eigen::Index k = 0; k < w.size(); ++k) w.data()[k] = 0.5f * static_cast<float>(level(rng));
    Matrix want = w;
    const auto keep = static_cast<size_t>(std::llround(density * static_cast<double>(rows)));
    for (int64_t c = 0; c < cols; ++c) {
      std::vector<int64_t> order(static_cast<size_t>(rows));
      std::iota(order.begin(), order.end(), 0);
      std::stable_sort(order.begin(), order.end(),
                       [&](int64_t a, int64_t b) { return std::abs(w(a, c)) > std::abs(w(b, c)); });
      for (size_t k = keep; k < order.size(); ++k) want(order[k], c) = 0.0f;
    }
    prune_columns(w, density);
    EXPECT_EQ(w, want) << "trial " << trial << ": " << rows << " x " << cols << ", density " << density;
  }
  Matrix none = hand;
  EXPECT_THROW(prune_columns(none, 0.0), UsageError);
}

}  // namespace
}  // namespace evsim
