#pragma once
// Perplexity of a language-model graph (Input token id -> ... -> Output logits) on a token
// stream, evaluated step by step with the state carried through: the stream is cut into
// `batch` contiguous streams (PyTorch's batchify), step t predicts token t+1.
#include <cstdint>
#include <functional>
#include <vector>

#include "backends/backend.hpp"
#include "network/graph.hpp"
#include "network/simulator.hpp"

namespace evsim {

struct LmEvalResult {
  double perplexity = 0.0;
  double nll = 0.0;         // summed, nats
  int64_t predictions = 0;  // tokens predicted
  RunResult run;            // counts and timings of the whole evaluation
};

// -log softmax(logits)[target], in double.
double token_nll(const float* logits, int64_t n, int64_t target);

// Steps evaluated for `tokens` ids in `batch` streams (at most limit_tokens / batch when > 0).
int64_t lm_eval_steps(int64_t tokens, int64_t batch, int64_t limit_tokens);

// progress(done, total, running perplexity) is called every ~2 % of the steps.
using LmProgress = std::function<void(int64_t, int64_t, double)>;

LmEvalResult evaluate_lm(Graph& graph, Backend& backend, const std::vector<int64_t>& ids, int64_t batch,
                         int64_t limit_tokens, const LmProgress& progress);

}  // namespace evsim
