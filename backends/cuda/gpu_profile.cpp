#include "backends/cuda/gpu_profile.hpp"

#include <nlohmann/json.hpp>
#include <variant>
#include <vector>

#include "core/error.hpp"
#include "data/atomic_file.hpp"
#include "data/json_file.hpp"

namespace evsim {
namespace {

using cuda::GpuProfile;

template <typename T>
struct FieldOf {
  const char* key;
  T GpuProfile::*member;
};
using Field = std::variant<FieldOf<std::string>, FieldOf<double>, FieldOf<int>, FieldOf<bool>>;

const std::vector<Field>& fields() {
  static const std::vector<Field> f = {
      FieldOf<std::string>{"device", &GpuProfile::device},
      FieldOf<double>{"distile_overhead_s", &GpuProfile::distile_overhead_s},
      FieldOf<double>{"distile_bandwidth", &GpuProfile::distile_bandwidth},
      FieldOf<double>{"pruned_overhead_s", &GpuProfile::pruned_overhead_s},
      FieldOf<double>{"pruned_bandwidth", &GpuProfile::pruned_bandwidth},
      FieldOf<double>{"stream_overhead_s", &GpuProfile::stream_overhead_s},
      FieldOf<double>{"stream_bandwidth", &GpuProfile::stream_bandwidth},
      FieldOf<double>{"cublas_overhead_s", &GpuProfile::cublas_overhead_s},
      FieldOf<double>{"cublas_bandwidth", &GpuProfile::cublas_bandwidth},
      FieldOf<int>{"range_cols", &GpuProfile::range_cols},
      FieldOf<int>{"max_ranges", &GpuProfile::max_ranges},
      FieldOf<int>{"stream_unroll", &GpuProfile::stream_unroll},
      FieldOf<int>{"gemm_batch_from", &GpuProfile::gemm_batch_from},
      FieldOf<bool>{"pdl", &GpuProfile::pdl},
  };
  return f;
}

const char* key_of(const Field& f) {
  return std::visit([](const auto& x) { return x.key; }, f);
}

void check(const GpuProfile& p, const std::string& path) {
  auto fail = [&](const std::string& msg) { throw InputError(path + ": " + msg); };
  for (const auto& [key, v] : {std::pair<const char*, double>{"distile_bandwidth", p.distile_bandwidth},
                               {"pruned_bandwidth", p.pruned_bandwidth},
                               {"stream_bandwidth", p.stream_bandwidth},
                               {"cublas_bandwidth", p.cublas_bandwidth},
                               {"range_cols", p.range_cols},
                               {"gemm_batch_from", p.gemm_batch_from},
                               {"max_ranges", p.max_ranges}})
    if (!(v > 0)) fail(std::string("'") + key + "' must be positive");
  if (p.stream_unroll != 8 && p.stream_unroll != 16) fail("'stream_unroll' must be 8 or 16");
  if (p.max_ranges > 1024) fail("'max_ranges' must be at most 1024");
  if (p.range_cols % 32 || p.range_cols > 1024) fail("'range_cols' must be a multiple of 32, at most 1024");
  for (double o : {p.distile_overhead_s, p.pruned_overhead_s, p.stream_overhead_s, p.cublas_overhead_s})
    if (!(o >= 0)) fail("overheads must be >= 0");
}

}  // namespace

cuda::GpuProfile read_gpu_profile(const std::string& path) {
  const nlohmann::json j = read_json_object(path, "GPU profile");
  GpuProfile p;
  for (const auto& item : j.items()) {
    const Field* field = nullptr;
    for (const Field& fl : fields())
      if (item.key() == key_of(fl)) field = &fl;
    if (!field) throw InputError(path + ": unknown key '" + item.key() + "'");
    std::visit(
        [&](const auto& fl) {
          using T = std::remove_reference_t<decltype(p.*(fl.member))>;
          const bool ok = std::is_same_v<T, bool>          ? item.value().is_boolean()
                          : std::is_same_v<T, std::string> ? item.value().is_string()
                          : std::is_same_v<T, int>         ? item.value().is_number_integer()
                                                           : item.value().is_number();
          if (!ok) throw InputError(path + ": '" + item.key() + "' has the wrong type");
          p.*(fl.member) = item.value().template get<T>();
        },
        *field);
  }
  check(p, path);
  return p;
}

void write_gpu_profile(const cuda::GpuProfile& p, const std::string& path) {
  nlohmann::ordered_json j;
  for (const Field& fl : fields()) std::visit([&](const auto& x) { j[x.key] = p.*(x.member); }, fl);
  write_text_file(path, j.dump(2) + "\n");
}

cuda::GpuProfile load_gpu_profile(const std::string& path) {
  return path.empty() ? GpuProfile{} : read_gpu_profile(path);
}

}  // namespace evsim
