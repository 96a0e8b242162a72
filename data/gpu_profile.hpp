#pragma once
// The per-GPU cost-model profile (`evsim calibrate` writes it, `--gpu-profile` reads it) as
// JSON: every field of GpuProfile by name; unknown keys are rejected, missing ones keep
// their defaults.
#include <string>

#include "backends/cuda/cost_model.hpp"

namespace evsim {

cuda::GpuProfile read_gpu_profile(const std::string& path);
void write_gpu_profile(const cuda::GpuProfile& p, const std::string& path);

}  // namespace evsim
