#pragma once
// Storage for large arrays read at random places, such as the columns of pruned weights that
// events select (network/blocked_csc.hpp): each active column starts on another 4 KB page, so
// with ordinary pages every column costs a TLB miss and a page walk (the translations of a
// 60 MB matrix do not fit the TLB), and per thread the count of columns does not shrink with
// the thread count. Arrays of 2 MB and more are aligned to 2 MB and marked for transparent huge
// pages (madvise; a no-op where the kernel has them off). Smaller ones use operator new.
#include <cstddef>
#include <vector>

namespace evsim {

void* allocate_huge(size_t bytes);  // bytes >= kHugePageBytes; throws std::bad_alloc
void free_huge(void* p) noexcept;

inline constexpr size_t kHugePageBytes = size_t{2} << 20;

template <class T>
struct HugePageAllocator {
  using value_type = T;
  HugePageAllocator() = default;
  template <class U>
  constexpr HugePageAllocator(const HugePageAllocator<U>&) noexcept {}

  T* allocate(size_t n) {
    const size_t bytes = n * sizeof(T);
    if (bytes >= kHugePageBytes) return static_cast<T*>(allocate_huge(bytes));
    return static_cast<T*>(::operator new(bytes));
  }
  void deallocate(T* p, size_t n) noexcept {
    if (n * sizeof(T) >= kHugePageBytes)
      free_huge(p);
    else
      ::operator delete(p);
  }
  template <class U>
  bool operator==(const HugePageAllocator<U>&) const noexcept {
    return true;
  }
};

template <class T>
using HugeVector = std::vector<T, HugePageAllocator<T>>;

}  // namespace evsim
