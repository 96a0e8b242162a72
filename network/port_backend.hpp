#pragma once
// How the CPU simulator delivers a projection's input. The simulator hands each port (a
// projection input) the values its sources produce, with a delivery delay in steps, and asks
// for the projection result when the port's node executes. Dense port backends buffer whole
// vectors and multiply every weight; event port backends queue non-zero outputs as events and
// push each through the non-zero weights of its column (backends/cpu_*_backend.hpp).
#include <string_view>
#include <vector>

#include "core/counters.hpp"
#include "core/mode.hpp"
#include "network/projection.hpp"

namespace evsim {

class PortBackend {
 public:
  virtual ~PortBackend() = default;
  virtual std::string_view name() const = 0;
  virtual Mode mode() const = 0;
  // Plans buffers for a run; `ports[p]` is port p's projection.
  virtual void prepare(const std::vector<const Projection*>& ports, int64_t batch) = 0;
  // Values (in_size x B) produced now, due at port p after `delay` steps (0 or 1).
  virtual void emit(size_t port, const Matrix& values, int64_t delay) = 0;
  // out = W x for what is due at port p now; adds ops and weight bytes to `counts`.
  virtual void propagate(size_t port, Matrix& out, OpCounts& counts) = 0;
  // Moves every port to the next step.
  virtual void advance() = 0;
};

}  // namespace evsim
