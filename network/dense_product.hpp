#pragma once
// Dense mode's product y = W x (and event mode's dense-product path, y += W x) on the CPU
// threads: each thread owns a range of output rows and runs Eigen's GEMV/GEMM on it. Eigen
// threads only its GEMM (not GEMV, the batch-1 case) and then packs the whole weight matrix
// per call; row ranges scale both. A row's sum runs over the columns in the same blocks
// whatever the range, so outputs are bit-identical for any thread count.
#include "core/tensor.hpp"

namespace evsim {

void dense_product(const Matrix& w, const Matrix& x, Matrix& y, int threads);      // y = W x
void dense_product_add(const Matrix& w, const Matrix& x, Matrix& y, int threads);  // y += W x

}  // namespace evsim
