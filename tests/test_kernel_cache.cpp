// The on-disk cache of kernels compiled at run time (backends/cuda/kernel_cache.hpp): a binary
// is compiled once per key, read back whole and only for its exact key; damaged, truncated or
// foreign entries are compiled again and replaced; no directory, or one that cannot be written,
// costs only the compile. Host code: runs in every build.
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <random>
#include <string>
#include <vector>

#include "backends/cuda/kernel_cache.hpp"
#include "tests/env_scope.hpp"
#include "tests/random_models.hpp"

namespace evsim::cuda {
namespace {

namespace fs = std::filesystem;

class KernelCache : public ::testing::Test {
 protected:
  void SetUp() override {
    seed_ = testing::fresh_seed();
    rng_.seed(seed_);
    dir_ = fs::path(::testing::TempDir()) / ("evsim_kernel_cache_" + std::to_string(seed_));
    fs::remove_all(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  // A compile that counts its calls and returns a random binary of 1-4,000 bytes.
  std::vector<char> compile() {
    ++compiles_;
    std::vector<char> b(std::uniform_int_distribution<size_t>(1, 4000)(rng_));
    for (char& c : b) c = static_cast<char>(rng_());
    return b;
  }
  std::vector<char> get(const std::string& key, bool* hit, const fs::path& dir) {
    return cached_binary(
        key, dir, [this] { return compile(); }, hit);
  }
  std::vector<char> get(const std::string& key, bool* hit) { return get(key, hit, dir_); }

  // The one entry in the directory.
  fs::path entry() const {
    std::vector<fs::path> files;
    for (const auto& e : fs::directory_iterator(dir_)) files.push_back(e.path());
    EXPECT_EQ(files.size(), 1u);
    return files.empty() ? fs::path() : files[0];
  }

  uint64_t seed_ = 0;
  std::mt19937_64 rng_;
  fs::path dir_;
  int compiles_ = 0;
};

std::string read_all(const fs::path& p) {
  std::ifstream f(p, std::ios::binary);
  return {std::istreambuf_iterator<char>(f), std::istreambuf_iterator<char>()};
}

void write_all(const fs::path& p, const std::string& s) { std::ofstream(p, std::ios::binary) << s; }

TEST_F(KernelCache, CompilesOncePerKey) {
  SCOPED_TRACE("seed=" + std::to_string(seed_));
  const std::string key = "nvrtc 13.0 sm_90\nsource " + std::to_string(rng_());
  bool hit = true;
  const std::vector<char> first = get(key, &hit);
  EXPECT_FALSE(hit);
  EXPECT_EQ(compiles_, 1);
  const std::vector<char> again = get(key, &hit);
  EXPECT_TRUE(hit);
  EXPECT_EQ(compiles_, 1);
  EXPECT_EQ(again, first);
  get(key + " ", &hit);  // another key: its own compile
  EXPECT_FALSE(hit);
  EXPECT_EQ(compiles_, 2);
}

TEST_F(KernelCache, DamagedOrForeignEntriesAreCompiledAgain) {
  SCOPED_TRACE("seed=" + std::to_string(seed_));
  const std::string key = "sm_90\n" + std::string(std::uniform_int_distribution<size_t>(1, 300)(rng_), 'k');
  bool hit = false;
  get(key, &hit);
  const fs::path file = entry();
  const std::string whole = read_all(file);
  std::vector<std::pair<std::string, std::string>> damages = {
      {"truncated", whole.substr(0, std::uniform_int_distribution<size_t>(0, whole.size() - 1)(rng_))},
      {"extended", whole + "x"},
      {"empty", ""},
      {"not an entry", std::string(whole.size(), 'z')},
  };
  std::string other = whole;  // another key of the same length, as a hash collision would give
  other[whole.find(key) + key.size() - 1] = 'q';
  damages.emplace_back("another key", other);
  for (const auto& [what, bytes] : damages) {
    SCOPED_TRACE(what);
    write_all(file, bytes);
    const int before = compiles_;
    const std::vector<char> b = get(key, &hit);
    EXPECT_FALSE(hit);
    EXPECT_EQ(compiles_, before + 1);
    const std::vector<char> again = get(key, &hit);  // replaced: a hit again
    EXPECT_TRUE(hit);
    EXPECT_EQ(again, b);
  }
}

// Where the entry should be: an entry whose binary is implausibly large (65 MiB: refused before
// it is read), a FIFO (whose read would block), a directory.
TEST_F(KernelCache, OnlyPlausibleRegularFilesAreRead) {
  SCOPED_TRACE("seed=" + std::to_string(seed_));
  bool hit = false;
  const std::vector<char> binary = get("key", &hit);
  const fs::path file = entry();
  const std::string whole = read_all(file);
  const auto replace = [&](const std::string& what) {
    fs::remove_all(file);
    if (what == "huge") {  // the same header with a binary size of 65 MiB, the file that long
      std::string head = whole.substr(0, whole.size() - binary.size());
      const uint64_t n = uint64_t(65) << 20;
      for (int b = 0; b < 8; ++b) head[head.size() - 8 + b] = static_cast<char>((n >> (8 * b)) & 0xff);
      write_all(file, head);
      fs::resize_file(file, head.size() + n);  // sparse: no disk used
    } else if (what == "fifo") {
      ASSERT_EQ(mkfifo(file.c_str(), 0600), 0);
    } else {
      fs::create_directory(file);
    }
  };
  for (const char* what : {"huge", "fifo", "directory"}) {
    SCOPED_TRACE(what);
    replace(what);
    const int before = compiles_;
    EXPECT_NO_THROW(get("key", &hit));
    EXPECT_FALSE(hit);
    EXPECT_EQ(compiles_, before + 1);
  }
}

TEST_F(KernelCache, WithoutAUsableDirectoryEveryCallCompiles) {
  SCOPED_TRACE("seed=" + std::to_string(seed_));
  fs::create_directories(dir_);
  write_all(dir_ / "file", "a file where a directory would go");
  for (const fs::path& dir : {fs::path(), dir_ / "file" / "kernels"}) {
    SCOPED_TRACE(dir.string());
    const int before = compiles_;
    bool hit = true;
    EXPECT_NO_THROW(get("key", &hit, dir));
    EXPECT_NO_THROW(get("key", &hit, dir));
    EXPECT_FALSE(hit);
    EXPECT_EQ(compiles_, before + 2);
  }
  EXPECT_EQ(std::distance(fs::directory_iterator(dir_), fs::directory_iterator()), 1);
}

TEST(KernelCacheDir, FollowsTheEnvironment) {
  const evsim::testing::EnvScope env({"EVSIM_KERNEL_CACHE", "XDG_CACHE_HOME", "HOME"});
  setenv("HOME", "/home/u", 1);
  setenv("XDG_CACHE_HOME", "/xdg", 1);
  setenv("EVSIM_KERNEL_CACHE", "/k", 1);
  EXPECT_EQ(kernel_cache_dir(), fs::path("/k"));
  setenv("EVSIM_KERNEL_CACHE", "off", 1);
  EXPECT_TRUE(kernel_cache_dir().empty());
  unsetenv("EVSIM_KERNEL_CACHE");
  EXPECT_EQ(kernel_cache_dir(), fs::path("/xdg/evsim/kernels"));
  unsetenv("XDG_CACHE_HOME");
  EXPECT_EQ(kernel_cache_dir(), fs::path("/home/u/.cache/evsim/kernels"));
  unsetenv("HOME");
  EXPECT_TRUE(kernel_cache_dir().empty());
}

}  // namespace
}  // namespace evsim::cuda
