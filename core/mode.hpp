#pragma once
// The two execution modes every backend offers.
#include <string>

namespace evsim {

// Dense: every weight, every step. Event: only the non-zero weights of the units that fired.
enum class Mode { Dense, Event };

std::string mode_name(Mode m);
Mode parse_mode(const std::string& s);  // throws UsageError

// How a projection's products are added up. Reference: for each output, the non-zero inputs
// in ascending index, each added with one fused multiply-add (cpu-event's order), so
// threshold crossings equal the CPU's bit for bit. Fast: the
// order the fastest kernels take (cuBLAS, DISTile's atomics), which moves a few crossings per
// million through float32 rounding. The CPU always sums in its own order.
enum class SumOrder { Fast, Reference };

std::string sum_order_name(SumOrder o);
SumOrder parse_sum_order(const std::string& s);  // throws UsageError

}  // namespace evsim
