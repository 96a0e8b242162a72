#include "core/error.hpp"
#include "data/atomic_file.hpp"
#include "data/checkpoint.hpp"
#include "data/h5.hpp"

namespace evsim {
namespace {

void write_graph(hid_t file, const GraphSpec& g) {
  h5::Id root = h5::create_group(file, "node");
  h5::write(root.get(), "type", Array::text("NIRGraph"));
  h5::Id nodes = h5::create_group(root.get(), "nodes");
  for (const auto& n : g.nodes) {
    h5::Id ng = h5::create_group(nodes.get(), n.name);
    h5::write(ng.get(), "type", Array::text(n.type));
    h5::Id sub;  // a parameter group (sparse `weight/...`), keys in order so its parts are adjacent
    std::string sub_name;
    for (const auto& [key, value] : n.params) {
      const auto slash = key.find('/');
      if (slash == std::string::npos) {
        h5::write(ng.get(), key, value);
        continue;
      }
      if (key.substr(0, slash) != sub_name) {
        sub_name = key.substr(0, slash);
        sub = h5::create_group(ng.get(), sub_name);
      }
      h5::write(sub.get(), key.substr(slash + 1), value);
    }
  }
  Array edges;
  edges.kind = Array::Kind::String;
  edges.shape = {static_cast<int64_t>(g.edges.size()), 2};
  for (const auto& [s, d] : g.edges) {
    edges.s.push_back(s);
    edges.s.push_back(d);
  }
  h5::write(root.get(), "edges", edges);
}

void write_meta(hid_t file, const ModelMeta& m) {
  h5::Id g = h5::create_group(file, "evsim");
  h5::write_attr(g.get(), "format_version", Array::integer(1));
  h5::write_attr(g.get(), "model", Array::text(m.model));
  if (m.dt > 0) h5::write_double(g.get(), "dt", m.dt, true);
  if (!m.vocab.empty()) h5::write_string_list(g.get(), "vocab", m.vocab);
  h5::Id metrics = h5::create_group(g.get(), "metrics");
  for (const auto& [k, v] : m.metrics) h5::write_double(metrics.get(), k, v, false);
  h5::Id pruning = h5::create_group(g.get(), "pruning");
  h5::write_attr(pruning.get(), "method", Array::text(m.pruning_method.empty() ? "none" : m.pruning_method));
  h5::write_double(pruning.get(), "level", m.pruning_level, true);
}

}  // namespace

void write_checkpoint(const ModelSpec& spec, const std::string& path) {
  AtomicFile out(path);
  try {
    {
      h5::Id file = h5::create_file(out.temp_path());
      h5::write(file.get(), "version", Array::text(spec.version));
      write_graph(file.get(), spec.graph);
      write_meta(file.get(), spec.meta);
      h5::close_file(file);
    }
    out.commit();
  } catch (const Error& e) {
    throw Error(path + ": " + e.what());
  }
}

}  // namespace evsim
