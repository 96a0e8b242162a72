#include <chrono>
#include <cstdio>
#include <utility>

#include "apps/commands.hpp"
#include "apps/common.hpp"
#include "core/memory_budget.hpp"
#include "core/threads.hpp"
#include "data/darcy_data.hpp"

namespace evsim {

namespace {

struct DataOptions {
  DarcyOptions darcy;
  std::string out, in;
  int threads = 0;
};

void print_stats(const DarcySet& d) {
  const DarcyStats s = darcy_stats(d);
  std::printf("%lld samples of %lld x %lld (%s)\n", static_cast<long long>(d.samples),
              static_cast<long long>(d.resolution), static_cast<long long>(d.resolution), d.source.c_str());
  std::printf("sol: mean %.6g, range [%.6g, %.6g]\n", s.sol_mean, s.sol_min, s.sol_max);
  std::printf("coeff: values in [%g, %g], %.2f %% at the high value\n", s.coeff_min, s.coeff_max,
              100.0 * s.high_fraction);
}

void run_darcy(DataOptions& o) {
  o.darcy.threads = o.threads > 0 ? o.threads : cpu_threads();
  const int asked = std::exchange(o.darcy.threads, darcy_threads(o.darcy));
  if (o.darcy.threads < asked)
    std::fprintf(
        stderr,
        "evsim: darcy: %d of %d threads: more solves at once would pass the memory budget of %s (--max-memory)\n",
        o.darcy.threads, asked, format_bytes(static_cast<double>(memory_budget())).c_str());
  const auto t0 = std::chrono::steady_clock::now();
  auto elapsed = [&] { return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count(); };
  const DarcySet d = generate_darcy(o.darcy, [&](int64_t done) {
    const double s = elapsed(), eta = s / static_cast<double>(done) * static_cast<double>(o.darcy.samples - done);
    std::fprintf(stderr, "\rdarcy: %lld/%lld samples, %.1f s, ETA %.0f s   ", static_cast<long long>(done),
                 static_cast<long long>(o.darcy.samples), s, eta);
  });
  std::fprintf(stderr, "\n");
  write_darcy(o.out, d);
  std::printf("wrote %s in %.1f s on %d thread(s)\n", o.out.c_str(), elapsed(), o.darcy.threads);
  print_stats(d);
}

}  // namespace

void register_data(CLI::App& app) {
  auto o = std::make_shared<DataOptions>();
  auto* cmd = app.add_subcommand("data", "Generate or inspect datasets");
  cmd->require_subcommand(1);

  auto* darcy = cmd->add_subcommand(
      "darcy",
      "Darcy flow (DESIGN.md section 7): coefficient fields a (12 / 3 by the sign of a Gaussian random "
      "field) and solutions of -div(a grad u) = 1, u = 0 on the boundary -> FILE.h5 (coeff, sol: N x R x R)");
  darcy->add_option("--n", o->darcy.samples, "Samples")->check(in_range(1, 1 << 24))->capture_default_str();
  darcy->add_option("--resolution", o->darcy.resolution, "Grid nodes per side of the stored data (R)")
      ->check(in_range(3, 4097))
      ->capture_default_str();
  darcy
      ->add_option("--solve-resolution", o->darcy.solve_resolution,
                   "Grid the field is drawn and the PDE solved on, then subsampled to R; (S - 1) a multiple of "
                   "(R - 1), e.g. 421 for 85 (default: R)")
      ->check(in_range(3, 4097));
  darcy->add_option("--seed", o->darcy.seed, "Seed (same seed, same bytes, any thread count)")->capture_default_str();
  darcy->add_option("--out", o->out, "FILE.h5 to write")->required()->check(output_path());
  darcy->add_option("--threads", o->threads, "Threads over samples (default: every core, as many as fit the memory)")
      ->check(in_range(1, 4096));
  add_memory_option(*darcy);
  darcy->callback([o] { run_darcy(*o); });

  auto* stats =
      cmd->add_subcommand("stats", "Summarise a Darcy file: evsim's, or FNO's MATLAB v7.3 .mat with the same keys");
  stats->add_option("file", o->in, "FILE.h5 or .mat")->required()->check(CLI::ExistingFile);
  stats->callback([o] { print_stats(read_darcy(o->in)); });
}

}  // namespace evsim
