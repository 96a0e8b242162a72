#include "models/model_transforms.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>

#include "core/error.hpp"

namespace evsim {
namespace {

bool is_projection(const std::string& type) {
  return type == "Affine" || type == "Linear" || type == "Conv2d" || type == "Conv1d" || type == "EGRU";
}

// A decoder tied to an embedding holds the same table: V x E both (PyTorch's layout, as
// evsim writes them), or E x V transposed.
bool tied_to_embedding(const GraphSpec& g, const Array& w) {
  if (w.rank() != 2) return false;
  for (const NodeSpec& n : g.nodes) {
    if (n.type != "Embedding") continue;
    const Array* e = n.find("weight");
    if (!e || e->rank() != 2 || e->kind != Array::Kind::Float) continue;
    if (e->shape == w.shape && e->f == w.f) return true;
    if (e->shape[0] != w.shape[1] || e->shape[1] != w.shape[0]) continue;
    const int64_t rows = w.shape[0], cols = w.shape[1];
    bool same = true;
    for (int64_t i = 0; i < rows && same; ++i)
      for (int64_t j = 0; j < cols && same; ++j)
        same = w.f[static_cast<size_t>(i * cols + j)] == e->f[static_cast<size_t>(j * rows + i)];
    if (same) return true;
  }
  return false;
}

// Zeroes entries until `target` of them are zero, smallest |w| first (position breaks ties).
void zero_smallest(std::vector<float*>& w, int64_t target) {
  std::vector<size_t> idx(w.size());
  std::iota(idx.begin(), idx.end(), size_t{0});
  const auto cut = static_cast<size_t>(std::clamp<int64_t>(target, 0, static_cast<int64_t>(w.size())));
  std::nth_element(idx.begin(), idx.begin() + static_cast<long>(cut), idx.end(), [&](size_t a, size_t b) {
    const float x = std::abs(*w[a]), y = std::abs(*w[b]);
    return x < y || (x == y && a < b);
  });
  for (size_t k = 0; k < cut; ++k) *w[idx[k]] = 0.0f;
}

}  // namespace

PruneScope parse_prune_scope(const std::string& s) {
  if (s == "global") return PruneScope::Global;
  if (s == "layer") return PruneScope::Layer;
  throw UsageError("unknown prune scope '" + s + "' (expected global or layer)");
}

std::vector<PrunedArray> prunable_arrays(const ModelSpec& spec, bool embeddings) {
  std::vector<PrunedArray> out;
  for (const NodeSpec& n : spec.graph.nodes) {
    if (n.type == "Embedding") {
      if (embeddings && n.find("weight")) out.push_back({n.name, "weight"});
      continue;
    }
    if (!is_projection(n.type)) continue;
    for (const char* p : {"weight", "weight_ih", "weight_hh"}) {
      const Array* a = n.find(p);
      if (!a || a->kind != Array::Kind::Float) continue;
      if (!embeddings && tied_to_embedding(spec.graph, *a)) continue;
      out.push_back({n.name, p});
    }
  }
  return out;
}

PruneOutcome prune_magnitude(ModelSpec& spec, double fraction, PruneScope scope, bool embeddings) {
  if (!(fraction >= 0.0 && fraction < 1.0)) throw UsageError("a pruning fraction must be in [0, 1)");
  // The fraction is of all weights; a sparse group stores only its non-zeros, so pruning it
  // here would cut a different share than asked: refused rather than skipped silently.
  for (const NodeSpec& n : spec.graph.nodes)
    if (n.find("weight/format"))
      throw UsageError("node '" + n.name + "': pruning does not reach sparse-stored weights yet (`evsim convert " +
                       "weights IN OUT --to dense` first)");
  std::vector<std::vector<float*>> groups;
  for (const PrunedArray& pa : prunable_arrays(spec, embeddings)) {
    NodeSpec& n = *std::find_if(spec.graph.nodes.begin(), spec.graph.nodes.end(),
                                [&](const NodeSpec& x) { return x.name == pa.node; });
    std::vector<float>& v = n.params.at(pa.param).f;
    if (scope == PruneScope::Layer || groups.empty()) groups.emplace_back();
    for (float& x : v) groups.back().push_back(&x);
  }
  PruneOutcome o;
  for (auto& g : groups) {
    zero_smallest(g, std::llround(fraction * static_cast<double>(g.size())));
    o.weights += static_cast<int64_t>(g.size());
    for (const float* x : g) o.zeros += *x == 0.0f;
  }
  return o;
}

int scale_thresholds(ModelSpec& spec, double scale) {
  if (!(std::isfinite(scale) && scale > 0.0)) throw UsageError("a threshold scale must be finite and positive");
  int changed = 0;
  for (NodeSpec& n : spec.graph.nodes)
    for (const char* p : {"threshold", "v_threshold"}) {
      auto it = n.params.find(p);
      if (it == n.params.end() || it->second.kind != Array::Kind::Float) continue;
      for (float& x : it->second.f) x = static_cast<float>(x * scale);
      ++changed;
    }
  return changed;
}

}  // namespace evsim
