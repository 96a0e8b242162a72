// Huge-page storage (core/huge_pages.hpp): large arrays start on a 2 MB boundary and behave
// as any vector (grow, copy, compare); small ones work too.
#include <gtest/gtest.h>

#include <cstdint>
#include <numeric>

#include "core/huge_pages.hpp"

namespace evsim {
namespace {

TEST(HugePages, LargeArraysAreAlignedAndBehaveAsVectors) {
  HugeVector<float> big(kHugePageBytes / sizeof(float) + 5);
  EXPECT_EQ(reinterpret_cast<uintptr_t>(big.data()) % kHugePageBytes, 0u);
  std::iota(big.begin(), big.end(), 0.0f);
  HugeVector<float> copy = big;
  EXPECT_EQ(copy, big);
  EXPECT_NE(copy.data(), big.data());
  big.resize(big.size() * 3);  // regrown across the threshold and back through the allocator
  EXPECT_EQ(big[12345], 12345.0f);
  EXPECT_EQ(reinterpret_cast<uintptr_t>(big.data()) % kHugePageBytes, 0u);
  HugeVector<uint16_t> small;
  for (int k = 0; k < 1000; ++k) small.push_back(static_cast<uint16_t>(k));
  EXPECT_EQ(small[999], 999);
  big.clear();
  big.shrink_to_fit();  // a large block back through free_huge (ASan checks the pairing)
}

}  // namespace
}  // namespace evsim
