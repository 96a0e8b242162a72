#include "models/chunked_run.hpp"

#include <algorithm>
#include <cstring>

#include "core/timer.hpp"

namespace evsim {

RunResult run_in_chunks(Runner& runner, const Sequence& input, int chunks,
                        const std::function<void(const RunProgress&)>& progress, Outputs outputs,
                        const OutputSink& sink) {
  Stopwatch clock;
  const int64_t per = std::max<int64_t>(1, (input.steps + chunks - 1) / std::max(chunks, 1));
  const int64_t step_values = input.batch * input.width;
  Sequence output;
  double sink_s = 0.0;  // the sink's time (writing a file) is not the run's
  runner.begin(input.batch);
  for (int64_t t0 = 0; t0 < input.steps; t0 += per) {
    const int64_t n = std::min(per, input.steps - t0);
    Sequence chunk(n, input.batch, input.width);
    std::memcpy(chunk.data.data(), input.data.data() + t0 * step_values,
                static_cast<size_t>(n * step_values) * sizeof(float));
    if (outputs == Outputs::Discard) {
      runner.step_without_outputs(chunk);
      progress({t0 + n, input.steps, clock.seconds()});
      continue;
    }
    const Sequence out = runner.step(chunk);
    if (outputs == Outputs::Sink) {
      Stopwatch writing;
      sink(t0, out);
      sink_s += writing.seconds();
    } else {
      if (output.steps == 0) output = Sequence(input.steps, out.batch, out.width);
      std::memcpy(output.data.data() + t0 * out.batch * out.width, out.data.data(), out.data.size() * sizeof(float));
    }
    progress({t0 + n, input.steps, clock.seconds()});
  }
  RunResult r = runner.finish();
  r.output = std::move(output);
  r.wall_s = clock.seconds() - sink_s;
  return r;
}

}  // namespace evsim
