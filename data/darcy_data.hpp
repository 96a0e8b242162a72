#pragma once
// The Darcy-flow benchmark's data (DESIGN.md section 7): coefficient fields a = 12 where a
// Gaussian random field (data/cosine_field.hpp) is >= 0 and 3 elsewhere, and the solutions of
// -div(a grad u) = 1 with u = 0 on the boundary (data/darcy_solver.hpp), optionally solved on a
// finer grid and subsampled. Files: datasets `coeff` and `sol` (float32, N x R x R) with the
// generation parameters as attributes of the root group; FNO's MATLAB v7.3 files (HDF5 with a
// MATLAB header, the same keys, stored transposed in float64) are read as well.
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace evsim {

struct DarcyOptions {
  int64_t samples = 1000;
  int64_t resolution = 85;       // R: the grid the data is stored on (nodes per side)
  int64_t solve_resolution = 0;  // S: the grid the field is drawn and the PDE solved on (0: R);
                                 // (S - 1) must be a multiple of (R - 1)
  uint64_t seed = 0;
  double alpha = 2.0, tau = 3.0;  // covariance (-Laplacian + tau^2 I)^(-alpha)
  double high = 12.0, low = 3.0;  // a where the field is >= 0 / < 0
  int threads = 1;
};

struct DarcySet {
  int64_t samples = 0, resolution = 0;
  std::vector<float> coeff, sol;  // samples x R x R, row-major
  std::string source;             // "evsim data darcy ..." or "MATLAB v7.3 file"
  DarcyOptions options;           // as generated (evsim files)
};

// The threads, at most o.threads, whose solves fit the memory budget (core/memory_budget.hpp)
// beside the stored fields; throws an Error naming the options when the fields, or they and
// one solve, do not fit. A solve on S x S nodes takes about 48 log2(S^2) bytes per node: peaks
// measured at S = 513 / 1025 / 2049 were 690 / 810 / 810 bytes (the model: 19 GB at S = 4097).
int darcy_threads(const DarcyOptions& o);

// Deterministic for a seed, whatever the thread count: sample k draws from its own generator,
// seeded from (seed, k). Runs on darcy_threads(o). `progress(done)` is called from the calling
// thread.
DarcySet generate_darcy(const DarcyOptions& o, const std::function<void(int64_t)>& progress = {});

// What a user checks first: the solution's mean and range, the share of the high coefficient.
struct DarcyStats {
  double sol_mean = 0, sol_min = 0, sol_max = 0, high_fraction = 0, coeff_min = 0, coeff_max = 0;
};
DarcyStats darcy_stats(const DarcySet& d);

// Atomic (data/atomic_file.hpp); gzip-compressed.
void write_darcy(const std::string& path, const DarcySet& d);
// Either layout; errors name the file and dataset. `limit` > 0 keeps the first samples only.
DarcySet read_darcy(const std::string& path, int64_t limit = 0);

}  // namespace evsim
