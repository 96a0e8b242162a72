#pragma once
// `evsim run --record`: per neuron node, observables in NIR's data layout (NIRGraphData):
// `spikes` as EventData / ValuedEventData (idx, time, [value], batch) and `v` as
// TimeGriddedData (data: T x B x N, attribute dt).
#include <string>

#include "core/run_result.hpp"

namespace evsim {

void write_recording(const std::string& path, const RunResult& result, double dt);

}  // namespace evsim
