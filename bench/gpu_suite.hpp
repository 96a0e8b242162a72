#pragma once
// The GPU side of bench/bench_suite.hpp (built with CUDA only).
#include "bench/bench_suite.hpp"

namespace evsim {

BenchReport gpu_bench(const BenchGrid& grid, const EnergyModel& energy);

}  // namespace evsim
