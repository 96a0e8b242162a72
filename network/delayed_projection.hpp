#pragma once
// A projection whose synapses have their own delays (a sparse `weight` group's `delay`
// dataset, DESIGN.md section 3): one pruned matrix per distinct delay in steps. An input that
// arrives at step t reaches its delay-d synapses' targets at t + d; the CPU backends keep the
// last max_delay() + 1 inputs of the port (backends/delay_line.hpp) and, at step t, add
// W_d x(t - d) for every d, in ascending d. Memory: the synapses once, plus (max delay + 1)
// input vectors per sample. Counted ops are the synapses actually reached this step.
#include <memory>
#include <vector>

#include "network/csc_matrix.hpp"
#include "network/matrix_projection.hpp"

namespace evsim {

// The longest synaptic delay a file may ask for, in steps: each port keeps that many input
// vectors per sample.
constexpr int64_t kMaxDelaySteps = 100000;

struct DelayGroup {
  int64_t steps = 0;
  CscMatrix weight;  // this delay's synapses only
};

class DelayedProjection final : public Projection {
 public:
  struct Group {
    int64_t steps;
    std::shared_ptr<const MatrixProjection> projection;
  };
  explicit DelayedProjection(std::vector<DelayGroup> groups);  // ascending delays, one shape
  int64_t in_size() const override { return cols_; }
  int64_t out_size() const override { return rows_; }
  // Only the delay-aware paths of the CPU backends apply it: these two refuse.
  void forward_dense(const Matrix& x, Matrix& y) const override;
  void deliver(uint32_t source, float value, float* y_col) const override;
  const DelayedProjection* delayed() const override { return this; }
  void prepare_event() const override {
    for (const Group& g : groups_) g.projection->prepare_event();
  }
  const std::vector<Group>& groups() const { return groups_; }
  int64_t max_delay() const { return groups_.empty() ? 0 : groups_.back().steps; }

 private:
  std::vector<Group> groups_;
  int64_t rows_ = 0, cols_ = 0;
};

}  // namespace evsim
