#include "neurons/activation.hpp"

#include <cmath>

#include "core/error.hpp"

namespace evsim {

ActivationFn parse_activation(const std::string& name) {
  if (name == "identity") return ActivationFn::Identity;
  if (name == "relu") return ActivationFn::Relu;
  if (name == "gelu") return ActivationFn::Gelu;
  if (name == "tanh") return ActivationFn::Tanh;
  if (name == "sigmoid") return ActivationFn::Sigmoid;
  if (name == "mish") return ActivationFn::Mish;
  throw Error("unknown activation '" + name + "' (known: identity, relu, gelu, tanh, sigmoid, mish)");
}

float apply_activation(ActivationFn f, float x) {
  switch (f) {
    case ActivationFn::Identity:
      return x;
    case ActivationFn::Relu:
      return x > 0.0f ? x : 0.0f;
    case ActivationFn::Gelu:
      return 0.5f * x * (1.0f + std::erf(x * 0.70710678f));  // exact (erf) GELU
    case ActivationFn::Tanh:
      return std::tanh(x);
    case ActivationFn::Sigmoid:
      return 1.0f / (1.0f + std::exp(-x));
    case ActivationFn::Mish:
      return x * std::tanh(std::log1p(std::exp(x)));
  }
  return x;
}

}  // namespace evsim
