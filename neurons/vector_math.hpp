#pragma once
// glibc's vector math library (libmvec) for the loops that call exp and expm1 in double (the
// EGRU cell: neurons/egru_update.hpp). Declared SIMD-callable, a `#pragma omp simd` loop calls
// their AVX-512/AVX2 variants: 8 units per call instead of one (the cell ran 3.1x faster at
// hidden 4096 on a Zen 4 core; it was 200 us of an event step). libmvec's results are within
// 4 ulp in double, then rounded to float once: for the cell's exp(-x) and tanh they give the
// scalar functions' floats for every float input (checked exhaustively with glibc 2.36:
// docs/results/cpu_2core_s27/), so only the rare ties between glibc and CUDA remain.
// EVSIM_LIBMVEC is set by CMake after linking such a loop with this compiler and glibc.
#include <cmath>

#if defined(EVSIM_LIBMVEC)
extern "C" {
__attribute__((simd("notinbranch"))) double exp(double) noexcept(true);
__attribute__((simd("notinbranch"))) double expm1(double) noexcept(true);
}
#endif
