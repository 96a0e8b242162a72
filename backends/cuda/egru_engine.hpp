#pragma once
// GPU EGRU stack (cuda-dense and cuda-distile): Input -> EGRU x L -> [Affine readout] ->
// Output, the whole sequence captured once as a CUDA graph; layers advance as a wavefront
// (one projection launch and one cell launch per phase). Host-only header.
#include <cstdint>
#include <memory>
#include <vector>

#include "backends/cuda/cost_model.hpp"
#include "core/tensor.hpp"

namespace evsim::cuda {

struct EgruLayerParams {
  int64_t inputs = 0, hidden = 0;
  Matrix w_ih, w_hh;  // 3H x I, 3H x H
  Vector b_ih, b_hh, theta;
};

struct EgruStackParams {
  Matrix embedding;  // E x V, one column per token (empty: the input is dense); looked up on the host
  std::vector<EgruLayerParams> layers;
  Matrix readout_w;  // O x H (empty: the last layer's events are the output)
  Vector readout_b;
};

enum class GpuMode { Dense, Distile };

struct GpuRunResult {
  Sequence output;
  double seconds_per_step = 0;   // median over timed replays, CUDA events
  std::vector<uint64_t> events;  // per layer, one replay
  std::vector<uint64_t> unit_steps;
  int pruned_projections = 0;     // projections the cost model put in the pruned-column format
  bool gemm_projections = false;  // event mode with cuBLAS GEMMs (GpuProfile::gemm_batch_from)
};

class EgruEngine {
 public:
  EgruEngine(const EgruStackParams& p, GpuMode mode, int64_t batch, int64_t steps, const GpuProfile& profile = {});
  ~EgruEngine();
  EgruEngine(const EgruEngine&) = delete;
  EgruEngine& operator=(const EgruEngine&) = delete;
  // input: steps x batch x inputs. Replays the graph 1 + timing_repeats times, each from
  // the zero state.
  GpuRunResult run(const Sequence& input, int timing_repeats = 0);
  // One replay that starts from the state the previous call left (a long stream in chunks).
  GpuRunResult run_continued(const Sequence& input);
  // The state the first run_continued starts from: zero.
  void reset_state();
  // Carries another engine's final state into this one (same layers and batch).
  void copy_state_from(const EgruEngine& other);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace evsim::cuda
