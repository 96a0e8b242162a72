#pragma once
// The two execution modes every backend offers.
#include <string>

namespace evsim {

// Dense: every weight, every step. Event: only the non-zero weights of the units that fired.
enum class Mode { Dense, Event };

std::string mode_name(Mode m);
Mode parse_mode(const std::string& s);  // throws UsageError

}  // namespace evsim
