#pragma once
// Sizes read from files are checked before anything is allocated: against overflow, and against
// a memory budget (default: half of this machine's physical memory; `--max-memory`), so that a
// small file declaring a huge tensor is one error line naming it, not a machine out of memory.
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

// Product of sizes; false when one is negative or the product passes `limit`.
bool bounded_product(const std::vector<int64_t>& sizes, int64_t limit, int64_t& out);

}  // namespace evsim
