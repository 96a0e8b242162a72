#include "core/energy_table.hpp"

#include <cmath>

#include "core/error.hpp"

namespace evsim {

void EnergyTable::check() const {
  if (!ops.count(precision)) throw UsageError("no operation energies for precision '" + precision + "'");
  if (memory.empty()) throw UsageError("expected at least one memory level");
  bool pinned = weights_in.empty();
  for (const MemoryLevel& m : memory) {
    if (!(std::isfinite(m.pj_per_byte) && m.pj_per_byte >= 0) ||
        !(std::isfinite(m.capacity_bytes) && m.capacity_bytes >= 0))
      throw UsageError("memory level '" + m.name + "': energy and capacity must be finite numbers >= 0");
    pinned = pinned || m.name == weights_in;
  }
  if (!pinned) throw UsageError("weights_in names no memory level ('" + weights_in + "')");
  for (const auto& [p, e] : ops)
    if (!(std::isfinite(e.mac_pj) && e.mac_pj >= 0 && std::isfinite(e.ac_pj) && e.ac_pj >= 0))
      throw UsageError("precision '" + p + "': energies must be finite numbers >= 0");
}

EnergyModel EnergyTable::resolve(double weight_footprint_bytes) const {
  check();
  const MemoryLevel* level = &memory.back();
  for (const MemoryLevel& m : memory) {
    const bool fits = m.capacity_bytes == 0 || weight_footprint_bytes <= m.capacity_bytes;
    if ((weights_in.empty() && fits) || m.name == weights_in) {
      level = &m;
      break;
    }
  }
  EnergyModel e;
  e.mac_pj = ops.at(precision).mac_pj;
  e.ac_pj = ops.at(precision).ac_pj;
  e.weight_byte_pj = level->pj_per_byte;
  e.source = name + ", " + precision + ", weights read from " + level->name + (path.empty() ? "" : " (" + path + ")");
  return e;
}

}  // namespace evsim
