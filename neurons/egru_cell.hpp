#pragma once
// EGRU cell (DESIGN.md section 3). Given gate pre-activations
//   a = W_ih x + b_ih,  h = W_hh y_prev + b_hh   (3H x B, gate blocks r, z, n)
// it computes r, z, n, c_hat = z*c + (1-z)*n, o = H(c_hat - theta), y = c_hat*o,
// c = c_hat - o*theta. Only y is fed back (as events).
#include "core/tensor.hpp"

namespace evsim {

class EgruCell {
 public:
  explicit EgruCell(Vector threshold) : theta_(std::move(threshold)) {}
  int64_t hidden() const { return theta_.size(); }
  void reset(int64_t batch) { c_.setZero(hidden(), batch); }
  void step(const Matrix& a, const Matrix& h, Matrix& y);
  // The same with the gate biases added here (a = a_in + b_ih, h = h_in + b_hh, rounded as
  // separate additions): a layer's step then reads its pre-activations once instead of copying
  // and adding them first.
  void step(const Matrix& a_in, const Vector& b_ih, const Matrix& h_in, const Vector& b_hh, Matrix& y);
  const Matrix& cell() const { return c_; }
  const Vector& threshold() const { return theta_; }
  void set_threshold(const Vector& theta);  // one per unit; takes effect from the next step

 private:
  template <bool kBias>
  void run(const Matrix& a, const float* b_ih, const Matrix& h, const float* b_hh, Matrix& y);
  Vector theta_;
  Matrix c_;
};

}  // namespace evsim
