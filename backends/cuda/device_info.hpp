#pragma once
// Minimal CUDA probe: how many devices, and a one-line description of device 0.
#include <string>

namespace evsim::cuda {

int device_count();             // 0 when no driver or no GPU
std::string describe_device();  // empty when none

}  // namespace evsim::cuda
