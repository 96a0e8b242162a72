#include "core/mode.hpp"

#include "core/error.hpp"

namespace evsim {

std::string mode_name(Mode m) { return m == Mode::Dense ? "dense" : "event"; }

Mode parse_mode(const std::string& s) {
  if (s == "dense") return Mode::Dense;
  if (s == "event") return Mode::Event;
  throw UsageError("unknown mode '" + s + "' (expected dense or event)");
}

}  // namespace evsim
