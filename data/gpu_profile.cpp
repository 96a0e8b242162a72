#include "data/gpu_profile.hpp"

#include <algorithm>
#include <fstream>
#include <nlohmann/json.hpp>

#include "core/error.hpp"
#include "data/atomic_file.hpp"

namespace evsim {
namespace {

template <typename T>
void read_field(const nlohmann::json& j, const std::string& path, const char* key, T& out) {
  if (!j.contains(key)) return;
  try {
    out = j.at(key).get<T>();
  } catch (const nlohmann::json::exception&) {
    throw InputError(path + ": '" + key + "' has the wrong type");
  }
}

void require_positive(const std::string& path, const char* key, double v) {
  if (!(v > 0)) throw InputError(path + ": '" + key + "' must be positive");
}

}  // namespace

cuda::GpuProfile read_gpu_profile(const std::string& path) {
  std::ifstream f(path);
  if (!f) throw InputError(path + ": cannot open the GPU profile");
  nlohmann::json j;
  try {
    j = nlohmann::json::parse(f);
  } catch (const nlohmann::json::exception&) {
    throw InputError(path + ": not a JSON GPU profile");
  }
  if (!j.is_object()) throw InputError(path + ": expected a JSON object");
  static const char* keys[] = {"device",           "distile_overhead_s", "distile_bandwidth",  "cublas_overhead_s",
                               "cublas_bandwidth", "pruned_overhead",    "min_cols_per_split", "cublas_fallback",
                               "max_splits",       "pdl"};
  for (const auto& item : j.items())
    if (std::find(std::begin(keys), std::end(keys), item.key()) == std::end(keys))
      throw InputError(path + ": unknown key '" + item.key() + "'");
  cuda::GpuProfile p;
  read_field(j, path, "device", p.device);
  read_field(j, path, "distile_overhead_s", p.distile_overhead_s);
  read_field(j, path, "distile_bandwidth", p.distile_bandwidth);
  read_field(j, path, "cublas_overhead_s", p.cublas_overhead_s);
  read_field(j, path, "cublas_bandwidth", p.cublas_bandwidth);
  read_field(j, path, "pruned_overhead", p.pruned_overhead);
  read_field(j, path, "min_cols_per_split", p.min_cols_per_split);
  read_field(j, path, "cublas_fallback", p.cublas_fallback);
  read_field(j, path, "max_splits", p.max_splits);
  read_field(j, path, "pdl", p.pdl);
  require_positive(path, "distile_bandwidth", p.distile_bandwidth);
  require_positive(path, "cublas_bandwidth", p.cublas_bandwidth);
  require_positive(path, "pruned_overhead", p.pruned_overhead);
  require_positive(path, "min_cols_per_split", p.min_cols_per_split);
  require_positive(path, "max_splits", p.max_splits);
  if (p.distile_overhead_s < 0 || p.cublas_overhead_s < 0) throw InputError(path + ": overheads must be >= 0");
  return p;
}

void write_gpu_profile(const cuda::GpuProfile& p, const std::string& path) {
  const nlohmann::json j = {{"device", p.device},
                            {"distile_overhead_s", p.distile_overhead_s},
                            {"distile_bandwidth", p.distile_bandwidth},
                            {"cublas_overhead_s", p.cublas_overhead_s},
                            {"cublas_bandwidth", p.cublas_bandwidth},
                            {"pruned_overhead", p.pruned_overhead},
                            {"min_cols_per_split", p.min_cols_per_split},
                            {"cublas_fallback", p.cublas_fallback},
                            {"max_splits", p.max_splits},
                            {"pdl", p.pdl}};
  write_text_file(path, j.dump(2) + "\n");
}

}  // namespace evsim
