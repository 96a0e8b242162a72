#include "models/chunked_run.hpp"

#include <algorithm>
#include <cmath>
#include <cstring>

#include "core/timer.hpp"

namespace evsim {

namespace {

// Runs f, adding its time to `total`.
template <class F>
void timed(double& total, F f) {
  Stopwatch clock;
  f();
  total += clock.seconds();
}

// The next chunk's steps: at most steps / chunks and the steps left; the first at most
// plan.first and each later one at most twice the one before (a network's first steps can run
// several times faster than the rest: a Brunel network is silent until its first spikes, and
// its second chunk, sized by the first's rate, took 8 s instead of 2); and what plan.seconds
// took at the rate so far.
int64_t chunk_steps(const ChunkPlan& plan, int64_t steps, int64_t done, double seconds, int64_t last) {
  int64_t n = std::max<int64_t>(1, (steps + plan.chunks - 1) / std::max(plan.chunks, 1));
  if (plan.first > 0) n = std::min(n, done == 0 ? plan.first : 2 * last);
  if (done > 0 && plan.seconds > 0 && seconds > 0) {
    // A power of two: chunk lengths stay few (the GPU runner builds an engine per length).
    const double fit = std::clamp(plan.seconds * static_cast<double>(done) / seconds, 1.0, static_cast<double>(n));
    n = int64_t{1} << static_cast<int>(std::floor(std::log2(fit)));
  }
  return std::min(n, steps - done);
}

}  // namespace

RunResult run_in_chunks(Runner& runner, InputSource& input, const ChunkPlan& plan,
                        const std::function<void(const RunProgress&)>& progress, const ChunkSinks& sinks) {
  Stopwatch clock;
  Sequence output;
  double sink_s = 0.0;
  int64_t window = 0;  // the first step of the recording window the runner is filling
  runner.begin(input.batch());
  for (int64_t t0 = 0, n = 0; t0 < input.steps();) {
    n = chunk_steps(plan, input.steps(), t0, clock.seconds(), n);  // with the sinks: progress comes as often
    if (sinks.recording) {  // the previous chunk's recording out, this chunk's window open
      const std::vector<NodeRecording> done = runner.take_recording(n);
      if (t0 > 0) timed(sink_s, [&] { sinks.recording(done, window); });
      window = t0;
    }
    const Sequence chunk = input.next(n);
    if (sinks.outputs == Outputs::Discard) {
      runner.step_without_outputs(chunk);
    } else if (sinks.outputs == Outputs::Sink) {
      const Sequence out = runner.step(chunk);
      timed(sink_s, [&] { sinks.output(t0, out); });
    } else {
      const Sequence out = runner.step(chunk);
      if (output.steps == 0) output = Sequence(input.steps(), out.batch, out.width);
      std::memcpy(output.data.data() + t0 * out.batch * out.width, out.data.data(), out.data.size() * sizeof(float));
    }
    t0 += n;
    progress({t0, input.steps(), clock.seconds()});
  }
  if (sinks.recording) {
    const std::vector<NodeRecording> done = runner.take_recording(0);
    timed(sink_s, [&] { sinks.recording(done, window); });
  }
  RunResult r = runner.finish();
  r.output = std::move(output);
  r.wall_s = clock.seconds() - sink_s;
  return r;
}

}  // namespace evsim
