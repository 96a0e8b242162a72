#pragma once
// GPU EGRU stack (cuda-dense and cuda-distile): [Embedding ->] EGRU x L [-> Affine readout],
// a chunk of steps captured once as a CUDA graph; layers advance as a wavefront (one
// projection launch and one cell launch per phase). The model's weights live on the device
// once (EgruDeviceModel) and are shared by the engines of the chunk lengths a run needs; an
// engine keeps its state between replays, so a long stream runs chunk after chunk.
// Host-only header.
#include <cstdint>
#include <memory>
#include <vector>

#include "backends/cuda/cost_model.hpp"
#include "backends/cuda/port_count.hpp"
#include "core/mode.hpp"
#include "core/tensor.hpp"

namespace evsim::cuda {

struct EgruLayerParams {
  int64_t inputs = 0, hidden = 0;
  Matrix w_ih, w_hh;  // 3H x I, 3H x H
  Vector b_ih, b_hh, theta;
};

struct EgruStackParams {
  Matrix embedding;  // E x V, one column per token (empty: the input is dense)
  std::vector<EgruLayerParams> layers;
  Matrix readout_w;  // O x H (empty: the last layer's events are the output)
  Vector readout_b;  // O (zeros for a Linear readout)
};

enum class GpuMode { Dense, Distile };

// An engine is planned for steps x batch x inputs; anything else is an InputError.
void check_input_shape(const Sequence& x, int64_t steps, int64_t batch, int64_t inputs);

// What a replay's first n steps counted, per projection (NeuroBench counts, what each read).
struct EgruCounts {
  std::vector<PortCount> ih, hh;  // per layer
  std::vector<uint64_t> events;   // per layer: units that fired
  PortCount readout;
};

struct EgruDeviceModel;  // weights, biases, thresholds, embedding and readout on the device
std::shared_ptr<const EgruDeviceModel> upload_egru_stack(const EgruStackParams& p, const GpuProfile& profile);

// A run of an engine (tests and benchmarks): outputs, counts, and each timed replay's seconds.
struct EgruRun {
  Sequence output;
  EgruCounts counts;
  std::vector<double> replay_s;  // per timed replay (CUDA events), the whole chunk
};

class EgruEngine {
 public:
  // SumOrder::Reference sums every EGRU projection in the CPU's order (ordered_sums.cuh):
  // events and states equal cpu-event's bit for bit; the readout stays on cuBLAS.
  EgruEngine(std::shared_ptr<const EgruDeviceModel> model, GpuMode mode, int64_t batch, int64_t steps,
             SumOrder order = SumOrder::Fast);
  EgruEngine(const EgruStackParams& p, GpuMode mode, int64_t batch, int64_t steps, const GpuProfile& profile = {},
             SumOrder order = SumOrder::Fast);
  ~EgruEngine();
  EgruEngine(const EgruEngine&) = delete;
  EgruEngine& operator=(const EgruEngine&) = delete;

  int64_t steps() const;
  int64_t batch() const;
  // Event mode with cuBLAS GEMMs for the projections (a batch of GpuProfile::gemm_batch_from+).
  bool gemm_projections() const;
  int pruned_projections() const;  // projections the cost model put in the pruned-column format

  // The next replay's input: dense (steps x batch x inputs), or token ids (steps x batch,
  // row-major, each below the vocabulary: the caller checks) looked up in the embedding on
  // the device.
  void set_input(const Sequence& x);
  void set_tokens(const std::vector<int32_t>& ids);
  // One replay from the current state; blocks until done; seconds on the device (CUDA events).
  double replay();
  void reset_state();
  // Carries another engine's state (same model and batch) into this one.
  void copy_state_from(const EgruEngine& other);
  // Of the last replay: counts, outputs, and the summed -log softmax of the readout at the
  // targets (steps x batch token ids below the readout's size: the caller checks), computed
  // on the device.
  EgruCounts count();
  Sequence output() const;
  double nll(const std::vector<int32_t>& targets);

  // From the zero state: 1 + timing_repeats replays (the first is a warm-up), the last one's
  // outputs and counts.
  EgruRun run(const Sequence& input, int timing_repeats = 0);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace evsim::cuda
