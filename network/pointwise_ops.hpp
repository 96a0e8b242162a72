#pragma once
// Stateless per-unit nodes: Identity (Output, Flatten, subgraph ports), Scale, Activation,
// Normalize.
#include "network/operator.hpp"
#include "neurons/activation.hpp"

namespace evsim {

class IdentityOp final : public Operator {
 public:
  explicit IdentityOp(std::string type) : type_(std::move(type)) {}
  std::string_view type() const override { return type_; }
  void compute(const Matrix& input, std::span<const Matrix>, Matrix& out) override { out = input; }

 private:
  std::string type_;
};

class ScaleOp final : public Operator {
 public:
  explicit ScaleOp(Vector scale) : scale_(std::move(scale)) {}
  const Vector& scale() const { return scale_; }
  std::string_view type() const override { return "Scale"; }
  void compute(const Matrix& input, std::span<const Matrix>, Matrix& out) override {
    out = input.array().colwise() * scale_.array();
  }

 private:
  Vector scale_;
};

class ActivationOp final : public Operator {
 public:
  explicit ActivationOp(ActivationFn fn) : fn_(fn) {}
  std::string_view type() const override { return "Activation"; }
  ActivationFn fn() const { return fn_; }
  void compute(const Matrix& input, std::span<const Matrix>, Matrix& out) override {
    out = input.unaryExpr([this](float v) { return apply_activation(fn_, v); });
  }

 private:
  ActivationFn fn_;
};

// Normalize (evsim extension): the per-unit Gaussian normaliser of the neural-operator
// references, encode (x - mean) / (std + eps) or, with `inverse`, decode x (std + eps) + mean,
// in that order of operations (PyTorch's).
class NormalizeOp final : public Operator {
 public:
  NormalizeOp(Vector mean, Vector std, float eps, bool inverse)
      : mean_(std::move(mean)), scale_(std.array() + eps), inverse_(inverse) {}
  std::string_view type() const override { return "Normalize"; }
  const Vector& mean() const { return mean_; }
  const Vector& scale() const { return scale_; }  // std + eps
  bool inverse() const { return inverse_; }
  void compute(const Matrix& input, std::span<const Matrix>, Matrix& out) override {
    if (inverse_)
      out = (input.array().colwise() * scale_.array()).colwise() + mean_.array();
    else
      out = (input.array().colwise() - mean_.array()).colwise() / scale_.array();
  }

 private:
  Vector mean_, scale_;
  bool inverse_;
};

}  // namespace evsim
