#pragma once
// Energy estimate of the work a mode performs: op counts x energy per op + weight bytes read
// x energy per byte. Dense mode multiplies every weight (all dense MACs); event mode performs
// the effective MACs and ACs. Defaults are the 45 nm figures used throughout the literature
// (Horowitz, ISSCC 2014): 32-bit float MAC 4.6 pJ, 32-bit float add (an AC) 0.9 pJ, and a
// 32-bit read from a small (8 KB) SRAM 5 pJ, i.e. 1.25 pJ per weight byte. A JSON file can
// replace any of them (--energy-table).
#include <string>

#include "core/counters.hpp"
#include "core/mode.hpp"

namespace evsim {

struct EnergyModel {
  double mac_pj = 4.6;
  double ac_pj = 0.9;
  double weight_byte_pj = 1.25;
  std::string source = "45 nm defaults (Horowitz, ISSCC 2014)";

  double ops_pj(const OpCounts& c, Mode m) const {
    if (m == Mode::Dense) return mac_pj * static_cast<double>(c.dense_macs);
    return mac_pj * static_cast<double>(c.effective_macs) + ac_pj * static_cast<double>(c.effective_acs);
  }
  double energy_pj(const OpCounts& c, Mode m) const {
    return ops_pj(c, m) + weight_byte_pj * static_cast<double>(c.weight_bytes);
  }
};

}  // namespace evsim
