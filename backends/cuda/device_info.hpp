#pragma once
// Minimal CUDA probe: how many devices, and a one-line description of device 0.
#include <string>

namespace evsim::cuda {

int device_count();                           // 0 when no driver or no GPU
std::string describe_device(int device = 0);  // empty when none
void set_device(int device);                  // this thread's GPU; an Error past device_count()

}  // namespace evsim::cuda
