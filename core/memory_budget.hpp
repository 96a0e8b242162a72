#pragma once
// Sizes read from files are checked before anything is allocated: against overflow, and against
// a memory budget (default: half of this machine's physical memory; `--max-memory`), so that a
// small file declaring a huge tensor is one error line naming it, not a machine out of memory.
#include <algorithm>
#include <cstdint>
#include <string>
#include <vector>

namespace evsim {

uint64_t memory_budget();
void set_memory_budget(uint64_t bytes);
// "16G", "512M", "100k" or plain bytes; throws UsageError.
uint64_t parse_bytes(const std::string& text);
std::string format_bytes(double bytes);  // "3.2 GB"

// Throws InputError "<what>: needs <bytes>, over the memory budget of <budget> (--max-memory)".
void require_memory(double bytes, const std::string& what);

// Before v.push_back for a vector filled from a file of unknown count (tokens, CSV cells): at
// each doubling, the new capacity is checked against the budget ("<what>: needs ...").
template <class T>
void grow_within_budget(std::vector<T>& v, const std::string& what) {
  if (v.size() < v.capacity()) return;
  const size_t next = std::max<size_t>(1024, 2 * v.size());
  require_memory(static_cast<double>(next) * sizeof(T), what);
  v.reserve(next);
}

// Product of sizes; false when one is negative or the product passes `limit`.
bool bounded_product(const std::vector<int64_t>& sizes, int64_t limit, int64_t& out);

}  // namespace evsim
