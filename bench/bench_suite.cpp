#include "bench/bench_suite.hpp"

#include <algorithm>
#include <cstdio>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <sstream>
#include <tuple>
#include <utility>

#include "bench/layer_bench.hpp"
#include "bench/memory_bandwidth.hpp"
#include "core/cpu_cost_model.hpp"
#include "core/error.hpp"
#include "core/stats.hpp"
#include "core/table.hpp"
#include "core/threads.hpp"
#include "data/python_tool.hpp"
#ifdef EVSIM_HAVE_CUDA
#include "bench/gpu_suite.hpp"
#endif

namespace evsim {
namespace {

std::string time_spread(const Spread& s) {
  return fmt_time(s.median) + " [" + fmt_time(s.min) + "-" + fmt_time(s.max) + "]";
}

std::string join(const auto& v) {
  std::ostringstream s;
  for (size_t i = 0; i < v.size(); ++i) s << (i ? "," : "") << v[i];
  return s.str();
}

// Three significant digits: at small sizes evsim's step is a few hundredths of PyTorch's, which
// two decimals printed as 0.00x.
std::string significant(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.3g", v);
  return buf;
}

// The same layer step in PyTorch on the CPU (nn.GRUCell: both projections and the gates, all
// of `threads`): its CSV lines for one thread count and hidden size, run between evsim's runs
// of that size and thread count (a shared host drifts by tens of percent over the minutes a
// bench takes: PyTorch timed after the whole grid put the same build at 0.85x and 1.32x of it);
// nullopt when torch is missing.
std::optional<std::string> torch_steps(const BenchGrid& o, int threads, int64_t hidden) {
  return run_python_tool("bench_torch_cpu.py",
                         {"--hidden", std::to_string(hidden), "--batch", join(o.batch), "--threads",
                          std::to_string(threads), "--repeats", std::to_string(o.repeats)});
}

// evsim's dense step of one size and thread count over all its runs (every density and
// activity does the same dense work): the spread of the runs' medians, widened to the extremes
// of all their steps.
Spread pooled(const std::vector<Spread>& runs) {
  std::vector<double> medians;
  for (const Spread& r : runs) medians.push_back(r.median);
  Spread p = spread_of(medians);
  for (const Spread& r : runs) p.min = std::min(p.min, r.min), p.max = std::max(p.max, r.max);
  return p;
}

std::string torch_table(const BenchGrid& o, const std::string& lines_csv,
                        const std::map<std::tuple<int, int64_t, int64_t>, std::vector<Spread>>& dense) {
  Table t(
      {"threads", "hidden", "batch", "PyTorch GRUCell step [min-max]", "evsim cpu-dense step", "evsim / PyTorch time"});
  std::istringstream lines(lines_csv);
  std::string line, version;
  while (std::getline(lines, line)) {
    int th = 0;
    long long h = 0, b = 0;
    double med = 0, lo = 0, hi = 0;
    char v[64] = {};
    if (std::sscanf(line.c_str(), "%d,%lld,%lld,%lf,%lf,%lf,%63s", &th, &h, &b, &med, &lo, &hi, v) != 7) continue;
    version = v;
    const auto it = dense.find({th, h, b});
    if (it == dense.end()) continue;
    const Spread e = pooled(it->second);
    t.add({std::to_string(th), std::to_string(h), std::to_string(b),
           fmt_time(med) + " [" + fmt_time(lo) + "-" + fmt_time(hi) + "]", time_spread(e),
           significant(e.median / med) + "x"});
  }
  return "PyTorch " + version + " on the CPU, same run (median of " + std::to_string(o.repeats) +
         " steps, timed between evsim's runs of the same size and thread count: after the first density's; "
         "evsim's dense step: median of those runs' medians, [min-max] of all):\n" +
         t.str();
}

BenchReport cpu_bench(const BenchGrid& o, const EnergyModel& energy) {
  if (!o.sequence || !o.cpu || !o.gpu_profile.empty())
    throw UsageError("--no-sequence, --no-cpu and --gpu-profile apply to --backend cuda only");
  Table t({"threads", "hidden", "batch", "density", "activity", "dense/step [min-max]", "event/step [min-max]",
           "speedup", "delivery dense / event", "speedup", "bytes", "theory", "floor dense / event"});
  std::ostringstream csv;
  csv << "backend,threads,hidden,batch,density,activity,dense_s,dense_min_s,dense_max_s,event_s,event_min_s,"
         "event_max_s,speedup,dense_macs,effective_ops,theoretical,dense_weight_bytes,event_weight_bytes,"
         "dense_floor_s,event_floor_s,read_bandwidth,dense_energy_pj,event_energy_pj,dense_delivery_s,"
         "dense_delivery_min_s,dense_delivery_max_s,event_delivery_s,event_delivery_min_s,event_delivery_max_s,"
         "delivery_speedup,byte_ratio\n";
  const int before = cpu_threads();
  std::vector<int> counts = o.threads.empty() ? std::vector<int>{before} : o.threads;
  std::ostringstream bandwidths;
  std::map<std::tuple<int, int64_t, int64_t>, std::vector<Spread>> dense_steps;
  std::string torch_csv;
  bool torch_missing = false;
  for (int threads : counts) {
    set_cpu_threads(threads);
    const double bw = cpu_read_bandwidth(threads);
    bandwidths << (bandwidths.tellp() > 0 ? ", " : "") << threads << " thread" << (threads > 1 ? "s " : " ")
               << fmt_fixed(bw * 1e-9, 1) << " GB/s";
    for (int64_t h : o.hidden) {
      for (size_t di = 0; di < o.density.size(); ++di) {
        const double d = o.density[di];
        LayerBench bench(h, d, o.seed, o.order);
        for (int64_t b : o.batch)
          for (double a : o.activity) {
            const LayerBenchResult r = bench.run(b, a, o.repeats);
            dense_steps[{threads, h, b}].push_back(r.dense_s);  // dense work: any density, activity
            const double eff = double(r.event.effective_ops());
            const double theory = eff > 0 ? double(r.dense.dense_macs) / eff : 0.0;
            const double e_dense = energy.energy_pj(r.dense, Mode::Dense),
                         e_event = energy.energy_pj(r.event, Mode::Event);
            const bool apart = !ranges_overlap(r.dense_s, r.event_s);
            const bool delivery_apart = !ranges_overlap(r.dense_delivery_s, r.event_delivery_s);
            const double delivery = r.dense_delivery_s.median / r.event_delivery_s.median;
            const double bytes =
                r.event.weight_bytes ? double(r.dense.weight_bytes) / double(r.event.weight_bytes) : 0.0;
            // Byte floors: the weight bytes each mode's path read this step / the read bandwidth.
            const double floor_d = double(r.dense.weight_bytes) / bw, floor_e = double(r.event.weight_bytes) / bw;
            t.add({std::to_string(threads), std::to_string(h), std::to_string(b), fmt_pct(d), fmt_pct(a),
                   time_spread(r.dense_s), time_spread(r.event_s),
                   fmt_fixed(r.dense_s.median / r.event_s.median, 2) + (apart ? "x" : "x ~"),
                   fmt_time(r.dense_delivery_s.median) + " / " + fmt_time(r.event_delivery_s.median),
                   fmt_fixed(delivery, 2) + (delivery_apart ? "x" : "x ~"), fmt_fixed(bytes, 1) + "x",
                   fmt_fixed(theory, 1) + "x", fmt_time(floor_d) + " / " + fmt_time(floor_e)});
            csv << "cpu," << threads << ',' << h << ',' << b << ',' << d << ',' << a << ',' << r.dense_s.median << ','
                << r.dense_s.min << ',' << r.dense_s.max << ',' << r.event_s.median << ',' << r.event_s.min << ','
                << r.event_s.max << ',' << r.dense_s.median / r.event_s.median << ',' << r.dense.dense_macs << ','
                << r.event.effective_ops() << ',' << theory << ',' << r.dense.weight_bytes << ','
                << r.event.weight_bytes << ',' << floor_d << ',' << floor_e << ',' << bw << ',' << e_dense << ','
                << e_event << ',' << r.dense_delivery_s.median << ',' << r.dense_delivery_s.min << ','
                << r.dense_delivery_s.max << ',' << r.event_delivery_s.median << ',' << r.event_delivery_s.min << ','
                << r.event_delivery_s.max << ',' << delivery << ',' << bytes << '\n';
          }
        std::fprintf(stderr, "  %d thread(s), hidden %lld, density %.0f%% done\n", threads, static_cast<long long>(h),
                     100 * d);
        if (di == 0 && o.torch && !torch_missing) {
          const auto lines = torch_steps(o, threads, h);
          torch_missing = !lines;
          if (lines) {
            torch_csv += *lines;
            std::fprintf(stderr, "  %d thread(s), hidden %lld, PyTorch reference done\n", threads,
                         static_cast<long long>(h));
          }
        }
      }
    }
  }
  set_cpu_threads(before);
  std::ostringstream text;
  text << "EGRU layer step (W_ih + W_hh, 3H x H each, + cell) on the CPU, median [min-max] of " << o.repeats
       << " steps\n"
       << t.str()
       << "speedup = dense / event median (\"~\": the two ranges overlap, the ratio is inconclusive), for the whole\n"
          "step and for its delivery alone (inputs emitted and both projections, not the cell, whose cost is the\n"
          "same in both modes); bytes = dense weight bytes / the bytes event mode's chosen path read; theory =\n"
          "dense MACs / effective ops; floor = weight bytes the mode's path read / read bandwidth measured in\n"
          "this run ("
       << bandwidths.str() << "); event sums in the " << sum_order_name(o.order)
       << " order (fast: the CPU cost model may take the dense product; its constants: " << cpu_cost_model().source
       << "). Energy per step (CSV): " << energy.source << "\n";
  if (o.torch && torch_missing)
    text << "PyTorch CPU reference: skipped (no torch for " << python_path() << "; set EVSIM_PYTHON)\n";
  else if (o.torch)
    text << torch_table(o, torch_csv, dense_steps);
  return {text.str(), csv.str()};
}

using BenchFn = std::function<BenchReport(const BenchGrid&, const EnergyModel&)>;

const std::vector<std::pair<std::string, BenchFn>>& benches() {
  static const std::vector<std::pair<std::string, BenchFn>> r = {
      {"cpu", cpu_bench},
#ifdef EVSIM_HAVE_CUDA
      {"cuda", gpu_bench},
#endif
  };
  return r;
}

}  // namespace

BenchGrid break_even_grid(const std::string& backend, int64_t hidden, const std::vector<int64_t>& batches,
                          const std::string& gpu_profile) {
  BenchGrid g = default_bench_grid(backend);
  g.hidden = {hidden};
  g.batch = batches;
  g.activity = {0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1.0};
  g.density = {0.05, 0.1, 0.2, 0.5, 1.0};
  g.repeats = 5;
  if (backend != "cpu") {  // the CPU bench has neither option
    g.sequence = g.cpu = false;
    g.gpu_profile = gpu_profile;
  }
  return g;
}

BenchGrid default_bench_grid(const std::string& backend) {
  BenchGrid g;
  if (backend == "cuda") {  // issue 4's grid: hidden 512-4096, batch 1/8/64
    g.hidden = {512, 1024, 2048, 4096};
    g.batch = {1, 8, 64};
    g.activity = {0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1.0};
    g.density = {0.1, 0.2, 0.5, 1.0};
    g.repeats = 20;
    return g;
  }
  g.hidden = {512, 2048};
  g.batch = {1, 16};
  g.activity = {0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1.0};
  g.density = {0.05, 0.1, 0.2, 0.5, 1.0};
  return g;
}

BenchReport run_bench(const std::string& backend, const BenchGrid& grid, const EnergyModel& energy) {
  for (const auto& [name, fn] : benches())
    if (name == backend) return fn(grid, energy);
  throw UsageError("no benchmark for backend '" + backend + "' in this build" +
                   (backend == "cuda" ? " (CUDA backends need nvcc at build time)" : ""));
}

#ifndef EVSIM_HAVE_CUDA
std::string run_calibration(const CalibrationOptions&) {
  throw UsageError("calibrate measures a GPU: this evsim was built without CUDA (EVSIM_CUDA=OFF or no nvcc)");
}
#endif

}  // namespace evsim
