#include "backends/backend.hpp"
#include "backends/cpu_dense_backend.hpp"
#include "backends/cpu_event_backend.hpp"
#include "core/error.hpp"

namespace evsim {

std::string mode_name(Mode m) { return m == Mode::Dense ? "dense" : "event"; }

Mode parse_mode(const std::string& s) {
  if (s == "dense") return Mode::Dense;
  if (s == "event") return Mode::Event;
  throw UsageError("unknown mode '" + s + "' (expected dense or event)");
}

std::unique_ptr<Backend> make_backend(const std::string& name, Mode mode) {
  if (name == "cpu") {
    if (mode == Mode::Dense) return std::make_unique<CpuDenseBackend>();
    return std::make_unique<CpuEventBackend>();
  }
  if (name == "cuda") throw UsageError("backend 'cuda' runs whole sequences: use it through evsim run/compare/bench");
  throw UsageError("unknown backend '" + name + "' (expected cpu)");
}

}  // namespace evsim
