#include "data/atomic_file.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <array>
#include <atomic>
#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <mutex>

#include "core/error.hpp"
#include "data/file_policy.hpp"

namespace evsim {
namespace {

// Pending temporaries, readable from a signal handler: fixed slots of C strings, a slot is in
// use while its first byte is non-zero.
constexpr size_t kSlots = 64, kPathMax = 4096;
std::array<std::array<char, kPathMax>, kSlots> g_pending{};
std::mutex g_pending_mutex;
OutputTransaction* g_transaction = nullptr;
std::atomic<unsigned> g_counter{0};

void track(const std::string& path) {
  if (path.size() >= kPathMax) return;  // too long to track: still removed on normal exits
  std::lock_guard<std::mutex> lock(g_pending_mutex);
  for (auto& slot : g_pending)
    if (slot[0] == '\0') {
      std::memcpy(slot.data(), path.c_str(), path.size() + 1);
      return;
    }
}

void untrack(const std::string& path) {
  std::lock_guard<std::mutex> lock(g_pending_mutex);
  for (auto& slot : g_pending)
    if (slot[0] != '\0' && path == slot.data()) slot[0] = '\0';
}

void remove_temp(const std::string& path) {
  std::remove(path.c_str());
  untrack(path);
}

extern "C" void cleanup_on_signal(int sig) {
  for (auto& slot : g_pending)
    if (slot[0] != '\0') ::unlink(slot.data());
  std::signal(sig, SIG_DFL);
  std::raise(sig);
}

std::string temp_name(const std::string& final_path) {
  const std::filesystem::path p(final_path);
  std::string name = ".";  // (operator+ on a literal trips GCC 12's -Wrestrict)
  name += p.filename().string();
  name += ".evsim-tmp." + std::to_string(::getpid()) + "." + std::to_string(g_counter++);
  return (p.parent_path() / name).string();
}

}  // namespace

AtomicFile::AtomicFile(std::string final_path) : final_(std::move(final_path)) {
  check_output_path(final_);
  temp_ = temp_name(final_);
  track(temp_);
}

AtomicFile::~AtomicFile() {
  if (!committed_) remove_temp(temp_);
}

void AtomicFile::commit() {
  if (g_transaction) {
    g_transaction->defer(temp_, final_);
    committed_ = true;
    return;
  }
  std::error_code ec;
  std::filesystem::rename(temp_, final_, ec);
  if (ec) throw Error(final_ + ": cannot write (" + ec.message() + ")");
  untrack(temp_);
  committed_ = true;
}

void AtomicFile::commit_now() {
  std::error_code ec;
  std::filesystem::rename(temp_, final_, ec);
  if (ec) throw Error(final_ + ": cannot write (" + ec.message() + ")");
  untrack(temp_);
  committed_ = true;
}

OutputTransaction::OutputTransaction() {
  if (g_transaction) throw Error("output transactions do not nest");
  g_transaction = this;
  begin_command();
}

OutputTransaction::~OutputTransaction() {
  g_transaction = nullptr;
  end_command();
  if (!committed_)
    for (const auto& f : files_) remove_temp(f.first);
}

void OutputTransaction::defer(std::string temp, std::string final_path) {
  // Two outputs of one command naming one file: the later rename would silently replace the
  // earlier output (the CLI checks its options up front; this catches any other route).
  for (const auto& f : files_)
    if (resolved_path(f.second) == resolved_path(final_path)) {
      remove_temp(temp);
      throw UsageError(final_path + ": written twice by this command; give each output its own file");
    }
  files_.emplace_back(std::move(temp), std::move(final_path));
}

void OutputTransaction::commit() {
  g_transaction = nullptr;
  for (const auto& [temp, final_path] : files_) {
    std::error_code ec;
    std::filesystem::rename(temp, final_path, ec);
    if (ec) throw Error(final_path + ": cannot write (" + ec.message() + ")");
    untrack(temp);
  }
  committed_ = true;
}

void install_output_signal_cleanup() {
  std::signal(SIGINT, cleanup_on_signal);
  std::signal(SIGTERM, cleanup_on_signal);
  // Past the file-size limit (ulimit -f) a write raises SIGXFSZ, whose default ends the process
  // with the temporary left behind; ignored, the write fails with EFBIG like on a full disk, and
  // the command fails with its error line and removes its temporaries.
  std::signal(SIGXFSZ, SIG_IGN);
}

void write_text_file(const std::string& path, const std::string& text) {
  AtomicFile file(path);
  {
    errno = 0;
    std::ofstream out(file.temp_path());
    out << text;
    // A short text is only written when the stream is closed: a full disk shows there, and
    // unchecked it left an empty file renamed into place.
    out.close();
    if (!out) throw Error(path + ": cannot write" + (errno ? std::string(" (") + std::strerror(errno) + ")" : ""));
  }
  file.commit();
}

void replace_text_file_now(const std::string& path, const std::string& text) {
  AtomicFile file(path);
  const int fd = ::open(file.temp_path().c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0) throw Error(path + ": cannot write (" + std::strerror(errno) + ")");
  size_t done = 0;
  while (done < text.size()) {
    const ssize_t n = ::write(fd, text.data() + done, text.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      ::close(fd);
      throw Error(path + ": cannot write (" + std::strerror(errno) + ")");
    }
    done += static_cast<size_t>(n);
  }
  const bool synced = ::fsync(fd) == 0;
  ::close(fd);
  if (!synced) throw Error(path + ": cannot write (fsync failed)");
  file.commit_now();
}

}  // namespace evsim
