#include "backends/batch_gathering.hpp"

#include "core/nonzero.hpp"

namespace evsim {

void gather_batch(GatheredInputs& g, bool lists, InputTally& tally, std::vector<uint16_t>& seen) {
  const int64_t in = g.x.rows(), batch = g.x.cols();
  seen.assign(static_cast<size_t>((in + 15) / 16), 0);
  if (lists && g.sample_units.size() < static_cast<size_t>(in * batch))  // kept from step to step
    g.sample_units.resize(static_cast<size_t>(in * batch));
  g.sample_events.resize(lists ? static_cast<size_t>(batch) : 0);
  for (int64_t s = 0; s < batch; ++s) {
    uint32_t* units = lists ? g.sample_units.data() + s * in : nullptr;
    const uint64_t events = tally.add_column(g.x.col(s).data(), in, seen.data(), units);
    if (lists) g.sample_events[static_cast<size_t>(s)] = static_cast<uint32_t>(events);
  }
  g.active.resize(static_cast<size_t>(in));
  g.active.resize(mask_indices(seen.data(), in, g.active.data()));
  g.events = static_cast<int64_t>(tally.events());
}

}  // namespace evsim
