#pragma once
// cpu-dense: every projection multiplies its full weight matrix by its full input each
// step (Eigen GEMM). Inputs are buffered per port in a two-slot ring (now, next step).
#include <array>

#include "backends/delay_line.hpp"
#include "network/port_backend.hpp"

namespace evsim {

class CpuDenseBackend final : public PortBackend {
 public:
  std::string_view name() const override { return "cpu-dense"; }
  Mode mode() const override { return Mode::Dense; }
  void prepare(const std::vector<const Projection*>& ports, int64_t batch) override;
  void emit(size_t port, const Matrix& values, int64_t delay) override;
  void propagate(size_t port, Matrix& out, OpCounts& counts) override;
  void advance() override;

 private:
  struct Channel {
    const Projection* projection;
    std::array<Matrix, 2> slots;
    DelayLine line;  // per-synapse delays only
  };
  std::vector<Channel> channels_;
  int64_t now_ = 0, batch_ = 0;
};

}  // namespace evsim
