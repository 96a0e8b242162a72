#include "models/input_source.hpp"

#include <algorithm>
#include <cstring>

#include "core/error.hpp"
#include "core/memory_budget.hpp"

namespace evsim {

InputSource InputSource::of(Sequence s) {
  InputSource src;
  src.steps_ = s.steps;
  src.batch_ = s.batch;
  src.width_ = s.width;
  src.held_ = std::make_shared<const Sequence>(std::move(s));
  return src;
}

InputSource InputSource::zeros(int64_t steps, int64_t batch, int64_t width) {
  InputSource src;
  src.steps_ = steps;
  src.batch_ = batch;
  src.width_ = width;
  return src;
}

InputSource InputSource::drawn(int64_t steps, int64_t batch, int64_t width, Draw draw) {
  InputSource src = zeros(steps, batch, width);
  src.draw_ = std::move(draw);
  return src;
}

Sequence InputSource::next(int64_t n) {
  n = std::clamp<int64_t>(n, 0, steps_ - taken_);
  const auto per_step = static_cast<size_t>(batch_ * width_);
  // The held sequence was checked when it was read; a copy of a chunk of it is no larger.
  if (!held_)
    require_memory(4.0 * double(n) * double(per_step),
                   "input of " + std::to_string(n) + " x " + std::to_string(batch_) + " x " + std::to_string(width_));
  Sequence s(n, batch_, width_);
  const size_t count = static_cast<size_t>(n) * per_step, from = static_cast<size_t>(taken_) * per_step;
  taken_ += n;
  if (count == 0) return s;  // past the end (or no values a step): memcpy with no storage is undefined
  if (held_)
    std::memcpy(s.data.data(), held_->data.data() + from, count * sizeof(float));
  else if (draw_)
    draw_(s.data.data(), count);
  return s;
}

}  // namespace evsim
