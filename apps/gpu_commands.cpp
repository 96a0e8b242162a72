#include "apps/gpu_commands.hpp"

#include <cmath>
#include <cstdio>
#include <memory>
#include <sstream>

#include "apps/commands.hpp"
#include "apps/layer_bench.hpp"
#include "apps/table.hpp"
#include "core/error.hpp"
#include "data/atomic_file.hpp"
#include "data/gpu_profile.hpp"
#include "models/egru_stack.hpp"
#include "models/random_input.hpp"

#ifdef EVSIM_HAVE_CUDA
#include "backends/cuda/device_info.hpp"
#include "backends/cuda/egru_stack_params.hpp"
#include "backends/cuda/gpu_bench.hpp"
#include "backends/cuda/snn_params.hpp"
#endif

namespace evsim {

namespace {
std::string g_profile_path;  // --gpu-profile
}  // namespace

void add_gpu_profile_option(CLI::App& cmd) {
  cmd.add_option_function<std::string>(
         "--gpu-profile", [](const std::string& p) { g_profile_path = p; },
         "GPU cost-model profile written by `evsim calibrate` (--backend cuda)")
      ->check(CLI::ExistingFile);
}

void check_gpu_profile_backend(const std::string& backend) {
  if (!g_profile_path.empty() && backend != "cuda")
    throw UsageError("--gpu-profile applies to --backend cuda only (got '" + backend + "')");
}

#ifndef EVSIM_HAVE_CUDA
void gpu_bench(const GpuBenchOptions&) { throw UsageError("this evsim was built without CUDA (EVSIM_CUDA=OFF)"); }
void gpu_calibrate(const GpuCalibrateOptions&) { gpu_bench({}); }
LmEvalResult gpu_evaluate_lm(Graph&, Mode, const std::vector<int64_t>&, int64_t, int64_t, const LmProgress&) {
  gpu_bench({});
  return {};
}
void gpu_compare(Graph&, const Sequence&, int, double) { gpu_bench({}); }
RunResult gpu_run(Graph&, Mode, const Sequence&) {
  gpu_bench({});
  return {};
}
#else
namespace {

void require_device() {
  if (cuda::device_count() == 0) throw UsageError("backend 'cuda': no CUDA device is visible");
}

cuda::GpuProfile profile() { return g_profile_path.empty() ? cuda::GpuProfile{} : read_gpu_profile(g_profile_path); }

bool has_egru(const Graph& g) {
  for (const GraphNode& n : g.nodes)
    if (n.type == "EGRU") return true;
  return false;
}

// One GPU run of an EGRU stack or a spiking graph; timing_repeats replays, median.
cuda::GpuRunResult run_on_gpu(const Graph& g, cuda::GpuMode mode, const Sequence& input, int timing_repeats) {
  if (has_egru(g)) {
    cuda::EgruEngine engine(cuda::egru_stack_from_graph(g), mode, input.batch, input.steps, profile());
    return engine.run(input, timing_repeats);
  }
  cuda::SnnEngine engine(cuda::snn_from_graph(g), mode, input.batch, input.steps, profile());
  return engine.run(input, timing_repeats);
}

std::string us(double s) { return fmt_fixed(s * 1e6, 1); }

// Bytes of weight columns a DISTile step must read: per layer, its own events (W_hh) and
// the layer below's (W_ih); layer 1's W_ih runs once per sequence as a GEMM.
double distile_bytes_per_step(const cuda::EgruStackParams& p, const cuda::GpuRunResult& r, int64_t steps) {
  double bytes = 0;
  for (size_t l = 0; l < p.layers.size(); ++l) {
    const double rows = 3.0 * double(p.layers[l].hidden);
    bytes += double(r.events[l]) / double(steps) * rows * 4;
    if (l > 0) bytes += double(r.events[l - 1]) / double(steps) * rows * 4;
  }
  return bytes;
}

void sequence_bench(uint64_t seed, int repeats) {
  EgruStackConfig c;
  c.inputs = 1024;
  c.hidden = 1024;
  c.layers = 3;
  c.outputs = 16;
  c.density = 1.0;
  c.target_activity = 0.15;
  c.seed = seed;
  std::fprintf(stderr, "  building a 3 x 1024 EGRU calibrated to ~15 %% activity...\n");
  Graph g = build_graph(make_egru_stack(c), 1e-4);
  const auto params = cuda::egru_stack_from_graph(g);
  const int64_t steps = 256;
  const Sequence x = gaussian_input(steps, 1, c.inputs, seed + 3);
  const double bw = cuda::copy_bandwidth();
  double dense_bytes = 0;
  for (const auto& l : params.layers) dense_bytes += 4.0 * double(l.w_hh.size() + l.w_ih.size());
  Table t({"backend", "us/step", "activity", "floor us/step", "x floor"});
  // The profile's configuration first, then what PDL and the selector cost.
  const cuda::GpuProfile prof = profile();
  cuda::GpuProfile no_pdl = prof, via_cublas = prof;
  no_pdl.pdl = false;
  via_cublas.cublas_fallback = true;
  const std::pair<const char*, const cuda::GpuProfile*> distile_rows[] = {
      {"cuda-distile", &prof}, {"  without PDL", &no_pdl}, {"  cuBLAS fallback (graph conditionals)", &via_cublas}};
  auto add_row = [&](const char* name, cuda::GpuMode mode, const cuda::GpuProfile& pr) {
    cuda::EgruEngine engine(params, mode, 1, steps, pr);
    const auto r = engine.run(x, repeats);
    double ev = 0, units = 0;
    for (size_t l = 0; l < r.events.size(); ++l) {
      ev += double(r.events[l]);
      units += double(r.unit_steps[l]);
    }
    const double floor = (mode == cuda::GpuMode::Dense ? dense_bytes : distile_bytes_per_step(params, r, steps)) / bw;
    t.add({name, us(r.seconds_per_step), fmt_pct(ev / units), us(floor), fmt_fixed(r.seconds_per_step / floor, 2)});
  };
  add_row("cuda-dense", cuda::GpuMode::Dense, prof);
  for (const auto& [name, pr] : distile_rows) add_row(name, cuda::GpuMode::Distile, *pr);
  std::printf("\n3-layer EGRU, hidden 1024, 256 steps, batch 1 (CUDA graph of the whole sequence, median of %d):\n%s",
              repeats, t.str().c_str());
}

}  // namespace

void gpu_bench(const GpuBenchOptions& o) {
  require_device();
  const cuda::GpuProfile prof = profile();
  std::printf("GPU: %s; copy bandwidth %.0f GB/s (read + write)\n", cuda::describe_device().c_str(),
              cuda::copy_bandwidth() / 1e9);
  std::printf("one EGRU gate projection (3H x H) per step, CUDA events over graph replays, median of %d\n", o.repeats);
  Table t({"hidden",          "batch",      "density",      "activity",      "sets",        "cuBLAS us",
           "cuSPARSE us",     "DISTile us", "path",         "vs cuBLAS",     "vs cuSPARSE", "theory",
           "floor us",        "x floor",    "x-mask dense", "x-mask pruned", "mask dense",  "mask+PDL dense",
           "mask+PDL pruned", "list dense", "list pruned",  "stream all",    "launch us",   "CPU dense us",
           "CPU event us"});
  std::ostringstream csv;
  csv << "hidden,batch,density,activity,input_sets,cublas_s,cusparse_s,distile_s,path,speedup_vs_cublas,"
         "speedup_vs_cusparse,theoretical,distile_floor_s,dense_floor_s,max_rel_err,x_mask_dense_s,x_mask_pruned_s,"
         "mask_dense_s,"
         "pdl_dense_s,pdl_pruned_s,list_dense_s,list_pruned_s,stream_s,launch_floor_s,cpu_dense_s,cpu_event_s\n";
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
          const char* path = r.cublas_selected ? "cuBLAS"
                             : r.streamed      ? "stream"
                             : r.pruned_chosen ? "pruned-col"
                                               : "dense-col";
          t.add({std::to_string(h),
                 std::to_string(b),
                 fmt_pct(d),
                 fmt_pct(a),
                 std::to_string(r.input_sets),
                 us(r.cublas_s),
                 us(r.cusparse_s),
                 us(r.distile_s),
                 path,
                 fmt_fixed(r.cublas_s / r.distile_s, 2) + "x",
                 fmt_fixed(r.cusparse_s / r.distile_s, 2) + "x",
                 fmt_fixed(theory, 1) + "x",
                 us(r.distile_floor_s),
                 fmt_fixed(r.distile_s / std::max(r.distile_floor_s, 1e-12), 1),
                 us(r.distile_dense_s),
                 us(r.distile_pruned_s),
                 us(r.distile_given_mask_s),
                 us(r.distile_pdl_s),
                 us(r.pruned_pdl_s),
                 us(r.list_dense_s),
                 us(r.list_pruned_s),
                 us(r.stream_s),
                 us(r.launch_floor_s),
                 us(c.dense_s),
                 us(c.event_s)});
          csv << h << ',' << b << ',' << d << ',' << a << ',' << r.input_sets << ',' << r.cublas_s << ','
              << r.cusparse_s << ',' << r.distile_s << ',' << path << ',' << r.cublas_s / r.distile_s << ','
              << r.cusparse_s / r.distile_s << ',' << theory << ',' << r.distile_floor_s << ',' << r.dense_floor_s
              << ',' << r.max_rel_err << ',' << r.distile_dense_s << ',' << r.distile_pruned_s << ','
              << r.distile_given_mask_s << ',' << r.distile_pdl_s << ',' << r.pruned_pdl_s << ',' << r.list_dense_s
              << ',' << r.list_pruned_s << ',' << r.stream_s << ',' << r.launch_floor_s << ',' << c.dense_s << ','
              << c.event_s << '\n';
          if (r.max_rel_err > 1e-4) {
            std::fprintf(stderr, "evsim: error: DISTile differs from cuBLAS by %.3g (hidden %lld)\n", r.max_rel_err,
                         static_cast<long long>(h));
            g_exit_code = 4;
          }
        }
      std::fprintf(stderr, "  hidden %lld density %.0f%% done\n", static_cast<long long>(h), 100 * d);
    }
  std::printf("%s", t.str().c_str());
  std::printf(
      "DISTile = the step as the engine runs it under the profile (%s): the list of active columns from\n"
      "the producer (the cell kernel compacts the events), column format and gather-or-stream chosen by the cost\n"
      "model (path), PDL as profiled; theory = 1 / (activity x density): dense MACs over effective MACs;\n"
      "floor = bytes the path must read / copy bandwidth; sets = independent input patterns the steps rotate\n"
      "over, enough that one pass reads twice the L2 in weights (a few replayed patterns would time the L2).\n"
      "Variants (us): x-mask = bitmask derived from x in\n"
      "the kernel (no producer), mask = bitmask given, +PDL = programmatic dependent launch, list = the\n"
      "compacted list given (PDL as profiled), stream all =\n"
      "every row of the row-major copy (the in-kernel fallback); launch = an empty kernel per step. CPU = the same\n"
      "projection with cpu-dense (Eigen) and cpu-event (CSC push), one thread, median of up to 10 steps\n",
      prof.device.c_str());
  if (!o.csv.empty()) {
    write_text_file(o.csv, csv.str());
    std::printf("wrote %s\n", o.csv.c_str());
  }
  if (o.sequence) sequence_bench(o.seed, o.repeats);
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

void gpu_calibrate(const GpuCalibrateOptions& o) {
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
      gather.add(double(r.active_units) * rows * 4, r.list_dense_s);
      stream.add(all, r.stream_s);
      cublas.add(all, r.cublas_s);
      const auto q = sparse.run(1, a, o.repeats);
      pruned.add(double(q.active_units) * cuda::column_bytes(int(rows), true, q.pruned_width), q.list_pruned_s);
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
  std::printf("GPU: %s\n%s", p.device.c_str(), t.str().c_str());
  for (int64_t h : o.hidden) {
    const int rows = int(3 * h), cols = int(h);
    double below = 0;  // the highest density (1 % steps) at which pruned columns are chosen
    for (int pct = 1; pct <= 100; ++pct)
      if (cuda::prefer_pruned(p, rows, cols, cuda::pruned_width_estimate(rows, pct / 100.0))) below = pct / 100.0;
    std::printf(
        "hidden %lld: dense weights stream above %d of %lld active columns (cuBLAS fallback: above %d); "
        "pruned columns up to %.0f %% weight density\n",
        static_cast<long long>(h), cuda::stream_above(p, rows, cols, false, 0), static_cast<long long>(h),
        cuda::dense_fallback_above(p, rows, cols, cuda::pruned_width_estimate(rows, 1.0)), 100 * below);
  }
  std::printf("wrote %s\n", o.output.c_str());
}

namespace {

// Embedding columns of tokens ids[b * per_stream + t0 + t] as a dense n x B x E input.
Sequence embed(const Matrix& table, const std::vector<int64_t>& ids, int64_t per_stream, int64_t t0, int64_t n,
               int64_t batch) {
  Sequence x(n, batch, table.rows());
  for (int64_t t = 0; t < n; ++t)
    for (int64_t b = 0; b < batch; ++b) {
      const int64_t id = ids[static_cast<size_t>(b * per_stream + t0 + t)];
      if (id < 0 || id >= table.cols())
        throw InputError("token id " + std::to_string(id) + " beyond the embedding's " + std::to_string(table.cols()));
      x.step(t).col(b) = table.col(id);
    }
  return x;
}

}  // namespace

LmEvalResult gpu_evaluate_lm(Graph& g, Mode mode, const std::vector<int64_t>& ids, int64_t batch, int64_t limit_tokens,
                             const LmProgress& progress) {
  require_device();
  const auto params = cuda::egru_stack_from_graph(g);
  if (params.embedding.size() == 0)
    throw InputError("model is not a language model (its Input does not feed an Embedding)");
  if (params.readout_w.size() == 0) throw UsageError("cuda backend: the language model has no decoder after its EGRUs");
  const int64_t steps = lm_eval_steps(static_cast<int64_t>(ids.size()), batch, limit_tokens);
  const int64_t per_stream = static_cast<int64_t>(ids.size()) / batch, vocab = params.readout_w.rows();
  const auto gmode = mode == Mode::Dense ? cuda::GpuMode::Dense : cuda::GpuMode::Distile;
  const int64_t chunk = std::min<int64_t>(steps, 64);  // logits of a chunk: chunk x B x V floats
  cuda::EgruEngine engine(params, gmode, batch, chunk, profile());
  std::unique_ptr<cuda::EgruEngine> tail;  // the last, shorter chunk
  LmEvalResult res;
  std::vector<uint64_t> events(params.layers.size(), 0);
  const int64_t every = std::max<int64_t>(1, steps / 50);
  for (int64_t t0 = 0; t0 < steps; t0 += chunk) {
    const int64_t n = std::min(chunk, steps - t0);
    cuda::EgruEngine* e = &engine;
    if (n != chunk) {
      tail = std::make_unique<cuda::EgruEngine>(params, gmode, batch, n, profile());
      tail->copy_state_from(engine);
      e = tail.get();
    }
    const cuda::GpuRunResult r = e->run_continued(embed(params.embedding, ids, per_stream, t0, n, batch));
    res.run.wall_s += r.seconds_per_step * double(n);
    for (int64_t t = 0; t < n; ++t)
      for (int64_t b = 0; b < batch; ++b) {
        const int64_t target = ids[static_cast<size_t>(b * per_stream + t0 + t + 1)];
        if (target >= vocab) throw InputError("token id " + std::to_string(target) + " beyond the model's outputs");
        res.nll += token_nll(r.output.step(t).col(b).data(), vocab, target);
      }
    for (size_t l = 0; l < events.size(); ++l) events[l] += r.events[l];
    res.predictions += n * batch;
    const int64_t done = t0 + n;
    if (progress && (done / every != t0 / every || done == steps))
      progress(done, steps, std::exp(res.nll / double(res.predictions)));
  }
  res.perplexity = std::exp(res.nll / double(res.predictions));
  res.run.backend = mode == Mode::Dense ? "cuda-dense" : "cuda-distile";
  size_t k = 0;
  for (int v : g.order) {
    const GraphNode& node = g.nodes[static_cast<size_t>(v)];
    if (node.type != "EGRU") continue;
    LayerReport l{node.name, node.type, {}, 0, 0, true};
    l.counts.events = events[k];
    l.counts.unit_steps = static_cast<uint64_t>(params.layers[k++].hidden * batch * steps);
    res.run.totals.events += l.counts.events;
    res.run.totals.unit_steps += l.counts.unit_steps;
    res.run.layers.push_back(l);
  }
  return res;
}

RunResult gpu_run(Graph& g, Mode mode, const Sequence& input) {
  require_device();
  const auto r = run_on_gpu(g, mode == Mode::Dense ? cuda::GpuMode::Dense : cuda::GpuMode::Distile, input, 5);
  RunResult out;
  out.output = r.output;
  out.backend = mode == Mode::Dense ? "cuda-dense" : "cuda-distile";
  out.wall_s = r.seconds_per_step * double(input.steps);
  size_t k = 0;
  for (int v : g.order) {
    const GraphNode& n = g.nodes[static_cast<size_t>(v)];
    if (!n.op || !n.op->is_neuron() || k >= r.events.size()) continue;
    LayerReport l{n.name, n.type, {}, 0, 0, true};
    l.counts.events = r.events[k];
    l.counts.unit_steps = r.unit_steps[k++];
    out.totals.events += l.counts.events;
    out.totals.unit_steps += l.counts.unit_steps;
    out.layers.push_back(l);
  }
  return out;
}

void gpu_compare(Graph& g, const Sequence& input, int repeats, double tolerance) {
  require_device();
  const RunResult cpu = simulate(g, "cpu", Mode::Dense, input);
  const RunResult cpu_event = simulate(g, "cpu", Mode::Event, input);
  Table t({"backend", "time/step", "activity", "max rel. diff vs cpu-dense"});
  t.add({"cpu-dense", fmt_time(cpu.wall_s / double(input.steps)), fmt_pct(cpu.totals.activity()), "0"});
  const double cpu_err = max_relative_error(cpu_event.output, cpu.output);
  t.add({"cpu-event", fmt_time(cpu_event.wall_s / double(input.steps)), fmt_pct(cpu_event.totals.activity()),
         fmt_fixed(cpu_err, 8)});
  bool agree = cpu_err <= tolerance;
  for (auto mode : {cuda::GpuMode::Dense, cuda::GpuMode::Distile}) {
    const auto r = run_on_gpu(g, mode, input, repeats);
    double ev = 0, units = 0;
    for (size_t l = 0; l < r.events.size(); ++l) {
      ev += double(r.events[l]);
      units += double(r.unit_steps[l]);
    }
    const double err = max_relative_error(r.output, cpu.output);
    agree = agree && err <= tolerance;
    const char* label = mode == cuda::GpuMode::Dense ? "cuda-dense"
                        : r.gemm_projections         ? "cuda-distile (cuBLAS GEMMs: large batch)"
                                                     : "cuda-distile";
    t.add({label, fmt_time(r.seconds_per_step), fmt_pct(ev / units), fmt_fixed(err, 8)});
  }
  std::printf("GPU: %s (GPU rows: median of %d CUDA-graph replays; CPU rows: one run)\n%s",
              cuda::describe_device().c_str(), repeats, t.str().c_str());
  if (!agree) {
    std::fprintf(stderr, "evsim: error: GPU and CPU outputs differ beyond %.3g\n", tolerance);
    g_exit_code = 4;
  }
}
#endif

}  // namespace evsim
