#pragma once
// Tests that change the process-wide CPU cost model (core/cpu_cost_model.hpp) restore it when
// they end; hand-computed byte counts pin event mode to its gathered paths with a model whose
// dense product costs more than any gathered path; thread tests make parallel regions free.
#include "core/cpu_cost_model.hpp"

namespace evsim::testing {

class CostModelScope {
 public:
  CostModelScope() : saved_(cpu_cost_model()) {}
  explicit CostModelScope(const CpuCostModel& m) : CostModelScope() { set_cpu_cost_model(m); }
  ~CostModelScope() { set_cpu_cost_model(saved_); }
  CostModelScope(const CostModelScope&) = delete;
  CostModelScope& operator=(const CostModelScope&) = delete;

 private:
  CpuCostModel saved_;
};

inline CpuCostModel dear_product_model() {
  CpuCostModel m;
  m.product_weight_cached_ns = m.product_weight_memory_ns = m.product_mac_ns = 1e9;
  return m;
}

// Parallel regions for free: the kernels split over every thread offered, so that tests of
// thread counts run the splits they name.
inline CpuCostModel free_regions_model(CpuCostModel m = cpu_cost_model()) {
  m.fork_ns = m.fork_thread_ns = m.min_thread_work = 0;
  return m;
}

}  // namespace evsim::testing
