#include <gtest/gtest.h>

#include "core/error.hpp"
#include "core/event_queue.hpp"

namespace evsim {
namespace {

TEST(EventQueue, DeliversEachEventAtItsStepInPushOrder) {
  EventQueue q(4);
  q.push({1, 0, 0, 1.0f});
  q.push({2, 0, 2, 2.0f});
  q.push({3, 0, 0, 3.0f});
  q.push({4, 1, 3, 4.0f});
  std::vector<std::vector<uint32_t>> seen;
  for (int t = 0; t < 4; ++t) {
    std::vector<uint32_t> now;
    for (const Event& e : q.due()) {
      EXPECT_EQ(e.step, t);
      now.push_back(e.source);
    }
    seen.push_back(now);
    q.advance();
  }
  EXPECT_EQ(seen, (std::vector<std::vector<uint32_t>>{{1, 3}, {}, {2}, {4}}));
  EXPECT_EQ(q.pending(), 0u);
}

TEST(EventQueue, RingReusesBucketsAcrossManySteps) {
  EventQueue q(3);
  size_t delivered = 0;
  for (int t = 0; t < 100; ++t) {
    q.push({static_cast<uint32_t>(t), 0, t + 2, 1.0f});
    for (const Event& e : q.due()) {
      EXPECT_EQ(e.source + 2, static_cast<uint32_t>(t));
      ++delivered;
    }
    q.advance();
  }
  EXPECT_EQ(delivered, 98u);
  EXPECT_EQ(q.pending(), 2u);
}

TEST(EventQueue, RejectsEventsOutsideTheHorizon) {
  EventQueue q(2);
  EXPECT_THROW(q.push({0, 0, 2, 1.0f}), Error);
  q.advance();
  EXPECT_THROW(q.push({0, 0, 0, 1.0f}), Error);  // in the past
  EXPECT_NO_THROW(q.push({0, 0, 2, 1.0f}));
  EXPECT_THROW(EventQueue(0), Error);
}

}  // namespace
}  // namespace evsim
