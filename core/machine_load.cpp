#include "core/machine_load.hpp"

#include <fstream>
#include <sstream>

namespace evsim {

double parse_load_average(const std::string& text) {
  std::istringstream in(text);
  double load = -1;
  if (!(in >> load) || load < 0) return -1;
  return load;
}

double load_average() {
  std::ifstream f("/proc/loadavg");
  std::string line;
  if (!std::getline(f, line)) return -1;
  return parse_load_average(line);
}

}  // namespace evsim
