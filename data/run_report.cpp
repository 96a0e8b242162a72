#include "data/run_report.hpp"

#include <cmath>
#include <fstream>

#include "core/error.hpp"
#include "data/file_policy.hpp"

namespace evsim {

nlohmann::json spread_json(const Spread& s) {
  return {{"min", s.min}, {"q1", s.q1}, {"median", s.median}, {"q3", s.q3}, {"max", s.max}, {"n", s.n}};
}

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

namespace {

double non_negative(const nlohmann::json& v, const std::string& what) {
  const double x = v.get<double>();
  if (!std::isfinite(x) || x < 0) throw UsageError("'" + what + "' must be a finite number >= 0");
  return x;
}

// The first format: {"mac_pj", "ac_pj", "weight_byte_pj", "source"}, one level for every byte.
EnergyTable flat_table(const nlohmann::json& j, const std::string& path) {
  EnergyTable t = default_energy_table();
  t.name = path;
  t.path.clear();
  for (const auto& [key, value] : j.items()) {
    if (key == "source") {
      t.name = path + " (" + value.get<std::string>() + ")";
    } else if (key == "mac_pj" || key == "ac_pj") {
      (key == "mac_pj" ? t.ops["fp32"].mac_pj : t.ops["fp32"].ac_pj) = non_negative(value, key);
    } else if (key == "weight_byte_pj") {
      t.memory[0].pj_per_byte = non_negative(value, key);
    } else {
      throw UsageError("unknown key '" + key +
                       "' (expected mac_pj, ac_pj, weight_byte_pj, source; or a table: "
                       "name, sources, precision, ops_pj, memory)");
    }
  }
  return t;
}

EnergyTable level_table(const nlohmann::json& j, const std::string& path) {
  EnergyTable t;
  t.path = path;
  for (const auto& [key, value] : j.items()) {
    if (key == "name")
      t.name = value.get<std::string>();
    else if (key == "sources")
      t.sources = value.get<std::string>();
    else if (key == "precision")
      t.precision = value.get<std::string>();
    else if (key == "weights_in")
      t.weights_in = value.get<std::string>();
    else if (key == "ops_pj")
      for (const auto& [prec, e] : value.items())
        t.ops[prec] = OpEnergy{non_negative(e.at("mac"), prec + ".mac"), non_negative(e.at("ac"), prec + ".ac")};
    else if (key == "memory")
      for (const auto& m : value)
        t.memory.push_back(MemoryLevel{m.at("level").get<std::string>(),
                                       non_negative(m.at("capacity_bytes"), "capacity_bytes"),
                                       non_negative(m.at("pj_per_byte"), "pj_per_byte")});
    else
      throw UsageError("unknown key '" + key + "' (expected name, sources, precision, weights_in, ops_pj, memory)");
  }
  if (t.name.empty()) t.name = path;
  t.check();
  return t;
}

}  // namespace

EnergyTable default_energy_table() {
  const EnergyModel d;
  EnergyTable t;
  t.name = d.source;
  t.sources = "Horowitz, ISSCC 2014 (45 nm): fp32 MAC 4.6 pJ, add 0.9 pJ, 32-bit read of an 8 KB SRAM 5 pJ";
  t.ops["fp32"] = OpEnergy{d.mac_pj, d.ac_pj};
  t.memory.push_back(MemoryLevel{"8 KB SRAM (every byte, the literature's usual assumption)", 0.0, d.weight_byte_pj});
  return t;
}

EnergyTable read_energy_table(const std::string& path) {
  register_input(path);
  std::ifstream in(path);
  if (!in) throw UsageError(path + ": cannot open energy table");
  try {
    const nlohmann::json j = nlohmann::json::parse(in);
    if (!j.is_object()) throw UsageError("expected a JSON object");
    return j.contains("ops_pj") || j.contains("memory") ? level_table(j, path) : flat_table(j, path);
  } catch (const nlohmann::json::exception& e) {
    throw UsageError(path + ": invalid energy table: " + e.what());
  } catch (const UsageError& e) {
    throw UsageError(path + ": " + e.what());
  }
}

}  // namespace evsim
