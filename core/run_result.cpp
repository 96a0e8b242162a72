#include "core/run_result.hpp"

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

}  // namespace evsim
