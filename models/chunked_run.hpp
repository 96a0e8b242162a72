#pragma once
// A long run through the streaming interface (backends/runner.hpp) in chunks of steps, with a
// progress report after each: the same outputs and counts as one run() (the state carries over
// from chunk to chunk), and a user sees simulated time, rate and the time left.
#include <cstdint>
#include <functional>
#include <vector>

#include "backends/runner.hpp"
#include "models/input_source.hpp"

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

// How a run is cut. A chunk is at most steps / chunks; the first at most `first` steps, so that
// a rate is known early, and each later one at most twice the one before and about `seconds`
// long at the rate so far: progress comes every few seconds and a chunk's input, outputs and
// recording stay small however long the run (10^9 steps in 20 chunks gave no progress line for
// hours and held 4 GB of input).
struct ChunkPlan {
  int chunks = 20;
  int64_t first = 64;    // 0: no limit
  double seconds = 2.0;  // 0: no limit
};

// The sinks' time (writing files) is not counted in wall_s (it is in the rate chunks are sized by).
RunResult run_in_chunks(Runner& runner, InputSource& input, const ChunkPlan& plan,
                        const std::function<void(const RunProgress&)>& progress, const ChunkSinks& sinks = {});

}  // namespace evsim
