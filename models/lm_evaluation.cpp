#include "models/lm_evaluation.hpp"

#include <algorithm>
#include <cmath>

#include "core/error.hpp"

namespace evsim {

double token_nll(const float* logits, int64_t n, int64_t target) {
  double mx = logits[0];
  for (int64_t k = 1; k < n; ++k) mx = std::max(mx, double(logits[k]));
  double sum = 0.0;
  for (int64_t k = 0; k < n; ++k) sum += std::exp(double(logits[k]) - mx);
  return mx + std::log(sum) - double(logits[target]);
}

int64_t lm_eval_steps(int64_t tokens, int64_t batch, int64_t limit_tokens) {
  if (batch < 1) throw UsageError("batch must be >= 1");
  const int64_t per_stream = tokens / batch;
  if (per_stream < 2) throw InputError("text too short for " + std::to_string(batch) + " streams");
  int64_t steps = per_stream - 1;
  if (limit_tokens > 0) steps = std::max<int64_t>(1, std::min(steps, limit_tokens / batch));
  return steps;
}

LmEvalResult evaluate_lm(Graph& graph, Backend& backend, const std::vector<int64_t>& ids, int64_t batch,
                         int64_t limit_tokens, const LmProgress& progress) {
  if (!graph.token_input) throw InputError("model is not a language model (its Input does not feed an Embedding)");
  const int64_t steps = lm_eval_steps(static_cast<int64_t>(ids.size()), batch, limit_tokens);
  const int64_t per_stream = static_cast<int64_t>(ids.size()) / batch;
  const int64_t vocab = graph.output_width();
  Simulator sim(graph, backend);
  sim.begin(batch);
  Matrix x(1, batch);
  LmEvalResult res;
  const int64_t every = std::max<int64_t>(1, steps / 50);
  for (int64_t t = 0; t < steps; ++t) {
    for (int64_t b = 0; b < batch; ++b) x(0, b) = static_cast<float>(ids[static_cast<size_t>(b * per_stream + t)]);
    const Matrix& logits = sim.step(x);
    for (int64_t b = 0; b < batch; ++b) {
      const int64_t target = ids[static_cast<size_t>(b * per_stream + t + 1)];
      if (target >= vocab) throw InputError("token id " + std::to_string(target) + " beyond the model's outputs");
      res.nll += token_nll(logits.col(b).data(), vocab, target);
    }
    res.predictions += batch;
    if (progress && ((t + 1) % every == 0 || t + 1 == steps))
      progress(t + 1, steps, std::exp(res.nll / double(res.predictions)));
  }
  res.perplexity = std::exp(res.nll / double(res.predictions));
  res.run = sim.finish();
  return res;
}

}  // namespace evsim
