#include "models/sweep_store.hpp"

#include <algorithm>
#include <exception>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "core/error.hpp"
#include "data/atomic_file.hpp"

namespace evsim {
namespace fs = std::filesystem;

namespace {

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw InputError(path + ": cannot read");
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

nlohmann::json parse_json(const std::string& text, const std::string& path) {
  try {
    return nlohmann::json::parse(text);
  } catch (const nlohmann::json::exception&) {
    throw InputError(path + ": not valid JSON (a corrupt sweep file?)");
  }
}

bool is_temporary(const std::string& name) { return name.find(".evsim-tmp.") != std::string::npos; }

// An evsim sweep directory's manifest, checked for what it claims to be.
nlohmann::json read_manifest(const std::string& dir) {
  const std::string path = dir + "/sweep.json";
  std::error_code ec;
  if (!fs::exists(path, ec))
    throw InputError(path +
                     ": missing: not an evsim sweep directory (--resume continues one; else give a new or "
                     "empty directory)");
  const nlohmann::json m = parse_json(read_file(path), path);
  // Each field's type is checked before it is read: json::value throws on a field of another type.
  if (!m.is_object() || !m.contains("format") || m["format"] != SweepStore::kFormat)
    throw InputError(path + ": not an evsim sweep manifest (expected \"format\": \"evsim-sweep\")");
  if (!m.contains("version") || !m["version"].is_number_integer())
    throw InputError(path + ": expected an integer \"version\"");
  if (m["version"] != SweepStore::kVersion)
    throw InputError(path + ": sweep format version " + m["version"].dump() + ", this evsim reads " +
                     std::to_string(SweepStore::kVersion));
  if (!m.contains("plan") || !m["plan"].is_array() || !m.contains("config"))
    throw InputError(path + ": expected a \"plan\" array and a \"config\" object");
  for (const auto& k : m["plan"])
    if (!k.is_string()) throw InputError(path + ": expected the \"plan\" to be an array of point keys (strings)");
  return m;
}

// The fields of a point that resuming and merging read (its key, the CSV row): a hand-edited or
// foreign line is an error naming the field, not a JSON library exception ("internal error").
enum class Kind { String, Number, NumberOrNull, Present };
struct PointField {
  const char* path;  // dot-separated
  Kind kind;
};
constexpr PointField kPointFields[] = {
    {"key", Kind::String},
    {"model", Kind::String},
    {"prune", Kind::NumberOrNull},
    {"threshold_scale", Kind::Number},
    {"batch", Kind::Number},
    {"backend", Kind::String},
    {"mode", Kind::String},
    {"quality", Kind::Present},
    {"run.totals.activity", Kind::Number},
    {"run.totals.weight_density", Kind::Number},
    {"run.totals.dense_macs", Kind::Number},
    {"run.totals.effective_macs", Kind::Number},
    {"run.totals.effective_acs", Kind::Number},
    {"run.totals.events", Kind::Number},
    {"run.totals.weight_bytes", Kind::Number},
    {"run.totals.energy_pj", Kind::Number},
    {"wall_s.median", Kind::Number},
    {"wall_s.min", Kind::Number},
    {"wall_s.max", Kind::Number},
};

// The value at a dot-separated path of an object, or nullptr with `error` naming the first step
// that is missing or not an object.
const nlohmann::json* find_field(const nlohmann::json& j, const std::string& path, std::string& error) {
  const nlohmann::json* at = &j;
  for (size_t start = 0;;) {
    const size_t end = std::min(path.find('.', start), path.size());
    const std::string prefix = path.substr(0, end), name = path.substr(start, end - start);
    if (!at->contains(name)) {
      error = "field '" + prefix + "': missing";
      return nullptr;
    }
    at = &(*at)[name];
    if (end == path.size()) return at;
    if (!at->is_object()) {
      error = "field '" + prefix + "': expected an object";
      return nullptr;
    }
    start = end + 1;
  }
}

std::string point_error(const nlohmann::json& j) {
  if (!j.is_object()) return "expected a JSON object (a point)";
  std::string error;
  for (const PointField& f : kPointFields) {
    const nlohmann::json* v = find_field(j, f.path, error);
    const std::string name = std::string("field '") + f.path + "'";
    if (!v) return error;
    if (f.kind == Kind::String && !v->is_string()) return name + ": expected a string";
    if (f.kind == Kind::Number && !v->is_number()) return name + ": expected a number";
    if (f.kind == Kind::NumberOrNull && !v->is_number() && !v->is_null()) return name + ": expected a number or null";
  }
  if (j.contains("device_s")) {
    const nlohmann::json* v = find_field(j, "device_s.median", error);
    if (!v) return error;
    if (!v->is_number()) return "field 'device_s.median': expected a number";
  }
  return "";
}

nlohmann::json field_or_empty(const nlohmann::json& m, const char* name) {
  return m.contains(name) ? m[name] : nlohmann::json("");
}

std::map<std::string, nlohmann::json> read_points(const std::string& dir, const std::set<std::string>& plan) {
  std::map<std::string, nlohmann::json> points;
  const std::string path = dir + "/points.jsonl";
  if (!fs::exists(path)) return points;
  std::istringstream lines(read_file(path));
  std::string line;
  int n = 0;
  while (std::getline(lines, line)) {
    ++n;
    const std::string where = path + " line " + std::to_string(n);
    const nlohmann::json j = parse_json(line, where);
    if (const std::string error = point_error(j); !error.empty())
      throw InputError(where + ": " + error + " (a point as evsim sweep writes it)");
    const std::string key = j["key"].get<std::string>();
    if (!plan.count(key)) throw InputError(where + ": a point not in this sweep's plan");
    if (!points.emplace(key, j).second) throw InputError(where + ": point '" + key + "' appears twice");
  }
  return points;
}

}  // namespace

SweepStore::SweepStore(std::string dir, nlohmann::json manifest, bool resume)
    : dir_(std::move(dir)), manifest_(std::move(manifest)), unwinding_(std::uncaught_exceptions()) {
  manifest_["format"] = kFormat;
  manifest_["version"] = kVersion;
  for (const auto& k : manifest_["plan"]) plan_.push_back(k.get<std::string>());
  std::error_code ec;
  if (fs::exists(dir_, ec) && !fs::is_directory(dir_, ec)) throw UsageError(dir_ + ": exists and is not a directory");
  bool empty = true;
  if (fs::exists(dir_, ec))
    for (const auto& e : fs::directory_iterator(dir_)) {
      if (is_temporary(e.path().filename().string())) {
        fs::remove(e.path(), ec);  // a temporary of ours that a kill left behind
        continue;
      }
      empty = false;
    }
  if (!resume || empty) {  // --resume of a sweep that never wrote anything starts it
    if (!empty)
      throw UsageError(dir_ +
                       ": the directory is not empty (--resume continues the sweep in it; else choose a new one)");
    made_dir_ = !fs::exists(dir_, ec);
    fs::create_directories(dir_, ec);
    if (ec) throw UsageError(dir_ + ": cannot create the directory (" + ec.message() + ")");
    started_ = true;
    try {
      replace_text_file_now(dir_ + "/sweep.json", manifest_.dump(2) + "\n");
      write();
    } catch (...) {  // a full disk: the destructor does not run for a constructor that throws
      remove_started();
      throw;
    }
    return;
  }
  const nlohmann::json old = read_manifest(dir_);
  if (old["config"] != manifest_["config"] || old["plan"] != manifest_["plan"] ||
      field_or_empty(old, "shard") != field_or_empty(manifest_, "shard"))
    throw UsageError(dir_ +
                     ": holds a different sweep (settings, plan or shard differ); resume it with its own settings");
  points_ = read_points(dir_, std::set<std::string>(plan_.begin(), plan_.end()));
  write();  // the CSV back in step with the record
}

SweepStore::~SweepStore() {
  if (started_ && points_.empty() && std::uncaught_exceptions() > unwinding_) remove_started();
}

void SweepStore::remove_started() const {
  std::error_code ec;
  for (const char* name : {"/points.jsonl", "/points.csv", "/sweep.json"}) fs::remove(dir_ + name, ec);
  if (made_dir_) fs::remove(dir_, ec);  // only when empty: nothing of anyone else's goes
}

void SweepStore::add(const nlohmann::json& point) {
  points_[point.at("key").get<std::string>()] = point;
  write();
}

void SweepStore::write() const {
  std::string jsonl, csv = sweep_csv_header();
  for (const std::string& key : plan_) {
    auto it = points_.find(key);
    if (it == points_.end()) continue;
    jsonl += it->second.dump() + "\n";
    csv += sweep_csv_row(it->second);
  }
  // The CSV first: points.jsonl is the record (what --resume reads), renamed last, so a kill
  // between the two renames leaves the CSV at most one point ahead; resuming rewrites both.
  replace_text_file_now(dir_ + "/points.csv", csv);
  replace_text_file_now(dir_ + "/points.jsonl", jsonl);
}

void SweepStore::merge(const std::string& out, const std::vector<std::string>& dirs) {
  if (dirs.empty()) throw UsageError("sweep-merge: no sweep directories given");
  nlohmann::json first;
  std::map<std::string, nlohmann::json> all;
  for (const std::string& d : dirs) {
    const nlohmann::json m = read_manifest(d);
    if (first.is_null()) first = m;
    if (m["config"] != first["config"] || m["plan"] != first["plan"])
      throw InputError(d + ": a different sweep than " + dirs.front() + " (settings or plan differ)");
    std::set<std::string> plan;
    for (const auto& k : m["plan"]) plan.insert(k.get<std::string>());
    for (auto& [key, p] : read_points(d, plan))
      if (!all.emplace(key, p).second) throw InputError(d + ": point '" + key + "' is also in another directory");
  }
  std::string missing;
  int n_missing = 0;
  for (const auto& k : first["plan"])
    if (!all.count(k.get<std::string>()) && n_missing++ < 3) {
      missing += n_missing > 1 ? ", " : " ";
      missing += k.get<std::string>();
    }
  if (n_missing)
    throw InputError("sweep-merge: " + std::to_string(n_missing) + " point(s) of the plan are in no directory, e.g." +
                     missing);
  nlohmann::json m = {{"config", first["config"]}, {"plan", first["plan"]}, {"shard", "0/1"}};
  SweepStore merged(out, m, false);
  merged.points_ = std::move(all);
  try {
    merged.write();
  } catch (...) {  // a full disk: no merged directory with half its points
    merged.remove_started();
    throw;
  }
}

std::string sweep_csv_header() {
  return "key,model,prune,threshold_scale,batch,backend,mode,perplexity,activity,weight_density,dense_macs,"
         "effective_macs,effective_acs,events,weight_bytes,energy_uj,wall_median_s,wall_min_s,wall_max_s,"
         "device_median_s\n";
}

namespace {

std::string csv_field(const nlohmann::json& v) {
  if (v.is_null()) return "";
  if (v.is_string()) {
    std::string q = "\"";
    for (char c : v.get<std::string>()) {
      if (c == '"') q += '"';
      q += c;
    }
    q += '"';
    return q;
  }
  return v.dump();
}

}  // namespace

std::string sweep_csv_row(const nlohmann::json& p) {
  const nlohmann::json& t = p.at("run").at("totals");
  const nlohmann::json& q = p.at("quality");
  const nlohmann::json ppl = q.is_object() ? q.value("perplexity", nlohmann::json(nullptr)) : nlohmann::json(nullptr);
  const nlohmann::json dev = p.contains("device_s") ? p["device_s"]["median"] : nlohmann::json(nullptr);
  const std::vector<nlohmann::json> fields = {p["key"],
                                              p["model"],
                                              p["prune"],
                                              p["threshold_scale"],
                                              p["batch"],
                                              p["backend"],
                                              p["mode"],
                                              ppl,
                                              t["activity"],
                                              t["weight_density"],
                                              t["dense_macs"],
                                              t["effective_macs"],
                                              t["effective_acs"],
                                              t["events"],
                                              t["weight_bytes"],
                                              t["energy_pj"].get<double>() * 1e-6,
                                              p["wall_s"]["median"],
                                              p["wall_s"]["min"],
                                              p["wall_s"]["max"],
                                              dev};
  std::string row;
  for (size_t k = 0; k < fields.size(); ++k) {
    if (k) row += ',';
    row += csv_field(fields[k]);
  }
  row += '\n';
  return row;
}

}  // namespace evsim
