#include "data/darcy_data.hpp"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <fstream>
#include <random>

#include "core/error.hpp"
#include "core/memory_budget.hpp"
#include "data/atomic_file.hpp"
#include "data/cosine_field.hpp"
#include "data/darcy_solver.hpp"
#include "data/file_policy.hpp"
#include "data/h5.hpp"
#include "data/isolated.hpp"

namespace evsim {
namespace {

int64_t solve_size(const DarcyOptions& o) { return o.solve_resolution > 0 ? o.solve_resolution : o.resolution; }

void check_options(const DarcyOptions& o) {
  if (o.samples < 1 || o.samples > (int64_t{1} << 24))
    throw UsageError("darcy: --n must be in [1, 2^24], got " + std::to_string(o.samples));
  if (o.resolution < 3 || o.resolution > 4097)
    throw UsageError("darcy: --resolution must be in [3, 4097], got " + std::to_string(o.resolution));
  const int64_t s = solve_size(o);
  if (s < o.resolution || s > 4097 || (s - 1) % (o.resolution - 1) != 0)
    throw UsageError("darcy: --solve-resolution " + std::to_string(s) + " must be >= --resolution " +
                     std::to_string(o.resolution) + ", <= 4097, with (S - 1) a multiple of (R - 1) (e.g. 421 for 85)");
  if (!(o.high > 0) || !(o.low > 0)) throw UsageError("darcy: both coefficient values must be positive");
}

double solve_bytes(int64_t s) {
  const double nodes = static_cast<double>(s) * static_cast<double>(s);
  return 48.0 * std::log2(nodes) * nodes;
}

// One sample on the solve grid, subsampled onto the stored grid.
void one_sample(const DarcyOptions& o, const CosineFieldSampler& field, int64_t k, float* coeff, float* sol) {
  std::seed_seq seq{static_cast<uint32_t>(o.seed), static_cast<uint32_t>(o.seed >> 32), static_cast<uint32_t>(k),
                    static_cast<uint32_t>(k >> 32)};
  std::mt19937_64 rng(seq);
  std::vector<double> g;
  field.sample(rng, g);
  for (double& v : g) v = v >= 0 ? o.high : o.low;
  const std::vector<double> u = solve_darcy(g, field.size());
  const int64_t s = field.size(), r = o.resolution, step = (s - 1) / (r - 1);
  for (int64_t i = 0; i < r; ++i)
    for (int64_t j = 0; j < r; ++j) {
      const auto from = static_cast<size_t>(i * step * s + j * step);
      coeff[i * r + j] = static_cast<float>(g[from]);
      sol[i * r + j] = static_cast<float>(u[from]);
    }
}

bool has_matlab_header(const std::string& path) {
  std::ifstream f(path, std::ios::binary);
  char head[6] = {};
  return f.read(head, sizeof head) && std::memcmp(head, "MATLAB", 6) == 0;
}

// N x R x R from evsim's layout, or from MATLAB's (R x R x N on disk: column-major N x R x R).
void take(const Array& a, bool matlab, int64_t limit, const std::string& name, DarcySet& d, std::vector<float>& out) {
  if (a.kind != Array::Kind::Float || a.rank() != 3)
    throw InputError("dataset '" + name + "': expected a float array of rank 3, got " + kind_name(a.kind) + " " +
                     shape_str(a.shape));
  const int64_t n = matlab ? a.shape[2] : a.shape[0];
  const int64_t r1 = a.shape[1], r2 = matlab ? a.shape[0] : a.shape[2];
  if (r1 != r2 || r1 < 3 || n < 1)
    throw InputError("dataset '" + name + "': expected N x R x R with R >= 3, got " + shape_str(a.shape) +
                     (matlab ? " (MATLAB order)" : ""));
  const int64_t keep = limit > 0 ? std::min(limit, n) : n;
  if (d.samples == 0) {
    d.samples = keep;
    d.resolution = r1;
  } else if (d.samples != keep || d.resolution != r1) {
    throw InputError("dataset '" + name + "': shape " + shape_str(a.shape) + " does not match the other dataset's");
  }
  out.resize(static_cast<size_t>(keep * r1 * r1));
  for (int64_t k = 0; k < keep; ++k)
    for (int64_t i = 0; i < r1; ++i)
      for (int64_t j = 0; j < r1; ++j) {
        // MATLAB's element (k, i, j) sits at k + N i + N R j.
        const size_t from =
            matlab ? static_cast<size_t>(k + n * i + n * r1 * j) : static_cast<size_t>((k * r1 + i) * r1 + j);
        const float v = a.f[from];
        if (!std::isfinite(v))
          throw InputError("dataset '" + name + "': non-finite value in sample " + std::to_string(k));
        out[static_cast<size_t>((k * r1 + i) * r1 + j)] = v;
      }
}

void encode(const DarcySet& d, ByteWriter& w) {
  w.u64(static_cast<uint64_t>(d.samples));
  w.u64(static_cast<uint64_t>(d.resolution));
  w.str(d.source);
  w.bytes(d.coeff.data(), d.coeff.size() * sizeof(float));
  w.bytes(d.sol.data(), d.sol.size() * sizeof(float));
}

DarcySet decode(const std::string& bytes) {
  ByteReader r(bytes);
  DarcySet d;
  d.samples = static_cast<int64_t>(r.u64());
  d.resolution = static_cast<int64_t>(r.u64());
  d.source = r.str();
  const auto n = static_cast<size_t>(d.samples * d.resolution * d.resolution);
  d.coeff.resize(n);
  d.sol.resize(n);
  r.bytes(d.coeff.data(), n * sizeof(float));
  r.bytes(d.sol.data(), n * sizeof(float));
  return d;
}

DarcySet read_file(const std::string& path, int64_t limit) {
  const bool matlab = has_matlab_header(path);
  h5::Id file = h5::open_file(path);
  DarcySet d;
  for (const char* name : {"coeff", "sol"}) {
    if (!h5::exists(file.get(), name))
      throw InputError(std::string("dataset '") + name + "' missing (expected datasets 'coeff' and 'sol')");
    take(h5::read(file.get(), name), matlab, limit, name, d, std::string(name) == "coeff" ? d.coeff : d.sol);
  }
  d.source = matlab ? "MATLAB v7.3 file" : "evsim darcy file";
  return d;
}

}  // namespace

int darcy_threads(const DarcyOptions& o) {
  check_options(o);
  const double stored = 8.0 * static_cast<double>(o.samples) * static_cast<double>(o.resolution * o.resolution);
  const std::string r = std::to_string(o.resolution), s = std::to_string(solve_size(o));
  require_memory(stored, "darcy: --n " + std::to_string(o.samples) + " fields of " + r + " x " + r + " (coeff, sol)");
  const double solve = solve_bytes(solve_size(o));
  require_memory(stored + solve, "darcy: a solve on the " + s + " x " + s + " grid beside the stored fields");
  const double fit = std::floor((static_cast<double>(memory_budget()) - stored) / solve);
  return static_cast<int>(std::clamp<double>(fit, 1.0, std::max(1.0, static_cast<double>(o.threads))));
}

DarcySet generate_darcy(const DarcyOptions& o, const std::function<void(int64_t)>& progress) {
  const int threads = darcy_threads(o);
  const CosineFieldSampler field(solve_size(o), CosineFieldOptions{o.alpha, o.tau});
  DarcySet d;
  d.samples = o.samples;
  d.resolution = o.resolution;
  d.options = o;
  d.source = "generated, seed " + std::to_string(o.seed);
  const auto per = static_cast<size_t>(o.resolution * o.resolution);
  d.coeff.resize(per * static_cast<size_t>(o.samples));
  d.sol.resize(d.coeff.size());
  // Progress between chunks, from this thread: after every sample per thread where a solve takes
  // seconds (S = 1025: 13 s, 2049: 2 min), after four where it takes milliseconds.
  const int64_t chunk = threads * (solve_size(o) > 512 ? 1 : 4);
  for (int64_t k0 = 0; k0 < o.samples; k0 += chunk) {
    const int64_t k1 = std::min(o.samples, k0 + chunk);
#ifdef _OPENMP
#pragma omp parallel for num_threads(threads) schedule(dynamic, 1)
#endif
    for (int64_t k = k0; k < k1; ++k)
      one_sample(o, field, k, d.coeff.data() + static_cast<size_t>(k) * per,
                 d.sol.data() + static_cast<size_t>(k) * per);
    if (progress) progress(k1);
  }
  return d;
}

DarcyStats darcy_stats(const DarcySet& d) {
  DarcyStats s;
  if (d.sol.empty()) return s;
  const auto [smin, smax] = std::minmax_element(d.sol.begin(), d.sol.end());
  const auto [cmin, cmax] = std::minmax_element(d.coeff.begin(), d.coeff.end());
  s.sol_min = *smin;
  s.sol_max = *smax;
  s.coeff_min = *cmin;
  s.coeff_max = *cmax;
  double sum = 0, high = 0;
  for (float v : d.sol) sum += v;
  for (float v : d.coeff) high += v == *cmax ? 1.0 : 0.0;
  s.sol_mean = sum / static_cast<double>(d.sol.size());
  s.high_fraction = *cmin < *cmax ? high / static_cast<double>(d.coeff.size()) : 1.0;
  return s;
}

void write_darcy(const std::string& path, const DarcySet& d) {
  AtomicFile out(path);
  try {
    h5::Id file = h5::create_file(out.temp_path());
    const Shape shape{d.samples, d.resolution, d.resolution};
    h5::write(file.get(), "coeff", Array::floats(shape, d.coeff));
    h5::write(file.get(), "sol", Array::floats(shape, d.sol));
    const DarcyOptions& o = d.options;
    h5::write_attr(file.get(), "generator", Array::text("evsim data darcy"));
    h5::write_attr(file.get(), "samples", Array::integer(d.samples));
    h5::write_attr(file.get(), "resolution", Array::integer(d.resolution));
    h5::write_attr(file.get(), "solve_resolution", Array::integer(solve_size(o)));
    h5::write_attr(file.get(), "seed", Array::integer(static_cast<int64_t>(o.seed)));
    for (auto [name, v] :
         {std::pair{"alpha", o.alpha}, {"tau", o.tau}, {"coeff_high", o.high}, {"coeff_low", o.low}, {"forcing", 1.0}})
      h5::write_double(file.get(), name, v, true);
    h5::write_attr(file.get(), "boundary", Array::text("u = 0 (Dirichlet); field: Neumann cosine expansion"));
    h5::close_file(file);
  } catch (const Error& e) {
    throw Error(path + ": " + e.what());
  }
  out.commit();
}

DarcySet read_darcy(const std::string& path, int64_t limit) {
  register_input(path);
  return decode(run_isolated(
      [&] {
        try {
          ByteWriter w;
          encode(read_file(path, limit), w);
          return w.take();
        } catch (const Error& e) {
          throw InputError(path + ": " + e.what());
        }
      },
      path));
}

}  // namespace evsim
