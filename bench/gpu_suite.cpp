#include "bench/gpu_suite.hpp"

#include <algorithm>
#include <cstdio>
#include <memory>
#include <sstream>

#include "backends/cuda/device_info.hpp"
#include "backends/cuda/egru_engine.hpp"
#include "backends/cuda/gpu_profile.hpp"
#include "backends/cuda/lowering.hpp"
#include "bench/gpu_bench.hpp"
#include "bench/layer_bench.hpp"
#include "core/error.hpp"
#include "core/table.hpp"
#include "models/egru_stack.hpp"
#include "models/random_input.hpp"

namespace evsim {
namespace {

void require_device() {
  if (cuda::device_count() == 0) throw UsageError("backend 'cuda': no CUDA device is visible");
}

std::string us(double s) { return fmt_fixed(s * 1e6, 1); }
std::string us(const Spread& s) { return us(s.median) + " (" + us(s.min) + "-" + us(s.max) + ")"; }
std::string ratio(const Spread& num, const Spread& den) {
  return fmt_fixed(num.median / den.median, 2) + (ranges_overlap(num, den) ? "x ~" : "x");
}

// The 3-layer EGRU sequence as the engine runs it, against the bandwidth floor of the bytes
// its path read (from its own counts).
std::string sequence_bench(const BenchGrid& o, const cuda::GpuProfile& prof, const cuda::Bandwidth& bw) {
  EgruStackConfig c;
  c.inputs = 1024;
  c.hidden = 1024;
  c.layers = 3;
  c.outputs = 16;
  c.density = 1.0;
  c.target_activity = 0.15;
  c.seed = o.seed;
  std::fprintf(stderr, "  building a 3 x 1024 EGRU calibrated to ~15 %% activity...\n");
  const Graph g = build_graph(make_egru_stack(c), 1e-4);
  const auto params = cuda::lower_egru_stack(g);
  const int64_t steps = 256;
  const Sequence x = gaussian_input(steps, 1, c.inputs, o.seed + 3);
  Table t({"backend", "us/step (min-max)", "activity", "MB read/step", "floor us/step", "x floor"});
  cuda::GpuProfile no_pdl = prof;
  no_pdl.pdl = false;
  auto add_row = [&](const char* name, cuda::GpuMode mode, const cuda::GpuProfile& pr) {
    cuda::EgruEngine engine(params, mode, 1, steps, pr);
    const cuda::EgruRun r = engine.run(x, o.repeats);
    std::vector<double> per_step;
    for (double s : r.replay_s) per_step.push_back(s / double(steps));
    const Spread s = spread_of(per_step);
    double events = 0, bytes = double(r.counts.readout.bytes);
    for (size_t l = 0; l < r.counts.events.size(); ++l) {
      events += double(r.counts.events[l]);
      bytes += double(r.counts.ih[l].bytes + r.counts.hh[l].bytes);
    }
    bytes /= double(steps);
    const double floor = bytes / bw.best();
    t.add({name, us(s), fmt_pct(events / double(3 * c.hidden * steps)), fmt_fixed(bytes / 1e6, 2), us(floor),
           fmt_fixed(s.median / floor, 2)});
  };
  add_row("cuda-dense", cuda::GpuMode::Dense, prof);
  add_row("cuda-distile", cuda::GpuMode::Distile, prof);
  add_row("  without PDL", cuda::GpuMode::Distile, no_pdl);
  std::ostringstream out;
  out << "\n3-layer EGRU, hidden 1024, 256 steps, batch 1 (one CUDA graph of the whole sequence; per step, median "
         "(min-max) of "
      << o.repeats << " replays):\n"
      << t.str() << "floor = weight bytes the path read per step (its own counts) / " << bw.describe() << "\n";
  return out.str();
}

const char* path_of(const cuda::GpuBenchResult& r) {
  return r.cublas_selected ? "cuBLAS" : r.streamed ? "stream" : r.pruned_chosen ? "pruned-col" : "dense-col";
}

}  // namespace

BenchReport gpu_bench(const BenchGrid& o, const EnergyModel& energy) {
  if (!o.threads.empty()) throw UsageError("--thread-counts applies to --backend cpu only");
  require_device();
  const cuda::GpuProfile prof = load_gpu_profile(o.gpu_profile);
  const cuda::Bandwidth& bw = cuda::device_bandwidth();
  Table t({"hidden", "batch", "density", "activity", "sets", "cuBLAS us (min-max)", "cuSPARSE us (min-max)",
           "DISTile us (min-max)", "path", "vs cuBLAS", "vs cuSPARSE", "theory", "floor us", "x floor", "cuBLAS uJ",
           "DISTile uJ", "CPU dense us", "CPU event us"});
  Table v({"hidden", "batch", "density", "activity", "x-mask dense", "x-mask pruned", "mask dense", "mask+PDL dense",
           "mask+PDL pruned", "list dense", "list pruned", "stream all", "launch"});
  std::ostringstream csv;
  csv << "hidden,batch,density,activity,input_sets,path,theoretical,max_rel_err,dense_bytes,distile_bytes,"
         "dense_energy_pj,distile_energy_pj,distile_floor_s,bandwidth";
  const char* timings[] = {"cublas",     "cusparse",     "distile",    "x_mask_dense", "x_mask_pruned",
                           "mask_dense", "pdl_dense",    "pdl_pruned", "list_dense",   "list_pruned",
                           "stream",     "launch_floor", "cpu_dense",  "cpu_event"};
  for (const char* n : timings) csv << ',' << n << "_s," << n << "_min_s," << n << "_max_s";
  csv << '\n';
  for (int64_t h : o.hidden)
    for (double d : o.density) {
      cuda::ProjectionBench bench(h, d, o.seed, prof);
      std::unique_ptr<LayerBench> cpu;  // the same projection on the CPU (one thread), side by side
      if (o.cpu) cpu = std::make_unique<LayerBench>(h, d, o.seed);
      for (int64_t b : o.batch)
        for (double a : o.activity) {
          const auto r = bench.run(b, a, o.repeats);
          const LayerBenchResult c = cpu ? cpu->run_projection(b, a, std::min(o.repeats, 10)) : LayerBenchResult{};
          const double theory = a > 0 ? 1.0 / (a * d) : 0.0;
          const double floor = r.distile_bytes / bw.best();
          OpCounts dense_counts, event_counts;
          dense_counts.dense_macs = r.dense_macs;
          dense_counts.weight_bytes = static_cast<uint64_t>(r.dense_bytes);
          event_counts.effective_macs = r.effective_macs;
          event_counts.weight_bytes = static_cast<uint64_t>(r.distile_bytes);
          const double e_dense = energy.energy_pj(dense_counts, Mode::Dense);
          const double e_event = energy.energy_pj(event_counts, Mode::Event);
          const std::string hs = std::to_string(h), bs = std::to_string(b), ds = fmt_pct(d), as = fmt_pct(a);
          t.add({hs, bs, ds, as, std::to_string(r.input_sets), us(r.cublas_s), us(r.cusparse_s), us(r.distile_s),
                 path_of(r), ratio(r.cublas_s, r.distile_s), ratio(r.cusparse_s, r.distile_s),
                 fmt_fixed(theory, 1) + "x", us(floor), fmt_fixed(r.distile_s.median / std::max(floor, 1e-12), 1),
                 fmt_fixed(e_dense * 1e-6, 2), fmt_fixed(e_event * 1e-6, 2), cpu ? us(c.dense_s) : "-",
                 cpu ? us(c.event_s) : "-"});
          v.add({hs, bs, ds, as, us(r.distile_dense_s), us(r.distile_pruned_s), us(r.distile_given_mask_s),
                 us(r.distile_pdl_s), us(r.pruned_pdl_s), us(r.list_dense_s), us(r.list_pruned_s), us(r.stream_s),
                 us(r.launch_floor_s)});
          csv << h << ',' << b << ',' << d << ',' << a << ',' << r.input_sets << ',' << path_of(r) << ',' << theory
              << ',' << r.max_rel_err << ',' << r.dense_bytes << ',' << r.distile_bytes << ',' << e_dense << ','
              << e_event << ',' << floor << ',' << bw.best();
          for (const Spread& s : {r.cublas_s, r.cusparse_s, r.distile_s, r.distile_dense_s, r.distile_pruned_s,
                                  r.distile_given_mask_s, r.distile_pdl_s, r.pruned_pdl_s, r.list_dense_s,
                                  r.list_pruned_s, r.stream_s, r.launch_floor_s, c.dense_s, c.event_s})
            csv << ',' << s.median << ',' << s.min << ',' << s.max;
          csv << '\n';
          if (r.max_rel_err > 1e-4)
            throw Error("DISTile differs from cuBLAS by " + std::to_string(r.max_rel_err) + " (hidden " + hs + ")");
        }
      std::fprintf(stderr, "  hidden %lld density %.0f%% done\n", static_cast<long long>(h), 100 * d);
    }
  std::ostringstream text;
  text << "GPU: " << cuda::describe_device() << "; best bandwidth " << bw.describe() << "\n"
       << "one EGRU gate projection (3H x H) per step, CUDA events over graph replays, median (min-max) of "
       << o.repeats << " replays\n"
       << t.str() << "DISTile = the step as the engine runs it under the profile (" << prof.device
       << "): the producer's list of active\n"
          "columns, the engine's column format and stream-or-gather choice (path), PDL as profiled; a batch of "
       << prof.gemm_batch_from
       << "+\n"
          "takes cuBLAS GEMMs. \"~\": the ranges overlap (inconclusive). theory = 1 / (activity x density); floor = "
          "bytes the\n"
          "path reads / the best bandwidth above; sets = independent input patterns the steps rotate over (one pass "
          "reads\n"
          "twice the L2 in weights). Energy per step of the work each path performs (cuBLAS: every MAC and weight "
          "byte;\n"
          "DISTile: effective MACs and the bytes it reads), table: "
       << energy.source
       << ". CPU = the same projection, cpu-dense\n"
          "(Eigen) and cpu-event (CSC push), one thread, median (min-max) of up to 10 steps.\n\n"
          "DISTile variants (us, median (min-max)): x-mask = bitmask derived from x in the kernel, mask = bitmask "
          "given,\n"
          "+PDL = programmatic dependent launch, list = the producer's compacted list, stream all = every row "
          "streamed,\n"
          "launch = an empty kernel per step:\n"
       << v.str();
  if (o.sequence) text << sequence_bench(o, prof, bw);
  return {text.str(), csv.str()};
}

namespace {

struct Samples {
  std::vector<double> bytes, seconds;
  void add(double b, double s) {
    bytes.push_back(b);
    seconds.push_back(s);
  }
  cuda::LinearFit fit() const {
    return cuda::fit_time_vs_bytes(bytes.data(), seconds.data(), static_cast<int>(bytes.size()));
  }
};

}  // namespace

std::string run_calibration(const CalibrationOptions& o) {
  require_device();
  if (o.hidden.size() < 2)
    throw UsageError("calibrate: give at least two --hidden sizes (cuBLAS is fitted over sizes)");
  const double activities[] = {0.01, 0.05, 0.1, 0.2, 0.5, 1.0};
  const double pruned_density = 0.1;
  Samples gather, pruned, stream, cublas;
  cuda::GpuProfile p;
  p.device = cuda::describe_device();
  // What the engine runs: the producer's list, PDL as in the default profile.
  for (int64_t h : o.hidden) {
    const double rows = 3.0 * double(h), all = rows * double(h) * 4;
    cuda::ProjectionBench dense(h, 1.0, o.seed, p), sparse(h, pruned_density, o.seed, p);
    for (double a : activities) {
      const auto r = dense.run(1, a, o.repeats);
      gather.add(double(r.active_units) * rows * 4, r.list_dense_s.median);
      stream.add(all, r.stream_s.median);
      cublas.add(all, r.cublas_s.median);
      const auto q = sparse.run(1, a, o.repeats);
      pruned.add(double(q.active_units) * cuda::column_bytes(int(rows), true, q.pruned_width), q.list_pruned_s.median);
    }
    std::fprintf(stderr, "  hidden %lld measured\n", static_cast<long long>(h));
  }
  const auto fg = gather.fit(), fp = pruned.fit(), fs = stream.fit(), fc = cublas.fit();
  if (fg.bandwidth <= 0 || fp.bandwidth <= 0 || fs.bandwidth <= 0 || fc.bandwidth <= 0)
    throw Error("calibrate: the timings do not grow with the bytes read; cannot fit the cost model");
  p.distile_overhead_s = fg.overhead_s;
  p.distile_bandwidth = fg.bandwidth;
  p.pruned_overhead_s = fp.overhead_s;
  p.pruned_bandwidth = fp.bandwidth;
  p.stream_overhead_s = fs.overhead_s;
  p.stream_bandwidth = fs.bandwidth;
  p.cublas_overhead_s = fc.overhead_s;
  p.cublas_bandwidth = fc.bandwidth;
  write_gpu_profile(p, o.output);
  Table t({"path", "overhead us", "bandwidth GB/s", "samples"});
  auto row = [&](const char* name, const cuda::LinearFit& f, const Samples& smp) {
    t.add({name, us(f.overhead_s), fmt_fixed(f.bandwidth / 1e9, 0), std::to_string(smp.bytes.size())});
  };
  row("DISTile gather, dense columns", fg, gather);
  row("DISTile gather, pruned columns", fp, pruned);
  row("DISTile stream, all columns", fs, stream);
  row("cuBLAS GEMV", fc, cublas);
  std::ostringstream out;
  out << "GPU: " << p.device << "\n" << t.str();
  for (int64_t h : o.hidden) {
    const int rows = int(3 * h), cols = int(h);
    double below = 0;  // the highest density (1 % steps) at which pruned columns are chosen
    for (int pct = 1; pct <= 100; ++pct)
      if (cuda::prefer_pruned(p, rows, cols, cuda::pruned_width_estimate(rows, pct / 100.0))) below = pct / 100.0;
    out << "hidden " << h << ": dense weights stream above " << cuda::stream_above(p, rows, cols, false, 0) << " of "
        << h << " active columns; pruned columns up to " << fmt_fixed(100 * below, 0) << " % weight density\n";
  }
  out << "wrote " << o.output << "\n";
  return out.str();
}

}  // namespace evsim
