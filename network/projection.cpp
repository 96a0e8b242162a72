#include "network/projection.hpp"

#include "core/error.hpp"

namespace evsim {

uint64_t Projection::deliver_gathered(const GatheredInputs&, Matrix&, SumOrder) const {
  throw Error("this projection has no gathered event delivery");
}

uint64_t Projection::deliver_product(const Matrix&, Matrix&) const {
  throw Error("this projection has no dense product for event mode");
}

uint64_t Projection::deliver_tallying(const Matrix&, Matrix&, ColumnTally&, double, bool) const {
  throw Error("this projection does not deliver while tallying");
}

}  // namespace evsim
