#include "models/lm_evaluation.hpp"

#include <algorithm>
#include <cmath>

#include "core/error.hpp"
#include "core/timer.hpp"

namespace evsim {

int64_t lm_eval_steps(int64_t tokens, int64_t batch, int64_t limit_tokens, const std::string& source) {
  if (batch < 1) throw UsageError("batch must be >= 1");
  const int64_t per_stream = tokens / batch;
  if (per_stream < 2)
    throw InputError(source + ": " + std::to_string(tokens) + " tokens (line ends included), too few for " +
                     std::to_string(batch) + " streams (--batch): expected at least " + std::to_string(2 * batch));
  int64_t steps = per_stream - 1;
  if (limit_tokens > 0) steps = std::max<int64_t>(1, std::min(steps, limit_tokens / batch));
  return steps;
}

LmEvalResult evaluate_lm(const Graph& graph, Runner& runner, const std::vector<int64_t>& ids, int64_t batch,
                         int64_t limit_tokens, const LmProgress& progress) {
  if (!graph.token_input) throw InputError("model is not a language model (its Input does not feed an Embedding)");
  const int64_t steps = lm_eval_steps(static_cast<int64_t>(ids.size()), batch, limit_tokens);
  const int64_t per_stream = static_cast<int64_t>(ids.size()) / batch;
  Stopwatch clock;
  LmEvalResult res;
  runner.begin(batch);
  for (int64_t t0 = 0; t0 < steps; t0 += kLmChunkSteps) {
    const int64_t n = std::min(kLmChunkSteps, steps - t0);
    Sequence x(n, batch, 1);
    std::vector<int64_t> targets(static_cast<size_t>(n * batch));
    for (int64_t t = 0; t < n; ++t)
      for (int64_t b = 0; b < batch; ++b) {
        const auto at = static_cast<size_t>(b * per_stream + t0 + t);
        x.step(t)(0, b) = static_cast<float>(ids[at]);
        targets[static_cast<size_t>(t * batch + b)] = ids[at + 1];
      }
    res.nll += runner.step_nll(x, targets);
    res.predictions += n * batch;
    if (progress) progress(t0 + n, steps, std::exp(res.nll / double(res.predictions)));
  }
  res.perplexity = std::exp(res.nll / double(res.predictions));
  res.run = runner.finish();
  res.wall_s = clock.seconds();
  return res;
}

}  // namespace evsim
