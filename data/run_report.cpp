#include "data/run_report.hpp"

#include <cmath>
#include <fstream>

#include "core/error.hpp"
#include "data/file_policy.hpp"

namespace evsim {

nlohmann::json counts_json(const OpCounts& c, const EnergyModel& energy, Mode mode) {
  return {{"dense_macs", c.dense_macs},
          {"effective_macs", c.effective_macs},
          {"effective_acs", c.effective_acs},
          {"events", c.events},
          {"activity", c.activity()},
          {"weight_bytes", c.weight_bytes},
          {"energy_pj", energy.energy_pj(c, mode)}};
}

nlohmann::json run_report_json(const RunResult& r, const RunInfo& info, const EnergyModel& energy) {
  nlohmann::json layers = nlohmann::json::array();
  uint64_t weights = 0, nnz = 0;
  for (const LayerReport& l : r.layers) {
    nlohmann::json j = counts_json(l.counts, energy, r.mode);
    j["name"] = l.name;
    j["type"] = l.type;
    j["weight_density"] = l.weight_density();
    j["events_are"] = l.neuron ? "emitted" : "received";
    layers.push_back(std::move(j));
    weights += l.weights;
    nnz += l.nnz;
  }
  nlohmann::json totals = counts_json(r.totals, energy, r.mode);
  totals["weight_density"] = weights ? static_cast<double>(nnz) / static_cast<double>(weights) : 0.0;
  totals["wall_s"] = r.wall_s;
  totals["device_s"] = r.device_s;
  return {{"model", info.model},
          {"mode", mode_name(r.mode)},
          {"backend", r.backend},
          {"sum_order", sum_order_name(r.sum_order)},
          {"steps", info.steps},
          {"batch", info.batch},
          {"dt", info.dt},
          {"layers", layers},
          {"totals", totals},
          {"energy_table",
           {{"mac_pj", energy.mac_pj},
            {"ac_pj", energy.ac_pj},
            {"weight_byte_pj", energy.weight_byte_pj},
            {"source", energy.source}}}};
}

EnergyModel read_energy_table(const std::string& path) {
  register_input(path);
  std::ifstream in(path);
  if (!in) throw UsageError(path + ": cannot open energy table");
  EnergyModel m;
  m.source = path;
  try {
    nlohmann::json j = nlohmann::json::parse(in);
    if (!j.is_object()) throw UsageError("expected a JSON object");
    for (const auto& [key, value] : j.items()) {
      if (key == "source") {
        m.source = path + " (" + value.get<std::string>() + ")";
        continue;
      }
      double* field = key == "mac_pj"           ? &m.mac_pj
                      : key == "ac_pj"          ? &m.ac_pj
                      : key == "weight_byte_pj" ? &m.weight_byte_pj
                                                : nullptr;
      if (!field) throw UsageError("unknown key '" + key + "' (expected mac_pj, ac_pj, weight_byte_pj, source)");
      *field = value.get<double>();
      if (!std::isfinite(*field) || *field < 0) throw UsageError("'" + key + "' must be a finite number >= 0");
    }
  } catch (const nlohmann::json::exception& e) {
    throw UsageError(path + ": invalid energy table: " + e.what());
  } catch (const UsageError& e) {
    throw UsageError(path + ": " + e.what());
  }
  return m;
}

}  // namespace evsim
