#pragma once
// Output files are written under a temporary name (".<name>.evsim-tmp.<pid>.<n>" beside the
// final one) and renamed on success, so a failed run never leaves a partial file behind.
// While an OutputTransaction is open (apps/main.cpp opens one around every command), commit()
// only hands the file to it: all of a command's outputs are renamed together once the command
// succeeded, and removed when it failed. Temporaries are also removed on SIGINT / SIGTERM
// (install_output_signal_cleanup).
#include <string>
#include <utility>
#include <vector>

namespace evsim {

class AtomicFile {
 public:
  // Checks the path (data/file_policy.hpp) before anything is written.
  explicit AtomicFile(std::string final_path);
  AtomicFile(const AtomicFile&) = delete;
  AtomicFile& operator=(const AtomicFile&) = delete;
  ~AtomicFile();  // removes the temporary file unless committed

  const std::string& temp_path() const { return temp_; }
  const std::string& final_path() const { return final_; }
  void commit();
  // Renames at once, even inside an OutputTransaction: for files that must survive a later
  // failure of the command (a sweep's results, point by point).
  void commit_now();

 private:
  std::string final_, temp_;
  bool committed_ = false;
};

// A command: the inputs it reads are remembered (no output may overwrite one), and all outputs
// committed while it is open become visible together in commit().
class OutputTransaction {
 public:
  OutputTransaction();
  ~OutputTransaction();  // not committed: every deferred temporary is removed
  OutputTransaction(const OutputTransaction&) = delete;
  OutputTransaction& operator=(const OutputTransaction&) = delete;
  void commit();
  void defer(std::string temp, std::string final_path);

 private:
  std::vector<std::pair<std::string, std::string>> files_;  // (temporary, final)
  bool committed_ = false;
};

// SIGINT and SIGTERM remove every temporary that is still pending, then end the process as
// the signal would have; SIGXFSZ is ignored (a write past the file-size limit then fails).
void install_output_signal_cleanup();

// Writes `text` to `path` atomically.
void write_text_file(const std::string& path, const std::string& text);
// Writes `text` to `path` atomically and durably now (flushed to disk, then renamed over the
// old file): a kill at any moment leaves the old file or the new one, never a mix.
void replace_text_file_now(const std::string& path, const std::string& text);

}  // namespace evsim
