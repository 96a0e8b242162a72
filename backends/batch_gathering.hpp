#pragma once
// Event mode's gathering of a batch's inputs (network/gathered_delivery.hpp: GatheredInputs):
// the tally of each sample's column, marking its units in 16-bit masks and, for the paths that
// use them, listing them; the active units (the union) from the masks. Beyond the tally both
// modes run, this is what a gathered path pays before it delivers (the cost model's
// gather_input_ns, core/cpu_cost_model.hpp).
#include <cstdint>
#include <vector>

#include "backends/input_tally.hpp"
#include "network/gathered_delivery.hpp"

namespace evsim {

// g.x (in x batch, batch >= 2) already holds the inputs; `seen` is scratch kept between steps.
void gather_batch(GatheredInputs& g, bool lists, InputTally& tally, std::vector<uint16_t>& seen);

}  // namespace evsim
