#pragma once
// A long run through the streaming interface (backends/runner.hpp) in chunks of steps, with a
// progress report after each: the same outputs and counts as one run() (the state carries over
// from chunk to chunk), and a user sees simulated time, rate and the time left.
#include <cstdint>
#include <functional>
#include <vector>

#include "backends/runner.hpp"

namespace evsim {

struct RunProgress {
  int64_t steps_done = 0, steps = 0;
  double seconds = 0;  // since the run began
};

// What becomes of the outputs: assembled into RunResult::output, handed to a sink chunk by
// chunk (memory does not grow with the run), or not formed at all (a run for its counts).
enum class Outputs { Assemble, Sink, Discard };

struct ChunkSinks {
  Outputs outputs = Outputs::Assemble;
  std::function<void(int64_t t0, const Sequence& chunk)> output;  // Outputs::Sink: each chunk's outputs
  // A recording runner's recordings, chunk by chunk (state traces starting at step t0).
  std::function<void(const std::vector<NodeRecording>& window, int64_t t0)> recording;
};

// chunks: how many pieces (>= 1). The sinks' time (writing files) is not counted in wall_s.
RunResult run_in_chunks(Runner& runner, const Sequence& input, int chunks,
                        const std::function<void(const RunProgress&)>& progress, const ChunkSinks& sinks = {});

}  // namespace evsim
