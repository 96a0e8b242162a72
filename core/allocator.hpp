#pragma once
// Process-wide allocator settings for repeated runs.

namespace evsim {

// Keep freed memory in the process: glibc otherwise serves the activation frames of a large
// model (tens of MB each) with mmap, or trims them off the heap top when freed, so every
// run refaults fresh zeroed pages; on a VS-WNO at batch 4 that made event mode, which frees
// and allocates more per run, look 1.5x slower than dense mode (docs/vswno-study.md).
// No-op elsewhere than glibc.
void keep_freed_memory();

}  // namespace evsim
