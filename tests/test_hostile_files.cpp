// Hostile and malformed checkpoints (issue 14's classes, one case each at least): every one is a
// single CheckpointError / InputError line naming what is wrong, never a crash, a hang, a memory
// blow-up or a silent wrong answer.
#include <gtest/gtest.h>
#include <hdf5.h>
#include <unistd.h>

#include <cmath>
#include <filesystem>
#include <functional>

#include "core/error.hpp"
#include "core/log_softmax.hpp"
#include "core/memory_budget.hpp"
#include "data/checkpoint.hpp"
#include "models/random_input.hpp"
#include "network/model_loader.hpp"
#include "tests/sim_helpers.hpp"

namespace evsim {
namespace {

namespace fs = std::filesystem;

ModelSpec chain() {
  ModelSpec s;
  GraphSpec& g = s.graph;
  g.add("input", "Input").params["shape"] = Array::ints({1}, {2});
  NodeSpec& fc = g.add("fc", "Affine");
  fc.params["weight"] = Array::floats({3, 2}, {1, 2, 3, 4, 5, 6});
  fc.params["bias"] = Array::floats({3}, {0, 0, 0});
  g.add("output", "Output").params["shape"] = Array::ints({1}, {3});
  g.connect("input", "fc");
  g.connect("fc", "output");
  return s;
}

class Hostile : public ::testing::Test {
 protected:
  std::string path = (fs::temp_directory_path() / ("evsim_hostile_" + std::to_string(::getpid()) + ".h5")).string();
  std::string other = path + ".other.h5";
  void TearDown() override {
    fs::remove(path);
    fs::remove(other);
    set_memory_budget(saved_budget_);
  }
  // Writes `spec`, then lets `edit` change the file through the HDF5 API.
  void write(const ModelSpec& spec, const std::function<void(hid_t)>& edit = {}) {
    write_checkpoint(spec, path);
    if (!edit) return;
    hid_t f = H5Fopen(path.c_str(), H5F_ACC_RDWR, H5P_DEFAULT);
    ASSERT_GE(f, 0);
    edit(f);
    H5Fclose(f);
  }
  void expect_error(std::vector<std::string> needles) {
    try {
      Graph g = load_graph(path, 0.0);
      testing::run_on("cpu", g, Mode::Event, gaussian_input(3, 2, g.input_width(), 1));
      FAIL() << "no error";
    } catch (const Error& e) {
      const std::string msg = e.what();
      EXPECT_EQ(msg.find('\n'), std::string::npos) << msg;
      for (const auto& n : needles) EXPECT_NE(msg.find(n), std::string::npos) << "'" << n << "' not in: " << msg;
    }
  }
  uint64_t saved_budget_ = memory_budget();
};

TEST_F(Hostile, DuplicatedEdgeWouldCountTwice) {
  ModelSpec s = chain();
  s.graph.connect("fc", "output");
  write(s);
  expect_error({"edge 'fc' -> 'output'", "appears twice"});
}

TEST_F(Hostile, EdgeOutOfTheOutput) {
  ModelSpec s = chain();
  s.graph.connect("output", "fc");
  write(s);
  expect_error({"edge 'output' -> 'fc'", "leaves the Output node"});
}

TEST_F(Hostile, SoftLinkLoopIsRefused) {
  write(chain(),
        [](hid_t f) { ASSERT_GE(H5Lcreate_soft("/node", f, "/node/nodes/loop", H5P_DEFAULT, H5P_DEFAULT), 0); });
  expect_error({"node 'loop'", "soft link", "hard links only"});
}

TEST_F(Hostile, HardLinkLoopIsRefused) {
  // A subgraph whose 'nodes' group holds a hard link back to the root graph.
  write(chain(),
        [](hid_t f) { ASSERT_GE(H5Lcreate_hard(f, "/node", f, "/node/nodes/again", H5P_DEFAULT, H5P_DEFAULT), 0); });
  expect_error({"contains itself", "hard-link loop"});
}

TEST_F(Hostile, ExternalLinkIsRefused) {
  write_checkpoint(chain(), other);
  write(chain(), [this](hid_t f) {
    ASSERT_GE(H5Ldelete(f, "/node/nodes/fc/weight", H5P_DEFAULT), 0);
    const std::string target = "../" + fs::path(other).filename().string();
    ASSERT_GE(H5Lcreate_external(target.c_str(), "/node/nodes/fc/weight", f, "/node/nodes/fc/weight", H5P_DEFAULT,
                                 H5P_DEFAULT),
              0);
  });
  expect_error({"node 'fc' dataset 'weight'", "external link"});
}

TEST_F(Hostile, SubgraphsNestedTooDeep) {
  ModelSpec s = chain();
  write(s, [](hid_t f) {
    std::string at = "/node/nodes";
    for (int k = 0; k < 40; ++k) {
      at += "/sub" + std::to_string(k);
      hid_t g = H5Gcreate2(f, at.c_str(), H5P_DEFAULT, H5P_DEFAULT, H5P_DEFAULT);
      hid_t str = H5Tcopy(H5T_C_S1);
      H5Tset_size(str, 8);
      hid_t space = H5Screate(H5S_SCALAR);
      hid_t ds = H5Dcreate2(g, "type", str, space, H5P_DEFAULT, H5P_DEFAULT, H5P_DEFAULT);
      H5Dwrite(ds, str, H5S_ALL, H5S_ALL, H5P_DEFAULT, "NIRGraph");
      H5Dclose(ds);
      H5Sclose(space);
      H5Tclose(str);
      H5Gclose(g);
      at += "/nodes";
      H5Gclose(H5Gcreate2(f, at.c_str(), H5P_DEFAULT, H5P_DEFAULT, H5P_DEFAULT));
    }
  });
  expect_error({"nested deeper than 32"});
}

TEST_F(Hostile, HugeDeclaredWeightIsRefusedBeforeAllocating) {
  // 20000 x 20000 floats declared, chunked and compressed, nothing written: a tiny file.
  write(chain(), [](hid_t f) {
    ASSERT_GE(H5Ldelete(f, "/node/nodes/fc/weight", H5P_DEFAULT), 0);
    hsize_t dims[2] = {20000, 20000}, chunk[2] = {100, 100};
    hid_t space = H5Screate_simple(2, dims, nullptr), dcpl = H5Pcreate(H5P_DATASET_CREATE);
    H5Pset_chunk(dcpl, 2, chunk);
    H5Pset_deflate(dcpl, 4);
    hid_t ds = H5Dcreate2(f, "/node/nodes/fc/weight", H5T_IEEE_F32LE, space, H5P_DEFAULT, dcpl, H5P_DEFAULT);
    H5Dclose(ds);
    H5Pclose(dcpl);
    H5Sclose(space);
  });
  EXPECT_LT(fs::file_size(path), 100000u);
  expect_error({"node 'fc' dataset 'weight'", "(20000, 20000)", "stores"});
}

TEST_F(Hostile, MemoryBudgetNamesTheDataset) {
  ModelSpec s = chain();
  s.graph.nodes[0].params["shape"] = Array::ints({1}, {200});
  s.graph.nodes[1].params["weight"] = Array::floats({3, 200}, std::vector<float>(600, 0.5f));
  write(s);
  set_memory_budget(1000);  // the strings fit (64 bytes each counted), the 600 weights do not
  expect_error({"node 'fc' dataset 'weight'", "over the memory budget", "--max-memory"});
}

TEST_F(Hostile, LongDelayOverTheBudget) {
  ModelSpec s = chain();
  NodeSpec& d = s.graph.add("delay", "Delay");
  d.params["delay"] = Array::floats({3}, {1000.0f, 0.0f, 0.0f});  // 1000 s at dt 1e-4: 1e7 steps
  s.graph.edges = {{"input", "fc"}, {"fc", "delay"}, {"delay", "output"}};
  write(s);
  set_memory_budget(uint64_t(64) << 20);
  expect_error({"node 'delay' (Delay) dataset 'delay'", "10000001 steps", "memory budget"});
}

TEST_F(Hostile, NonFiniteOrAbsurdDt) {
  for (double dt : {std::nan(""), -1.0, double(INFINITY), 1e300}) {
    ModelSpec s = chain();
    s.meta.dt = 1e-3;
    write(s, [dt](hid_t f) {
      hid_t g = H5Gopen2(f, "evsim", H5P_DEFAULT);
      hid_t a = H5Aopen(g, "dt", H5P_DEFAULT);
      H5Awrite(a, H5T_NATIVE_DOUBLE, &dt);
      H5Aclose(a);
      H5Gclose(g);
    });
    expect_error({"'dt'", "(0, 1000]"});
  }
}

TEST_F(Hostile, EmptyPaddingStringArray) {
  ModelSpec s;
  s.graph.add("input", "Input").params["shape"] = Array::ints({3}, {1, 4, 4});
  NodeSpec& c = s.graph.add("conv", "Conv2d");
  c.params["weight"] = Array::floats({1, 1, 3, 3}, std::vector<float>(9, 0.5f));
  Array empty;
  empty.kind = Array::Kind::String;
  empty.shape = {0};
  c.params["padding"] = empty;
  s.graph.add("output", "Output");
  s.graph.connect("input", "conv");
  s.graph.connect("conv", "output");
  write(s);
  expect_error({"node 'conv' (Conv2d) dataset 'padding'", "expected one string"});
}

TEST_F(Hostile, InputShapeWhoseProductWraps) {
  ModelSpec s = chain();
  s.graph.nodes[0].params["shape"] = Array::ints({3}, {int64_t(1) << 40, int64_t(1) << 40, 16});
  write(s);
  expect_error({"node 'input' (Input) dataset 'shape'", "2^31 units"});
}

TEST_F(Hostile, FixedLengthStringsReadWhole) {
  // NUL-padded fixed-length strings of exactly the word's width, as h5py writes numpy 'S6'.
  write(chain(), [](hid_t f) {
    ASSERT_GE(H5Ldelete(f, "/node/nodes/fc/type", H5P_DEFAULT), 0);
    hid_t str = H5Tcopy(H5T_C_S1);
    H5Tset_size(str, 6);
    H5Tset_strpad(str, H5T_STR_NULLPAD);
    hid_t space = H5Screate(H5S_SCALAR);
    hid_t ds = H5Dcreate2(f, "/node/nodes/fc/type", str, space, H5P_DEFAULT, H5P_DEFAULT, H5P_DEFAULT);
    ASSERT_GE(H5Dwrite(ds, str, H5S_ALL, H5S_ALL, H5P_DEFAULT, "Affine"), 0);
    H5Dclose(ds);
    H5Sclose(space);
    H5Tclose(str);
  });
  const ModelSpec back = read_checkpoint(path);
  EXPECT_EQ(back.graph.find("fc")->type, "Affine");
  EXPECT_NO_THROW(load_graph(path, 0.0));
}

TEST_F(Hostile, NonFiniteOutputsAreNamed) {
  ModelSpec s = chain();
  s.graph.nodes[1].params["bias"] = Array::floats({3}, {3e38f, 3e38f, 0});
  write(s);
  Graph g = load_graph(path, 0.0);
  Sequence x(2, 1, 2);
  x.data = {1e38f, 1e38f, 0, 0};
  const RunResult r = testing::run_on("cpu", g, Mode::Dense, x);
  EXPECT_EQ(r.nonfinite_node, "fc");  // 1e38 x 3 + 3e38 overflows in the Affine, at step 0
  EXPECT_EQ(r.nonfinite_step, 0);
}

TEST(StableLogSoftmax, HugeEqualLogitsAreUniform) {
  std::vector<float> logits(10000, 3e38f);
  EXPECT_NEAR(token_nll(logits.data(), 10000, 17), std::log(10000.0), 1e-9);
}

}  // namespace
}  // namespace evsim
