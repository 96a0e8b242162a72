#include "neurons/integrator.hpp"

namespace evsim {

Integrator::Integrator(Vector r, std::optional<FiringParams> firing, double dt) : firing_(std::move(firing)) {
  gain_ = (dt * r.cast<double>().array()).cast<float>().matrix();
}

void Integrator::step(const Matrix& x, Matrix& out) {
  v_.array() += x.array().colwise() * gain_.array();
  if (firing_) {
    fire_and_reset(v_, *firing_, out);
  } else {
    out = v_;
  }
}

}  // namespace evsim
