#pragma once
// Output files are written under a temporary name and renamed on success, so a failed
// run never leaves a partial file behind.
#include <string>

namespace evsim {

class AtomicFile {
 public:
  explicit AtomicFile(std::string final_path);
  AtomicFile(const AtomicFile&) = delete;
  AtomicFile& operator=(const AtomicFile&) = delete;
  ~AtomicFile();  // removes the temporary file unless committed

  const std::string& temp_path() const { return temp_; }
  const std::string& final_path() const { return final_; }
  void commit();

 private:
  std::string final_, temp_;
  bool committed_ = false;
};

// Writes `text` to `path` atomically.
void write_text_file(const std::string& path, const std::string& text);

}  // namespace evsim
