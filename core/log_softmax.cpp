#include "core/log_softmax.hpp"

#include <algorithm>
#include <cmath>

namespace evsim {

double token_nll(const float* logits, int64_t n, int64_t target) {
  double mx = logits[0];
  for (int64_t k = 1; k < n; ++k) mx = std::max(mx, double(logits[k]));
  double sum = 0.0;
  for (int64_t k = 0; k < n; ++k) sum += std::exp(double(logits[k]) - mx);
  // log(sum) - (z_t - max): subtracting max first keeps the digits when the logits are huge
  // (mx + log(sum) - z_t lost log(sum) entirely for logits near 3e38).
  return std::log(sum) - (double(logits[target]) - mx);
}

}  // namespace evsim
