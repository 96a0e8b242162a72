#pragma once
// Perplexity of a language-model graph (Input token id -> ... -> Output logits) on a token
// stream, on any runner: the stream is cut into `batch` contiguous streams (PyTorch's
// batchify), step t predicts token t+1, the state is carried through the whole stream, and
// the runner takes chunks of steps (the GPU computes the log-softmax where the logits are).
#include <cstdint>
#include <functional>
#include <vector>

#include "backends/runner.hpp"

namespace evsim {

struct LmEvalResult {
  double perplexity = 0.0;
  double nll = 0.0;         // summed, nats
  int64_t predictions = 0;  // tokens predicted
  double wall_s = 0.0;      // the evaluation end to end (tokens in, perplexity out)
  RunResult run;            // counts of the whole evaluation; run.device_s: the GPU graph replays alone
};

// Steps evaluated for `tokens` ids in `batch` streams (at most limit_tokens / batch when > 0);
// too few tokens is an InputError naming `source` (the text's file where the caller knows it).
int64_t lm_eval_steps(int64_t tokens, int64_t batch, int64_t limit_tokens, const std::string& source = "the text");

// progress(done, total, running perplexity) is called after every chunk.
using LmProgress = std::function<void(int64_t, int64_t, double)>;

// Steps per chunk handed to the runner.
constexpr int64_t kLmChunkSteps = 256;

LmEvalResult evaluate_lm(const Graph& graph, Runner& runner, const std::vector<int64_t>& ids, int64_t batch,
                         int64_t limit_tokens, const LmProgress& progress);

}  // namespace evsim
