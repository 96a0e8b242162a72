#pragma once
// Dense mode's product y = W x (and event mode's dense-product path, y += W x) on the CPU
// threads. One sample: each thread owns a range of output rows and runs Eigen's GEMV on it
// (Eigen does not thread GEMV; a row's sum runs over the columns in the same blocks whatever
// the range). Two or more: network/batched_product.hpp (Eigen's GEMM packs the whole weight
// matrix per call). Either way outputs are bit-identical for any thread count.
#include "core/tensor.hpp"

namespace evsim {

void dense_product(const Matrix& w, const Matrix& x, Matrix& y, int threads);      // y = W x
void dense_product_add(const Matrix& w, const Matrix& x, Matrix& y, int threads);  // y += W x

}  // namespace evsim
