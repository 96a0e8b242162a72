#pragma once
// The GPU side of the subcommands (`--backend cuda`). Without CUDA in the build every
// entry point throws a UsageError saying so.
#include <CLI/CLI.hpp>
#include <string>

#include "apps/common.hpp"
#include "models/lm_evaluation.hpp"

namespace evsim {

struct GpuBenchOptions {
  std::vector<int64_t> hidden, batch;
  std::vector<double> activity, density;
  int repeats = 20;
  uint64_t seed = 1;
  std::string csv;
  bool sequence = true;  // also the 3-layer EGRU full-sequence latency
  bool cpu = true;       // the same projection on the CPU in the same rows
};

struct GpuCalibrateOptions {
  std::vector<int64_t> hidden{1024, 2048};
  int repeats = 20;
  uint64_t seed = 1;
  std::string output = "evsim_gpu_profile.json";
};

// `--gpu-profile FILE`: the cost-model profile that `evsim calibrate` wrote (default: the
// built-in H200 measurements). Read when a GPU command runs.
void add_gpu_profile_option(CLI::App& cmd);
// UsageError when --gpu-profile was given for a backend other than cuda.
void check_gpu_profile_backend(const std::string& backend);

void gpu_bench(const GpuBenchOptions& o);
// Measures DISTile (both column formats) and cuBLAS over activity, fits the cost model's
// overheads and bandwidths, writes the profile JSON.
void gpu_calibrate(const GpuCalibrateOptions& o);
// Dense and DISTile GPU runs of an EGRU-stack graph next to the CPU reference.
void gpu_compare(Graph& g, const Sequence& input, int repeats, double tolerance);
// `evsim eval --backend cuda`: embedding looked up on the host, the EGRU stack and decoder
// on the GPU in chunks of steps with the state carried across chunks; softmax on the host.
LmEvalResult gpu_evaluate_lm(Graph& g, Mode mode, const std::vector<int64_t>& ids, int64_t batch, int64_t limit_tokens,
                             const LmProgress& progress);
// One GPU run: the output sequence and per-layer events.
RunResult gpu_run(Graph& g, Mode mode, const Sequence& input);

}  // namespace evsim
