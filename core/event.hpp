#pragma once
#include <cstdint>

namespace evsim {

// One emitted non-zero output: unit `source` of batch entry `batch` delivers `value`
// at time step `step`. Binary spikes carry 1 (or -1); graded events carry the activation.
struct Event {
  uint32_t source = 0;
  uint32_t batch = 0;
  int64_t step = 0;
  float value = 0.0f;
};

}  // namespace evsim
