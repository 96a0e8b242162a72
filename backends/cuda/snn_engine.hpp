#pragma once
// GPU engine for graphs of NIR-style nodes: Affine/Linear/Scale/Flatten and the point
// neurons LIF, LI, CubaLIF, CubaLI, IF, I, Threshold, VSN, with merging edges (inputs summed)
// and recurrent edges (the source's output of the previous step), as the CPU simulator.
// cuda-dense projects with cuBLAS, cuda-distile with the DISTile kernel (bitmask derived from
// the spikes or graded events on the device); neuron updates are element-wise kernels with
// the CPU's float32 rounding (no FMA contraction); the whole sequence is one CUDA graph.
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

struct SnnNode {
  enum class Kind { Projection, Scale, Identity, Neuron } kind = Kind::Identity;
  std::string name;
  int64_t in = 0, out = 0;
  std::vector<int> inputs;  // earlier nodes (index in SnnParams::stages; -1: the graph input), summed
  std::vector<int> back;    // later nodes whose previous-step output is added too
  Matrix w;                 // Projection: out x in
  Vector bias;              // Projection: out (empty: none)
  Vector scale;             // Scale
  PointNeuron neuron;
};

struct SnnParams {
  std::vector<SnnNode> stages;  // in evaluation order (topological, back edges excluded)
  int64_t inputs = 0;
  int output = -1;  // the stage whose output is the graph's
};

class SnnEngine {
 public:
  SnnEngine(const SnnParams& p, GpuMode mode, int64_t batch, int64_t steps, const GpuProfile& profile = {});
  ~SnnEngine();
  SnnEngine(const SnnEngine&) = delete;
  SnnEngine& operator=(const SnnEngine&) = delete;
  // input: steps x batch x inputs. Replays 1 + timing_repeats times from the zero state;
  // events and unit_steps are per neuron node.
  GpuRunResult run(const Sequence& input, int timing_repeats = 0);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace evsim::cuda
