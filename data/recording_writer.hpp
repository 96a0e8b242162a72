#pragma once
// `evsim run --record`: per neuron node, observables in NIR's data layout (NIRGraphData):
// `spikes` as EventData / ValuedEventData (idx, time, [value], batch) and `v` as
// TimeGriddedData (data: T x B x N, attribute dt). A long run writes them window by window
// (RecordingStream) as it goes, so memory does not grow with its length; the file appears
// under its name only at commit() (data/atomic_file.hpp).
#include <memory>
#include <string>
#include <vector>

#include "core/run_result.hpp"

namespace evsim {

class RecordingStream {
 public:
  // steps: the whole run's; dt: seconds per step.
  RecordingStream(const std::string& path, int64_t steps, double dt);
  ~RecordingStream();
  RecordingStream(const RecordingStream&) = delete;
  RecordingStream& operator=(const RecordingStream&) = delete;
  // A window of the run: spikes carry their own steps; state traces start at step t0.
  void write(const std::vector<NodeRecording>& window, int64_t t0);
  void commit();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// A whole run's recording (RunResult::recording) at once.
void write_recording(const std::string& path, const RunResult& result, double dt);

}  // namespace evsim
