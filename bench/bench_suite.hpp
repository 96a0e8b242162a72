#pragma once
// `evsim bench` and `evsim calibrate` behind one entry point per backend: the per-projection
// benchmark of an EGRU layer over hidden size x batch x weight density x input activity (and,
// on the GPU, the 3-layer sequence), returned as a table and a CSV for apps/ to print and write.
#include <cstdint>
#include <string>
#include <vector>

#include "core/energy_model.hpp"
#include "core/mode.hpp"

namespace evsim {

struct BenchGrid {
  std::vector<int64_t> hidden, batch;
  std::vector<double> activity, density;
  int repeats = 10;
  std::vector<int> threads;  // cpu: thread counts to run every case with (empty: --threads)
  uint64_t seed = 1;
  bool sequence = true;             // cuda: also the 3-layer EGRU full-sequence latency
  bool cpu = true;                  // cuda: the same projection on the CPU in the same rows
  std::string gpu_profile;          // cuda: cost-model profile (empty: built in)
  SumOrder order = SumOrder::Fast;  // cpu-event: fast may take the dense product where cheaper
  bool torch = true;                // cpu: PyTorch's GRUCell step in the same run (when installed)
};

struct BenchReport {
  std::string text;  // tables and their legends
  std::string csv;   // one row per case
};

// The default grid of a backend.
BenchGrid default_bench_grid(const std::string& backend);
// The grid of a break-even map: one hidden size, the given batches, activity 1-100 % x weight
// density 5-100 %, 5 repeats, the projection alone (no sequence, no side-by-side CPU runs).
BenchGrid break_even_grid(const std::string& backend, int64_t hidden, const std::vector<int64_t>& batches,
                          const std::string& gpu_profile);

// Throws UsageError for a backend without a benchmark in this build.
BenchReport run_bench(const std::string& backend, const BenchGrid& grid, const EnergyModel& energy);

struct CalibrationOptions {
  std::vector<int64_t> hidden{1024, 2048};
  int repeats = 20;
  uint64_t seed = 1;
  std::string output = "evsim_gpu_profile.json";
};

// Measures the cost model's constants on this machine's GPU, writes the profile, returns the
// fit as a table. Throws UsageError without CUDA or a GPU.
std::string run_calibration(const CalibrationOptions& o);

}  // namespace evsim
