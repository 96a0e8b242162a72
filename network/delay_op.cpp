#include "network/delay_op.hpp"

#include <algorithm>
#include <string>

#include "core/memory_budget.hpp"

namespace evsim {

DelayOp::DelayOp(std::vector<int64_t> delay_steps) : delay_(std::move(delay_steps)) {
  const int64_t max_delay = delay_.empty() ? 0 : *std::max_element(delay_.begin(), delay_.end());
  ring_.resize(static_cast<size_t>(max_delay + 1));
}

void DelayOp::reset(int64_t batch) {
  require_memory(4.0 * double(ring_.size()) * double(delay_.size()) * double(batch),
                 "a Delay ring of " + std::to_string(ring_.size()) + " steps");
  for (auto& m : ring_) m.setZero(static_cast<Eigen::Index>(delay_.size()), batch);
  now_ = 0;
}

void DelayOp::compute(const Matrix& input, std::span<const Matrix>, Matrix& out) {
  const auto depth = static_cast<int64_t>(ring_.size());
  ring_[static_cast<size_t>(now_ % depth)] = input;
  out.resize(input.rows(), input.cols());
  for (Eigen::Index i = 0; i < input.rows(); ++i) {
    const int64_t t = now_ - delay_[static_cast<size_t>(i)];
    if (t < 0) {
      out.row(i).setZero();
    } else {
      out.row(i) = ring_[static_cast<size_t>(t % depth)].row(i);
    }
  }
  ++now_;
}

}  // namespace evsim
