// The GPU cost model and its profile file: plain host code, tested without a GPU.
#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>
#include <random>

#include "backends/cuda/cost_model.hpp"
#include "backends/cuda/gpu_profile.hpp"
#include "core/error.hpp"
#include "tests/random_models.hpp"

namespace evsim {
namespace {

TEST(CostModel, FitRecoversOverheadAndBandwidth) {
  std::mt19937_64 rng(testing::fresh_seed());
  const double overhead = std::uniform_real_distribution<double>(1e-6, 9e-6)(rng);
  const double bandwidth = std::uniform_real_distribution<double>(1e12, 4e12)(rng);
  std::vector<double> bytes, seconds;
  for (double b : {1e5, 1e6, 5e6, 2e7, 5e7}) {
    bytes.push_back(b);
    seconds.push_back(overhead + b / bandwidth);
  }
  const auto f = cuda::fit_time_vs_bytes(bytes.data(), seconds.data(), static_cast<int>(bytes.size()));
  EXPECT_NEAR(f.overhead_s, overhead, 1e-9);
  EXPECT_NEAR(f.bandwidth / bandwidth, 1.0, 1e-6);
}

TEST(CostModel, FitOfTooFewSamplesIsEmpty) {
  const double b = 1e6, s = 1e-6;
  EXPECT_EQ(cuda::fit_time_vs_bytes(&b, &s, 1).bandwidth, 0.0);
}

TEST(CostModel, PrunedColumnsOnlyWhenPredictedFasterAtTenPercent) {
  cuda::GpuProfile p;
  p.distile_overhead_s = 4e-6;
  p.distile_bandwidth = 1.5e12;
  p.pruned_overhead_s = 6e-6;
  p.pruned_bandwidth = 0.5e12;
  // 6144 x 2048, 204.8 active columns: dense 4 us + 204.8 * 24576 B / 1.5 TB/s = 7.3554 us;
  // pruned: 12 row blocks, 6 B per entry: 6 us + 204.8 * 72 B * width / 0.5 TB/s
  // = 6 us + width * 0.0294912 us: width < 45.96.
  EXPECT_TRUE(cuda::prefer_pruned(p, 6144, 2048, 45));
  EXPECT_FALSE(cuda::prefer_pruned(p, 6144, 2048, 46));
  p.pruned_overhead_s = 4e-6;  // same overhead: width < 3.3554 / 0.0294912 = 113.78
  EXPECT_TRUE(cuda::prefer_pruned(p, 6144, 2048, 113));
  EXPECT_FALSE(cuda::prefer_pruned(p, 6144, 2048, 114));
}

TEST(CostModel, PrunedColumnBytesAndWidthEstimate) {
  EXPECT_EQ(cuda::row_blocks(512), 1);
  EXPECT_EQ(cuda::row_blocks(513), 2);
  EXPECT_DOUBLE_EQ(cuda::column_bytes(6144, true, 60), 6.0 * 60 * 12);
  EXPECT_DOUBLE_EQ(cuda::column_bytes(6144, false, 60), 4.0 * 6144);
  // 512 rows at 10 %: mean 51.2, sd sqrt(512 * 0.1 * 0.9) = 6.788: ceil(51.2 + 27.15) = 79.
  EXPECT_EQ(cuda::pruned_width_estimate(6144, 0.1), 79);
  EXPECT_EQ(cuda::pruned_width_estimate(100, 1.0), 100);  // a block of 100 rows, all non-zero
  EXPECT_EQ(cuda::pruned_width_estimate(6144, 0.0), 0);
}

TEST(CostModel, StreamingAboveTheHandComputedCrossover) {
  cuda::GpuProfile p;
  p.distile_overhead_s = 4e-6;
  p.distile_bandwidth = 1.5e12;
  p.stream_overhead_s = 4e-6;
  p.stream_bandwidth = 2.5e12;
  // Streaming 6144 x 2048: 4 us + 50,331,648 B / 2.5 TB/s = 24.1326592 us. Gathering has
  // 20.1326592 us after its overhead: 30,198,988.8 B at 1.5 TB/s = 1228.8 dense columns.
  EXPECT_EQ(cuda::stream_above(p, 6144, 2048, false, 0), 1228);
  p.stream_bandwidth = 1.0e12;  // streaming slower per byte than gathering: never
  EXPECT_EQ(cuda::stream_above(p, 6144, 2048, false, 0), 2048);
}

class ProfileFile : public ::testing::Test {
 protected:
  // One file per test: ctest runs the tests of this fixture in parallel processes.
  std::string path = ::testing::TempDir() + "/evsim_profile_" +
                     ::testing::UnitTest::GetInstance()->current_test_info()->name() + ".json";
  void write(const std::string& text) { std::ofstream(path) << text; }
  void TearDown() override { std::remove(path.c_str()); }
};

TEST_F(ProfileFile, RoundTrip) {
  cuda::GpuProfile p;
  p.device = "test gpu";
  p.distile_overhead_s = 3.25e-6;
  p.distile_bandwidth = 2.5e12;
  p.cublas_overhead_s = 1.5e-6;
  p.cublas_bandwidth = 3.5e12;
  p.pruned_overhead_s = 5.5e-6;
  p.pruned_bandwidth = 0.75e12;
  p.stream_overhead_s = 2.25e-6;
  p.stream_bandwidth = 2.75e12;
  p.range_cols = 96;
  p.max_ranges = 12;
  p.gemm_batch_from = 40;
  p.stream_unroll = 16;
  p.pdl = false;
  write_gpu_profile(p, path);
  const cuda::GpuProfile q = read_gpu_profile(path);
  EXPECT_EQ(q.device, p.device);
  EXPECT_EQ(q.distile_overhead_s, p.distile_overhead_s);
  EXPECT_EQ(q.distile_bandwidth, p.distile_bandwidth);
  EXPECT_EQ(q.cublas_overhead_s, p.cublas_overhead_s);
  EXPECT_EQ(q.cublas_bandwidth, p.cublas_bandwidth);
  EXPECT_EQ(q.pruned_overhead_s, p.pruned_overhead_s);
  EXPECT_EQ(q.pruned_bandwidth, p.pruned_bandwidth);
  EXPECT_EQ(q.stream_overhead_s, p.stream_overhead_s);
  EXPECT_EQ(q.stream_bandwidth, p.stream_bandwidth);
  EXPECT_EQ(q.range_cols, p.range_cols);
  EXPECT_EQ(q.max_ranges, p.max_ranges);
  EXPECT_EQ(q.gemm_batch_from, p.gemm_batch_from);
  EXPECT_EQ(q.stream_unroll, p.stream_unroll);
  EXPECT_EQ(q.pdl, p.pdl);
}

TEST_F(ProfileFile, BadFilesAreOneLineErrors) {
  const std::pair<const char*, const char*> cases[] = {
      {"not json", "not a JSON GPU profile"},
      {"[1, 2]", "expected a JSON object"},
      {R"({"bandwidth": 1e12})", "unknown key 'bandwidth'"},
      {R"({"distile_bandwidth": "fast"})", "'distile_bandwidth' has the wrong type"},
      {R"({"cublas_bandwidth": 0})", "'cublas_bandwidth' must be positive"},
      {R"({"distile_overhead_s": -1})", "overheads must be >= 0"},
      {R"({"max_ranges": 0})", "'max_ranges' must be positive"},
      {R"({"max_ranges": 5000})", "'max_ranges' must be at most 1024"},
      {R"({"range_cols": 48})", "'range_cols' must be a multiple of 32, at most 1024"},
      {R"({"range_cols": 2048})", "'range_cols' must be a multiple of 32, at most 1024"},
      {R"({"range_cols": 0})", "'range_cols' must be positive"},
      {R"({"stream_unroll": 12})", "'stream_unroll' must be 8 or 16"},
      {R"({"stream_overhead_s": -1e-6})", "overheads must be >= 0"},
      {R"({"pdl": 1})", "'pdl' has the wrong type"},
      {R"({"gemm_batch_from": 0})", "'gemm_batch_from' must be positive"},
  };
  for (const auto& [text, message] : cases) {
    write(text);
    try {
      read_gpu_profile(path);
      ADD_FAILURE() << "accepted: " << text;
    } catch (const InputError& e) {
      EXPECT_NE(std::string(e.what()).find(message), std::string::npos) << e.what();
      EXPECT_NE(std::string(e.what()).find(path), std::string::npos) << e.what();
    }
  }
  EXPECT_THROW(read_gpu_profile(path + ".missing"), InputError);
}

}  // namespace
}  // namespace evsim
