// The output policy: outputs appear together or not at all, never over an input, a device or a
// FIFO; temporaries go on errors and on SIGTERM.
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <csignal>
#include <filesystem>
#include <fstream>

#include "core/error.hpp"
#include "data/atomic_file.hpp"
#include "data/file_policy.hpp"

namespace evsim {
namespace {

namespace fs = std::filesystem;

class Outputs : public ::testing::Test {
 protected:
  fs::path dir = fs::path(::testing::TempDir()) /
                 ("evsim_outputs_" + std::string(::testing::UnitTest::GetInstance()->current_test_info()->name()));
  void SetUp() override {
    fs::remove_all(dir);
    fs::create_directories(dir);
  }
  void TearDown() override { fs::remove_all(dir); }
  std::string at(const char* name) const { return (dir / name).string(); }
  size_t entries() const { return static_cast<size_t>(std::distance(fs::directory_iterator(dir), {})); }
};

TEST_F(Outputs, AppearTogetherOnlyWhenTheCommandSucceeds) {
  {
    OutputTransaction tx;
    write_text_file(at("a.json"), "a");
    write_text_file(at("b.json"), "b");
    EXPECT_FALSE(fs::exists(at("a.json")));  // written, not yet visible
    tx.commit();
  }
  EXPECT_TRUE(fs::exists(at("a.json")));
  EXPECT_TRUE(fs::exists(at("b.json")));
  EXPECT_EQ(entries(), 2u);  // no temporaries left
  {
    OutputTransaction tx;
    write_text_file(at("c.json"), "c");
    // the command fails here: the transaction ends without commit
  }
  EXPECT_FALSE(fs::exists(at("c.json")));
  EXPECT_EQ(entries(), 2u);
}

TEST_F(Outputs, NeverOverAnInputADeviceOrAFifo) {
  OutputTransaction command;  // inputs are remembered per command
  const std::string model = at("m.h5");
  std::ofstream(model) << "model";
  register_input(model);
  EXPECT_THROW(check_output_path(model), UsageError);
  fs::create_symlink(model, at("link.h5"));
  EXPECT_THROW(check_output_path(at("link.h5")), UsageError);  // resolves to the input
  ASSERT_EQ(::mkfifo(at("fifo").c_str(), 0600), 0);
  EXPECT_THROW(check_output_path(at("fifo")), UsageError);
  EXPECT_THROW(check_input_file(at("fifo")), InputError);  // would block forever
  EXPECT_THROW(check_output_path("/dev/null"), UsageError);
  EXPECT_THROW(check_output_path(dir.string()), UsageError);
  EXPECT_THROW(check_output_path(""), UsageError);
  EXPECT_THROW(check_output_path(at("missing/x.h5")), UsageError);
  std::ofstream(at("old.json")) << "old";
  EXPECT_NO_THROW(check_output_path(at("old.json")));  // an earlier output may be replaced
  EXPECT_NO_THROW(check_output_path(at("new.json")));
  EXPECT_THROW(AtomicFile{model}, UsageError);
  EXPECT_EQ(std::ifstream(model).get(), 'm');
}

TEST_F(Outputs, TwoOutputsNeverNameOneFile) {
  OutputTransaction command;
  const std::string same = at("o.h5"), dotted = (dir / "." / "o.h5").string();
  EXPECT_NO_THROW(check_output_paths({same, at("o.json"), ""}));
  EXPECT_THROW(check_output_paths({same, dotted}), UsageError);  // not yet a file: same path
  std::ofstream(same) << "old";
  fs::create_symlink(same, at("link.h5"));
  EXPECT_THROW(check_output_paths({at("link.h5"), same}), UsageError);  // a link and its target
  // Written through another route: the second deferred write of the file fails the command,
  // and the file keeps its old content.
  write_text_file(same, "first");
  EXPECT_THROW(write_text_file(dotted, "second"), UsageError);
  EXPECT_EQ(std::ifstream(same).get(), 'o');
  command.commit();
  EXPECT_EQ(std::ifstream(same).get(), 'f');
  EXPECT_EQ(entries(), 2u) << "a temporary was left";
}

TEST_F(Outputs, SigtermRemovesTemporaries) {
  const std::string out = at("out.h5");
  const pid_t child = ::fork();
  ASSERT_GE(child, 0);
  if (child == 0) {
    install_output_signal_cleanup();
    OutputTransaction tx;
    AtomicFile a(out), b(at("second.json"));
    std::ofstream(a.temp_path()) << "partial";
    std::ofstream(b.temp_path()) << "partial";
    a.commit();  // handed to the transaction: still a temporary
    std::raise(SIGTERM);
    ::_exit(0);  // not reached
  }
  int status = 0;
  ASSERT_EQ(::waitpid(child, &status, 0), child);
  EXPECT_TRUE(WIFSIGNALED(status) && WTERMSIG(status) == SIGTERM);
  EXPECT_EQ(entries(), 0u) << "a temporary or an output survived SIGTERM";
}

}  // namespace
}  // namespace evsim
