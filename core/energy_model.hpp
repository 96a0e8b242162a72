#pragma once
// Energy estimate from op counts: sum of counts x per-op energy. Defaults are the 45 nm
// figures used throughout the literature (Horowitz, ISSCC 2014): 32-bit float MAC 4.6 pJ,
// 32-bit float add (an AC) 0.9 pJ, and a 32-bit read from a small (8 KB) SRAM 5 pJ,
// i.e. 1.25 pJ per weight byte. A JSON file can replace any of them (--energy-table).
#include "core/counters.hpp"

namespace evsim {

struct EnergyModel {
  double mac_pj = 4.6;
  double ac_pj = 0.9;
  double weight_byte_pj = 1.25;

  double energy_pj(const OpCounts& c) const {
    return mac_pj * static_cast<double>(c.effective_macs) + ac_pj * static_cast<double>(c.effective_acs) +
           weight_byte_pj * static_cast<double>(c.weight_bytes);
  }
};

}  // namespace evsim
