#include "core/huge_pages.hpp"

#include <cstdlib>
#include <cstring>
#include <new>

#if defined(__linux__)
#include <sys/mman.h>
#endif

namespace evsim {
namespace {

// EVSIM_HUGE_PAGES=0 leaves the advice out, to measure what it is worth side by side.
bool advise() {
  static const bool on = [] {
    const char* v = std::getenv("EVSIM_HUGE_PAGES");
    return v == nullptr || std::strcmp(v, "0") != 0;
  }();
  return on;
}

}  // namespace

void* allocate_huge(size_t bytes) {
  const size_t rounded = (bytes + kHugePageBytes - 1) / kHugePageBytes * kHugePageBytes;
  void* p = std::aligned_alloc(kHugePageBytes, rounded);
  if (p == nullptr) throw std::bad_alloc();
#if defined(__linux__) && defined(MADV_HUGEPAGE)
  // Advice only: without huge pages the array works the same, a little slower.
  if (advise()) (void)madvise(p, rounded, MADV_HUGEPAGE);
#endif
  return p;
}

void free_huge(void* p) noexcept { std::free(p); }

}  // namespace evsim
