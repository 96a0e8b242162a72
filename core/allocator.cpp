#include "core/allocator.hpp"

#include <cstdlib>  // defines __GLIBC__ where it applies

#if defined(__GLIBC__)
#include <malloc.h>
#endif

namespace evsim {

void keep_freed_memory() {
#if defined(__GLIBC__)
  mallopt(M_MMAP_THRESHOLD, 32 << 20);  // glibc's largest: only bigger blocks are mapped
  mallopt(M_TRIM_THRESHOLD, 1 << 30);   // and the heap top is not returned to the system
#endif
}

}  // namespace evsim
