// Real text as model input: streams cut as `evsim eval` cuts them.
#include <gtest/gtest.h>

#include <numeric>

#include "core/error.hpp"
#include "data/text_corpus.hpp"

namespace evsim {
namespace {

TEST(TextInput, StreamsAreContiguousSlices) {
  std::vector<int64_t> ids(10);
  std::iota(ids.begin(), ids.end(), 0);
  // 10 ids in 3 streams of 3 (the last id is dropped): 0 1 2 | 3 4 5 | 6 7 8.
  const Sequence all = token_streams(ids, 3, 0);
  ASSERT_EQ(all.steps, 3);
  ASSERT_EQ(all.batch, 3);
  EXPECT_EQ(all.data, (std::vector<float>{0, 3, 6, 1, 4, 7, 2, 5, 8}));
  const Sequence two = token_streams(ids, 3, 2);
  EXPECT_EQ(two.data, (std::vector<float>{0, 3, 6, 1, 4, 7}));
  EXPECT_THROW(token_streams(ids, 3, 4), InputError);
  EXPECT_THROW(token_streams(ids, 11, 0), InputError);
}

}  // namespace
}  // namespace evsim
