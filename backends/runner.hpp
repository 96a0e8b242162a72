#pragma once
// One interface to run any model on any backend. A Runner is planned once for a graph, a
// backend and a mode (an unsupported node is a one-line error naming it, before anything
// runs), then runs whole sequences or streams them in chunks with the state carried over.
// Every runner reports the same NeuroBench counts per layer (core/run_result.hpp); how the
// arithmetic is done is its own business (cpu-dense: Eigen; cpu-event: event queues;
// cuda-dense: cuBLAS; cuda-distile: DISTile kernels).
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "core/mode.hpp"
#include "core/run_result.hpp"
#include "network/graph.hpp"

namespace evsim {

struct RunnerOptions {
  bool record = false;                  // keep every neuron node's state and spikes (RunResult::recording)
  RecordWhat record_what;               // with `record`: spikes, state traces or both
  std::string gpu_profile;              // cuda: the cost-model profile `evsim calibrate` wrote (empty: built in)
  SumOrder sum_order = SumOrder::Fast;  // cuda (EGRU stacks): core/mode.hpp
  int device = -1;                      // cuda: the GPU to use (-1: the current one, normally 0)
};

class Runner {
 public:
  virtual ~Runner() = default;
  virtual std::string name() const = 0;  // e.g. "cpu-event", "cuda-distile"
  virtual Mode mode() const = 0;
  // The whole input (T x B x N_in, token ids for Embedding models) from the zero state.
  virtual RunResult run(const Sequence& input) = 0;
  // Streaming: begin(batch), then chunks of steps with the state carried from one to the next,
  // then finish() for the counts and times since begin (RunResult::output stays empty).
  virtual void begin(int64_t batch) = 0;
  virtual Sequence step(const Sequence& chunk) = 0;  // the chunk's outputs
  // As step(), for a run whose outputs nobody reads (the counts are kept).
  virtual void step_without_outputs(const Sequence& chunk) { step(chunk); }
  // Streamed recordings (RunnerOptions::record, cpu): what the chunks since the last call
  // recorded, and the next `next_steps` steps recorded. Empty where nothing records.
  virtual std::vector<NodeRecording> take_recording(int64_t /*next_steps*/) { return {}; }
  // Language models: the chunk holds token ids; returns the sum over its steps and samples of
  // -log softmax(output)[target] (targets: steps x batch ids, row-major), computed where the
  // logits are, in double.
  virtual double step_nll(const Sequence& chunk, const std::vector<int64_t>& targets) = 0;
  virtual RunResult finish() = 0;
};

// Backends compiled into this build, e.g. {"cpu", "cuda"}.
std::vector<std::string> backend_names();
// Throws UsageError naming the backends of this build unless `backend` is one of them.
void require_backend(const std::string& backend);

// The backend every other one is checked against (its dense mode is the reference output and
// counts), and the one that records neuron states and spikes: "cpu".
std::string reference_backend();

// Devices a backend sees (GPUs for cuda; 0 for cpu), and a one-line description of one.
int backend_device_count(const std::string& backend);
std::string describe_backend_device(const std::string& backend, int device);

// The registry of runners. Throws UsageError for an unknown backend or an unsupported option,
// and Error naming the node for a graph the backend cannot run.
std::unique_ptr<Runner> make_runner(const std::string& backend, Mode mode, Graph& graph,
                                    const RunnerOptions& options = {});

}  // namespace evsim
