#include "data/model_spec.hpp"

namespace evsim {

Array Array::floats(Shape shape, std::vector<float> v) {
  Array a;
  a.kind = Kind::Float;
  a.shape = std::move(shape);
  a.f = std::move(v);
  return a;
}

Array Array::ints(Shape shape, std::vector<int64_t> v) {
  Array a;
  a.kind = Kind::Int;
  a.shape = std::move(shape);
  a.i = std::move(v);
  return a;
}

Array Array::text(std::string v) {
  Array a;
  a.kind = Kind::String;
  a.s = {std::move(v)};
  return a;
}

const char* kind_name(Array::Kind k) {
  switch (k) {
    case Array::Kind::Float:
      return "float";
    case Array::Kind::Int:
      return "integer";
    case Array::Kind::String:
      return "string";
  }
  return "?";
}

const Array* NodeSpec::find(const std::string& key) const {
  auto it = params.find(key);
  return it == params.end() ? nullptr : &it->second;
}

const NodeSpec* GraphSpec::find(const std::string& name) const {
  for (const auto& n : nodes)
    if (n.name == name) return &n;
  return nullptr;
}

NodeSpec& GraphSpec::add(std::string name, std::string type) {
  nodes.push_back(NodeSpec{std::move(name), std::move(type), {}});
  return nodes.back();
}

}  // namespace evsim
