#include "core/run_result.hpp"

#include <algorithm>
#include <cmath>

namespace evsim {

void sum_layers(RunResult& r) {
  r.totals = OpCounts{};
  for (const LayerReport& l : r.layers) {
    r.totals.dense_macs += l.counts.dense_macs;
    r.totals.effective_macs += l.counts.effective_macs;
    r.totals.effective_acs += l.counts.effective_acs;
    r.totals.weight_bytes += l.counts.weight_bytes;
    if (l.neuron) {
      r.totals.events += l.counts.events;
      r.totals.unit_steps += l.counts.unit_steps;
    }
  }
}

void find_nonfinite_output(RunResult& r, const std::string& output_name, int64_t first_step) {
  if (!r.nonfinite_node.empty()) return;
  const Sequence& o = r.output;
  const auto per_step = static_cast<size_t>(o.batch * o.width);
  for (size_t k = 0; k < o.data.size(); ++k)
    if (!std::isfinite(o.data[k])) {
      r.nonfinite_node = output_name;
      r.nonfinite_step = first_step + static_cast<int64_t>(k / std::max<size_t>(per_step, 1));
      return;
    }
}

}  // namespace evsim
