// The sweep's plan, shards and rank-to-GPU mapping (pure functions; the CLI behaviour, kills
// and merges are tested in tools/tests/test_sweep.py).
#include <gtest/gtest.h>

#include <set>

#include "core/error.hpp"
#include "models/sweep.hpp"
#include "models/sweep_parallel.hpp"

namespace evsim {
namespace {

TEST(SweepPlan, EveryCombinationOnceInPlanOrder) {
  SweepConfig c;
  c.models = {"a.h5", "b.h5"};
  c.prune = {0.0, 0.9};
  c.threshold_scales = {1.0, 2.0};
  c.batches = {1, 10};
  c.backends = {"cpu"};
  const auto plan = sweep_plan(c);
  ASSERT_EQ(plan.size(), 2u * 2 * 2 * 2 * 2);
  std::set<std::string> keys;
  for (const auto& p : plan) keys.insert(p.key());
  EXPECT_EQ(keys.size(), plan.size());
  EXPECT_EQ(plan[0].key(), "a.h5|prune=0|threshold=1|batch=1|cpu|dense");
  EXPECT_EQ(plan[1].key(), "a.h5|prune=0|threshold=1|batch=1|cpu|event");
  EXPECT_EQ(plan.back().key(), "b.h5|prune=0.9|threshold=2|batch=10|cpu|event");
  c.batches = {10, 10};
  EXPECT_THROW(sweep_plan(c), UsageError);
  c.models.clear();
  EXPECT_THROW(sweep_plan(c), UsageError);
}

TEST(SweepPlan, ShardsPartitionThePlan) {
  const Shard s = parse_shard("2/3");
  EXPECT_EQ(s.index, 2);
  EXPECT_EQ(s.count, 3);
  std::vector<int> owner(10, -1);
  for (int i = 0; i < 3; ++i)
    for (size_t k = 0; k < owner.size(); ++k)
      if (in_shard(k, Shard{i, 3})) {
        EXPECT_EQ(owner[k], -1);
        owner[k] = i;
      }
  for (int o : owner) EXPECT_GE(o, 0);
  for (const char* bad : {"3/3", "1", "a/2", "1/0", "-1/2", "1/2x"}) EXPECT_THROW(parse_shard(bad), UsageError) << bad;
}

TEST(SweepPlan, RanksTakeTheNodesGpusInTurn) {
  EXPECT_EQ(gpu_for_rank(0, 4), 0);
  EXPECT_EQ(gpu_for_rank(3, 4), 3);
  EXPECT_EQ(gpu_for_rank(5, 4), 1);  // more ranks than GPUs: shared
  EXPECT_EQ(gpu_for_rank(1, 1), 0);
  EXPECT_EQ(gpu_for_rank(2, 0), -1);  // no GPU
}

}  // namespace
}  // namespace evsim
