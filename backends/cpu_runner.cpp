#include "backends/cpu_runner.hpp"

#include "backends/cpu_dense_backend.hpp"
#include "backends/cpu_event_backend.hpp"
#include "core/error.hpp"
#include "core/log_softmax.hpp"
#include "core/timer.hpp"

namespace evsim {

std::unique_ptr<PortBackend> make_cpu_port_backend(Mode mode, SumOrder order) {
  if (mode == Mode::Dense) return std::make_unique<CpuDenseBackend>();
  return std::make_unique<CpuEventBackend>(order);
}

namespace {

void check_chunk(const Sequence& chunk, int64_t batch, int64_t width) {
  if (chunk.batch != batch || chunk.width != width)
    throw InputError("chunk is " + std::to_string(chunk.batch) + " samples x " + std::to_string(chunk.width) +
                     " values, the run began with " + std::to_string(batch) + " x " + std::to_string(width));
}

}  // namespace

CpuRunner::CpuRunner(Mode mode, Graph& graph, const RunnerOptions& options)
    : graph_(graph),
      mode_(mode),
      order_(options.sum_order),
      ports_(make_cpu_port_backend(mode, options.sum_order)),
      sim_(graph, *ports_),
      record_(options.record),
      record_what_(options.record_what) {}

std::string CpuRunner::name() const { return std::string(ports_->name()); }

RunResult CpuRunner::run(const Sequence& input) {
  Stopwatch clock;
  RunResult r = sim_.run(input, record_, record_what_);
  r.wall_s = clock.seconds();
  r.sum_order = cpu_sum_order();
  return r;
}

void CpuRunner::begin(int64_t batch) {
  sim_.begin(batch, record_, 0, record_what_);
  batch_ = batch;
}

std::vector<NodeRecording> CpuRunner::take_recording(int64_t next_steps) {
  return record_ ? sim_.take_recording(next_steps) : std::vector<NodeRecording>{};
}

Sequence CpuRunner::step(const Sequence& chunk) {
  check_chunk(chunk, batch_, graph_.input_width());
  Sequence out(chunk.steps, chunk.batch, graph_.output_width());
  for (int64_t t = 0; t < chunk.steps; ++t) out.step(t) = sim_.step(chunk.step(t));
  return out;
}

void CpuRunner::step_without_outputs(const Sequence& chunk) {
  check_chunk(chunk, batch_, graph_.input_width());
  for (int64_t t = 0; t < chunk.steps; ++t) sim_.step(chunk.step(t));
}

double CpuRunner::step_nll(const Sequence& chunk, const std::vector<int64_t>& targets) {
  check_chunk(chunk, batch_, graph_.input_width());
  if (static_cast<int64_t>(targets.size()) != chunk.steps * chunk.batch)
    throw InputError("expected one target per step and sample");
  const int64_t vocab = graph_.output_width();
  double nll = 0.0;
  for (int64_t t = 0; t < chunk.steps; ++t) {
    const Matrix& logits = sim_.step(chunk.step(t));
    for (int64_t b = 0; b < chunk.batch; ++b) {
      const int64_t target = targets[static_cast<size_t>(t * chunk.batch + b)];
      if (target < 0 || target >= vocab)
        throw InputError("token id " + std::to_string(target) + " beyond the model's " + std::to_string(vocab) +
                         " outputs");
      nll += token_nll(logits.col(b).data(), vocab, target);
    }
  }
  return nll;
}

RunResult CpuRunner::finish() {
  RunResult r = sim_.finish();
  r.sum_order = cpu_sum_order();
  return r;
}

// Matrix projections add in the reference order in both modes (network/dense_product.hpp);
// dense mode takes no order option and reports the fast one.
SumOrder CpuRunner::cpu_sum_order() const { return mode_ == Mode::Event ? order_ : SumOrder::Fast; }

}  // namespace evsim
