#pragma once
// Threads of the CPU backends (`--threads`; default: every core). Both modes use them: dense
// mode through row ranges of Eigen's GEMV/GEMM (network/dense_product.hpp), event mode through
// gathered delivery, each thread owning a range of output rows, so counts are identical and
// outputs bit-identical for any thread count.
namespace evsim {

int cpu_threads();
void set_cpu_threads(int n);  // n >= 1 (Eigen itself stays on one thread)

}  // namespace evsim
