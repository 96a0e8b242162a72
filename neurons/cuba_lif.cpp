#include "neurons/cuba_lif.hpp"

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
  for (Eigen::Index b = 0; b < x.cols(); ++b) {
    for (Eigen::Index k = 0; k < x.rows(); ++k) {
      i_(k, b) += a_syn_[k] * (-i_(k, b) + p_.w_in[k] * x(k, b));
      if (!refractory_.holds(k, b)) v_(k, b) += a_mem_[k] * (p_.v_leak[k] - v_(k, b) + p_.r[k] * i_(k, b));
    }
  }
  if (firing_) {
    fire_and_reset(v_, *firing_, out, refractory_);
  } else {
    out = v_;
  }
}

}  // namespace evsim
