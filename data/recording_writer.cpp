#include "data/recording_writer.hpp"

#include <algorithm>

#include "data/atomic_file.hpp"
#include "data/h5.hpp"

namespace evsim {
namespace {

void write_spikes(hid_t obs, const NodeRecording& rec, double dt) {
  h5::Id g = h5::create_group(obs, "spikes");
  const bool binary = std::all_of(rec.spikes.begin(), rec.spikes.end(), [](const Event& e) { return e.value == 1.0f; });
  h5::write_attr(g.get(), "__type__", Array::text(binary ? "EventData" : "ValuedEventData"));
  h5::write_attr(g.get(), "n_neurons", Array::integer(rec.v.width));
  h5::write_double(g.get(), "t_max", static_cast<double>(rec.v.steps) * dt, true);
  const auto n = static_cast<int64_t>(rec.spikes.size());
  std::vector<int64_t> idx, batch;
  std::vector<float> value;
  Array time = Array::floats({n}, {});
  for (const Event& e : rec.spikes) {
    idx.push_back(e.source);
    batch.push_back(e.batch);
    value.push_back(e.value);
    time.f.push_back(static_cast<float>(static_cast<double>(e.step) * dt));
  }
  h5::write(g.get(), "idx", Array::ints({n}, idx));
  h5::write(g.get(), "time", time);
  h5::write(g.get(), "batch", Array::ints({n}, batch));
  if (!binary) h5::write(g.get(), "value", Array::floats({n}, value));
}

}  // namespace

void write_recording(const std::string& path, const RunResult& result, double dt) {
  AtomicFile out(path);
  {
    h5::Id file = h5::create_file(out.temp_path());
    h5::write_attr(file.get(), "__type__", Array::text("NIRGraphData"));
    h5::Id nodes = h5::create_group(file.get(), "nodes");
    for (const NodeRecording& rec : result.recording) {
      h5::Id node = h5::create_group(nodes.get(), rec.name);
      h5::Id obs = h5::create_group(node.get(), "observables");
      write_spikes(obs.get(), rec, dt);
      if (rec.v.data.empty()) continue;  // spikes only
      h5::Id v = h5::create_group(obs.get(), "v");
      h5::write_attr(v.get(), "__type__", Array::text("TimeGriddedData"));
      h5::write_double(v.get(), "dt", dt, true);
      h5::write(v.get(), "data", Array::floats({rec.v.steps, rec.v.batch, rec.v.width}, rec.v.data));
    }
  }
  out.commit();
}

}  // namespace evsim
