#include "network/delayed_projection.hpp"

#include "core/error.hpp"

namespace evsim {

DelayedProjection::DelayedProjection(std::vector<DelayGroup> groups) {
  if (groups.empty()) throw Error("a delayed projection needs at least one synapse group");
  rows_ = groups.front().weight.rows;
  cols_ = groups.front().weight.cols;
  fanout_.assign(static_cast<size_t>(cols_), 0);
  for (DelayGroup& g : groups) {
    if (g.weight.rows != rows_ || g.weight.cols != cols_) throw Error("delay groups of different shapes");
    if (!groups_.empty() && g.steps <= groups_.back().steps) throw Error("delay groups out of order");
    auto p = std::make_shared<const MatrixProjection>(std::move(g.weight));
    for (size_t j = 0; j < fanout_.size(); ++j) fanout_[j] += p->fanout()[j];
    nnz_ += p->nnz();
    groups_.push_back({g.steps, std::move(p)});
  }
  weight_count_ = static_cast<uint64_t>(rows_) * static_cast<uint64_t>(cols_);
  dense_macs_ = weight_count_;
}

void DelayedProjection::forward_dense(const Matrix&, Matrix&) const {
  throw Error("per-synapse delays: a delayed projection is applied by the CPU backends' delay lines");
}

void DelayedProjection::deliver(uint32_t, float, float*) const {
  throw Error("per-synapse delays: a delayed projection is applied by the CPU backends' delay lines");
}

}  // namespace evsim
