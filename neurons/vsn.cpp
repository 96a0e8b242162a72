#include "neurons/vsn.hpp"

namespace evsim {

Vsn::Vsn(Vector beta, Vector threshold, ActivationFn phi, int spike_steps)
    : beta_(std::move(beta)), threshold_(std::move(threshold)), phi_(phi), spike_steps_(spike_steps) {}

void Vsn::step(const Matrix& x, Matrix& out) {
  out.setZero(x.rows(), x.cols());
  const float scale = 1.0f / static_cast<float>(spike_steps_);
  for (Eigen::Index b = 0; b < x.cols(); ++b) {
    for (Eigen::Index i = 0; i < x.rows(); ++i) {
      const float z = x(i, b);
      float m = m_(i, b), y = 0.0f;
      int spikes = 0;
      for (int s = 0; s < spike_steps_; ++s) {
        m = beta_[i] * m + z;
        if (m > threshold_[i]) {
          ++spikes;
          m = 0.0f;
        }
      }
      // phi only where the unit spiked: the same sums (phi added once per spike), and at a
      // spike rate of 25 % a quarter of the erf/tanh calls.
      if (spikes > 0) {
        const float phi = apply_activation(phi_, z);
        for (int s = 0; s < spikes; ++s) y += phi;
      }
      m_(i, b) = m;
      out(i, b) = spike_steps_ == 1 ? y : y * scale;
    }
  }
}

}  // namespace evsim
