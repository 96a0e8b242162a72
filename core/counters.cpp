#include "core/counters.hpp"

namespace evsim {

OpCounts& OpCounts::operator+=(const OpCounts& o) {
  dense_macs += o.dense_macs;
  effective_macs += o.effective_macs;
  effective_acs += o.effective_acs;
  events += o.events;
  unit_steps += o.unit_steps;
  weight_bytes += o.weight_bytes;
  return *this;
}

}  // namespace evsim
