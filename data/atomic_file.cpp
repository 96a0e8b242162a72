#include "data/atomic_file.hpp"

#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>

#include "core/error.hpp"

namespace evsim {

AtomicFile::AtomicFile(std::string final_path)
    : final_(std::move(final_path)), temp_(final_ + ".tmp" + std::to_string(::getpid())) {
  if (final_.empty()) throw UsageError("empty output path");
  auto dir = std::filesystem::path(final_).parent_path();
  std::error_code ec;
  if (!dir.empty() && !std::filesystem::is_directory(dir, ec))
    throw UsageError(final_ + ": directory '" + dir.string() + "' does not exist");
}

AtomicFile::~AtomicFile() {
  if (!committed_) std::remove(temp_.c_str());
}

void AtomicFile::commit() {
  std::error_code ec;
  std::filesystem::rename(temp_, final_, ec);
  if (ec) throw Error(final_ + ": cannot write (" + ec.message() + ")");
  committed_ = true;
}

void write_text_file(const std::string& path, const std::string& text) {
  AtomicFile file(path);
  {
    std::ofstream out(file.temp_path());
    out << text;
    if (!out) throw Error(path + ": cannot write");
  }
  file.commit();
}

}  // namespace evsim
