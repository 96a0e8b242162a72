// Every malformed checkpoint gives one CheckpointError line naming the file, node and
// dataset, never a crash.
#include <gtest/gtest.h>
#include <hdf5.h>
#include <unistd.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <functional>

#include "core/error.hpp"
#include "data/checkpoint.hpp"
#include "network/model_loader.hpp"
#include "network/node_reader.hpp"

namespace evsim {
namespace {

ModelSpec valid_model() {
  ModelSpec s;
  GraphSpec& g = s.graph;
  g.add("input", "Input").params["shape"] = Array::ints({1}, {2});
  NodeSpec& fc = g.add("fc", "Affine");
  fc.params["weight"] = Array::floats({3, 2}, {1, 2, 3, 4, 5, 6});
  fc.params["bias"] = Array::floats({3}, {0, 0, 0});
  NodeSpec& lif = g.add("lif", "LIF");
  for (const char* k : {"tau", "r", "v_leak", "v_threshold"}) lif.params[k] = Array::floats({3}, {0.01f, 0.01f, 0.01f});
  g.add("output", "Output").params["shape"] = Array::ints({1}, {3});
  g.connect("input", "fc");
  g.connect("fc", "lif");
  g.connect("lif", "output");
  return s;
}

class Validation : public ::testing::Test {
 protected:
  void TearDown() override { std::filesystem::remove(path_); }
  // Writes the mutated model and expects loading it to fail with all `needles` in one line.
  void expect_error(const std::function<void(ModelSpec&)>& mutate, std::vector<std::string> needles) {
    ModelSpec s = valid_model();
    mutate(s);
    write_checkpoint(s, path_);
    expect_load_error(std::move(needles));
  }
  // A valid checkpoint with one HDF5 object removed (what the writer never produces).
  void write_without(const char* object) {
    write_checkpoint(valid_model(), path_);
    hid_t f = H5Fopen(path_.c_str(), H5F_ACC_RDWR, H5P_DEFAULT);
    ASSERT_GE(f, 0);
    ASSERT_GE(H5Ldelete(f, object, H5P_DEFAULT), 0);
    H5Fclose(f);
  }
  void expect_load_error(std::vector<std::string> needles) {
    needles.push_back(path_);
    try {
      load_graph(path_, 0.0);
      FAIL() << "no error";
    } catch (const CheckpointError& e) {
      const std::string msg = e.what();
      EXPECT_EQ(msg.find('\n'), std::string::npos) << msg;
      for (const auto& n : needles) EXPECT_NE(msg.find(n), std::string::npos) << "'" << n << "' not in: " << msg;
    }
  }
  std::string path_ =
      (std::filesystem::temp_directory_path() / ("evsim_val_" + std::to_string(::getpid()) + ".h5")).string();
};

TEST_F(Validation, ValidModelLoads) {
  write_checkpoint(valid_model(), path_);
  EXPECT_NO_THROW(load_graph(path_, 0.0));
}

TEST_F(Validation, MissingDataset) {
  expect_error([](ModelSpec& s) { s.graph.nodes[1].params.erase("weight"); }, {"node 'fc'", "'weight'", "missing"});
}

TEST_F(Validation, WrongShape) {
  expect_error(
      [](ModelSpec& s) {
        s.graph.nodes[1].params["bias"] = Array::floats({4}, {0, 0, 0, 0});
      },
      {"node 'fc'", "'bias'", "expected shape (3)", "(4)"});
}

TEST_F(Validation, WrongRank) {
  expect_error(
      [](ModelSpec& s) {
        s.graph.nodes[1].params["weight"] = Array::floats({6}, {1, 2, 3, 4, 5, 6});
      },
      {"node 'fc'", "'weight'", "rank 2"});
}

TEST_F(Validation, WrongDtype) {
  expect_error(
      [](ModelSpec& s) {
        s.graph.nodes[1].params["weight"] = Array::ints({3, 2}, {1, 2, 3, 4, 5, 6});
      },
      {"node 'fc'", "'weight'", "expected float", "got integer"});
}

TEST_F(Validation, NanWeight) {
  expect_error([](ModelSpec& s) { s.graph.nodes[1].params["weight"].f[4] = std::nanf(""); },
               {"node 'fc'", "'weight'", "NaN", "index 4"});
}

TEST_F(Validation, InfThreshold) {
  expect_error([](ModelSpec& s) { s.graph.nodes[2].params["v_threshold"].f[0] = INFINITY; },
               {"node 'lif'", "'v_threshold'", "Inf"});
}

TEST_F(Validation, UnknownNodeType) {
  expect_error([](ModelSpec& s) { s.graph.nodes[2].type = "Hodgkin"; }, {"node 'lif'", "unknown node type 'Hodgkin'"});
}

TEST_F(Validation, DanglingEdge) {
  expect_error([](ModelSpec& s) { s.graph.connect("lif", "ghost"); }, {"'ghost'", "dangling"});
}

TEST_F(Validation, EdgeSizeMismatch) {
  expect_error([](ModelSpec& s) { s.graph.nodes[0].params["shape"] = Array::ints({1}, {5}); },
               {"node 'fc'", "expects input of size 2", "(5)"});
}

TEST_F(Validation, NoOutputNode) {
  expect_error(
      [](ModelSpec& s) {
        s.graph.nodes.pop_back();
        s.graph.edges.pop_back();
      },
      {"no Output node"});
}

TEST_F(Validation, NonPositiveTau) {
  expect_error([](ModelSpec& s) { s.graph.nodes[2].params["tau"].f[1] = 0.0f; }, {"node 'lif'", "'tau'", "positive"});
}

TEST_F(Validation, NotAnHdf5File) {
  std::ofstream(path_) << "this is not HDF5\n";
  expect_load_error({"not an HDF5 file"});
}

TEST_F(Validation, TruncatedFile) {
  write_checkpoint(valid_model(), path_);
  std::filesystem::resize_file(path_, std::filesystem::file_size(path_) / 2);
  expect_load_error({});
}

TEST_F(Validation, MissingFile) { expect_load_error({"does not exist"}); }

TEST_F(Validation, MissingTypeDataset) {
  write_without("/node/nodes/fc/type");
  expect_load_error({"node 'fc'", "'type' missing"});
}

TEST_F(Validation, MissingNodesGroup) {
  write_without("/node/nodes");
  expect_load_error({"'nodes' missing"});
}

TEST_F(Validation, StringWhereNumbersExpected) {
  expect_error([](ModelSpec& s) { s.graph.nodes[2].params["r"] = Array::text("fast"); },
               {"node 'lif'", "'r'", "expected float", "got string"});
}

// Datasets are row-major (out x in); the tiled copy into column-major must place every element,
// across tiles and at the ragged edges of a shape that is no multiple of the tile.
TEST(NodeReaderMatrix, RowMajorDatasetLandsElementForElement) {
  for (const auto& [rows, cols] : {std::pair<int64_t, int64_t>{130, 67}, {1, 200}, {200, 1}, {64, 64}}) {
    std::vector<float> v(static_cast<size_t>(rows * cols));
    for (size_t k = 0; k < v.size(); ++k) v[k] = static_cast<float>(k);
    NodeSpec n{"w", "Affine", {{"weight", Array::floats({rows, cols}, v)}}};
    const Shape in{cols};
    const Matrix m = NodeReader{n, in, 1e-3}.matrix("weight");
    ASSERT_EQ(m.rows(), rows);
    ASSERT_EQ(m.cols(), cols);
    for (int64_t r = 0; r < rows; ++r)
      for (int64_t c = 0; c < cols; ++c) ASSERT_EQ(m(r, c), static_cast<float>(r * cols + c)) << r << "," << c;
  }
}

}  // namespace
}  // namespace evsim
