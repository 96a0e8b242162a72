#include "data/file_policy.hpp"

#include <sys/stat.h>

#include <filesystem>
#include <mutex>
#include <set>

#include "core/error.hpp"

namespace evsim {
namespace {

std::mutex& inputs_mutex() {
  static std::mutex m;
  return m;
}
std::set<std::string>& inputs() {
  static std::set<std::string> s;
  return s;
}
bool g_command_open = false;

std::string canonical_or_empty(const std::string& path) {
  std::error_code ec;
  const auto p = std::filesystem::canonical(path, ec);
  return ec ? std::string() : p.string();
}

const char* kind_of(mode_t m) {
  if (S_ISDIR(m)) return "a directory";
  if (S_ISFIFO(m)) return "a FIFO";
  if (S_ISCHR(m)) return "a character device";
  if (S_ISBLK(m)) return "a block device";
  if (S_ISSOCK(m)) return "a socket";
  return "not a regular file";
}

}  // namespace

std::string input_file_problem(const std::string& path) {
  struct stat st {};
  if (path.empty()) return "empty file name";
  if (::stat(path.c_str(), &st) != 0) return "file does not exist";
  if (!S_ISREG(st.st_mode)) return "is " + std::string(kind_of(st.st_mode)) + ", expected a file";
  return {};
}

void check_input_file(const std::string& path) {
  const std::string problem = input_file_problem(path);
  if (!problem.empty()) throw InputError(path + ": " + problem);
}

void register_input(const std::string& path) {
  check_input_file(path);
  const std::string c = canonical_or_empty(path);
  std::lock_guard<std::mutex> lock(inputs_mutex());
  if (g_command_open && !c.empty()) inputs().insert(c);
}

void begin_command() {
  std::lock_guard<std::mutex> lock(inputs_mutex());
  inputs().clear();
  g_command_open = true;
}

void end_command() {
  std::lock_guard<std::mutex> lock(inputs_mutex());
  inputs().clear();
  g_command_open = false;
}

void check_output_path(const std::string& path) {
  if (path.empty()) throw UsageError("empty output path");
  namespace fs = std::filesystem;
  const fs::path p(path);
  std::error_code ec;
  const fs::path dir = p.parent_path();
  if (!dir.empty() && !fs::is_directory(dir, ec))
    throw UsageError(path + ": directory '" + dir.string() + "' does not exist");
  struct stat st {};
  if (::stat(path.c_str(), &st) == 0) {
    if (!S_ISREG(st.st_mode))
      throw UsageError(path + ": is " + std::string(kind_of(st.st_mode)) +
                       "; outputs are written as new files (give a file path)");
    const std::string c = canonical_or_empty(path);
    std::lock_guard<std::mutex> lock(inputs_mutex());
    if (!c.empty() && inputs().count(c))
      throw UsageError(path + ": is an input of this command; refusing to overwrite it");
  }
}

std::string resolved_path(const std::string& path) {
  std::error_code ec;
  const auto p = std::filesystem::weakly_canonical(std::filesystem::absolute(path, ec), ec);
  return ec ? path : p.string();
}

void check_output_paths(const std::vector<std::string>& paths) {
  std::set<std::string> seen;
  for (const std::string& p : paths) {
    if (p.empty()) continue;
    check_output_path(p);
    if (!seen.insert(resolved_path(p)).second)
      throw UsageError(p + ": named for two outputs of this command; give each its own file");
  }
}

}  // namespace evsim
