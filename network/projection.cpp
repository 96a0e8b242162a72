#include "network/projection.hpp"

#include "core/error.hpp"

namespace evsim {

uint64_t Projection::deliver_gathered(const GatheredInputs&, Matrix&, SumOrder) const {
  throw Error("this projection has no gathered event delivery");
}

}  // namespace evsim
