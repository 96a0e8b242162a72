#pragma once
// A run's input handed out step by step: a file's sequence, zeros, or values drawn from a seeded
// generator as they are needed. A long run then holds one chunk of input, not all of it (a
// self-driven network run for 10^9 steps held 4 GB of zeros), and the values are the same
// however the steps are split: a generator draws them in step order, whatever the chunks.
#include <cstdint>
#include <functional>
#include <memory>
#include <string>

#include "core/tensor.hpp"

namespace evsim {

class InputSource {
 public:
  // Writes the next `count` values (steps x batch x width, in order) to `out`.
  using Draw = std::function<void(float* out, size_t count)>;

  static InputSource of(Sequence s);  // a sequence already in memory (an input file)
  static InputSource zeros(int64_t steps, int64_t batch, int64_t width);
  static InputSource drawn(int64_t steps, int64_t batch, int64_t width, Draw draw);

  int64_t steps() const { return steps_; }
  int64_t batch() const { return batch_; }
  int64_t width() const { return width_; }
  int64_t taken() const { return taken_; }

  // The next n steps (at most those left); its memory is checked against the budget first.
  Sequence next(int64_t n);
  // Every step not taken yet (the whole input when none were).
  Sequence rest() { return next(steps_ - taken_); }

 private:
  int64_t steps_ = 0, batch_ = 0, width_ = 0, taken_ = 0;
  std::shared_ptr<const Sequence> held_;  // of(): the sequence
  Draw draw_;                             // drawn(): the generator (zeros(): none)
};

}  // namespace evsim
