#include "core/memory_budget.hpp"

#include <unistd.h>

#include <atomic>
#include <cmath>
#include <cstdio>

#include "core/error.hpp"

namespace evsim {
namespace {

uint64_t default_budget() {
  const long pages = ::sysconf(_SC_PHYS_PAGES), page = ::sysconf(_SC_PAGE_SIZE);
  if (pages <= 0 || page <= 0) return uint64_t(8) << 30;
  return static_cast<uint64_t>(pages) * static_cast<uint64_t>(page) / 2;
}

std::atomic<uint64_t>& budget() {
  static std::atomic<uint64_t> b{default_budget()};
  return b;
}

}  // namespace

uint64_t memory_budget() { return budget().load(); }
void set_memory_budget(uint64_t bytes) { budget().store(bytes); }

uint64_t parse_bytes(const std::string& text) {
  size_t used = 0;
  double v = -1;
  try {
    v = std::stod(text, &used);
  } catch (const std::exception&) {
    used = 0;
  }
  double unit = 1;
  if (used + 1 == text.size()) {
    switch (text.back()) {
      case 'k':
      case 'K':
        unit = 1e3;
        break;
      case 'm':
      case 'M':
        unit = 1e6;
        break;
      case 'g':
      case 'G':
        unit = 1e9;
        break;
      case 't':
      case 'T':
        unit = 1e12;
        break;
      default:
        used = 0;
    }
    if (used) ++used;
  }
  if (used != text.size() || !std::isfinite(v) || v <= 0 || v * unit > 1e18)
    throw UsageError("expected a size such as 16G, 512M or a number of bytes, got '" + text + "'");
  return static_cast<uint64_t>(v * unit);
}

std::string format_bytes(double bytes) {
  char buf[32];
  if (bytes >= 1e9)
    std::snprintf(buf, sizeof buf, "%.1f GB", bytes / 1e9);
  else if (bytes >= 1e6)
    std::snprintf(buf, sizeof buf, "%.1f MB", bytes / 1e6);
  else
    std::snprintf(buf, sizeof buf, "%.0f bytes", bytes);
  return buf;
}

void require_memory(double bytes, const std::string& what) {
  if (!(bytes <= static_cast<double>(memory_budget())))
    throw InputError(what + ": needs " + format_bytes(bytes) + ", over the memory budget of " +
                     format_bytes(static_cast<double>(memory_budget())) + " (--max-memory)");
}

bool bounded_product(const std::vector<int64_t>& sizes, int64_t limit, int64_t& out) {
  int64_t p = 1;
  for (int64_t s : sizes) {
    if (s < 0) return false;
    if (s != 0 && p > limit / s) return false;
    p *= s;
  }
  if (p > limit) return false;
  out = p;
  return true;
}

}  // namespace evsim
