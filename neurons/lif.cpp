#include "neurons/lif.hpp"

#include "core/threads.hpp"

namespace evsim {

Lif::Lif(LeakyParams p, std::optional<FiringParams> firing, double dt, InitialState s0)
    : p_(std::move(p)), firing_(std::move(firing)), s0_(std::move(s0)) {
  alpha_ = (dt / p_.tau.cast<double>().array()).cast<float>().matrix();
}

void Lif::step(const Matrix& x, Matrix& out) {
  const Eigen::Index n = x.rows();
  const float *a = alpha_.data(), *leak = p_.v_leak.data(), *r = p_.r.data();
  for (Eigen::Index b = 0; b < x.cols(); ++b) {
    float* v = v_.col(b).data();
    const float* in = x.col(b).data();
    // A held (refractory) membrane keeps its value: selected, not branched, so the loop vectorises.
    const float* left = refractory_.on() ? refractory_.left().col(b).data() : nullptr;
    parallel_ranges(n, kNeuronUnitsPerThread, [&](int64_t i0, int64_t i1) {
      if (left) {
#pragma omp simd
        for (Eigen::Index i = i0; i < i1; ++i) {
          const float next = v[i] + a[i] * (leak[i] - v[i] + r[i] * in[i]);
          v[i] = left[i] > 0.0f ? v[i] : next;
        }
      } else {
#pragma omp simd
        for (Eigen::Index i = i0; i < i1; ++i) v[i] += a[i] * (leak[i] - v[i] + r[i] * in[i]);
      }
    });
  }
  fire_or_read_out(v_, firing_, out, refractory_);
}

}  // namespace evsim
