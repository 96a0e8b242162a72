#include "backends/cuda/kernel_cache.hpp"

#include <unistd.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <system_error>

namespace evsim::cuda {
namespace {

constexpr char kMagic[] = "evsim-kernel-cache 1\n";

uint64_t fnv1a(const std::string& s) {
  uint64_t h = 1469598103934665603ull;
  for (unsigned char c : s) h = (h ^ c) * 1099511628211ull;
  return h;
}

std::filesystem::path entry_path(const std::string& key, const std::filesystem::path& dir) {
  char name[32];
  std::snprintf(name, sizeof name, "%016llx.bin", static_cast<unsigned long long>(fnv1a(key)));
  return dir / name;
}

void put_size(std::string& out, uint64_t n) {
  for (int b = 0; b < 8; ++b) out.push_back(static_cast<char>((n >> (8 * b)) & 0xff));
}

bool get_size(const std::string& in, size_t& at, uint64_t& n) {
  if (in.size() - at < 8) return false;
  n = 0;
  for (int b = 0; b < 8; ++b) n |= static_cast<uint64_t>(static_cast<unsigned char>(in[at + b])) << (8 * b);
  at += 8;
  return true;
}

// A cubin of a small graph is tens of KB; anything past this is not an entry of ours.
constexpr uintmax_t kMaxEntryBytes = uintmax_t(64) << 20;

// The entry's binary when the file is whole and holds exactly this key. Only a regular file
// of plausible size is opened (a FIFO would block the read, a huge file fill the memory).
bool read_entry(const std::filesystem::path& file, const std::string& key, std::vector<char>& binary) {
  std::error_code ec;
  if (!std::filesystem::is_regular_file(file, ec)) return false;
  const uintmax_t bytes = std::filesystem::file_size(file, ec);
  if (ec || bytes > kMaxEntryBytes + key.size()) return false;
  std::ifstream f(file, std::ios::binary);
  if (!f) return false;
  const std::string in((std::istreambuf_iterator<char>(f)), std::istreambuf_iterator<char>());
  const std::string magic(kMagic);
  if (in.compare(0, magic.size(), magic) != 0) return false;
  size_t at = magic.size();
  uint64_t key_size = 0, size = 0;
  if (!get_size(in, at, key_size) || key_size != key.size() || in.size() - at < key_size) return false;
  if (in.compare(at, key_size, key) != 0) return false;
  at += key_size;
  if (!get_size(in, at, size) || size == 0 || in.size() - at != size) return false;
  binary.assign(in.begin() + static_cast<std::ptrdiff_t>(at), in.end());
  return true;
}

}  // namespace

std::filesystem::path kernel_cache_dir() {
  if (const char* set = std::getenv("EVSIM_KERNEL_CACHE")) {
    const std::string dir = set;
    if (dir.empty() || dir == "off") return {};
    return dir;
  }
  if (const char* xdg = std::getenv("XDG_CACHE_HOME"); xdg && *xdg) return std::filesystem::path(xdg) / "evsim/kernels";
  if (const char* home = std::getenv("HOME"); home && *home)
    return std::filesystem::path(home) / ".cache/evsim/kernels";
  return {};
}

void store_binary(const std::string& key, const std::filesystem::path& dir, const std::vector<char>& binary) {
  if (dir.empty()) return;
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  if (ec) return;
  const std::filesystem::path file = entry_path(key, dir);
  const std::filesystem::path tmp = file.string() + ".tmp" + std::to_string(getpid());
  std::string out(kMagic);
  put_size(out, key.size());
  out += key;
  put_size(out, binary.size());
  out.append(binary.begin(), binary.end());
  {
    std::ofstream f(tmp, std::ios::binary | std::ios::trunc);
    if (!f || !f.write(out.data(), static_cast<std::streamsize>(out.size())) || !f.flush()) {
      f.close();
      std::filesystem::remove(tmp, ec);
      return;
    }
  }
  std::filesystem::rename(tmp, file, ec);
  if (ec) std::filesystem::remove(tmp, ec);
}

std::vector<char> cached_binary(const std::string& key, const std::filesystem::path& dir,
                                const std::function<std::vector<char>()>& compile, bool* hit) {
  std::vector<char> binary;
  const bool found = !dir.empty() && read_entry(entry_path(key, dir), key, binary);
  if (hit) *hit = found;
  if (found) return binary;
  binary = compile();
  store_binary(key, dir, binary);
  return binary;
}

}  // namespace evsim::cuda
