#pragma once
// What a sweep varies, applied to a checkpoint's parameters at load time (before the graph is
// built): post-training magnitude pruning and threshold scaling.
#include <string>
#include <vector>

#include "data/model_spec.hpp"

namespace evsim {

enum class PruneScope { Global, Layer };
PruneScope parse_prune_scope(const std::string& s);  // "global" | "layer"; throws UsageError

// The weight arrays pruning reaches: every projection's weights (Affine/Linear/Conv2d
// `weight`, EGRU `weight_ih`/`weight_hh`), not Embedding tables nor a decoder whose weight
// is an embedding's transpose (a tied decoder) unless `embeddings`.
struct PrunedArray {
  std::string node, param;
};
std::vector<PrunedArray> prunable_arrays(const ModelSpec& spec, bool embeddings);

// Zeroes the smallest-magnitude weights until `fraction` of the reached weights are zero
// (weights already zero count), over all reached arrays together (Global) or per array
// (Layer). Ties at the cut are broken by position, so the count is exact. Returns the
// reached weight count and how many are zero now.
struct PruneOutcome {
  int64_t weights = 0, zeros = 0;
};
PruneOutcome prune_magnitude(ModelSpec& spec, double fraction, PruneScope scope, bool embeddings);

// Multiplies every neuron threshold (`threshold`, `v_threshold`) by `scale`; returns how many
// arrays it changed (0: the model has no thresholds, an error for the caller to report).
int scale_thresholds(ModelSpec& spec, double scale);

}  // namespace evsim
