#pragma once
// Which projections find their weights still in the L2 at their next step. A step runs every
// projection of the model once, so between two steps of one, the others read their weights:
// when those exceed one core's L2, this one's weights were pushed out and come back from the
// last-level cache or memory. Small matrices pay for that more on some paths than others
// (core/cpu_cost_model.hpp: cold lines), so the selector needs to know.
#include <cstdint>
#include <vector>

#include "network/projection.hpp"

namespace evsim {

// The weight bytes a step of `p` may read: its dense matrix, or its non-zeros in the pruned
// format (6 bytes each) when that is less.
double step_weight_bytes(const Projection& p);
// Per projection: whether the others' step_weight_bytes add up to more than `l2_bytes`.
std::vector<bool> evicted_between_steps(const std::vector<const Projection*>& ports, double l2_bytes);

}  // namespace evsim
