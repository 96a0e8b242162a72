#pragma once
// What a run of a model produces on any backend: the output sequence, NeuroBench counts per
// layer and in total, timings, and (CPU) recorded neuron states and spikes.
#include <string>
#include <vector>

#include "core/counters.hpp"
#include "core/event.hpp"
#include "core/mode.hpp"
#include "core/tensor.hpp"

namespace evsim {

struct LayerReport {
  std::string name, type;
  OpCounts counts;
  uint64_t weights = 0, nnz = 0;  // over the node's projections
  bool neuron = false;            // events are emitted (else: received on its input)
  double seconds = 0.0;           // wall time spent in this node (CPU backends; 0 where not measured)
  double weight_density() const { return weights ? static_cast<double>(nnz) / static_cast<double>(weights) : 0.0; }
};

struct NodeRecording {
  std::string name, type;
  Sequence v;                   // state after reset, T x B x N (spikes only: the shape, no data)
  std::vector<Event> spikes;    // non-zero outputs (valued for graded neurons)
  bool spikes_recorded = true;  // false: states only (the file has no `spikes`)
};

// What `--record` keeps of each neuron node.
struct RecordWhat {
  bool spikes = true;
  bool state = true;
};

struct RunResult {
  Sequence output;
  std::vector<LayerReport> layers;  // in graph order
  OpCounts totals;                  // ops and bytes summed over layers; events/unit_steps over neurons
  // End to end for the run: input in, model, counts, output out (GPU: uploads, graph replay,
  // counting kernels and downloads; planning the engine is not part of it).
  double wall_s = 0.0;
  double device_s = 0.0;    // GPU backends: the replay of the model's CUDA graph alone (CUDA events)
  std::string backend;      // e.g. cpu-event, cuda-distile
  std::string device_path;  // GPU spiking graphs: the kernel that ran the steps (SnnEngine::path_name())
  // The first node whose output was NaN or infinite (empty: none), at step nonfinite_step. The
  // CPU names the node where it started; the GPU checks the model's output.
  std::string nonfinite_node;
  int64_t nonfinite_step = -1;
  Mode mode = Mode::Dense;
  SumOrder sum_order = SumOrder::Fast;  // the order the projections' sums took (core/mode.hpp)
  std::vector<NodeRecording> recording;
};

// Sums the layers into `totals` (events and unit-steps over neuron layers only).
void sum_layers(RunResult& r);

// Marks the first non-finite value of `output` (steps x batch x width), if no node was named yet.
void find_nonfinite_output(RunResult& r, const std::string& output_name, int64_t first_step = 0);

}  // namespace evsim
