#include "data/recording_writer.hpp"

#include <map>

#include "core/error.hpp"
#include "data/atomic_file.hpp"
#include "data/h5.hpp"

namespace evsim {
namespace {

// One node's observables. Spike values are written only once one is not 1 (binary spikes
// make EventData, without `value`); the ones before it are filled in then.
struct NodeFile {
  h5::Id spikes, idx, time, batch, value, v_group, v;
  int64_t count = 0;
  bool valued = false;
};

std::vector<float> ones(int64_t n) { return std::vector<float>(static_cast<size_t>(n), 1.0f); }

}  // namespace

struct RecordingStream::Impl {
  AtomicFile file;
  h5::Id h5file, nodes;
  int64_t steps;
  double dt;
  std::map<std::string, NodeFile> open;
  Impl(const std::string& path, int64_t t, double d) : file(path), steps(t), dt(d) {}

  NodeFile& node(const NodeRecording& rec) {
    auto it = open.find(rec.name);
    if (it != open.end()) return it->second;
    NodeFile& f = open[rec.name];
    h5::Id group = h5::create_group(nodes.get(), rec.name);
    h5::Id obs = h5::create_group(group.get(), "observables");
    if (rec.spikes_recorded) {
      f.spikes = h5::create_group(obs.get(), "spikes");
      h5::write_attr(f.spikes.get(), "n_neurons", Array::integer(rec.v.width));
      h5::write_double(f.spikes.get(), "t_max", static_cast<double>(steps) * dt, true);
      f.idx = h5::create_appendable(f.spikes.get(), "idx", true);
      f.time = h5::create_appendable(f.spikes.get(), "time", false);
      f.batch = h5::create_appendable(f.spikes.get(), "batch", true);
    }
    if (!rec.v.data.empty()) {
      f.v_group = h5::create_group(obs.get(), "v");
      h5::write_attr(f.v_group.get(), "__type__", Array::text("TimeGriddedData"));
      h5::write_double(f.v_group.get(), "dt", dt, true);
      f.v = h5::create_float_rows(f.v_group.get(), "data", {steps, rec.v.batch, rec.v.width});
    }
    return f;
  }

  void spikes(NodeFile& f, const std::vector<Event>& events) {
    const auto n = static_cast<int64_t>(events.size());
    std::vector<int64_t> idx, batch;
    std::vector<float> time, value;
    idx.reserve(events.size());
    for (const Event& e : events) {
      idx.push_back(e.source);
      batch.push_back(e.batch);
      time.push_back(static_cast<float>(static_cast<double>(e.step) * dt));
      value.push_back(e.value);
      if (e.value != 1.0f && !f.valued) {
        f.valued = true;
        f.value = h5::create_appendable(f.spikes.get(), "value", false);
        h5::append(f.value.get(), ones(f.count).data(), f.count, false);
      }
    }
    h5::append(f.idx.get(), idx.data(), n, true);
    h5::append(f.time.get(), time.data(), n, false);
    h5::append(f.batch.get(), batch.data(), n, true);
    if (f.valued) h5::append(f.value.get(), value.data(), n, false);
    f.count += n;
  }
};

RecordingStream::RecordingStream(const std::string& path, int64_t steps, double dt)
    : impl_(std::make_unique<Impl>(path, steps, dt)) {
  impl_->h5file = h5::create_file(impl_->file.temp_path());
  h5::write_attr(impl_->h5file.get(), "__type__", Array::text("NIRGraphData"));
  impl_->nodes = h5::create_group(impl_->h5file.get(), "nodes");
}

RecordingStream::~RecordingStream() = default;

void RecordingStream::write(const std::vector<NodeRecording>& window, int64_t t0) {
  Impl& m = *impl_;
  for (const NodeRecording& rec : window) {
    NodeFile& f = m.node(rec);
    if (f.spikes) m.spikes(f, rec.spikes);
    if (!f.v) continue;  // spikes only
    if (rec.v.data.empty() || t0 + rec.v.steps > m.steps)
      throw Error("recording of node '" + rec.name + "': state window at step " + std::to_string(t0) +
                  " does not fit the run");
    h5::write_rows(f.v.get(), t0, rec.v.steps, rec.v.data.data());
  }
}

void RecordingStream::commit() {
  Impl& m = *impl_;
  for (auto& [name, f] : m.open)
    if (f.spikes) h5::write_attr(f.spikes.get(), "__type__", Array::text(f.valued ? "ValuedEventData" : "EventData"));
  m.open.clear();
  m.nodes.reset();
  try {
    h5::close_file(m.h5file);
  } catch (const Error& e) {
    throw InputError(m.file.final_path() + ": " + e.what());
  }
  m.file.commit();
}

void write_recording(const std::string& path, const RunResult& result, double dt) {
  RecordingStream s(path, result.recording.empty() ? 0 : result.recording.front().v.steps, dt);
  s.write(result.recording, 0);
  s.commit();
}

}  // namespace evsim
