#pragma once
#include <cstdint>

namespace evsim {

// -log softmax(logits)[target] over n logits, in double (max-shifted).
double token_nll(const float* logits, int64_t n, int64_t target);

}  // namespace evsim
