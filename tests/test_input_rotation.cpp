// The GPU benchmark's input rotation (backends/cuda/input_rotation.hpp): host code, no GPU.
#include <gtest/gtest.h>

#include "backends/cuda/input_rotation.hpp"

namespace evsim {
namespace {

constexpr double kL2 = 50.0 * 1024 * 1024;      // an H100's / H200's L2
constexpr double kColumn2048 = 3 * 2048 * 4.0;  // one column of a 3H x H gate matrix, H = 2048
constexpr double kMatrix2048 = 2048 * kColumn2048;

TEST(InputRotation, OnePassTouchesTwiceTheL2) {
  // 10 % of 2048 = 205 columns = 5,038,080 bytes a step; 2 x min(L2, 50,331,648) = 100,663,296.
  EXPECT_EQ(cuda::rotated_input_sets(205 * kColumn2048, kMatrix2048, kL2), 20);  // 19.98 -> 20
  // 1 %: 20 columns = 491,520 bytes -> 204.8 -> 205 patterns.
  EXPECT_EQ(cuda::rotated_input_sets(20 * kColumn2048, kMatrix2048, kL2), 205);
  // Hidden 4096 (201 MB, over the L2): the L2 bounds it; 41 columns of 49,152 bytes -> 52.08 -> 53.
  EXPECT_EQ(cuda::rotated_input_sets(41 * 3 * 4096 * 4.0, 3.0 * 4096 * 4096 * 4, kL2), 53);
}

TEST(InputRotation, AMatrixInsideTheL2IsTouchedTwice) {
  // Hidden 512: 3,145,728 bytes, all in L2; 5 % = 26 columns of 6,144 bytes -> 39.4 -> 40.
  EXPECT_EQ(cuda::rotated_input_sets(26 * 6144.0, 1536 * 512 * 4.0, kL2), 40);
}

TEST(InputRotation, ClampedToTheGraphAndItsBound) {
  EXPECT_EQ(cuda::rotated_input_sets(kMatrix2048, kMatrix2048, kL2), cuda::kMinInputSets);  // 2 -> 20
  EXPECT_EQ(cuda::rotated_input_sets(1.0, kMatrix2048, kL2), cuda::kMaxInputSets);
  EXPECT_EQ(cuda::rotated_input_sets(0.0, kMatrix2048, kL2), cuda::kMaxInputSets);  // no active column
}

}  // namespace
}  // namespace evsim
