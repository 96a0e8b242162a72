#include "neurons/lif.hpp"

namespace evsim {

Lif::Lif(LeakyParams p, std::optional<FiringParams> firing, double dt, InitialState s0)
    : p_(std::move(p)), firing_(std::move(firing)), s0_(std::move(s0)) {
  alpha_ = (dt / p_.tau.cast<double>().array()).cast<float>().matrix();
}

void Lif::step(const Matrix& x, Matrix& out) {
  for (Eigen::Index b = 0; b < x.cols(); ++b)
    for (Eigen::Index i = 0; i < x.rows(); ++i)
      if (!refractory_.holds(i, b)) v_(i, b) += alpha_[i] * (p_.v_leak[i] - v_(i, b) + p_.r[i] * x(i, b));
  if (firing_) {
    fire_and_reset(v_, *firing_, out, refractory_);
  } else {
    out = v_;
  }
}

}  // namespace evsim
