#pragma once
// A long run through the streaming interface (backends/runner.hpp) in chunks of steps, with a
// progress report after each: the same outputs and counts as one run() (the state carries over
// from chunk to chunk), and a user sees simulated time, rate and the time left.
#include <cstdint>
#include <functional>

#include "backends/runner.hpp"

namespace evsim {

struct RunProgress {
  int64_t steps_done = 0, steps = 0;
  double seconds = 0;  // since the run began
};

// chunks: how many pieces (>= 1); the output is assembled over them.
RunResult run_in_chunks(Runner& runner, const Sequence& input, int chunks,
                        const std::function<void(const RunProgress&)>& progress);

}  // namespace evsim
