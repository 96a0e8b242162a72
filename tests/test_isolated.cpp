// The isolated reader: results, errors of each kind, crashes and endless loops of the child,
// and the bytes that carry a checkpoint or an input back.
#include <gtest/gtest.h>

#include <csignal>
#include <random>

#include "core/error.hpp"
#include "data/isolated.hpp"
#include "data/model_spec_codec.hpp"
#include "models/random_input.hpp"
#include "tests/random_models.hpp"

namespace evsim {
namespace {

TEST(Isolated, ResultsAndErrorsCrossThePipe) {
  EXPECT_EQ(run_isolated([] { return std::string(100000, 'x'); }, "big"), std::string(100000, 'x'));
  EXPECT_THROW(run_isolated([]() -> std::string { throw CheckpointError("bad node"); }, "f"), CheckpointError);
  EXPECT_THROW(run_isolated([]() -> std::string { throw UsageError("bad flag"); }, "f"), UsageError);
  try {
    run_isolated([]() -> std::string { throw InputError("f.h5: dataset 'input' missing"); }, "f.h5");
    FAIL() << "no error";
  } catch (const InputError& e) {
    EXPECT_STREQ(e.what(), "f.h5: dataset 'input' missing");
  }
}

TEST(Isolated, ACrashOfTheChildIsAnError) {
  try {
    run_isolated(
        []() -> std::string {
          std::raise(SIGSEGV);
          return "";
        },
        "corrupt.h5");
    FAIL() << "no error";
  } catch (const InputError& e) {
    EXPECT_NE(std::string(e.what()).find("corrupt.h5: the HDF5 library crashed reading it (signal 11)"),
              std::string::npos)
        << e.what();
  }
}

TEST(Isolated, ALoopingChildIsKilled) {
  set_reader_time_limit(0.3);
  try {
    run_isolated(
        []() -> std::string {
          volatile int spin = 0;
          for (;;) spin = 1 - spin;
        },
        "loop.h5");
    FAIL() << "no error";
  } catch (const InputError& e) {
    EXPECT_NE(std::string(e.what()).find("did not finish"), std::string::npos) << e.what();
  }
  set_reader_time_limit(300);
}

TEST(Isolated, SpecsAndSequencesRoundTrip) {
  const uint64_t seed = testing::fresh_seed();
  SCOPED_TRACE("seed=" + std::to_string(seed));
  std::mt19937_64 rng(seed);
  for (ModelSpec s : {testing::random_lm(rng), testing::random_conv_net(rng), testing::random_vsn_mlp(rng)}) {
    s.meta.dt = 1e-3;
    s.meta.metrics["ppl"] = 3.5;
    s.meta.pruning_method = "global_magnitude";
    s.source = "x.h5";
    const ModelSpec back = decode_spec(encode_spec(s));
    EXPECT_EQ(back.graph, s.graph);
    EXPECT_EQ(back.meta, s.meta);
    EXPECT_EQ(back.source, s.source);
  }
  const Sequence x = gaussian_input(5, 3, 7, seed);
  EXPECT_EQ(decode_sequence(encode_sequence(x)).data, x.data);
  std::string cut = encode_sequence(x);
  cut.resize(cut.size() - 3);
  EXPECT_THROW(decode_sequence(cut), Error);
}

}  // namespace
}  // namespace evsim
