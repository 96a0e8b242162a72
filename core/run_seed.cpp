#include "core/run_seed.hpp"

namespace evsim {
namespace {

uint64_t g_seed = 1;  // `--seed`'s default

}  // namespace

uint64_t run_seed() { return g_seed; }
void set_run_seed(uint64_t seed) { g_seed = seed; }

}  // namespace evsim
