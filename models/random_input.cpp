#include "models/random_input.hpp"

#include <memory>
#include <random>

namespace evsim {

InputSource gaussian_source(int64_t steps, int64_t batch, int64_t width, uint64_t seed, float scale) {
  // One generator and one distribution for the whole run (the distribution keeps a drawn value
  // between calls): chunk after chunk gives the values of one draw.
  struct State {
    std::mt19937_64 rng;
    std::normal_distribution<float> n;
  };
  auto st = std::make_shared<State>(State{std::mt19937_64(seed), std::normal_distribution<float>(0.0f, scale)});
  return InputSource::drawn(steps, batch, width, [st](float* out, size_t count) {
    for (size_t k = 0; k < count; ++k) out[k] = st->n(st->rng);
  });
}

Sequence gaussian_input(int64_t steps, int64_t batch, int64_t width, uint64_t seed, float scale) {
  return gaussian_source(steps, batch, width, seed, scale).rest();
}

InputSource token_source(int64_t steps, int64_t batch, int64_t vocab, uint64_t seed) {
  struct State {
    std::mt19937_64 rng;
    std::uniform_int_distribution<int64_t> id;
  };
  auto st = std::make_shared<State>(State{std::mt19937_64(seed), std::uniform_int_distribution<int64_t>(0, vocab - 1)});
  return InputSource::drawn(steps, batch, 1, [st](float* out, size_t count) {
    for (size_t k = 0; k < count; ++k) out[k] = static_cast<float>(st->id(st->rng));
  });
}

Sequence spike_input(int64_t steps, int64_t batch, int64_t width, uint64_t seed, double rate) {
  std::mt19937_64 rng(seed);
  std::bernoulli_distribution b(rate);
  Sequence s(steps, batch, width);
  for (float& v : s.data) v = b(rng) ? 1.0f : 0.0f;
  return s;
}

}  // namespace evsim
