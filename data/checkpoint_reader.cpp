#include <map>
#include <set>

#include "core/error.hpp"
#include "data/checkpoint.hpp"
#include "data/file_policy.hpp"
#include "data/h5.hpp"
#include "data/isolated.hpp"
#include "data/model_spec_codec.hpp"
#include "data/schema.hpp"

namespace evsim {
namespace {

std::string read_type(hid_t group, const std::string& node) {
  if (!h5::exists(group, "type")) throw CheckpointError("node '" + node + "': dataset 'type' missing");
  Array t = h5::read(group, "type");
  if (t.kind != Array::Kind::String || t.s.size() != 1)
    throw CheckpointError("node '" + node + "' dataset 'type': expected a string");
  return t.s[0];
}

// A node, dataset or group reached through a soft or external link: soft links can loop back
// to an ancestor, external ones read another file (`../../..` paths included). Checkpoints
// written by evsim and NIR use hard links only.
void require_hard_link(hid_t loc, const std::string& name, const std::string& what) {
  const std::string kind = h5::link_kind(loc, name);
  if (kind != "hard" && kind != "missing")
    throw CheckpointError(what + ": is a " + kind + " link; evsim reads hard links only (no loops, no other files)");
}

constexpr int kMaxDepth = 32;          // subgraphs nested deeper than any real model
constexpr size_t kMaxNodes = 1000000;  // nodes in a checkpoint

struct GraphReader {
  GraphSpec& out;
  std::set<std::string> open_groups;  // object keys of the graph groups being read (a loop revisits one)
  int depth = 0;

  // Reads graph group `g` whose nodes get `prefix`; returns the flattened names of its
  // Input and Output nodes so that edges naming a subgraph can be redirected.
  std::pair<std::vector<std::string>, std::vector<std::string>> read(hid_t g, const std::string& prefix,
                                                                     const std::string& label) {
    require_hard_link(g, "nodes", label + " group 'nodes'");
    if (!h5::is_group(g, "nodes")) throw CheckpointError(label + ": group 'nodes' missing");
    if (++depth > kMaxDepth)
      throw CheckpointError(label + ": subgraphs nested deeper than " + std::to_string(kMaxDepth));
    if (!open_groups.insert(h5::object_key(g)).second)
      throw CheckpointError(label + ": contains itself (a hard-link loop)");
    h5::Id nodes = h5::open_group(g, "nodes");
    std::map<std::string, std::pair<std::string, std::string>> sub_io;  // subgraph -> (in, out)
    std::vector<std::string> inputs, outputs;
    for (const auto& name : h5::children(nodes.get())) {
      const std::string full = prefix + name;
      require_hard_link(nodes.get(), name, "node '" + full + "'");
      if (out.nodes.size() >= kMaxNodes)
        throw CheckpointError(label + ": more than " + std::to_string(kMaxNodes) + " nodes");
      if (!h5::is_group(nodes.get(), name))
        throw CheckpointError("node '" + full + "': expected a group under 'nodes'");
      h5::Id ng = h5::open_group(nodes.get(), name);
      const std::vector<std::string> keys = h5::children(ng.get());
      for (const auto& key : keys) require_hard_link(ng.get(), key, "node '" + full + "' dataset '" + key + "'");
      const std::string type = read_type(ng.get(), full);
      if (type == "NIRGraph") {
        auto [in, outn] = read(ng.get(), full + ".", "subgraph '" + full + "'");
        sub_io[name] = {in.size() == 1 ? in[0] : "", outn.size() == 1 ? outn[0] : ""};
        continue;
      }
      NodeSpec spec{full, type, {}};
      auto read_param = [&](hid_t where, const std::string& dataset, const std::string& key) {
        try {
          spec.params[key] = h5::read(where, dataset);
        } catch (const CheckpointError&) {
          throw;
        } catch (const Error& e) {
          throw CheckpointError("node '" + full + "' dataset '" + key + "': " + e.what());
        }
      };
      for (const auto& key : keys) {
        if (key == "type") continue;
        if (!h5::is_group(ng.get(), key)) {
          read_param(ng.get(), key, key);
        } else if (key == "weight") {  // sparse connectivity: weight/format, weight/indptr, ...
          h5::Id wg = h5::open_group(ng.get(), key);
          for (const auto& part : h5::children(wg.get())) {
            require_hard_link(wg.get(), part, "node '" + full + "' dataset 'weight/" + part + "'");
            if (!h5::is_group(wg.get(), part)) read_param(wg.get(), part, key + "/" + part);
          }
        }
      }
      validate_node(spec);
      if (type == "Input") inputs.push_back(full);
      if (type == "Output") outputs.push_back(full);
      // Inside a subgraph, Input/Output are ports: values pass through unchanged.
      if (!prefix.empty() && (type == "Input" || type == "Output")) spec.type = "Identity";
      out.nodes.push_back(std::move(spec));
    }
    read_edges(g, prefix, label, sub_io);
    open_groups.erase(h5::object_key(g));
    --depth;
    return {inputs, outputs};
  }

  void read_edges(hid_t g, const std::string& prefix, const std::string& label,
                  const std::map<std::string, std::pair<std::string, std::string>>& sub_io) {
    require_hard_link(g, "edges", label + " dataset 'edges'");
    if (!h5::exists(g, "edges")) throw CheckpointError(label + ": dataset 'edges' missing");
    Array e = h5::read(g, "edges");
    if (e.size() == 0) return;
    if (e.kind != Array::Kind::String || e.rank() != 2 || e.shape[1] != 2)
      throw CheckpointError(label + " dataset 'edges': expected (E, 2) strings, got " + std::string(kind_name(e.kind)) +
                            " " + shape_str(e.shape));
    for (int64_t k = 0; k < e.shape[0]; ++k) {
      auto resolve = [&](const std::string& n, bool is_src) {
        auto it = sub_io.find(n);
        if (it == sub_io.end()) return prefix + n;
        const std::string& port = is_src ? it->second.second : it->second.first;
        if (port.empty())
          throw CheckpointError(label + " edge " + std::to_string(k) + ": subgraph '" + n + "' must have exactly one " +
                                (is_src ? "Output" : "Input"));
        return port;
      };
      out.edges.emplace_back(resolve(e.s[static_cast<size_t>(2 * k)], true),
                             resolve(e.s[static_cast<size_t>(2 * k + 1)], false));
    }
  }
};

void check_edges(const GraphSpec& g) {
  for (size_t k = 0; k < g.edges.size(); ++k) {
    const auto& [src, dst] = g.edges[k];
    const std::string edge = "edge " + std::to_string(k) + " ('" + src + "' -> '" + dst + "')";
    for (const auto& end : {src, dst})
      if (!g.find(end)) throw CheckpointError(edge + ": no node named '" + end + "' (dangling edge)");
  }
}

ModelMeta read_meta(hid_t file) {
  ModelMeta meta;
  require_hard_link(file, "evsim", "group 'evsim'");
  if (!h5::is_group(file, "evsim")) return meta;
  h5::Id g = h5::open_group(file, "evsim");
  auto str_attr = [&](const char* name, std::string& dst) {
    if (!h5::has_attr(g.get(), name)) return;
    Array a = h5::read_attr(g.get(), name);
    if (a.kind != Array::Kind::String || a.s.size() != 1)
      throw CheckpointError(std::string("group 'evsim' attribute '") + name + "': expected a string");
    dst = a.s[0];
  };
  str_attr("model", meta.model);
  if (h5::has_attr(g.get(), "dt")) {
    meta.dt = h5::read_double(g.get(), "dt", true);
    if (!(meta.dt > 0 && meta.dt <= 1e3))  // also NaN and Inf
      throw CheckpointError("group 'evsim' attribute 'dt': expected seconds per step in (0, 1000], got " +
                            std::to_string(meta.dt));
  }
  if (h5::exists(g.get(), "vocab")) {
    Array v = h5::read(g.get(), "vocab");
    if (v.kind != Array::Kind::String || v.rank() != 1)
      throw CheckpointError("group 'evsim' dataset 'vocab': expected a 1-D string array");
    meta.vocab = v.s;
  }
  if (h5::is_group(g.get(), "metrics")) {
    h5::Id m = h5::open_group(g.get(), "metrics");
    for (const auto& k : h5::children(m.get())) meta.metrics[k] = h5::read_double(m.get(), k, false);
  }
  if (h5::is_group(g.get(), "pruning")) {
    h5::Id p = h5::open_group(g.get(), "pruning");
    if (h5::has_attr(p.get(), "method")) {
      Array a = h5::read_attr(p.get(), "method");
      if (a.kind == Array::Kind::String && a.s.size() == 1) meta.pruning_method = a.s[0];
    }
    if (h5::has_attr(p.get(), "level")) meta.pruning_level = h5::read_double(p.get(), "level", true);
  }
  return meta;
}

}  // namespace

namespace {

ModelSpec read_file(hid_t file, const std::string& label) {
  ModelSpec spec;
  spec.source = label;
  require_hard_link(file, "version", "dataset 'version'");
  if (h5::exists(file, "version")) {
    Array v = h5::read(file, "version");
    if (v.kind == Array::Kind::String && v.s.size() == 1) spec.version = v.s[0];
  }
  require_hard_link(file, "node", "group 'node'");
  if (!h5::is_group(file, "node")) throw CheckpointError("group 'node' missing (not a NIR graph)");
  h5::Id root = h5::open_group(file, "node");
  if (h5::exists(root.get(), "type")) {
    const std::string t = read_type(root.get(), "node");
    if (t != "NIRGraph") throw CheckpointError("root node has type '" + t + "', expected 'NIRGraph'");
  }
  GraphReader reader{spec.graph, {}, 0};
  reader.read(root.get(), "", "graph 'node'");
  check_edges(spec.graph);
  spec.meta = read_meta(file);
  return spec;
}

}  // namespace

ModelSpec read_checkpoint_in_process(const std::string& path) {
  try {
    h5::Id file = h5::open_file(path);
    return read_file(file.get(), path);
  } catch (const Error& e) {
    throw CheckpointError(path + ": " + e.what());
  }
}

ModelSpec read_checkpoint(const std::string& path) {
  const std::string problem = input_file_problem(path);
  if (!problem.empty()) throw CheckpointError(path + ": " + problem);
  register_input(path);  // here, in this process: the child's registry would be lost
  return decode_spec(run_isolated([&] { return encode_spec(read_checkpoint_in_process(path)); }, path));
}

ModelSpec read_checkpoint_image(const void* data, size_t size, const std::string& label) {
  return decode_spec(
      run_isolated([&] { return encode_spec(read_checkpoint_image_in_process(data, size, label)); }, label));
}

ModelSpec read_checkpoint_image_in_process(const void* data, size_t size, const std::string& label) {
  try {
    h5::Id file = h5::open_image(data, size);
    return read_file(file.get(), label);
  } catch (const Error& e) {
    throw CheckpointError(label + ": " + e.what());
  }
}

}  // namespace evsim
