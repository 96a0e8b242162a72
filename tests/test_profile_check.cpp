// The check a calibrated CPU profile passes before it becomes this machine's
// (bench/profile_check.hpp): its verdict from the medians, and a run that tells constants which
// price every gathered path out (event mode then takes the dense product everywhere) from the
// built-in ones.
#include <gtest/gtest.h>

#include "bench/profile_check.hpp"
#include "core/cpu_cost_model.hpp"
#include "core/threads.hpp"

namespace evsim {
namespace {

TEST(ProfileCheck, PassesWhereNoCaseRanSlowerThanTheTolerance) {
  ProfileCheck c;
  c.rows = {{1, 1, 1.0, kProfileTolerance * 0.999}, {1, 10, 2.0, 1.0}};
  EXPECT_TRUE(c.passes());
  c.rows.push_back({2, 64, 1.0, kProfileTolerance * 1.001});
  EXPECT_FALSE(c.passes());
  const std::string t = c.table();
  EXPECT_NE(t.find("0.50x"), std::string::npos) << t;  // 1.0 / 2.0
  EXPECT_NE(t.find("1.05x"), std::string::npos) << t;
}

TEST(ProfileCheck, TellsConstantsThatTakeTheDenseProductEverywhere) {
#if defined(__SANITIZE_ADDRESS__)
  GTEST_SKIP() << "times under AddressSanitizer say nothing of the build that calibrates";
#endif
  CpuCostModel slow;
  slow.source = "priced out";
  for (double CpuCostModel::*f :
       {&CpuCostModel::dense_row_cached_ns, &CpuCostModel::dense_row_memory_ns, &CpuCostModel::sparse_nnz_cached_ns,
        &CpuCostModel::sparse_nnz_memory_ns, &CpuCostModel::rows_entry_cached_ns, &CpuCostModel::rows_group_entry_ns,
        &CpuCostModel::short_event_ns, &CpuCostModel::short_vector_ns})
    slow.*f = 1e6;
  const std::string before = cpu_cost_model().source;
  // At batch 1 event mode of the default model runs several times faster than the product.
  const ProfileCheck c = check_profile(slow, 2, {1});
  EXPECT_EQ(cpu_cost_model().source, before);
  ASSERT_EQ(c.rows.size(), cpu_threads() > 1 ? 2u : 1u);
  EXPECT_FALSE(c.passes()) << c.table();
  for (const ProfileCheckRow& r : c.rows) EXPECT_GT(r.measured_s, 1.5 * r.builtin_s) << c.table();
}

}  // namespace
}  // namespace evsim
