#include "models/unit_reorder.hpp"

#include <algorithm>
#include <bit>
#include <numeric>

#include "core/error.hpp"

namespace evsim {
namespace {

int64_t popcount_and(const std::vector<uint64_t>& a, const std::vector<uint64_t>& b, bool negate_a) {
  int64_t n = 0;
  for (size_t w = 0; w < a.size(); ++w) n += std::popcount((negate_a ? ~a[w] : a[w]) & b[w]);
  return n;
}

int64_t popcount(const std::vector<uint64_t>& a) {
  int64_t n = 0;
  for (uint64_t w : a) n += std::popcount(w);
  return n;
}

// Rows of a row-major (rows x cols) array permuted within each of its `blocks` blocks.
void permute_rows(Array& a, const std::vector<int64_t>& perm, int64_t blocks) {
  const int64_t h = static_cast<int64_t>(perm.size());
  const int64_t cols = a.rank() == 2 ? a.shape[1] : 1;
  if (a.shape.empty() || a.shape[0] != blocks * h) throw Error("reorder: unexpected shape of a permuted array");
  std::vector<float> out(a.f.size());
  for (int64_t g = 0; g < blocks; ++g)
    for (int64_t k = 0; k < h; ++k)
      std::copy_n(a.f.begin() + (g * h + perm[static_cast<size_t>(k)]) * cols, cols, out.begin() + (g * h + k) * cols);
  a.f = std::move(out);
}

void permute_cols(Array& a, const std::vector<int64_t>& perm) {
  const int64_t h = static_cast<int64_t>(perm.size());
  if (a.rank() != 2 || a.shape[1] != h) throw Error("reorder: unexpected shape of a permuted array");
  std::vector<float> out(a.f.size());
  for (int64_t r = 0; r < a.shape[0]; ++r)
    for (int64_t k = 0; k < h; ++k)
      out[static_cast<size_t>(r * h + k)] = a.f[static_cast<size_t>(r * h + perm[static_cast<size_t>(k)])];
  a.f = std::move(out);
}

std::vector<std::string> consumers(const GraphSpec& g, const std::string& node) {
  std::vector<std::string> out;
  for (const auto& [src, dst] : g.edges)
    if (src == node && dst != node) out.push_back(dst);
  return out;
}

NodeSpec& node_named(GraphSpec& g, const std::string& name) {
  for (NodeSpec& n : g.nodes)
    if (n.name == name) return n;
  throw Error("reorder: no node '" + name + "'");
}

}  // namespace

std::vector<int64_t> cluster_units(const UnitActivity& fires, int tile) {
  const int64_t h = static_cast<int64_t>(fires.size());
  if (tile < 1) throw UsageError("reorder: tile size must be >= 1");
  std::vector<int64_t> count(static_cast<size_t>(h));
  for (int64_t u = 0; u < h; ++u) count[static_cast<size_t>(u)] = popcount(fires[static_cast<size_t>(u)]);
  std::vector<int64_t> by_count(static_cast<size_t>(h));
  std::iota(by_count.begin(), by_count.end(), 0);
  std::stable_sort(by_count.begin(), by_count.end(),
                   [&](int64_t a, int64_t b) { return count[size_t(a)] > count[size_t(b)]; });
  std::vector<char> used(static_cast<size_t>(h), 0);
  std::vector<int64_t> perm;
  perm.reserve(static_cast<size_t>(h));
  size_t next_seed = 0;
  while (static_cast<int64_t>(perm.size()) < h) {
    while (used[static_cast<size_t>(by_count[next_seed])]) ++next_seed;
    const int64_t seed = by_count[next_seed];
    used[static_cast<size_t>(seed)] = 1;
    perm.push_back(seed);
    std::vector<uint64_t> tile_union = fires[static_cast<size_t>(seed)];
    for (int k = 1; k < tile && static_cast<int64_t>(perm.size()) < h; ++k) {
      int64_t best = -1, best_new = 0, best_shared = 0;
      for (int64_t u : by_count) {
        if (used[static_cast<size_t>(u)]) continue;
        const auto& f = fires[static_cast<size_t>(u)];
        const int64_t added = popcount_and(tile_union, f, true), shared = count[size_t(u)] - added;
        if (best < 0 || added < best_new || (added == best_new && shared > best_shared)) {
          best = u;
          best_new = added;
          best_shared = shared;
        }
      }
      used[static_cast<size_t>(best)] = 1;
      perm.push_back(best);
      const auto& f = fires[static_cast<size_t>(best)];
      for (size_t w = 0; w < tile_union.size(); ++w) tile_union[w] |= f[w];
    }
  }
  return perm;
}

double active_tiles(const UnitActivity& fires, const std::vector<int64_t>& perm, int tile) {
  const int64_t h = static_cast<int64_t>(fires.size());
  if (h == 0) return 0.0;
  const size_t words = fires[0].size();
  int64_t total = 0, samples = static_cast<int64_t>(words) * 64;
  for (int64_t t0 = 0; t0 < h; t0 += tile) {
    std::vector<uint64_t> any(words, 0);
    for (int64_t k = t0; k < std::min(h, t0 + tile); ++k) {
      const auto& f = fires[static_cast<size_t>(perm.empty() ? k : perm[static_cast<size_t>(k)])];
      for (size_t w = 0; w < words; ++w) any[w] |= f[w];
    }
    total += popcount(any);
  }
  return double(total) / double(samples);
}

std::vector<LayerReorder> plan_reorder(const ModelSpec& spec, const RunResult& recorded, int64_t steps, int64_t batch,
                                       int tile) {
  const int64_t samples = steps * batch, words = (samples + 63) / 64;
  std::vector<LayerReorder> plan;
  for (const NodeSpec& n : spec.graph.nodes) {
    if (n.type != "EGRU") continue;
    const auto* rec = [&]() -> const NodeRecording* {
      for (const auto& r : recorded.recording)
        if (r.name == n.name) return &r;
      return nullptr;
    }();
    if (!rec) throw Error("reorder: no recorded activity of node '" + n.name + "'");
    const int64_t h = n.find("threshold")->size();
    UnitActivity fires(static_cast<size_t>(h), std::vector<uint64_t>(static_cast<size_t>(words), 0));
    for (const Event& e : rec->spikes) {
      const int64_t s = e.step * batch + e.batch;
      fires[e.source][static_cast<size_t>(s / 64)] |= uint64_t(1) << (s % 64);
    }
    LayerReorder l;
    l.node = n.name;
    l.tiles_before = active_tiles(fires, {}, tile);
    for (const auto& c : consumers(spec.graph, n.name)) {
      const std::string& type = spec.graph.find(c)->type;
      if (type != "EGRU" && type != "Affine" && type != "Linear" && l.note.empty())
        l.note = "kept: its events go to " + type + " '" + c + "', which cannot be permuted";
    }
    if (!l.note.empty()) {
      l.tiles_after = l.tiles_before;
    } else {
      l.perm = cluster_units(fires, tile);
      l.tiles_after = active_tiles(fires, l.perm, tile);
      l.applied = true;
    }
    plan.push_back(std::move(l));
  }
  if (plan.empty()) throw UsageError("reorder: the model has no EGRU layer");
  return plan;
}

void apply_reorder(ModelSpec& spec, const std::vector<LayerReorder>& plan) {
  for (const LayerReorder& l : plan) {
    if (!l.applied) continue;
    NodeSpec& n = node_named(spec.graph, l.node);
    permute_rows(n.params.at("weight_ih"), l.perm, 3);
    permute_rows(n.params.at("weight_hh"), l.perm, 3);
    permute_cols(n.params.at("weight_hh"), l.perm);
    permute_rows(n.params.at("bias_ih"), l.perm, 3);
    permute_rows(n.params.at("bias_hh"), l.perm, 3);
    permute_rows(n.params.at("threshold"), l.perm, 1);
    for (const auto& c : consumers(spec.graph, l.node)) {
      NodeSpec& dst = node_named(spec.graph, c);
      if (dst.type == "EGRU")
        permute_cols(dst.params.at("weight_ih"), l.perm);
      else if (dst.type == "Affine" || dst.type == "Linear")
        permute_cols(dst.params.at("weight"), l.perm);
      else
        throw Error("reorder: node '" + c + "' (" + dst.type + ") after '" + l.node + "' cannot be permuted");
    }
  }
}

}  // namespace evsim
