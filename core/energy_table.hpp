#pragma once
// An energy table (a JSON file, `--energy-table`): energy per operation for each precision and
// per byte read from each memory level, with its sources. Resolved for a model: its weights
// are charged at the smallest level that holds them all (the model's weight footprint), or
// at the level the table pins (`weights_in`). Shipped tables: data/energy/45nm.json
// (Horowitz, ISSCC 2014) and data/energy/7nm.json (a modern node, for comparison).
#include <map>
#include <string>
#include <vector>

#include "core/energy_model.hpp"

namespace evsim {

struct OpEnergy {
  double mac_pj = 0.0, ac_pj = 0.0;
};

struct MemoryLevel {
  std::string name;
  double capacity_bytes = 0.0;  // 0: unbounded (the last level)
  double pj_per_byte = 0.0;
};

struct EnergyTable {
  std::string name, sources, path;
  std::string precision = "fp32";
  std::string weights_in;  // a level's name, or empty: by footprint
  std::map<std::string, OpEnergy> ops;
  std::vector<MemoryLevel> memory;  // smallest first

  // Throws UsageError for an inconsistent table (missing precision, no levels, ...).
  void check() const;
  EnergyModel resolve(double weight_footprint_bytes) const;
};

}  // namespace evsim
