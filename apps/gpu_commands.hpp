#pragma once
// The GPU side of the subcommands (`--backend cuda`). Without CUDA in the build every
// entry point throws a UsageError saying so.
#include <string>

#include "apps/common.hpp"

namespace evsim {

struct GpuBenchOptions {
  std::vector<int64_t> hidden, batch;
  std::vector<double> activity, density;
  int repeats = 20;
  uint64_t seed = 1;
  std::string csv;
  bool sequence = true;  // also the 3-layer EGRU full-sequence latency
};

void gpu_bench(const GpuBenchOptions& o);
// Dense and DISTile GPU runs of an EGRU-stack graph next to the CPU reference.
void gpu_compare(Graph& g, const Sequence& input, int repeats, double tolerance);
// One GPU run: the output sequence and per-layer events.
RunResult gpu_run(Graph& g, Mode mode, const Sequence& input);

}  // namespace evsim
