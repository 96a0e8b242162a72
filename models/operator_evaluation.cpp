#include "models/operator_evaluation.hpp"

#include <algorithm>
#include <cmath>
#include <string>

#include "core/error.hpp"
#include "core/timer.hpp"

namespace evsim {
namespace {

void accumulate(RunResult& total, const RunResult& part) {
  if (total.layers.empty()) {
    total = part;
    total.output = Sequence();
    return;
  }
  for (size_t k = 0; k < total.layers.size(); ++k) {
    total.layers[k].counts += part.layers[k].counts;
    total.layers[k].seconds += part.layers[k].seconds;
  }
  total.wall_s += part.wall_s;
  total.device_s += part.device_s;
  if (total.nonfinite_node.empty()) total.nonfinite_node = part.nonfinite_node;
}

}  // namespace

void check_operator_data(const Graph& graph, const DarcySet& data, const std::string& source) {
  const int64_t plane = data.resolution * data.resolution;
  if (graph.input_width() != plane || graph.output_width() != plane)
    throw InputError(source + ": fields of " + std::to_string(data.resolution) + " x " +
                     std::to_string(data.resolution) + ", expected as many values as the model's " +
                     std::to_string(graph.input_width()) + " inputs and " + std::to_string(graph.output_width()) +
                     " outputs");
}

OperatorEvalResult evaluate_operator(const Graph& graph, Runner& runner, const DarcySet& data, int64_t batch,
                                     const OperatorProgress& progress, const std::string& source) {
  check_operator_data(graph, data, source);
  const int64_t plane = data.resolution * data.resolution;
  OperatorEvalResult r;
  Stopwatch clock;
  for (int64_t s0 = 0; s0 < data.samples; s0 += batch) {
    const int64_t b = std::min(batch, data.samples - s0);
    Sequence in(1, b, plane);
    std::copy_n(data.coeff.begin() + s0 * plane, b * plane, in.data.begin());
    const RunResult part = runner.run(in);
    for (int64_t k = 0; k < b; ++k) {
      const float* pred = part.output.data.data() + k * plane;
      const float* truth = data.sol.data() + (s0 + k) * plane;
      double num = 0, den = 0;
      for (int64_t q = 0; q < plane; ++q) {
        const double d = double(pred[q]) - double(truth[q]);
        num += d * d;
        den += double(truth[q]) * double(truth[q]);
      }
      r.per_sample.push_back(den > 0 ? std::sqrt(num / den) : std::sqrt(num));
    }
    accumulate(r.run, part);
    if (progress) progress(s0 + b, data.samples);
  }
  sum_layers(r.run);
  r.wall_s = clock.seconds();
  double sum = 0;
  for (double e : r.per_sample) sum += e;
  r.rel_l2 = r.per_sample.empty() ? 0.0 : sum / double(r.per_sample.size());
  return r;
}

}  // namespace evsim
