#include "data/isolated.hpp"

#include <fcntl.h>
#include <poll.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstdlib>
#include <cstring>
#include <new>

#include "core/error.hpp"

// Set by sanitizer runtimes (absent otherwise): libFuzzer registers a death callback that must not
// run in the child (it writes the fuzzer's crash artifact and can block on the parent's locks).
extern "C" void __sanitizer_set_death_callback(void (*callback)(void)) __attribute__((weak));

namespace evsim {
namespace {

std::atomic<double> g_time_limit_s{300.0};

bool write_all(int fd, const std::string& s) {
  size_t done = 0;
  while (done < s.size()) {
    const ssize_t n = ::write(fd, s.data() + done, s.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    done += static_cast<size_t>(n);
  }
  return true;
}

[[noreturn]] void child(int fd, const std::function<std::string()>& work) {
  std::string out;
  try {
    out = "O";  // (operator+ on a literal trips GCC 12's -Wrestrict)
    out += work();
  } catch (const CheckpointError& e) {
    out = std::string("C") + e.what();
  } catch (const InputError& e) {
    out = std::string("I") + e.what();
  } catch (const UsageError& e) {
    out = std::string("U") + e.what();
  } catch (const Error& e) {
    out = std::string("E") + e.what();
  } catch (const std::bad_alloc&) {
    out = "Iout of memory reading it";
  } catch (const std::exception& e) {
    out = std::string("E") + e.what();
  }
  _exit(write_all(fd, out) ? 0 : 1);
}

}  // namespace

std::string run_isolated(const std::function<std::string()>& work, const std::string& what) {
  int fds[2];
  if (::pipe(fds) != 0) throw Error(what + ": cannot create a pipe (" + std::strerror(errno) + ")");
  const pid_t parent = ::getpid();
  const pid_t pid = ::fork();
  if (pid < 0) {
    ::close(fds[0]);
    ::close(fds[1]);
    throw Error(what + ": cannot fork (" + std::strerror(errno) + ")");
  }
  if (pid == 0) {
    ::close(fds[0]);
    // A child must never outlive its parent (a looping libhdf5 would spin on forever): it dies
    // with the parent, and on its own past the time limit.
    ::prctl(PR_SET_PDEATHSIG, SIGKILL);
    if (::getppid() != parent) _exit(1);  // the parent died before prctl took effect
    // The parent cleans up on SIGINT/SIGTERM; a crash ends the child plainly (no sanitizer or
    // fuzzer handler of the parent's runs in it), and the parent reports it.
    for (int sig : {SIGINT, SIGTERM, SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGABRT, SIGALRM}) std::signal(sig, SIG_DFL);
    ::alarm(static_cast<unsigned>(g_time_limit_s.load()) + 5);
    if (__sanitizer_set_death_callback) __sanitizer_set_death_callback(nullptr);
    // What goes wrong comes back through the pipe as one error; a sanitizer's report about
    // libhdf5's own faults would only clutter the user's terminal (EVSIM_DEBUG_READER keeps it).
    if (!std::getenv("EVSIM_DEBUG_READER")) {
      const int null = ::open("/dev/null", O_WRONLY);
      if (null >= 0) ::dup2(null, 2);
    }
    child(fds[1], work);
  }
  ::close(fds[1]);
  std::string in;
  char buf[1 << 16];
  const double limit = g_time_limit_s.load();
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::duration<double>(limit);
  bool timed_out = false;
  for (;;) {
    const auto left =
        std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
    pollfd p{fds[0], POLLIN, 0};
    const int ready =
        left.count() > 0 ? ::poll(&p, 1, static_cast<int>(std::min<long long>(left.count(), 1 << 30))) : 0;
    if (ready < 0 && errno == EINTR) continue;
    if (ready == 0) {
      timed_out = true;
      ::kill(pid, SIGKILL);
      break;
    }
    const ssize_t n = ::read(fds[0], buf, sizeof buf);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;
    in.append(buf, static_cast<size_t>(n));
  }
  ::close(fds[0]);
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  if (timed_out)
    throw InputError(what + ": the HDF5 library did not finish reading it in " + std::to_string(int(limit)) +
                     " s (a corrupt file can make it loop)");
  if (WIFSIGNALED(status))
    throw InputError(what + ": the HDF5 library crashed reading it (signal " + std::to_string(WTERMSIG(status)) +
                     "): the file is corrupt");
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0 || in.empty())
    throw InputError(what + ": reading it failed in the reader process (corrupt file?)");
  const char kind = in[0];
  std::string body = in.substr(1);
  switch (kind) {
    case 'O':
      return body;
    case 'C':
      throw CheckpointError(body);
    case 'I':
      throw InputError(body);
    case 'U':
      throw UsageError(body);
    default:
      throw Error(body);
  }
}

void set_reader_time_limit(double seconds) { g_time_limit_s.store(seconds); }

void ByteWriter::u64(uint64_t v) { bytes(&v, sizeof v); }
void ByteWriter::f64(double v) { bytes(&v, sizeof v); }
void ByteWriter::str(const std::string& s) {
  u64(s.size());
  bytes(s.data(), s.size());
}
void ByteWriter::bytes(const void* p, size_t n) {
  if (n) out_.append(static_cast<const char*>(p), n);
}

uint64_t ByteReader::u64() {
  uint64_t v = 0;
  bytes(&v, sizeof v);
  return v;
}
double ByteReader::f64() {
  double v = 0;
  bytes(&v, sizeof v);
  return v;
}
std::string ByteReader::str() {
  const uint64_t n = u64();
  if (n > left()) throw Error("truncated message from the reader process");
  std::string s(in_.data() + at_, n);
  at_ += n;
  return s;
}
void ByteReader::bytes(void* p, size_t n) {
  if (n > left()) throw Error("truncated message from the reader process");
  if (n) std::memcpy(p, in_.data() + at_, n);  // (an empty vector's data() may be null)
  at_ += n;
}

}  // namespace evsim
