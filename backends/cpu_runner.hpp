#pragma once
// cpu-dense and cpu-event: the Simulator stepping the graph with the dense or the event port
// backend (threads: core/threads.hpp; sum order: RunnerOptions, cpu-event only).
#include <memory>

#include "backends/runner.hpp"
#include "network/port_backend.hpp"
#include "network/simulator.hpp"

namespace evsim {

// The port backend of a mode (cpu-dense or cpu-event), for harnesses that drive ports directly.
std::unique_ptr<PortBackend> make_cpu_port_backend(Mode mode, SumOrder order = SumOrder::Fast);

class CpuRunner final : public Runner {
 public:
  CpuRunner(Mode mode, Graph& graph, const RunnerOptions& options);
  std::string name() const override;
  Mode mode() const override { return ports_->mode(); }
  RunResult run(const Sequence& input) override;
  void begin(int64_t batch) override;
  Sequence step(const Sequence& chunk) override;
  void step_without_outputs(const Sequence& chunk) override;
  std::vector<NodeRecording> take_recording(int64_t next_steps) override;
  double step_nll(const Sequence& chunk, const std::vector<int64_t>& targets) override;
  RunResult finish() override;

 private:
  SumOrder cpu_sum_order() const;

  Graph& graph_;
  Mode mode_;
  SumOrder order_;
  std::unique_ptr<PortBackend> ports_;
  Simulator sim_;
  bool record_;
  RecordWhat record_what_;
  int64_t batch_ = 0;
};

}  // namespace evsim
