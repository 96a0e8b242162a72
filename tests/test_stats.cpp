// Timing summaries against hand-computed quartiles.
#include <gtest/gtest.h>

#include "core/stats.hpp"

namespace evsim {
namespace {

TEST(Stats, SpreadOfUnsortedSamples) {
  const Spread s = spread_of({4.0, 1.0, 3.0, 2.0});
  EXPECT_DOUBLE_EQ(s.min, 1.0);
  EXPECT_DOUBLE_EQ(s.q1, 1.75);  // position 0.75 between 1 and 2
  EXPECT_DOUBLE_EQ(s.median, 2.5);
  EXPECT_DOUBLE_EQ(s.q3, 3.25);  // position 2.25 between 3 and 4
  EXPECT_DOUBLE_EQ(s.max, 4.0);
  EXPECT_EQ(s.n, 4);
  EXPECT_DOUBLE_EQ(median({5.0, 1.0, 9.0}), 5.0);
  EXPECT_EQ(spread_of({}).n, 0);
}

TEST(Stats, OverlapDecidesConclusiveRatios) {
  EXPECT_FALSE(ranges_overlap(spread_of({1.0, 2.0}), spread_of({3.0, 4.0})));
  EXPECT_TRUE(ranges_overlap(spread_of({1.0, 3.0}), spread_of({2.0, 4.0})));
  EXPECT_TRUE(ranges_overlap(spread_of({2.0}), spread_of({1.0, 2.0})));  // touching ranges
}

}  // namespace
}  // namespace evsim
