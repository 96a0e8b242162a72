#include "apps/common.hpp"

#include <cmath>
#include <cstdio>
#include <random>

#include "core/error.hpp"
#include "core/memory_budget.hpp"
#include "core/run_seed.hpp"
#include "core/table.hpp"
#include "core/threads.hpp"
#include "data/cpu_profile.hpp"
#include "data/file_policy.hpp"
#include "data/isolated.hpp"
#include "data/machine_profile.hpp"
#include "data/run_report.hpp"
#include "data/sequence_io.hpp"
#include "models/egru_stack.hpp"
#include "models/random_input.hpp"
#include "network/model_loader.hpp"
#include "network/report_layout.hpp"

namespace evsim {

void add_model_options(CLI::App& cmd, ModelChoice& m, bool path_required) {
  auto* opt = cmd.add_option(
      "model", m.path,
      path_required ? "Checkpoint (.h5 / .nir)" : "Checkpoint (.h5 / .nir); omitted: the embedded default EGRU model");
  if (path_required) opt->required();
  add_memory_option(cmd);
  cmd.add_option_function<double>(
         "--read-timeout", [](double s) { set_reader_time_limit(s); },
         "Seconds a checkpoint or input file may take to read before it is called corrupt (default 300)")
      ->check(in_range(0.01, 1e6));
  cmd.add_option("--dt", m.dt, "Seconds per time step (default: checkpoint's evsim/dt, else 1e-4)")
      ->check(in_range(1e-12, 1e3));
}

void add_memory_option(CLI::App& cmd) {
  cmd.add_option_function<std::string>(
         "--max-memory", [](const std::string& s) { set_memory_budget(parse_bytes(s)); },
         "Largest memory a file or an option may make evsim allocate, e.g. 16G (default: half the physical memory)")
      ->type_name("SIZE");
}

void add_input_options(CLI::App& cmd, InputChoice& in) {
  cmd.add_option("--input", in.path, "IN.h5 with dataset `input` (T x B x N) or `tokens` (T x B)");
  cmd.add_option("--steps", in.steps, "Steps of random input when --input is not given")
      ->check(in_range(1, 1e9))
      ->capture_default_str();
  cmd.add_option_function<int64_t>(
         "--batch",
         [&in](int64_t b) {
           in.batch = b;
           in.batch_given = true;
         },
         "Batch of random input when --input is not given (default 8; 1 for a model without external input)")
      ->check(in_range(1, 1e6));
  cmd.add_option_function<uint64_t>(
      "--seed",
      [&in](uint64_t s) {
        in.seed = s;
        set_run_seed(s);
      },
      "Seed of every random draw: generated input, PoissonSource nodes (default 1)");
}

void add_backend_options(CLI::App& cmd, BackendChoice& b, const std::string& what) {
  std::string names;
  for (const auto& n : backend_names()) names += (names.empty() ? "" : ", ") + n;
  cmd.add_option("--backend", b.backend, what + " (this build: " + names + ")")->capture_default_str();
  add_runner_options(cmd, b);
}

namespace {

// This machine's profile (data/machine_profile.hpp) before the options are read: --cpu-profile,
// read later, replaces it.
void use_machine_profile() {
  const MachineProfile p = find_machine_profile();
  if (!p.note.empty()) std::fprintf(stderr, "evsim: warning: %s\n", p.note.c_str());
  if (p.model) set_cpu_cost_model(*p.model);
}

}  // namespace

void add_runner_options(CLI::App& cmd, BackendChoice& b) {
  cmd.preparse_callback([](size_t) { use_machine_profile(); });
  cmd.add_option_function<int>(
         "--threads", [](int n) { set_cpu_threads(n); },
         "CPU threads of both modes (default: OMP_NUM_THREADS if set, else every core; outputs and counted ops "
         "do not depend on it)")
      ->check(in_range(1, 4096));
  cmd.add_option_function<std::string>(
         "--cpu-profile", [](const std::string& path) { set_cpu_cost_model(read_cpu_profile(path)); },
         "CPU cost-model profile written by `evsim calibrate --backend cpu` (default: this machine's, "
         "~/.config/evsim/cpu_profile.json or $EVSIM_CPU_PROFILE, where calibrate wrote one; else built-in constants)")
      ->check(CLI::ExistingFile);
  cmd.add_option("--gpu-profile", b.runner.gpu_profile, "GPU cost-model profile written by `evsim calibrate` (cuda)")
      ->check(CLI::ExistingFile);
  cmd.add_option_function<std::string>(
         "--sum-order", [&b](const std::string& s) { b.runner.sum_order = parse_sum_order(s); },
         "fast (cuBLAS/DISTile order; cpu-event may take Eigen's dense product where cheaper) or reference "
         "(cpu-event's per-event order; cuda EGRU stacks then give the same events and states as the CPU, bit for "
         "bit; slower)")
      ->check(CLI::IsMember({"fast", "reference"}))
      ->default_str(sum_order_name(b.runner.sum_order));
  cmd.add_option("--energy-table", b.energy_table, "JSON with mac_pj, ac_pj, weight_byte_pj (default: 45 nm figures)")
      ->check(CLI::ExistingFile);
}

CLI::Validator in_range(double lo, double hi) {
  auto show = [](double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%g", v);
    return std::string(buf);
  };
  const std::string range = "[" + show(lo) + ", " + show(hi) + "]";
  return CLI::Validator(
      [=](std::string& s) {
        size_t used = 0;
        double v = 0;
        try {
          v = std::stod(s, &used);
        } catch (const std::exception&) {
          used = 0;
        }
        if (used != s.size() || s.empty() || !std::isfinite(v) || v < lo || v > hi)
          return "expected a number in " + range + ", got '" + s + "'";
        return std::string();
      },
      "in " + range);
}

CLI::Validator output_path() {
  return CLI::Validator([](std::string& p) { return p.empty() ? std::string("empty path") : std::string(); }, "PATH");
}

void check_outputs(std::initializer_list<std::string> paths) { check_output_paths(paths); }

Graph load_model(const ModelChoice& m) {
  if (!m.path.empty()) return load_graph(m.path, m.dt);
  ModelSpec spec = make_egru_stack(default_model_config());
  return build_graph(spec, resolve_dt(m.dt, spec));
}

std::string model_label(const ModelChoice& m) {
  if (!m.path.empty()) return m.path;
  const auto c = default_model_config();
  return "default EGRU stack (" + std::to_string(c.layers) + " x " + std::to_string(c.hidden) + ", " +
         std::to_string(static_cast<int>(std::lround(100 * (1 - c.density)))) + "% pruned, seed " +
         std::to_string(c.seed) + ")";
}

static bool has_external_input(const Graph& g) {
  for (const GraphNode& n : g.nodes)
    for (const InEdge& e : n.inputs)
      if (e.source == g.input) return true;
  return false;
}

InputSource input_source(const InputChoice& in, const Graph& g) {
  if (!in.path.empty()) return InputSource::of(read_input(in.path, g.token_input));
  // A network driven only by itself (recurrence, initial state) gets zeros, not a stimulus
  // nobody asked for, and one sample unless --batch says otherwise.
  const bool external = has_external_input(g);
  const int64_t batch = external || in.batch_given ? in.batch : 1;
  if (!external) {
    std::fprintf(stderr, "evsim: the model's input feeds no node: %lld steps of zero input, batch %lld\n",
                 static_cast<long long>(in.steps), static_cast<long long>(batch));
    return InputSource::zeros(in.steps, batch, g.input_width());
  }
  if (!g.token_input) return gaussian_source(in.steps, in.batch, g.input_width(), in.seed);
  int64_t vocab = 1;
  for (size_t k = 0; k < g.nodes.size(); ++k)
    if (g.nodes[k].type == "Embedding") vocab = g.spec->graph.nodes[k].find("weight")->shape[0];
  return token_source(in.steps, in.batch, vocab, in.seed);
}

Sequence load_input(const InputChoice& in, const Graph& g) {
  if (!in.path.empty()) return read_input(in.path, g.token_input);  // not copied out of a source
  return input_source(in, g).rest();
}

EnergyTable load_energy_table(const BackendChoice& b) {
  return b.energy_table.empty() ? default_energy_table() : read_energy_table(b.energy_table);
}

EnergyModel load_energy(const BackendChoice& b, const Graph& g) {
  return load_energy_table(b).resolve(weight_footprint_bytes(g));
}

void check_finite(const RunResult& r, const std::string& model, bool allow) {
  if (r.nonfinite_node.empty()) return;
  const std::string what = model + ": node '" + r.nonfinite_node + "' produced NaN or Inf at step " +
                           std::to_string(r.nonfinite_step) + " (" + r.backend + ")";
  if (!allow) throw Error(what + "; --allow-nonfinite keeps such runs");
  std::fprintf(stderr, "evsim: warning: %s\n", what.c_str());
}

void add_allow_nonfinite(CLI::App& cmd, bool& allow) {
  cmd.add_flag("--allow-nonfinite", allow, "Keep a run whose values became NaN or Inf (else an error naming where)");
}

std::string layer_table(const RunResult& r, const EnergyModel& energy) {
  Table t({"layer", "type", "dense MACs", "eff. MACs", "eff. ACs", "events", "activity", "density", "weight bytes",
           "energy uJ (" + mode_name(r.mode) + ")"});
  auto row = [&](const std::string& name, const std::string& type, const OpCounts& c, double density) {
    t.add({name, type, fmt_count(double(c.dense_macs)), fmt_count(double(c.effective_macs)),
           fmt_count(double(c.effective_acs)), fmt_count(double(c.events)), fmt_pct(c.activity()),
           density < 0 ? "" : fmt_pct(density), fmt_count(double(c.weight_bytes)),
           fmt_fixed(energy.energy_pj(c, r.mode) * 1e-6, 3)});
  };
  uint64_t w = 0, nnz = 0;
  for (const LayerReport& l : r.layers) {
    row(l.name, l.type, l.counts, l.weights ? l.weight_density() : -1.0);
    w += l.weights;
    nnz += l.nnz;
  }
  row("total", "", r.totals, w ? double(nnz) / double(w) : -1.0);
  return t.str();
}

}  // namespace evsim
