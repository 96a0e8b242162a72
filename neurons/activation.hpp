#pragma once
// Point-wise activation functions by name (VSN's phi and the Activation node).
#include <string>

#include "neurons/activation_fn.hpp"

namespace evsim {

// Throws Error for an unknown name, listing the known ones.
ActivationFn parse_activation(const std::string& name);
float apply_activation(ActivationFn f, float x);

}  // namespace evsim
