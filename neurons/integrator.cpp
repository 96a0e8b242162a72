#include "neurons/integrator.hpp"

namespace evsim {

Integrator::Integrator(Vector r, std::optional<FiringParams> firing, double dt, InitialState s0)
    : firing_(std::move(firing)), s0_(std::move(s0)) {
  gain_ = (dt * r.cast<double>().array()).cast<float>().matrix();
}

void Integrator::step(const Matrix& x, Matrix& out) {
  if (refractory_.on()) {
    for (Eigen::Index b = 0; b < x.cols(); ++b)
      for (Eigen::Index i = 0; i < x.rows(); ++i)
        if (!refractory_.holds(i, b)) v_(i, b) += x(i, b) * gain_[i];
  } else {
    v_.array() += x.array().colwise() * gain_.array();
  }
  fire_or_read_out(v_, firing_, out, refractory_);
}

}  // namespace evsim
