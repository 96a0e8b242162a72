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

// Each chunk's outputs (T0 = its first step), as they come.
using OutputSink = std::function<void(int64_t t0, const Sequence& chunk)>;

// What becomes of the outputs: assembled into RunResult::output, handed to a sink chunk by
// chunk (memory does not grow with the run), or not formed at all (a run for its counts).
enum class Outputs { Assemble, Sink, Discard };

// chunks: how many pieces (>= 1).
RunResult run_in_chunks(Runner& runner, const Sequence& input, int chunks,
                        const std::function<void(const RunProgress&)>& progress, Outputs outputs = Outputs::Assemble,
                        const OutputSink& sink = {});

}  // namespace evsim
