#include "data/cpu_profile.hpp"

#include <cmath>
#include <utility>
#include <vector>

#include "core/error.hpp"
#include "data/atomic_file.hpp"
#include "data/json_file.hpp"

namespace evsim {
namespace {

using Field = std::pair<const char*, double CpuCostModel::*>;

const std::vector<Field>& fields() {
  static const std::vector<Field> f = {
      {"product_weight_cached_ns", &CpuCostModel::product_weight_cached_ns},
      {"product_weight_memory_ns", &CpuCostModel::product_weight_memory_ns},
      {"product_mac_ns", &CpuCostModel::product_mac_ns},
      {"product_pass_ns", &CpuCostModel::product_pass_ns},
      {"dense_row_cached_ns", &CpuCostModel::dense_row_cached_ns},
      {"dense_row_memory_ns", &CpuCostModel::dense_row_memory_ns},
      {"dense_pair_row_ns", &CpuCostModel::dense_pair_row_ns},
      {"sparse_nnz_cached_ns", &CpuCostModel::sparse_nnz_cached_ns},
      {"sparse_nnz_memory_ns", &CpuCostModel::sparse_nnz_memory_ns},
      {"rows_entry_cached_ns", &CpuCostModel::rows_entry_cached_ns},
      {"rows_group_entry_ns", &CpuCostModel::rows_group_entry_ns},
      {"rows_entry_memory_ns", &CpuCostModel::rows_entry_memory_ns},
      {"rows_slice_ns", &CpuCostModel::rows_slice_ns},
      {"gather_input_ns", &CpuCostModel::gather_input_ns},
      {"pair_ns", &CpuCostModel::pair_ns},
      {"sparse_pair_ns", &CpuCostModel::sparse_pair_ns},
      {"short_event_ns", &CpuCostModel::short_event_ns},
      {"short_vector_ns", &CpuCostModel::short_vector_ns},
      {"product_cold_line_ns", &CpuCostModel::product_cold_line_ns},
      {"short_cold_line_ns", &CpuCostModel::short_cold_line_ns},
      {"fork_ns", &CpuCostModel::fork_ns},
      {"fork_thread_ns", &CpuCostModel::fork_thread_ns},
      {"min_thread_work", &CpuCostModel::min_thread_work},
      {"cache_bytes", &CpuCostModel::cache_bytes},
      {"l2_bytes", &CpuCostModel::l2_bytes},
  };
  return f;
}

}  // namespace

CpuCostModel read_cpu_profile(const std::string& path) {
  const nlohmann::json j = read_json_object(path, "CPU profile");
  CpuCostModel m;
  m.source = path;
  for (const auto& item : j.items()) {
    if (item.key() == "machine") continue;  // informative only
    if (item.key() == "cpu") {
      if (!item.value().is_string()) throw InputError(path + ": 'cpu' must be a string");
      m.cpu = item.value().get<std::string>();
      continue;
    }
    const Field* field = nullptr;
    for (const Field& fl : fields())
      if (item.key() == fl.first) field = &fl;
    if (!field) throw InputError(path + ": unknown key '" + item.key() + "'");
    if (!item.value().is_number()) throw InputError(path + ": '" + item.key() + "' must be a number");
    const double v = item.value().get<double>();
    if (!(std::isfinite(v) && v >= 0)) throw InputError(path + ": '" + item.key() + "' must be a finite number >= 0");
    m.*(field->second) = v;
  }
  if (!(m.cache_bytes > 0)) throw InputError(path + ": 'cache_bytes' must be positive");
  return m;
}

void write_cpu_profile(const CpuCostModel& m, const std::string& path) {
  nlohmann::ordered_json j;
  j["machine"] = m.source;
  j["cpu"] = m.cpu;
  for (const auto& [key, member] : fields()) j[key] = m.*member;
  write_text_file(path, j.dump(2) + "\n");
}

}  // namespace evsim
