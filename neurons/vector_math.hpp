#pragma once
// glibc's vector math library (libmvec) for the loops that call exp and tanh in double (the
// EGRU cell: neurons/egru_update.hpp). Declared SIMD-callable, a `#pragma omp simd` loop calls
// their AVX-512/AVX2 variants: 8 units per call instead of one (the cell ran 3.1x faster at
// hidden 4096 on a Zen 4 core; it was 200 us of an event step). libmvec's results are within
// 4 ulp in double, then rounded to float once: they differ from the scalar functions' floats
// only for results that close to a float rounding boundary, about 1 in 10^8 calls, the same
// kind of rare tie as between glibc and CUDA already (neurons/egru_update.hpp).
// EVSIM_LIBMVEC is set by CMake after linking such a loop with this compiler and glibc.
#include <cmath>

#if defined(EVSIM_LIBMVEC)
extern "C" {
__attribute__((simd("notinbranch"))) double exp(double) noexcept(true);
__attribute__((simd("notinbranch"))) double tanh(double) noexcept(true);
}
#endif
