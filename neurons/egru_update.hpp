#pragma once
// One EGRU unit's update, the single definition the CPU cell (neurons/egru_cell.cpp) and the
// CUDA cell kernel (backends/cuda/egru_engine.cu) both compile, so that both round alike:
// every float operation is rounded on its own (no fused multiply-add), and the sigmoid's exp
// and the tanh are computed in double and rounded once to float (correctly rounded on both
// sides except in ties far rarer than float rounding itself; the float library functions of
// glibc and CUDA differ by an ulp here and there, which flipped threshold crossings: the p90
// test perplexity read 119.066 on the CPU and 119.050 on the GPU before). Gate
// pre-activations arrive with their biases added: a = W_ih x + b_ih, h = W_hh y + b_hh.
#include <cmath>

#if defined(__CUDACC__)
#define EVSIM_HD __host__ __device__
#else
#define EVSIM_HD
#endif

namespace evsim {

// Host code is compiled with -ffp-contract=off: plain operators are single roundings.
EVSIM_HD inline float egru_add(float a, float b) {
#if defined(__CUDA_ARCH__)
  return __fadd_rn(a, b);
#else
  return a + b;
#endif
}
EVSIM_HD inline float egru_mul(float a, float b) {
#if defined(__CUDA_ARCH__)
  return __fmul_rn(a, b);
#else
  return a * b;
#endif
}
EVSIM_HD inline float egru_sigmoid(float x) {
  const auto e = static_cast<float>(::exp(-static_cast<double>(x)));
#if defined(__CUDA_ARCH__)
  return __fdiv_rn(1.0f, __fadd_rn(1.0f, e));
#else
  return 1.0f / (1.0f + e);
#endif
}
EVSIM_HD inline float egru_tanh(float x) {
#if defined(__CUDA_ARCH__)
  return static_cast<float>(::tanh(static_cast<double>(x)));
#else
  // tanh|x| = -t / (t + 2), t = expm1(-2|x|) in (-1, 0]: no overflow, no cancellation. On the
  // host the cell's loop calls libmvec's vector expm1, 1.7x faster than its vector tanh, and the
  // floats are glibc's tanh's for every one of the 2^32 inputs (checked exhaustively with the
  // AVX-512, AVX2, SSE and scalar expm1: docs/results/cpu_2core_s27/; a test samples them).
  const double t = ::expm1(-2.0 * std::fabs(static_cast<double>(x)));
  return std::copysign(static_cast<float>(-t / (t + 2.0)), x);
#endif
}

struct EgruUnit {
  float y;  // the event (0 when the unit did not fire)
  float c;  // the cell state after the reset by subtraction
};

// r = s(a_r + h_r), z = s(a_z + h_z), n = tanh(a_n + r h_n), c^ = z c + (1 - z) n,
// fire when c^ > theta: y = c^, c = c^ - theta; else y = 0, c = c^.
EVSIM_HD inline EgruUnit egru_update(float ar, float hr, float az, float hz, float an, float hn, float c, float theta) {
  const float r = egru_sigmoid(egru_add(ar, hr));
  const float z = egru_sigmoid(egru_add(az, hz));
  const float n = egru_tanh(egru_add(an, egru_mul(r, hn)));
  const float c_hat = egru_add(egru_mul(z, c), egru_mul(egru_add(1.0f, -z), n));
  const bool fire = c_hat > theta;
  return {fire ? c_hat : 0.0f, fire ? egru_add(c_hat, -theta) : c_hat};
}

}  // namespace evsim
