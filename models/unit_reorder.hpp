#pragma once
// `evsim reorder`: an offline permutation of each EGRU layer's units that puts co-active
// units into the same tiles of `tile` units, from recorded activity. The permutation is
// applied to every weight that touches the layer (its rows of W_ih, W_hh, biases and
// thresholds, the columns of W_hh and of the consumer's weights), so the model computes the
// same function. Layers whose events go elsewhere (e.g. straight to Output) stay in place.
#include <cstdint>
#include <string>
#include <vector>

#include "data/model_spec.hpp"
#include "network/simulator.hpp"

namespace evsim {

// fires[u]: bitset over samples (step x batch) of unit u's events.
using UnitActivity = std::vector<std::vector<uint64_t>>;

// Greedy clustering: each tile starts from the most active free unit and takes, one at a
// time, the free unit that adds the fewest new active samples to the tile (ties: the most
// shared ones). Returns perm with new index k <- old unit perm[k].
std::vector<int64_t> cluster_units(const UnitActivity& fires, int tile);

// Mean number of active tiles per sample under `perm` (identity when empty).
double active_tiles(const UnitActivity& fires, const std::vector<int64_t>& perm, int tile);

struct LayerReorder {
  std::string node;
  std::vector<int64_t> perm;
  double tiles_before = 0, tiles_after = 0;  // active tiles per sample
  bool applied = false;
  std::string note;
};

// Plans one permutation per EGRU node from a recorded run (RunResult::recording) of
// `steps` x `batch` samples.
std::vector<LayerReorder> plan_reorder(const ModelSpec& spec, const RunResult& recorded, int64_t steps, int64_t batch,
                                       int tile);
void apply_reorder(ModelSpec& spec, const std::vector<LayerReorder>& plan);

}  // namespace evsim
