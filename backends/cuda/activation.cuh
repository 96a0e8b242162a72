#pragma once
// The point-wise activation functions of neurons/activation.hpp on the device (the same
// formulas; exact erf GELU). Include from .cu files.
#include "neurons/activation_fn.hpp"

namespace evsim::cuda {

__device__ __forceinline__ float activate(int f, float x) {
  switch (static_cast<ActivationFn>(f)) {
    case ActivationFn::Identity:
      return x;
    case ActivationFn::Relu:
      return x > 0.0f ? x : 0.0f;
    case ActivationFn::Gelu:
      return 0.5f * x * (1.0f + erff(x * 0.70710678f));
    case ActivationFn::Tanh:
      return tanhf(x);
    case ActivationFn::Sigmoid:
      return 1.0f / (1.0f + expf(-x));
    case ActivationFn::Mish:
      return x * tanhf(log1pf(expf(x)));
  }
  return x;
}

}  // namespace evsim::cuda
