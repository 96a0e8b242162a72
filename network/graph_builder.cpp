#include <algorithm>
#include <functional>
#include <map>
#include <queue>
#include <set>

#include "core/error.hpp"
#include "core/memory_budget.hpp"
#include "network/graph.hpp"
#include "network/node_factory.hpp"

namespace evsim {
namespace {

// Back edges close cycles: found by depth-first search from the Input, following edges in
// file order. An edge to a node still on the DFS stack is a back edge and carries the
// previous step's value (NIR: cycles are delayed by one step).
std::vector<bool> find_back_edges(const GraphSpec& g, const std::map<std::string, int>& index, int start) {
  const size_t n = g.nodes.size();
  std::vector<std::vector<size_t>> out(n);
  for (size_t e = 0; e < g.edges.size(); ++e) out[static_cast<size_t>(index.at(g.edges[e].first))].push_back(e);
  std::vector<int> state(n, 0);  // 0 new, 1 on stack, 2 done
  std::vector<bool> back(g.edges.size(), false);
  std::function<void(size_t)> dfs = [&](size_t v) {
    state[v] = 1;
    for (size_t e : out[v]) {
      const auto w = static_cast<size_t>(index.at(g.edges[e].second));
      if (state[w] == 1) {
        back[e] = true;
      } else if (state[w] == 0) {
        dfs(w);
      }
    }
    state[v] = 2;
  };
  dfs(static_cast<size_t>(start));
  for (size_t v = 0; v < n; ++v)
    if (state[v] == 0) dfs(v);
  return back;
}

std::vector<int> topological_order(const Graph& g) {
  std::vector<int> indegree(g.nodes.size(), 0);
  std::vector<std::vector<int>> succ(g.nodes.size());
  for (size_t v = 0; v < g.nodes.size(); ++v) {
    for (const InEdge& e : g.nodes[v].inputs) {
      if (e.back) continue;
      ++indegree[v];
      succ[static_cast<size_t>(e.source)].push_back(static_cast<int>(v));
    }
  }
  std::queue<int> ready;
  ready.push(g.input);
  for (size_t v = 0; v < g.nodes.size(); ++v)
    if (indegree[v] == 0 && static_cast<int>(v) != g.input) ready.push(static_cast<int>(v));
  std::vector<int> order;
  while (!ready.empty()) {
    const int v = ready.front();
    ready.pop();
    order.push_back(v);
    for (int w : succ[static_cast<size_t>(v)])
      if (--indegree[static_cast<size_t>(w)] == 0) ready.push(w);
  }
  return order;
}

int unique_of_type(const GraphSpec& g, const std::string& type) {
  int found = -1;
  for (size_t k = 0; k < g.nodes.size(); ++k) {
    if (g.nodes[k].type != type) continue;
    if (found >= 0)
      throw CheckpointError("graph has more than one " + type + " node ('" + g.nodes[static_cast<size_t>(found)].name +
                            "', '" + g.nodes[k].name + "'); evsim runs single-input, single-output graphs");
    found = static_cast<int>(k);
  }
  if (found < 0) throw CheckpointError("graph has no " + type + " node");
  return found;
}

Shape input_shape(const NodeSpec& n) {
  const Array* s = n.find("shape");
  std::vector<int64_t> dims = s->kind == Array::Kind::Int ? s->i : std::vector<int64_t>();
  int64_t units = 0;
  if (dims.empty() || std::any_of(dims.begin(), dims.end(), [](int64_t d) { return d < 1; }))
    throw CheckpointError("node '" + n.name + "' (Input) dataset 'shape': expected positive sizes");
  if (!bounded_product(dims, int64_t(1) << 31, units))
    throw CheckpointError("node '" + n.name + "' (Input) dataset 'shape': more than 2^31 units per sample");
  return Shape(dims.begin(), dims.end());
}

void build_nodes(const ModelSpec& spec, Graph& g, double dt) {
  for (int v : g.order) {
    GraphNode& node = g.nodes[static_cast<size_t>(v)];
    if (v == g.input) continue;
    for (const InEdge& e : node.inputs) {
      if (e.back) continue;
      const GraphNode& src = g.nodes[static_cast<size_t>(e.source)];
      if (node.in_shape.empty()) {
        node.in_shape = src.shape;
      } else if (shape_size(node.in_shape) != src.size()) {
        throw CheckpointError("node '" + node.name + "': in-edges carry different sizes (" + shape_str(node.in_shape) +
                              " vs " + shape_str(src.shape) + " from '" + src.name + "')");
      }
    }
    BuiltNode built = make_node(spec.graph.nodes[static_cast<size_t>(v)], node.in_shape, dt);
    node.op = std::move(built.op);
    node.shape = std::move(built.shape);
    if (node.in_shape.empty()) node.in_shape = built.in_shape.empty() ? node.shape : built.in_shape;
  }
}

void check_edge_sizes(const Graph& g) {
  for (const GraphNode& node : g.nodes) {
    if (!node.op) continue;
    const int64_t want = consumed_size(*node.op, node.in_shape);
    for (const InEdge& e : node.inputs) {
      const GraphNode& src = g.nodes[static_cast<size_t>(e.source)];
      if (src.size() != want)
        throw CheckpointError("edge '" + src.name + "' -> '" + node.name + "': source has " +
                              std::to_string(src.size()) + " units, target expects " + std::to_string(want));
    }
  }
}

}  // namespace

int Graph::find(const std::string& name) const {
  for (size_t k = 0; k < nodes.size(); ++k)
    if (nodes[k].name == name) return static_cast<int>(k);
  return -1;
}

Graph build_graph(const ModelSpec& spec, double dt) { return build_graph(std::make_shared<const ModelSpec>(spec), dt); }

Graph build_graph(std::shared_ptr<const ModelSpec> spec_ptr, double dt) {
  const ModelSpec& spec = *spec_ptr;
  try {
    if (!(dt > 0.0)) throw UsageError("dt must be positive");
    Graph g;
    g.meta = spec.meta;
    g.source = spec.source;
    g.dt = dt;
    g.spec = spec_ptr;
    std::map<std::string, int> index;
    for (size_t k = 0; k < spec.graph.nodes.size(); ++k) {
      const NodeSpec& n = spec.graph.nodes[k];
      if (!index.emplace(n.name, static_cast<int>(k)).second)
        throw CheckpointError("duplicate node name '" + n.name + "'");
      g.nodes.push_back(GraphNode{n.name, n.type, {}, {}, nullptr, {}});
    }
    g.input = unique_of_type(spec.graph, "Input");
    g.output = unique_of_type(spec.graph, "Output");
    const auto back = find_back_edges(spec.graph, index, g.input);
    std::set<std::pair<std::string, std::string>> seen;
    for (size_t e = 0; e < spec.graph.edges.size(); ++e) {
      const auto& [src, dst] = spec.graph.edges[e];
      const std::string edge = "edge '" + src + "' -> '" + dst + "'";
      if (!index.count(src) || !index.count(dst)) throw CheckpointError(edge + " names a missing node (dangling edge)");
      if (dst == spec.graph.nodes[static_cast<size_t>(g.input)].name)
        throw CheckpointError(edge + " points into the Input node");
      if (src == spec.graph.nodes[static_cast<size_t>(g.output)].name)
        throw CheckpointError(edge + " leaves the Output node");
      if (!seen.emplace(src, dst).second)
        throw CheckpointError(edge + " appears twice (its values would be delivered twice)");
      if (src == dst && (spec.graph.nodes[static_cast<size_t>(index[src])].type == "Embedding" ||
                         spec.graph.nodes[static_cast<size_t>(index[src])].type == "Identity"))
        throw CheckpointError(edge + ": a node of type " + spec.graph.nodes[static_cast<size_t>(index[src])].type +
                              " cannot feed itself");
      g.nodes[static_cast<size_t>(index[dst])].inputs.push_back(InEdge{index[src], back[e]});
    }
    GraphNode& in = g.nodes[static_cast<size_t>(g.input)];
    in.shape = in.in_shape = input_shape(spec.graph.nodes[static_cast<size_t>(g.input)]);
    g.order = topological_order(g);
    build_nodes(spec, g, dt);
    if (g.nodes[static_cast<size_t>(g.output)].inputs.empty())
      throw CheckpointError("Output node '" + g.nodes[static_cast<size_t>(g.output)].name + "' has no in-edge");
    check_edge_sizes(g);
    for (const GraphNode& n : g.nodes)
      for (const InEdge& e : n.inputs)
        if (e.source == g.input && n.type == "Embedding") g.token_input = true;
    return g;
  } catch (const CheckpointError& e) {
    throw CheckpointError((spec.source.empty() ? std::string() : spec.source + ": ") + e.what());
  }
}

}  // namespace evsim
