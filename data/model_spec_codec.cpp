#include "data/model_spec_codec.hpp"

#include "core/error.hpp"
#include "data/isolated.hpp"

namespace evsim {
namespace {

void put_array(ByteWriter& w, const Array& a) {
  w.u64(static_cast<uint64_t>(a.kind));
  w.u64(a.shape.size());
  for (int64_t d : a.shape) w.u64(static_cast<uint64_t>(d));
  w.u64(a.f.size());
  w.bytes(a.f.data(), a.f.size() * sizeof(float));
  w.u64(a.i.size());
  w.bytes(a.i.data(), a.i.size() * sizeof(int64_t));
  w.u64(a.s.size());
  for (const auto& s : a.s) w.str(s);
}

// Counts are bounded by what is left in the message, so a bad count cannot allocate much.
uint64_t count(ByteReader& r, size_t element) {
  const uint64_t n = r.u64();
  if (element && n > r.left() / element) throw Error("corrupt message from the reader process");
  return n;
}

Array get_array(ByteReader& r) {
  Array a;
  const uint64_t kind = r.u64();
  if (kind > 2) throw Error("corrupt message from the reader process");
  a.kind = static_cast<Array::Kind>(kind);
  a.shape.resize(count(r, 8));
  for (auto& d : a.shape) d = static_cast<int64_t>(r.u64());
  a.f.resize(count(r, sizeof(float)));
  r.bytes(a.f.data(), a.f.size() * sizeof(float));
  a.i.resize(count(r, sizeof(int64_t)));
  r.bytes(a.i.data(), a.i.size() * sizeof(int64_t));
  a.s.resize(count(r, 8));
  for (auto& s : a.s) s = r.str();
  return a;
}

}  // namespace

std::string encode_spec(const ModelSpec& spec) {
  ByteWriter w;
  w.str(spec.version);
  w.str(spec.source);
  w.u64(spec.graph.nodes.size());
  for (const NodeSpec& n : spec.graph.nodes) {
    w.str(n.name);
    w.str(n.type);
    w.u64(n.params.size());
    for (const auto& [key, a] : n.params) {
      w.str(key);
      put_array(w, a);
    }
  }
  w.u64(spec.graph.edges.size());
  for (const auto& [src, dst] : spec.graph.edges) {
    w.str(src);
    w.str(dst);
  }
  const ModelMeta& m = spec.meta;
  w.str(m.model);
  w.f64(m.dt);
  w.u64(m.vocab.size());
  for (const auto& v : m.vocab) w.str(v);
  w.u64(m.metrics.size());
  for (const auto& [k, v] : m.metrics) {
    w.str(k);
    w.f64(v);
  }
  w.str(m.pruning_method);
  w.f64(m.pruning_level);
  return w.take();
}

ModelSpec decode_spec(const std::string& bytes) {
  ByteReader r(bytes);
  ModelSpec spec;
  spec.version = r.str();
  spec.source = r.str();
  spec.graph.nodes.resize(count(r, 16));
  for (NodeSpec& n : spec.graph.nodes) {
    n.name = r.str();
    n.type = r.str();
    const uint64_t params = count(r, 16);
    for (uint64_t k = 0; k < params; ++k) {
      std::string key = r.str();
      n.params[key] = get_array(r);
    }
  }
  spec.graph.edges.resize(count(r, 16));
  for (auto& [src, dst] : spec.graph.edges) {
    src = r.str();
    dst = r.str();
  }
  ModelMeta& m = spec.meta;
  m.model = r.str();
  m.dt = r.f64();
  m.vocab.resize(count(r, 8));
  for (auto& v : m.vocab) v = r.str();
  const uint64_t metrics = count(r, 16);
  for (uint64_t k = 0; k < metrics; ++k) {
    std::string key = r.str();
    m.metrics[key] = r.f64();
  }
  m.pruning_method = r.str();
  m.pruning_level = r.f64();
  return spec;
}

std::string encode_sequence(const Sequence& s) {
  ByteWriter w;
  w.u64(static_cast<uint64_t>(s.steps));
  w.u64(static_cast<uint64_t>(s.batch));
  w.u64(static_cast<uint64_t>(s.width));
  w.bytes(s.data.data(), s.data.size() * sizeof(float));
  return w.take();
}

Sequence decode_sequence(const std::string& bytes) {
  ByteReader r(bytes);
  Sequence s;
  s.steps = static_cast<int64_t>(r.u64());
  s.batch = static_cast<int64_t>(r.u64());
  s.width = static_cast<int64_t>(r.u64());
  if (r.left() % sizeof(float) ||
      static_cast<double>(s.steps) * double(s.batch) * double(s.width) * 4.0 != static_cast<double>(r.left()))
    throw Error("corrupt message from the reader process");
  s.data.resize(r.left() / sizeof(float));
  r.bytes(s.data.data(), s.data.size() * sizeof(float));
  return s;
}

}  // namespace evsim
