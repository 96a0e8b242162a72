#include "models/sweep_parallel.hpp"

#include <cstdlib>
#include <filesystem>

#include "core/error.hpp"
#include "models/sweep_store.hpp"

#ifdef EVSIM_HAVE_MPI
#include <mpi.h>
#endif

namespace evsim {
namespace {

int env_int(const char* name) {
  const char* v = std::getenv(name);
  return v ? std::atoi(v) : -1;
}

// Ranks of the job as the launcher announces them (Open MPI, MPICH/Hydra, PMIx), or -1.
int launcher_size() {
  for (const char* n : {"OMPI_COMM_WORLD_SIZE", "PMI_SIZE", "PMIX_SIZE"})
    if (env_int(n) > 0) return env_int(n);
  return -1;
}

#ifdef EVSIM_HAVE_MPI
void finalize_mpi() {
  int done = 0;
  MPI_Finalized(&done);
  if (!done) MPI_Finalize();
}
#endif

}  // namespace

int gpu_for_rank(int local_rank, int devices) { return devices > 0 ? local_rank % devices : -1; }

std::string SweepContext::dir(const std::string& out) const {
  return merges() ? out + ".ranks/rank-" + std::to_string(rank) : out;
}

std::string SweepContext::shard_name() const { return std::to_string(shard.index) + "/" + std::to_string(shard.count); }

std::string SweepContext::label() const {
  std::string s;
  if (mpi && ranks > 1) s = " rank " + std::to_string(rank) + "/" + std::to_string(ranks);
  if (!device_name.empty()) s += " (GPU " + std::to_string(device) + ": " + device_name + ")";
  return s;
}

SweepContext sweep_context(const Shard& requested, const std::string& gpu_backend) {
  SweepContext c;
  c.shard = requested;
  const int size = launcher_size();
  if (size > 1) {
#ifdef EVSIM_HAVE_MPI
    if (requested.count > 1) throw UsageError("--shard and mpirun split the points twice: use one of them");
    int started = 0;
    MPI_Initialized(&started);
    if (!started) MPI_Init(nullptr, nullptr);
    std::atexit(finalize_mpi);
    c.mpi = true;
    MPI_Comm_rank(MPI_COMM_WORLD, &c.rank);
    MPI_Comm_size(MPI_COMM_WORLD, &c.ranks);
    MPI_Comm node;
    MPI_Comm_split_type(MPI_COMM_WORLD, MPI_COMM_TYPE_SHARED, c.rank, MPI_INFO_NULL, &node);
    MPI_Comm_rank(node, &c.local_rank);
    MPI_Comm_free(&node);
    c.shard = Shard{c.rank, c.ranks};
#else
    throw UsageError("started by mpirun with " + std::to_string(size) +
                     " ranks, but this build has no MPI (configure with EVSIM_MPI=ON and Open MPI installed): "
                     "every rank would measure the whole sweep");
#endif
  }
  if (!gpu_backend.empty()) {
    c.device = gpu_for_rank(c.local_rank, backend_device_count(gpu_backend));
    if (c.mpi && c.device >= 0) c.device_name = describe_backend_device(gpu_backend, c.device);
  }
  return c;
}

void merge_rank_results(const SweepContext& ctx, const std::string& out) {
#ifdef EVSIM_HAVE_MPI
  MPI_Barrier(MPI_COMM_WORLD);
  if (ctx.rank == 0) {
    std::vector<std::string> dirs;
    for (int r = 0; r < ctx.ranks; ++r) dirs.push_back(out + ".ranks/rank-" + std::to_string(r));
    SweepStore::merge(out, dirs);
    std::error_code ec;
    std::filesystem::remove_all(out + ".ranks", ec);
  }
  MPI_Barrier(MPI_COMM_WORLD);
#else
  (void)ctx;
  (void)out;
#endif
}

}  // namespace evsim
