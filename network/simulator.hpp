#pragma once
// Steps a Graph through time. The same loop serves both execution modes: the backend
// decides whether a projection multiplies every weight or only delivers events.
#include <string>
#include <vector>

#include "core/run_result.hpp"
#include "network/graph.hpp"
#include "network/port_backend.hpp"

namespace evsim {

class Simulator {
 public:
  Simulator(Graph& graph, PortBackend& backend);
  // input: T x B x N_in (token ids as floats for Embedding models).
  RunResult run(const Sequence& input, bool record = false, RecordWhat what = {});

  // Streaming use (long evaluations): begin, then one step at a time; state carries over.
  // record: neuron nodes' spikes and/or states (`what`) are recorded, the first record_steps
  // steps of them until take_recording() opens the next window.
  void begin(int64_t batch, bool record = false, int64_t record_steps = 0, RecordWhat what = {});
  // input: N_in x B for the next step; returns the Output node's values (N_out x B).
  const Matrix& step(const Eigen::Ref<const Matrix>& input);
  // Streamed recordings: what was recorded since begin() or the last call (spikes with their
  // absolute steps; state traces of the window's steps), and a fresh window of `next_steps`.
  std::vector<NodeRecording> take_recording(int64_t next_steps);
  // Counts and timings so far (totals are filled in by finish()).
  const RunResult& finish();

 private:
  struct PortRef {
    int node;
    size_t slot;
  };
  struct Consumer {
    size_t port;
    int64_t delay;
  };
  void step_node(int v, const Eigen::Ref<const Matrix>& input);
  const Matrix& summed_input(const GraphNode& node, Matrix& scratch) const;
  void sum_inputs(const GraphNode& node, Matrix& into) const;
  void open_recording(int64_t steps);

  Graph& g_;
  PortBackend& backend_;
  std::vector<std::vector<size_t>> node_ports_;   // node -> global port ids
  std::vector<std::vector<Consumer>> consumers_;  // node -> ports its output feeds
  std::vector<const Projection*> projections_;
  std::vector<Matrix> cur_, prev_, sum_;
  std::vector<uint32_t> nonzero_;  // scratch: a recorded output's spiking units
  std::vector<std::vector<Matrix>> port_out_;
  std::vector<int> report_index_;  // node -> index in RunResult::layers or -1
  std::vector<int> record_index_;
  RunResult result_;
  int64_t t_ = 0, batch_ = 0;
  int64_t record_from_ = 0, record_steps_ = 0;  // the recording window: steps [from, from + steps)
  RecordWhat record_what_;
  double busy_s_ = 0.0;
};

}  // namespace evsim
