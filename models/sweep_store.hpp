#pragma once
// A sweep's directory: sweep.json (what the sweep is: its settings, its plan of point keys,
// its shard), points.jsonl (one measured point per line, in plan order: the record) and
// points.csv (the same, flat, for spreadsheets and plots). Both are rewritten whole after every
// point, flushed and renamed over the old ones (the CSV first), so a kill at any moment leaves
// valid files, the record holding every finished point and the CSV at most one point ahead;
// --resume reads the record back, rewrites the CSV from it and skips the finished points. A
// directory holding anything else, a different sweep or a corrupt file is an error: nothing
// is overwritten that evsim did not write for this sweep.
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace evsim {

class SweepStore {
 public:
  // `manifest`: {"config": ..., "plan": [keys...], "shard": "i/n"}. A new sweep needs an
  // absent or empty directory; `resume` needs the same manifest in it, or starts the sweep
  // when the directory is absent or empty (a requeued job's first attempt).
  SweepStore(std::string dir, nlohmann::json manifest, bool resume);
  // A sweep this store started that fails before its first point leaves nothing behind (its
  // files, and the directory if it made it): else the rerun meets a non-empty directory.
  ~SweepStore();
  SweepStore(const SweepStore&) = delete;
  SweepStore& operator=(const SweepStore&) = delete;

  const std::map<std::string, nlohmann::json>& points() const { return points_; }
  bool has(const std::string& key) const { return points_.count(key) > 0; }
  void add(const nlohmann::json& point);  // durable when it returns

  // Merges the results of sweeps of one plan (shards, MPI ranks) into `out` (new or empty):
  // every point of the plan exactly once, else an error naming what is missing or doubled.
  static void merge(const std::string& out, const std::vector<std::string>& dirs);

  static constexpr const char* kFormat = "evsim-sweep";
  static constexpr int kVersion = 1;

 private:
  void write() const;
  void remove_started() const;  // the files of a sweep this store started, and its directory if made
  std::string dir_;
  nlohmann::json manifest_;
  std::vector<std::string> plan_;
  std::map<std::string, nlohmann::json> points_;
  bool started_ = false, made_dir_ = false;  // a new sweep; its directory was absent
  int unwinding_ = 0;                        // exceptions in flight when it was opened
};

// The CSV row of a point (header: sweep_csv_header()).
std::string sweep_csv_header();
std::string sweep_csv_row(const nlohmann::json& point);

}  // namespace evsim
