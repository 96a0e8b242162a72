#include "neurons/cuba_lif.hpp"

#include "core/threads.hpp"

namespace evsim {

CubaLif::CubaLif(CubaParams p, std::optional<FiringParams> firing, double dt, InitialState s0)
    : p_(std::move(p)), firing_(std::move(firing)), s0_(std::move(s0)) {
  a_syn_ = (dt / p_.tau_syn.cast<double>().array()).cast<float>().matrix();
  a_mem_ = (dt / p_.tau_mem.cast<double>().array()).cast<float>().matrix();
}

void CubaLif::reset(int64_t batch) {
  v_ = initial(s0_.v0, size(), batch);
  i_ = initial(s0_.i0, size(), batch);
  refractory_.reset(firing_, size(), batch);
}

void CubaLif::step(const Matrix& x, Matrix& out) {
  const Eigen::Index n = x.rows();
  const float *as = a_syn_.data(), *am = a_mem_.data(), *w = p_.w_in.data(), *leak = p_.v_leak.data(), *r = p_.r.data();
  for (Eigen::Index b = 0; b < x.cols(); ++b) {
    float *v = v_.col(b).data(), *cur = i_.col(b).data();
    const float* in = x.col(b).data();
    // The current always integrates; a held (refractory) membrane is selected, not branched.
    const float* left = refractory_.on() ? refractory_.left().col(b).data() : nullptr;
    parallel_ranges(n, kNeuronUnitsPerThread, [&](int64_t k0, int64_t k1) {
#pragma omp simd
      for (Eigen::Index k = k0; k < k1; ++k) {
        cur[k] += as[k] * (-cur[k] + w[k] * in[k]);
        const float next = v[k] + am[k] * (leak[k] - v[k] + r[k] * cur[k]);
        v[k] = left && left[k] > 0.0f ? v[k] : next;
      }
    });
  }
  fire_or_read_out(v_, firing_, out, refractory_);
}

}  // namespace evsim
