#include "bench/profile_check.hpp"

#include <algorithm>
#include <sstream>

#include "backends/runner.hpp"
#include "core/stats.hpp"
#include "core/table.hpp"
#include "core/threads.hpp"
#include "models/egru_stack.hpp"
#include "models/random_input.hpp"
#include "network/graph.hpp"
#include "network/model_loader.hpp"

namespace evsim {
namespace {

// Steps per run: a few tens of milliseconds on one core, so that a run is more than its noise.
int64_t steps_for(int64_t batch) { return batch >= 64 ? 20 : batch >= 10 ? 50 : 100; }

double event_run_s(Graph& g, const Sequence& input, const CpuCostModel& m) {
  set_cpu_cost_model(m);  // the backends read it when they prepare and on every step
  return make_runner(reference_backend(), Mode::Event, g)->run(input).wall_s;
}

ProfileCheckRow check_case(Graph& g, int threads, int64_t batch, const CpuCostModel& measured, int repeats) {
  const CpuCostModel builtin = builtin_cpu_cost_model();
  const Sequence input = gaussian_input(steps_for(batch), batch, g.input_width(), 7);
  set_cpu_threads(threads);
  event_run_s(g, input, builtin);  // warm-up: the formats and buffers in memory
  std::vector<double> b, m;
  for (int k = 0; k < repeats; ++k) {
    b.push_back(event_run_s(g, input, builtin));
    m.push_back(event_run_s(g, input, measured));
  }
  return {threads, batch, spread_of(b).median, spread_of(m).median};
}

}  // namespace

bool ProfileCheck::passes() const {
  return std::all_of(rows.begin(), rows.end(),
                     [](const ProfileCheckRow& r) { return r.measured_s <= kProfileTolerance * r.builtin_s; });
}

std::string ProfileCheck::table() const {
  Table t({"threads", "batch", "built-in constants", "measured constants", "measured / built-in"});
  for (const ProfileCheckRow& r : rows)
    t.add({std::to_string(r.threads), std::to_string(r.batch), fmt_time(r.builtin_s), fmt_time(r.measured_s),
           fmt_fixed(r.measured_s / r.builtin_s, 2) + "x"});
  std::ostringstream s;
  s << "Event mode of the default model with each set of constants (median of alternating runs):\n" << t.str();
  return s.str();
}

ProfileCheck check_profile(const CpuCostModel& measured, int repeats, const std::vector<int64_t>& batches) {
  const CpuCostModel before = cpu_cost_model();
  const int threads = cpu_threads();
  const ModelSpec spec = make_egru_stack(default_model_config());
  Graph g = build_graph(spec, resolve_dt(0, spec));
  ProfileCheck c;
  for (const int t : threads > 1 ? std::vector<int>{1, threads} : std::vector<int>{1})
    for (const int64_t batch : batches) c.rows.push_back(check_case(g, t, batch, measured, repeats));
  set_cpu_threads(threads);
  set_cpu_cost_model(before);
  return c;
}

}  // namespace evsim
