#pragma once
// Magnitude pruning; pruned weights become exact zeros (the checkpoint has no mask).
#include "core/tensor.hpp"

namespace evsim {

// Keeps the round(density * rows) largest-magnitude weights of every column, so each
// input unit has the same fan-out (effective ops = activity x density x dense, exactly).
void prune_columns(Matrix& w, double density);

}  // namespace evsim
