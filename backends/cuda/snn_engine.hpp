#pragma once
// GPU engine for graphs of NIR-style nodes: Affine/Linear/Scale/Flatten and the point
// neurons LIF, LI, CubaLIF, CubaLI, IF, I, Threshold, VSN, with merging edges (inputs summed)
// and recurrent edges (the source's output of the previous step), as the CPU simulator; and
// the neural-operator nodes (pointwise Conv2d, WaveletConv2d, Pad2d, Crop2d, GridChannels,
// Normalize, Activation). cuda-dense projects with cuBLAS, cuda-distile with the DISTile
// kernel (bitmask derived from the spikes or graded events on the device); pointwise
// convolutions take a product kernel with the CPU's sums, and cuda-distile scatters the spikes
// of a spiking layer instead where that measured faster on the run's own spikes (the same sums);
// WaveletConv2d is four cuBLAS products around the band mixing; neuron updates are element-wise kernels with the CPU's
// float32 rounding (no FMA contraction); a chunk of steps is one CUDA graph. A small graph of
// projections and point neurons runs instead as one fused kernel per chunk (snn_fused.cuh);
// cuda-distile delivers a sparse-built projection too large for a dense copy from its
// compressed columns (sparse_delivery.cuh). Host-only header.
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "backends/cuda/cost_model.hpp"
#include "backends/cuda/egru_engine.hpp"
#include "backends/cuda/port_count.hpp"
#include "core/tensor.hpp"
#include "network/csc_matrix.hpp"
#include "neurons/point_neuron.hpp"

namespace evsim::cuda {

// WaveletConv2d as the CPU computes it (network/wavelet_conv_op.hpp): C^T = D_c X^T D_r^T per
// input channel, the mixed bands M, and X + R_c (M - C^T) R_r^T (or R_c M R_r^T).
struct WaveletStage {
  int64_t rows = 0, cols = 0, h = 0, w = 0, ci = 0, co = 0;  // image; the coarsest band
  bool subtract = false;                                     // the finer details kept
  Matrix dc, drt, rc, rrt;
  std::vector<float> weight_approx, weight_detail;
};

struct SnnNode {
  enum class Kind {
    Projection,
    Scale,
    Identity,
    Neuron,
    PointwiseConv,  // w: Cout x Cin, bias per output channel, over `positions`
    WaveletConv,
    PadCrop,
    Grid,
    Normalize,
    Activation,
    Source,     // PoissonSource / ConstantSource: no input
    UnitDelay,  // NIR Delay: each unit's input unit_delay steps later
  } kind = Kind::Identity;
  std::string name;
  int64_t in = 0, out = 0;
  std::vector<int> inputs;       // earlier nodes (index in SnnParams::stages; -1: the graph input), summed
  std::vector<int> back;         // later nodes whose previous-step output is added too
  Matrix w;                      // Projection: out x in (empty when only `csc` is kept)
  std::optional<CscMatrix> csc;  // Projection from sparse connectivity: cuda-distile's sparse delivery
  Vector bias;                   // Projection: out (empty: none)
  Vector scale;                  // Scale; Normalize: std + eps
  PointNeuron neuron;
  int64_t positions = 0;       // PointwiseConv
  bool spiking_input = false;  // PointwiseConv fed by neuron nodes only: spikes to scatter
  WaveletStage wavelet;        // WaveletConv
  int64_t shape_in[3] = {0, 0, 0}, shape_out[3] = {0, 0, 0};  // PadCrop, Grid: C, H, W
  int64_t top = 0, left = 0;                                  // PadCrop (negative: cropped)
  Vector mean;                                                // Normalize
  bool inverse = false;                                       // Normalize
  ActivationFn activation = ActivationFn::Identity;           // Activation
  // Projection with per-synapse delays (network/delayed_projection.hpp; then w and csc are
  // empty): each delay's synapses, a dense copy too where it fits (cuda-dense).
  struct DelayedWeights {
    int64_t steps = 0;
    CscMatrix csc;
    Matrix w;
  };
  std::vector<DelayedWeights> delayed;
  std::vector<int64_t> unit_delay;  // UnitDelay: steps per unit
  // Source: Poisson (the CPU's cumulative tables, concatenated; per unit its table's start and
  // length; the draw's stream id) or constant (per_unit: the value).
  bool poisson = false;
  Vector per_unit;
  std::vector<double> cdf;
  std::vector<int> table_start, table_length;
  uint64_t stream = 0;
  // What a run counts per sample and step: the dense MACs of a projection (Projection,
  // PointwiseConv) or the work of a node that is dense whatever its input (WaveletConv:
  // dense_work, counted effective in both modes, with the weights it reads).
  uint64_t dense_macs = 0, dense_work_weights = 0;
  bool dense_work = false;
};

struct SnnParams {
  std::vector<SnnNode> stages;  // in evaluation order (topological, back edges excluded)
  int64_t inputs = 0;
  int output = -1;  // the stage whose output is the graph's
};

// Per stage: a projection's counts (Projection, PointwiseConv stages), the events a neuron
// stage emitted, and the non-zero inputs a dense-work stage (WaveletConv) could not skip.
struct SnnCounts {
  std::vector<PortCount> stages;
  std::vector<uint64_t> events;
};

struct SnnDeviceModel;  // weights and neuron parameters on the device
std::shared_ptr<const SnnDeviceModel> upload_snn(const SnnParams& p, const GpuProfile& profile);

struct SnnRun {
  Sequence output;
  SnnCounts counts;
  std::vector<double> replay_s;  // per timed replay (CUDA events), the whole chunk
};

// How a step runs: Auto takes a kernel generated for the graph (snn_codegen.hpp: one warp per
// sample, shapes and kinds as constants, compiled by NVRTC) where the graph is small enough,
// else the fused kernel (one launch per chunk, backends/cuda/snn_fused.cuh, an interpreter of
// the stage table) when the graph fits one thread block, else a kernel (or cuBLAS call) per
// node and step. Fused and Generated insist on their kernel. The environment's
// EVSIM_SNN_PATH=launches|fused|generated turns Auto into that path.
enum class SnnPath { Auto, Launches, Fused, Generated };

// A chunk of steps as two CUDA graphs: one that also counts (NeuroBench counts of every
// projection's input and every neuron's events, per step), and the one that is timed. The
// state carries from replay to replay.
class SnnEngine {
 public:
  SnnEngine(std::shared_ptr<const SnnDeviceModel> model, GpuMode mode, int64_t batch, int64_t steps,
            SnnPath path = SnnPath::Auto);
  SnnEngine(const SnnParams& p, GpuMode mode, int64_t batch, int64_t steps, const GpuProfile& profile = {},
            SnnPath path = SnnPath::Auto);
  ~SnnEngine();
  SnnEngine(const SnnEngine&) = delete;
  SnnEngine& operator=(const SnnEngine&) = delete;

  int64_t steps() const;
  int64_t batch() const;
  bool fused() const;                 // the fused kernel (interpreter) runs the chunk
  bool generated() const;             // the kernel generated for the graph runs the chunk
  const char* path_name() const;      // "generated kernel", "fused kernel" or "a kernel per node"
  void set_input(const Sequence& x);  // steps x batch x inputs
  // One replay from the current state; blocks; seconds on the device (CUDA events). The
  // counted replay adds the counting kernels (not timed for reports).
  double replay(bool counted);
  void reset_state();
  void copy_state_from(const SnnEngine& other);
  SnnCounts counts() const;  // of the last counted replay
  Sequence output() const;   // of the last replay
  // From the zero state: a counted replay (outputs, counts), then timing_repeats timed ones.
  SnnRun run(const Sequence& input, int timing_repeats = 0);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace evsim::cuda
