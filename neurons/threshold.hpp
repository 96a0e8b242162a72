#pragma once
// NIR Threshold: out = H(x - threshold), H(0) = 0. Stateless.
#include "neurons/neuron_model.hpp"

namespace evsim {

class Threshold final : public NeuronModel {
 public:
  explicit Threshold(Vector threshold) : threshold_(std::move(threshold)) {}
  std::string_view type() const override { return "Threshold"; }
  int64_t size() const override { return threshold_.size(); }
  void reset(int64_t batch) override { last_.setZero(size(), batch); }
  void step(const Matrix& x, Matrix& out) override {
    out.resize(x.rows(), x.cols());
    for (Eigen::Index b = 0; b < x.cols(); ++b)
      for (Eigen::Index i = 0; i < x.rows(); ++i) out(i, b) = x(i, b) > threshold_[i] ? 1.0f : 0.0f;
    last_ = x;
  }
  const Matrix& state() const override { return last_; }
  PointNeuron describe() const override {
    PointNeuron d;
    d.kind = PointKind::Threshold;
    d.threshold = threshold_;
    return d;
  }

 private:
  Vector threshold_;
  Matrix last_;
};

}  // namespace evsim
