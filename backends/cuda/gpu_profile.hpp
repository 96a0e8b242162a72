#pragma once
// The per-GPU cost-model profile (`evsim calibrate` writes it, `--gpu-profile` reads it) as
// JSON: every field of GpuProfile by name, from one field list (gpu_profile.cpp) that drives
// reading and writing; defaults are GpuProfile's initialisers. Unknown keys are rejected,
// missing ones keep their defaults.
#include <string>

#include "backends/cuda/cost_model.hpp"

namespace evsim {

cuda::GpuProfile read_gpu_profile(const std::string& path);
void write_gpu_profile(const cuda::GpuProfile& p, const std::string& path);
// The profile to use: the file when a path is given, else the built-in defaults.
cuda::GpuProfile load_gpu_profile(const std::string& path);

}  // namespace evsim
