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
  static const char* keys[] = {"device",           "distile_overhead_s", "distile_bandwidth", "pruned_overhead_s",
                               "pruned_bandwidth", "stream_overhead_s",  "stream_bandwidth",  "cublas_overhead_s",
                               "cublas_bandwidth", "range_cols",         "max_ranges",        "pdl",
                               "cublas_fallback",  "stream_unroll",      "pdl_early",         "gemm_batch_from"};
  for (const auto& item : j.items())
    if (std::find(std::begin(keys), std::end(keys), item.key()) == std::end(keys))
      throw InputError(path + ": unknown key '" + item.key() + "'");
  cuda::GpuProfile p;
  read_field(j, path, "device", p.device);
  read_field(j, path, "distile_overhead_s", p.distile_overhead_s);
  read_field(j, path, "distile_bandwidth", p.distile_bandwidth);
  read_field(j, path, "pruned_overhead_s", p.pruned_overhead_s);
  read_field(j, path, "pruned_bandwidth", p.pruned_bandwidth);
  read_field(j, path, "stream_overhead_s", p.stream_overhead_s);
  read_field(j, path, "stream_bandwidth", p.stream_bandwidth);
  read_field(j, path, "cublas_overhead_s", p.cublas_overhead_s);
  read_field(j, path, "cublas_bandwidth", p.cublas_bandwidth);
  read_field(j, path, "range_cols", p.range_cols);
  read_field(j, path, "max_ranges", p.max_ranges);
  read_field(j, path, "pdl", p.pdl);
  read_field(j, path, "cublas_fallback", p.cublas_fallback);
  read_field(j, path, "stream_unroll", p.stream_unroll);
  read_field(j, path, "pdl_early", p.pdl_early);
  read_field(j, path, "gemm_batch_from", p.gemm_batch_from);
  for (const auto& [key, v] : {std::pair<const char*, double>{"distile_bandwidth", p.distile_bandwidth},
                               {"pruned_bandwidth", p.pruned_bandwidth},
                               {"stream_bandwidth", p.stream_bandwidth},
                               {"cublas_bandwidth", p.cublas_bandwidth},
                               {"range_cols", p.range_cols},
                               {"gemm_batch_from", p.gemm_batch_from},
                               {"max_ranges", p.max_ranges}})
    require_positive(path, key, v);
  if (p.stream_unroll != 8 && p.stream_unroll != 16) throw InputError(path + ": 'stream_unroll' must be 8 or 16");
  if (p.max_ranges > 1024) throw InputError(path + ": 'max_ranges' must be at most 1024");
  if (p.range_cols % 32 || p.range_cols > 1024)
    throw InputError(path + ": 'range_cols' must be a multiple of 32, at most 1024");
  for (double o : {p.distile_overhead_s, p.pruned_overhead_s, p.stream_overhead_s, p.cublas_overhead_s})
    if (o < 0) throw InputError(path + ": overheads must be >= 0");
  return p;
}

void write_gpu_profile(const cuda::GpuProfile& p, const std::string& path) {
  const nlohmann::json j = {{"device", p.device},
                            {"distile_overhead_s", p.distile_overhead_s},
                            {"distile_bandwidth", p.distile_bandwidth},
                            {"pruned_overhead_s", p.pruned_overhead_s},
                            {"pruned_bandwidth", p.pruned_bandwidth},
                            {"stream_overhead_s", p.stream_overhead_s},
                            {"stream_bandwidth", p.stream_bandwidth},
                            {"cublas_overhead_s", p.cublas_overhead_s},
                            {"cublas_bandwidth", p.cublas_bandwidth},
                            {"range_cols", p.range_cols},
                            {"max_ranges", p.max_ranges},
                            {"gemm_batch_from", p.gemm_batch_from},
                            {"stream_unroll", p.stream_unroll},
                            {"pdl_early", p.pdl_early},
                            {"pdl", p.pdl},
                            {"cublas_fallback", p.cublas_fallback}};
  write_text_file(path, j.dump(2) + "\n");
}

}  // namespace evsim
