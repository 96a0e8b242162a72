#include "models/random_input.hpp"

#include <random>

namespace evsim {

Sequence gaussian_input(int64_t steps, int64_t batch, int64_t width, uint64_t seed, float scale) {
  std::mt19937_64 rng(seed);
  std::normal_distribution<float> n(0.0f, scale);
  Sequence s(steps, batch, width);
  for (float& v : s.data) v = n(rng);
  return s;
}

Sequence spike_input(int64_t steps, int64_t batch, int64_t width, uint64_t seed, double rate) {
  std::mt19937_64 rng(seed);
  std::bernoulli_distribution b(rate);
  Sequence s(steps, batch, width);
  for (float& v : s.data) v = b(rng) ? 1.0f : 0.0f;
  return s;
}

}  // namespace evsim
