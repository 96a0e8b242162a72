#include "backends/cuda/cuda_runner.hpp"

#include <map>
#include <type_traits>
#include <utility>

#include "backends/cuda/device_info.hpp"
#include "backends/cuda/gpu_profile.hpp"
#include "backends/cuda/lowering.hpp"
#include "core/error.hpp"
#include "core/log_softmax.hpp"
#include "core/timer.hpp"
#include "network/report_layout.hpp"

namespace evsim::cuda {
namespace {

// A chunk's counts in the CPU's layer layout.
void add_port(const PortCount& p, OpCounts& c) {
  c.effective_macs += p.macs;
  c.effective_acs += p.acs;
  c.weight_bytes += p.bytes;
}

class CudaRunner final : public Runner {
 public:
  CudaRunner(Mode mode, Graph& g, const RunnerOptions& o) : graph_(g), mode_(mode), layout_(report_layout(g)) {
    if (o.record) throw UsageError("--record is available with --backend cpu only");
    const GpuProfile profile = load_gpu_profile(o.gpu_profile);
    egru_ = is_egru_stack(g);
    order_ = o.sum_order;
    if (!egru_ && order_ == SumOrder::Reference)
      throw UsageError("--sum-order reference: the cuda backend has it for EGRU stacks only (this is a spiking graph)");
    // Lowered before the device is touched: an unsupported node is reported on any machine.
    EgruStackParams ep;
    SnnParams sp;
    if (egru_)
      ep = lower_egru_stack(g);
    else
      sp = lower_snn(g);
    if (device_count() == 0) throw UsageError("backend 'cuda': no CUDA device is visible");
    if (o.device >= 0) set_device(o.device);
    if (egru_) {
      vocab_ = ep.embedding.cols();
      egru_model_ = upload_egru_stack(ep, profile);
      for (const auto& l : ep.layers) egru_shapes_.push_back({l.inputs, l.hidden});
      readout_rows_ = ep.readout_w.rows();
    } else {
      snn_model_ = upload_snn(sp, profile);
      for (const auto& s : sp.stages) snn_stages_.push_back({s.in, s.dense_macs, s.dense_work_weights, s.dense_work});
    }
  }

  std::string name() const override { return mode_ == Mode::Dense ? "cuda-dense" : "cuda-distile"; }
  Mode mode() const override { return mode_; }

  RunResult run(const Sequence& input) override {
    begin(input.batch);
    Stopwatch clock;
    result_.output = step(input);
    RunResult r = finish();
    r.wall_s = clock.seconds();
    return r;
  }

  void begin(int64_t batch) override {
    if (batch < 1) throw InputError("batch must be at least 1");
    batch_ = batch;
    current_ = {0, 0};
    result_ = RunResult{};
    result_.backend = name();
    result_.mode = mode_;
    result_.sum_order = order_;
    for (const ReportedNode& rn : layout_) result_.layers.push_back(rn.report);
    busy_s_ = 0;
    steps_done_ = 0;
  }

  Sequence step(const Sequence& chunk) override {
    Stopwatch clock;
    const auto key = advance(chunk);
    Sequence out = egru_ ? egru_engines_.at(key)->output() : snn_engines_.at(key)->output();
    RunResult probe;
    probe.output = out;
    find_nonfinite_output(probe, graph_.nodes[static_cast<size_t>(graph_.output)].name, steps_done_);
    if (result_.nonfinite_node.empty()) {
      result_.nonfinite_node = probe.nonfinite_node;
      result_.nonfinite_step = probe.nonfinite_step;
    }
    steps_done_ += chunk.steps;
    busy_s_ += clock.seconds();
    return out;
  }

  // The outputs stay on the device (a 64,000-neuron network's second is 2.6 GB of them).
  void step_without_outputs(const Sequence& chunk) override {
    Stopwatch clock;
    advance(chunk);
    steps_done_ += chunk.steps;
    busy_s_ += clock.seconds();
  }

  double step_nll(const Sequence& chunk, const std::vector<int64_t>& targets) override {
    Stopwatch clock;
    if (static_cast<int64_t>(targets.size()) != chunk.steps * chunk.batch)
      throw InputError("expected one target per step and sample");
    const int64_t vocab = graph_.output_width();
    for (int64_t t : targets)
      if (t < 0 || t >= vocab)
        throw InputError("token id " + std::to_string(t) + " beyond the model's " + std::to_string(vocab) + " outputs");
    const auto key = advance(chunk);
    double nll = 0;
    if (egru_ && readout_rows_ > 0) {
      nll = egru_engines_.at(key)->nll(std::vector<int32_t>(targets.begin(), targets.end()));
    } else {
      const Sequence out = egru_ ? egru_engines_.at(key)->output() : snn_engines_.at(key)->output();
      for (int64_t t = 0; t < out.steps; ++t)
        for (int64_t b = 0; b < out.batch; ++b)
          nll += token_nll(out.step(t).col(b).data(), vocab, targets[static_cast<size_t>(t * out.batch + b)]);
    }
    steps_done_ += chunk.steps;
    busy_s_ += clock.seconds();
    return nll;
  }

  RunResult finish() override {
    sum_layers(result_);
    result_.wall_s = busy_s_;
    return std::move(result_);
  }

 private:
  using Key = std::pair<int64_t, int64_t>;  // steps, batch

  // Loads the chunk into the engine of its length (the state carried from the previous chunk's
  // engine), replays it with counting, adds its counts.
  Key advance(const Sequence& chunk) {
    if (chunk.batch != batch_ || chunk.width != graph_.input_width())
      throw InputError("chunk is " + std::to_string(chunk.batch) + " samples x " + std::to_string(chunk.width) +
                       " values, the run began with " + std::to_string(batch_) + " x " +
                       std::to_string(graph_.input_width()));
    if (chunk.steps < 1) throw InputError("a chunk needs at least one step");
    const Key key{chunk.steps, chunk.batch};
    if (egru_)
      run_egru(key, chunk);
    else
      run_snn(key, chunk);
    current_ = key;
    return key;
  }

  template <typename Engine, typename Model>
  Engine& engine_for(std::map<Key, std::unique_ptr<Engine>>& engines, const Model& model, const Key& key) {
    auto it = engines.find(key);
    if (it == engines.end()) {
      const GpuMode m = mode_ == Mode::Dense ? GpuMode::Dense : GpuMode::Distile;
      std::unique_ptr<Engine> e;
      if constexpr (std::is_same_v<Engine, EgruEngine>)
        e = std::make_unique<Engine>(model, m, key.second, key.first, order_);
      else
        e = std::make_unique<Engine>(model, m, key.second, key.first);
      it = engines.emplace(key, std::move(e)).first;
      // A long run's chunks grow (models/chunked_run.hpp): keep the engine the state comes from
      // and the new one, not one per length the run went through (device memory).
      for (auto j = engines.begin(); j != engines.end();)
        j = j->first == key || j->first == current_ ? std::next(j) : engines.erase(j);
    }
    Engine& e = *it->second;
    if (current_.first == 0)
      e.reset_state();
    else if (current_ != key)
      e.copy_state_from(*engines.at(current_));
    return e;
  }

  void run_egru(const Key& key, const Sequence& chunk) {
    EgruEngine& e = engine_for(egru_engines_, egru_model_, key);
    if (graph_.token_input) {
      std::vector<int32_t> ids(chunk.data.size());
      for (size_t k = 0; k < ids.size(); ++k) {
        const float v = chunk.data[k];
        if (!(v >= 0 && v < static_cast<float>(vocab_)) || v != static_cast<float>(static_cast<int32_t>(v)))
          throw InputError("token id " + std::to_string(v) + " is not in the embedding's 0.." +
                           std::to_string(vocab_ - 1));
        ids[k] = static_cast<int32_t>(v);
      }
      e.set_tokens(ids);
    } else {
      e.set_input(chunk);
    }
    result_.device_s += e.replay();
    add_egru_counts(e.count(), chunk.steps);
  }

  void run_snn(const Key& key, const Sequence& chunk) {
    SnnEngine& e = engine_for(snn_engines_, snn_model_, key);
    e.set_input(chunk);
    result_.device_s += e.replay(true);
    result_.device_path = e.path_name();
    add_snn_counts(e.counts(), chunk.steps);
  }

  void add_egru_counts(const EgruCounts& c, int64_t steps) {
    const auto samples = static_cast<uint64_t>(steps * batch_);
    size_t k = 0;
    for (size_t i = 0; i < layout_.size(); ++i) {
      const GraphNode& n = graph_.nodes[static_cast<size_t>(layout_[i].node)];
      OpCounts& o = result_.layers[i].counts;
      if (n.type == "EGRU") {
        const auto [in, h] = egru_shapes_[k];
        o.dense_macs += static_cast<uint64_t>(3 * h * (in + h)) * samples;
        add_port(c.ih[k], o);
        add_port(c.hh[k], o);
        o.events += c.events[k];
        o.unit_steps += static_cast<uint64_t>(h) * samples;
        ++k;
      } else {  // the readout: events arriving on its input
        const int64_t h = egru_shapes_.back().second;
        o.dense_macs += static_cast<uint64_t>(readout_rows_ * h) * samples;
        add_port(c.readout, o);
        o.events += c.readout.nonzero;
        o.unit_steps += static_cast<uint64_t>(h) * samples;
      }
    }
  }

  void add_snn_counts(const SnnCounts& c, int64_t steps) {
    const auto samples = static_cast<uint64_t>(steps * batch_);
    std::vector<int> stage(graph_.nodes.size(), -1);  // graph node -> stage (lower_snn's order)
    int next = 0;
    for (int v : graph_.order)
      if (v != graph_.input) stage[static_cast<size_t>(v)] = next++;
    for (size_t i = 0; i < layout_.size(); ++i) {
      const auto s = static_cast<size_t>(stage[static_cast<size_t>(layout_[i].node)]);
      const StageCounting& sc = snn_stages_[s];
      const auto units = static_cast<uint64_t>(graph_.nodes[static_cast<size_t>(layout_[i].node)].size());
      OpCounts& o = result_.layers[i].counts;
      if (layout_[i].report.neuron) {
        o.events += c.events[s];
        o.unit_steps += units * samples;
      } else if (sc.dense_work) {  // the same work in both modes, as the CPU counts it
        o.dense_macs += sc.dense_macs * samples;
        o.effective_macs += sc.dense_macs * samples;
        o.weight_bytes += sc.weights * sizeof(float) * static_cast<uint64_t>(steps);
        o.events += c.events[s];
        o.unit_steps += static_cast<uint64_t>(sc.in) * samples;
      } else {
        o.dense_macs += sc.dense_macs * samples;
        add_port(c.stages[s], o);
        o.events += c.stages[s].nonzero;
        o.unit_steps += static_cast<uint64_t>(sc.in) * samples;
      }
    }
  }

  Graph& graph_;
  Mode mode_;
  std::vector<ReportedNode> layout_;
  bool egru_ = false;
  int64_t vocab_ = 0, readout_rows_ = 0;
  std::shared_ptr<const EgruDeviceModel> egru_model_;
  std::shared_ptr<const SnnDeviceModel> snn_model_;
  struct StageCounting {
    int64_t in = 0;
    uint64_t dense_macs = 0, weights = 0;  // per sample and step
    bool dense_work = false;
  };
  std::vector<std::pair<int64_t, int64_t>> egru_shapes_;  // (inputs, hidden)
  std::vector<StageCounting> snn_stages_;
  std::map<Key, std::unique_ptr<EgruEngine>> egru_engines_;
  std::map<Key, std::unique_ptr<SnnEngine>> snn_engines_;
  SumOrder order_ = SumOrder::Fast;
  Key current_{0, 0};  // the engine holding the stream's state ({0, 0}: none yet)
  int64_t batch_ = 0, steps_done_ = 0;
  RunResult result_;
  double busy_s_ = 0;
};

}  // namespace

std::unique_ptr<Runner> make_cuda_runner(Mode mode, Graph& graph, const RunnerOptions& options) {
  return std::make_unique<CudaRunner>(mode, graph, options);
}

}  // namespace evsim::cuda
