#include "models/chunked_run.hpp"

#include <algorithm>
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

}  // namespace

RunResult run_in_chunks(Runner& runner, const Sequence& input, int chunks,
                        const std::function<void(const RunProgress&)>& progress, const ChunkSinks& sinks) {
  Stopwatch clock;
  const int64_t per = std::max<int64_t>(1, (input.steps + chunks - 1) / std::max(chunks, 1));
  const int64_t step_values = input.batch * input.width;
  Sequence output;
  double sink_s = 0.0;
  int64_t window = 0;  // the first step of the recording window the runner is filling
  runner.begin(input.batch);
  for (int64_t t0 = 0; t0 < input.steps; t0 += per) {
    const int64_t n = std::min(per, input.steps - t0);
    if (sinks.recording) {  // the previous chunk's recording out, this chunk's window open
      const std::vector<NodeRecording> done = runner.take_recording(n);
      if (t0 > 0) timed(sink_s, [&] { sinks.recording(done, window); });
      window = t0;
    }
    Sequence chunk(n, input.batch, input.width);
    std::memcpy(chunk.data.data(), input.data.data() + t0 * step_values,
                static_cast<size_t>(n * step_values) * sizeof(float));
    if (sinks.outputs == Outputs::Discard) {
      runner.step_without_outputs(chunk);
    } else if (sinks.outputs == Outputs::Sink) {
      const Sequence out = runner.step(chunk);
      timed(sink_s, [&] { sinks.output(t0, out); });
    } else {
      const Sequence out = runner.step(chunk);
      if (output.steps == 0) output = Sequence(input.steps, out.batch, out.width);
      std::memcpy(output.data.data() + t0 * out.batch * out.width, out.data.data(), out.data.size() * sizeof(float));
    }
    progress({t0 + n, input.steps, clock.seconds()});
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
