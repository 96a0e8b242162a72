#pragma once
// Runs a read of an untrusted file in a child process. libhdf5 can crash on a corrupt file
// (e.g. a few flipped bytes in a variable-length string's global heap make H5HG_read copy past
// its buffer: docs/hdf5-crashes.md); in a child, such a crash becomes one error line naming the
// file, and the parent never runs code past memory corruption. The child hands its result back
// through a pipe as bytes, or the message of the evsim::Error it threw.
#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>

namespace evsim {

// `work` runs in a forked child and returns its result as bytes. Errors thrown there are
// re-thrown here with their kind (CheckpointError, InputError, UsageError, Error); a child killed
// by a signal throws InputError "<what>: ... crashed ...", and one still running after the time
// limit (a corrupt file can make libhdf5 loop) is killed: InputError "... did not finish ...".
std::string run_isolated(const std::function<std::string()>& work, const std::string& what);

// The reader's time limit in seconds (default 300: a multi-GB checkpoint reads in far less).
void set_reader_time_limit(double seconds);

// Binary encoding of what crosses the pipe.
class ByteWriter {
 public:
  void u64(uint64_t v);
  void f64(double v);
  void str(const std::string& s);
  void bytes(const void* p, size_t n);
  std::string take() { return std::move(out_); }

 private:
  std::string out_;
};

class ByteReader {
 public:
  explicit ByteReader(const std::string& in) : in_(in) {}
  uint64_t u64();
  double f64();
  std::string str();
  void bytes(void* p, size_t n);
  size_t left() const { return in_.size() - at_; }

 private:
  const std::string& in_;
  size_t at_ = 0;
};

}  // namespace evsim
