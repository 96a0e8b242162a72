#pragma once
// The activation functions' names as an enum, with no includes: the CUDA sources compiled at run
// time (backends/cuda/snn_codegen.hpp, NVRTC: no C++ library) include it through activation.cuh.

namespace evsim {

enum class ActivationFn { Identity, Relu, Gelu, Tanh, Sigmoid, Mish };

}  // namespace evsim
