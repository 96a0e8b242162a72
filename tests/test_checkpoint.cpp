#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>

#include "core/error.hpp"
#include "data/checkpoint.hpp"
#include "data/sequence_io.hpp"
#include "models/random_input.hpp"
#include "tests/random_models.hpp"
#include "tests/sim_helpers.hpp"

namespace evsim {
namespace {

std::string temp_path(const std::string& name) {
  return (std::filesystem::temp_directory_path() / ("evsim_test_" + std::to_string(::getpid()) + "_" + name)).string();
}

TEST(Checkpoint, RoundTripIsExact) {
  const uint64_t seed = testing::fresh_seed();
  SCOPED_TRACE("seed=" + std::to_string(seed));
  std::mt19937_64 rng(seed);
  for (const ModelSpec& spec : {testing::random_egru_stack(rng), testing::random_lif_net(rng, true, true),
                                testing::random_conv_net(rng), testing::random_vsn_mlp(rng)}) {
    ModelSpec s = spec;
    s.meta.model = "test";
    s.meta.dt = 2.5e-4;
    s.meta.vocab = {"<unk>", "the", "<eos>"};
    s.meta.metrics = {{"test_perplexity", 123.456789}};
    s.meta.pruning_method = "magnitude";
    s.meta.pruning_level = 0.8;
    const std::string path = temp_path("roundtrip.h5");
    write_checkpoint(s, path);
    const ModelSpec back = read_checkpoint(path);
    std::filesystem::remove(path);
    EXPECT_EQ(back.version, s.version);
    EXPECT_EQ(back.meta, s.meta);
    ASSERT_EQ(back.graph.nodes.size(), s.graph.nodes.size());
    for (const NodeSpec& n : s.graph.nodes) {
      const NodeSpec* m = back.graph.find(n.name);
      ASSERT_NE(m, nullptr) << n.name;
      EXPECT_EQ(*m, n) << n.name;
    }
    EXPECT_EQ(back.graph.edges, s.graph.edges);
  }
}

TEST(Checkpoint, WriterLeavesNoFileWhenItFails) {
  ModelSpec s;
  s.graph.add("bad/name", "Input");  // '/' is not a valid HDF5 link name here
  const std::string path = temp_path("fail.h5");
  EXPECT_THROW(write_checkpoint(s, path), Error);
  EXPECT_FALSE(std::filesystem::exists(path));
  for (const auto& e : std::filesystem::directory_iterator(std::filesystem::temp_directory_path()))
    EXPECT_EQ(e.path().string().find(path + ".tmp"), std::string::npos);
}

TEST(SequenceIo, InputOutputAndTokensRoundTrip) {
  const Sequence x = gaussian_input(5, 2, 3, 7);
  const std::string in = temp_path("in.h5"), out = temp_path("out.h5"), tok = temp_path("tok.h5");
  write_input(in, x);
  EXPECT_EQ(read_input(in, false).data, x.data);
  write_output(out, x);
  EXPECT_EQ(read_output(out).data, x.data);
  Sequence ids(4, 2, 1);
  for (size_t k = 0; k < ids.data.size(); ++k) ids.data[k] = static_cast<float>(k * 3);
  write_tokens(tok, ids);
  EXPECT_EQ(read_input(tok, true).data, ids.data);
  EXPECT_THROW(read_input(in, true), InputError);  // has `input`, not `tokens`
  EXPECT_THROW(read_input(tok, false), InputError);
  for (const auto& p : {in, out, tok}) std::filesystem::remove(p);
}

}  // namespace
}  // namespace evsim
