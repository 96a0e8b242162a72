#pragma once
// The run's seed (`--seed`), for the nodes that draw from it (Poisson sources: network/
// source_op.hpp). Process-wide, like the thread count; 1 (`--seed`'s default) until set.
#include <cstdint>

namespace evsim {

uint64_t run_seed();
void set_run_seed(uint64_t seed);

// A counter-based draw: the same (seed, stream, step, sample, unit) gives the same uniform in
// [0, 1) on any backend and thread count (splitmix64 over the counters, 24 bits kept).
// constexpr: the CUDA backend calls the same functions on the device (--expt-relaxed-constexpr).
constexpr uint64_t mix64(uint64_t x) {
  x += 0x9E3779B97F4A7C15ull;
  x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ull;
  x = (x ^ (x >> 27)) * 0x94D049BB133111EBull;
  return x ^ (x >> 31);
}
constexpr uint64_t draw_key(uint64_t seed, uint64_t stream, uint64_t step, uint64_t sample) {
  return mix64(mix64(mix64(seed ^ mix64(stream)) ^ step) ^ sample);
}
constexpr float uniform_at(uint64_t key, uint64_t unit) {
  return static_cast<float>(mix64(key ^ unit) >> 40) * 0x1p-24f;
}

}  // namespace evsim
