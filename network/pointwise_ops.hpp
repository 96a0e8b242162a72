#pragma once
// Stateless per-unit nodes: Identity (Output, Flatten, subgraph ports), Scale, Activation.
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
  void compute(const Matrix& input, std::span<const Matrix>, Matrix& out) override {
    out = input.unaryExpr([this](float v) { return apply_activation(fn_, v); });
  }

 private:
  ActivationFn fn_;
};

}  // namespace evsim
