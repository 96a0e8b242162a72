#include "network/model_loader.hpp"

#include <memory>

#include "data/checkpoint.hpp"

namespace evsim {

double resolve_dt(double requested, const ModelSpec& spec) {
  if (requested > 0.0) return requested;
  return spec.meta.dt > 0.0 ? spec.meta.dt : 1e-4;
}

Graph load_graph(const std::string& path, double dt_option) {
  auto spec = std::make_shared<const ModelSpec>(read_checkpoint(path));
  return build_graph(spec, resolve_dt(dt_option, *spec));
}

}  // namespace evsim
