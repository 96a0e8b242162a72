#include "network/simulator.hpp"

#include "core/error.hpp"
#include "core/memory_budget.hpp"
#include "core/nonzero.hpp"
#include "core/timer.hpp"
#include "network/report_layout.hpp"

namespace evsim {

Simulator::Simulator(Graph& graph, PortBackend& backend) : g_(graph), backend_(backend) {
  const size_t n = g_.nodes.size();
  node_ports_.resize(n);
  consumers_.resize(n);
  for (size_t v = 0; v < n; ++v) {
    const GraphNode& node = g_.nodes[v];
    if (!node.op) continue;
    for (const Port& p : node.op->ports()) {
      const size_t id = projections_.size();
      projections_.push_back(p.projection.get());
      node_ports_[v].push_back(id);
      if (p.feed == Feed::OwnOutput) {
        consumers_[v].push_back({id, 1});
        continue;
      }
      for (const InEdge& e : node.inputs) consumers_[static_cast<size_t>(e.source)].push_back({id, e.back ? 1 : 0});
    }
  }
}

// One in-edge: its source's matrix itself (no copy); else the sum, in `scratch`.
const Matrix& Simulator::summed_input(const GraphNode& node, Matrix& scratch) const {
  if (node.inputs.size() == 1) {
    const InEdge& e = node.inputs[0];
    return (e.back ? prev_ : cur_)[static_cast<size_t>(e.source)];
  }
  sum_inputs(node, scratch);
  return scratch;
}

void Simulator::sum_inputs(const GraphNode& node, Matrix& into) const {
  if (node.inputs.empty()) {  // a node nothing feeds (its shape came from its parameters) gets zeros
    into.setZero(node.in_size(), batch_);
    return;
  }
  bool first = true;
  for (const InEdge& e : node.inputs) {
    const Matrix& src = (e.back ? prev_ : cur_)[static_cast<size_t>(e.source)];
    if (first) {
      into = src;
      first = false;
    } else {
      into += src;
    }
  }
}

// A neuron layer (EGRU) reports the events it emits, so the events its ports received are
// left out; a projection node reports the events arriving on its input.
static void add_port_counts(const OpCounts& port, bool neuron, OpCounts& layer) {
  if (!neuron) {
    layer += port;
    return;
  }
  layer.dense_macs += port.dense_macs;
  layer.effective_macs += port.effective_macs;
  layer.effective_acs += port.effective_acs;
  layer.weight_bytes += port.weight_bytes;
}

static uint64_t count_nonzero(const Matrix& m) {
  uint64_t k = 0;
  const float* p = m.data();
  for (Eigen::Index i = 0; i < m.size(); ++i) k += p[i] != 0.0f;
  return k;
}

void Simulator::step_node(int v, const Eigen::Ref<const Matrix>& input) {
  const auto vi = static_cast<size_t>(v);
  GraphNode& node = g_.nodes[vi];
  RunResult& r = result_;
  if (v == g_.input) {
    cur_[vi] = input;
  } else {
    const auto& ports = node.op->ports();
    const bool edges_to_port = !ports.empty() && ports[0].feed == Feed::InEdges;
    const bool through = ports.size() == 1 && node.op->passes_port_through();
    const Matrix& in = edges_to_port ? sum_[vi] : summed_input(node, sum_[vi]);
    const int li = report_index_[vi];
    Stopwatch clock;
    for (size_t k = 0; k < ports.size(); ++k) {
      OpCounts pc;
      backend_.propagate(node_ports_[vi][k], through ? cur_[vi] : port_out_[vi][k], pc);
      if (li >= 0) add_port_counts(pc, node.op->is_neuron(), r.layers[static_cast<size_t>(li)].counts);
    }
    if (!through) node.op->compute(in, port_out_[vi], cur_[vi]);
    if (const DenseWork w = node.op->dense_work(); li >= 0 && w.macs > 0) {
      // The same dense work in both modes (a transform of a spike map is dense).
      auto& c = r.layers[static_cast<size_t>(li)].counts;
      const auto batch = static_cast<uint64_t>(cur_[vi].cols());
      c.dense_macs += w.macs * batch;
      c.effective_macs += w.macs * batch;
      c.weight_bytes += w.weights * sizeof(float);
      // Its input's activity (a spike map it cannot skip), shown as the layer's activity.
      c.events += count_nonzero(in);
      c.unit_steps += static_cast<uint64_t>(in.size());
    }
    // Where a NaN or Inf starts: in the output, or in a state that may never show in the output
    // (a NaN membrane never crosses its threshold).
    const Matrix* state = node.op->state();
    if (r.nonfinite_node.empty() && (!all_finite(cur_[vi]) || (state && !all_finite(*state)))) {
      r.nonfinite_node = node.name;
      r.nonfinite_step = t_;
    }
    if (li >= 0) r.layers[static_cast<size_t>(li)].seconds += clock.seconds();
    if (li >= 0 && node.op->is_neuron()) {
      auto& c = r.layers[static_cast<size_t>(li)].counts;
      c.events += count_nonzero(cur_[vi]);
      c.unit_steps += static_cast<uint64_t>(cur_[vi].size());
    }
    const int ri = record_index_[vi];
    if (ri >= 0 && t_ - record_from_ < record_steps_) {
      NodeRecording& rec = r.recording[static_cast<size_t>(ri)];
      if (!rec.v.data.empty()) rec.v.step(t_ - record_from_) = *node.op->state();
      const Matrix& o = cur_[vi];
      nonzero_.resize(static_cast<size_t>(o.rows()));
      for (Eigen::Index b = 0; rec.spikes_recorded && b < o.cols(); ++b) {
        const size_t n = nonzero_indices(o.col(b).data(), o.rows(), nonzero_.data());
        for (size_t k = 0; k < n; ++k)
          rec.spikes.push_back(Event{nonzero_[k], static_cast<uint32_t>(b), t_, o(nonzero_[k], b)});
      }
    }
  }
  for (const Consumer& c : consumers_[vi]) backend_.emit(c.port, cur_[vi], c.delay);
}

const Matrix& Simulator::step(const Eigen::Ref<const Matrix>& input) {
  if (input.rows() != g_.input_width() || input.cols() != batch_)
    throw InputError("step input is " + std::to_string(input.rows()) + " x " + std::to_string(input.cols()) +
                     ", expected " + std::to_string(g_.input_width()) + " x " + std::to_string(batch_));
  Stopwatch clock;
  for (int v : g_.order) step_node(v, input);
  backend_.advance();
  std::swap(cur_, prev_);
  ++t_;
  busy_s_ += clock.seconds();
  return prev_[static_cast<size_t>(g_.output)];  // just swapped: prev_ holds this step
}

void Simulator::begin(int64_t batch, bool record, int64_t record_steps, RecordWhat what) {
  if (batch < 1) throw InputError("batch must be at least 1");
  const size_t n = g_.nodes.size();
  double units = 0;  // every node's output is kept for this step, the last and its summed input
  for (const GraphNode& node : g_.nodes) units += double(node.size()) + double(node.in_size());
  require_memory(4.0 * 3.0 * units * double(batch), "the activations of a batch of " + std::to_string(batch));
  batch_ = batch;
  t_ = 0;
  busy_s_ = 0.0;
  record_from_ = 0;
  record_steps_ = 0;
  record_what_ = what;
  result_ = RunResult{};
  RunResult& r = result_;
  r.backend = std::string(backend_.name());
  r.mode = backend_.mode();
  cur_.assign(n, Matrix());
  prev_.assign(n, Matrix());
  sum_.assign(n, Matrix());
  port_out_.assign(n, {});
  report_index_.assign(n, -1);
  record_index_.assign(n, -1);
  for (size_t v = 0; v < n; ++v) {
    GraphNode& node = g_.nodes[v];
    prev_[v].setZero(node.size(), batch);
    if (!node.op) continue;
    node.op->reset(batch);
    port_out_[v].resize(node.op->ports().size());
    if (record && node.op->is_neuron()) {
      record_index_[v] = static_cast<int>(r.recording.size());
      r.recording.push_back(NodeRecording{node.name, node.type, {}, {}});
    }
  }
  open_recording(record_steps);
  for (const ReportedNode& rn : report_layout(g_)) {
    report_index_[static_cast<size_t>(rn.node)] = static_cast<int>(r.layers.size());
    r.layers.push_back(rn.report);
  }
  backend_.prepare(projections_, batch);
}

// The window [t_, t_ + steps): every recorded node's trace keeps its shape (steps, batch, units)
// and, with states recorded, their values; spikes only: the shape, no data.
void Simulator::open_recording(int64_t steps) {
  record_from_ = t_;
  record_steps_ = steps;
  for (size_t v = 0; v < g_.nodes.size(); ++v) {
    const int ri = record_index_[v];
    if (ri < 0) continue;
    const GraphNode& node = g_.nodes[v];
    NodeRecording& rec = result_.recording[static_cast<size_t>(ri)];
    Sequence trace;
    if (record_what_.state && node.op->state() && steps > 0) {  // a spike source has spikes and no state
      require_memory(4.0 * double(steps) * double(batch_) * double(node.size()),
                     "recording node '" + node.name + "' (--record-state off keeps spikes only)");
      trace = Sequence(steps, batch_, node.size());
    } else {
      trace.steps = steps;
      trace.batch = batch_;
      trace.width = node.size();
    }
    rec.v = std::move(trace);
    rec.spikes.clear();
    rec.spikes_recorded = record_what_.spikes;
  }
}

std::vector<NodeRecording> Simulator::take_recording(int64_t next_steps) {
  std::vector<NodeRecording> taken = std::move(result_.recording);
  result_.recording.clear();
  for (const NodeRecording& rec : taken) result_.recording.push_back(NodeRecording{rec.name, rec.type, {}, {}});
  for (NodeRecording& rec : taken) {  // a window the run did not fill is cut to the steps taken
    const int64_t done = std::min(rec.v.steps, t_ - record_from_);
    if (done < rec.v.steps) {
      if (!rec.v.data.empty()) rec.v.data.resize(static_cast<size_t>(done * rec.v.batch * rec.v.width));
      rec.v.steps = done;
    }
  }
  open_recording(next_steps);
  return taken;
}

const RunResult& Simulator::finish() {
  result_.wall_s = busy_s_;
  sum_layers(result_);
  return result_;
}

RunResult Simulator::run(const Sequence& input, bool record, RecordWhat what) {
  if (input.width != g_.input_width())
    throw InputError("input has " + std::to_string(input.width) + " values per step, the model's Input '" +
                     g_.nodes[static_cast<size_t>(g_.input)].name + "' expects " + std::to_string(g_.input_width()));
  if (input.steps < 1 || input.batch < 1) throw InputError("input must have at least one step and one sample");
  require_memory(4.0 * double(input.steps) * double(input.batch) * double(g_.output_width()),
                 "the output of " + std::to_string(input.steps) + " steps");
  begin(input.batch, record, record ? input.steps : 0, what);
  Sequence output(input.steps, input.batch, g_.output_width());
  for (int64_t t = 0; t < input.steps; ++t) output.step(t) = step(input.step(t));
  finish();
  result_.output = std::move(output);
  return std::move(result_);
}

}  // namespace evsim
