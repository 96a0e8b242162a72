#pragma once
// GPU engine for feed-forward chains of NIR-style nodes (Affine/Linear/Scale/Flatten and
// the point neurons LIF, LI, CubaLIF, CubaLI, IF, I, Threshold, VSN): cuda-dense projects
// with cuBLAS, cuda-distile with the DISTile kernel (bitmask derived from the spikes or
// graded events on the device); neuron updates are element-wise kernels with the CPU's
// float32 arithmetic (no FMA contraction); the whole sequence is one CUDA graph.
// Host-only header.
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "backends/cuda/cost_model.hpp"
#include "backends/cuda/egru_engine.hpp"
#include "core/tensor.hpp"
#include "neurons/point_neuron.hpp"

namespace evsim::cuda {

struct ChainStage {
  enum class Kind { Projection, Scale, Identity, Neuron } kind = Kind::Identity;
  std::string name;
  int64_t in = 0, out = 0;
  Matrix w;      // Projection: out x in
  Vector bias;   // Projection: out (empty: none)
  Vector scale;  // Scale
  PointNeuron neuron;
};

struct ChainParams {
  std::vector<ChainStage> stages;
  int64_t inputs = 0;
};

class ChainEngine {
 public:
  ChainEngine(const ChainParams& p, GpuMode mode, int64_t batch, int64_t steps, const GpuProfile& profile = {});
  ~ChainEngine();
  ChainEngine(const ChainEngine&) = delete;
  ChainEngine& operator=(const ChainEngine&) = delete;
  // input: steps x batch x inputs. Replays 1 + timing_repeats times from the zero state;
  // events and unit_steps are per neuron stage.
  GpuRunResult run(const Sequence& input, int timing_repeats = 0);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace evsim::cuda
