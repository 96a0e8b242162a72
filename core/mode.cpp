#include "core/mode.hpp"

#include "core/error.hpp"

namespace evsim {

std::string mode_name(Mode m) { return m == Mode::Dense ? "dense" : "event"; }

Mode parse_mode(const std::string& s) {
  if (s == "dense") return Mode::Dense;
  if (s == "event") return Mode::Event;
  throw UsageError("unknown mode '" + s + "' (expected dense or event)");
}

std::string sum_order_name(SumOrder o) { return o == SumOrder::Fast ? "fast" : "reference"; }

SumOrder parse_sum_order(const std::string& s) {
  if (s == "fast") return SumOrder::Fast;
  if (s == "reference") return SumOrder::Reference;
  throw UsageError("unknown sum order '" + s + "' (expected fast or reference)");
}

}  // namespace evsim
