#pragma once
// Threads of the CPU backends (`--threads`; default: every core). Both modes use them: dense
// mode through Eigen's GEMM, event mode through gathered delivery, each thread owning a range
// of output rows, so counts are identical and outputs bit-identical for any thread count.
namespace evsim {

int cpu_threads();
void set_cpu_threads(int n);  // n >= 1; also Eigen's

}  // namespace evsim
