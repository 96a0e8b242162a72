#pragma once
// Dense mode's product y = W x (and event mode's dense-product path, y += W x) on the CPU
// threads. One sample: each thread owns a range of output rows, and each output is one fused
// multiply-add per column in ascending order (network/column_fma.hpp: event mode's order, so
// the two modes' sums agree bit for bit). Two or more: network/batched_product.hpp (Eigen's
// GEMM packs the whole weight matrix per call). Either way outputs are bit-identical for any
// thread count.
#include "core/tensor.hpp"

namespace evsim {

void dense_product(const Matrix& w, const Matrix& x, Matrix& y, int threads);      // y = W x
void dense_product_add(const Matrix& w, const Matrix& x, Matrix& y, int threads);  // y += W x

}  // namespace evsim
