#pragma once
// Where this process stands in a distributed sweep. Started under mpirun (a build with MPI:
// EVSIM_MPI), rank r of n measures the points r, r + n, ... into its own directory beside the
// output, on GPU local_rank modulo the node's GPUs, and rank 0 merges all ranks' results
// into the output once every rank is done (SweepStore::merge: plan order, so the merged set
// equals a single-process sweep's up to timings). Without MPI: one process, or the shard the
// user named (--shard i/n, merged later by `evsim sweep-merge`).
#include <string>

#include "models/sweep.hpp"

namespace evsim {

struct SweepContext {
  bool mpi = false;
  int rank = 0, ranks = 1, local_rank = 0;
  int device = -1;  // the GPU of this rank (-1: the backend's default)
  std::string device_name;
  Shard shard;                                    // the points this process measures
  std::string dir(const std::string& out) const;  // where this process writes
  std::string shard_name() const;
  std::string label() const;  // "" or " rank r/n"
  bool merges() const { return mpi && ranks > 1; }
};

// Starts MPI when the process runs under mpirun (environment of Open MPI, MPICH or PMIx) and
// the build has it; an error when it does not (each rank would redo the whole sweep).
// `gpu_backend`: the backend whose devices ranks share out ("" when none is swept).
SweepContext sweep_context(const Shard& requested, const std::string& gpu_backend);

// The GPU a rank takes: local_rank modulo the node's GPUs (-1 when there are none).
int gpu_for_rank(int local_rank, int devices);

// Waits for every rank; rank 0 merges the ranks' directories into `out` and removes them.
void merge_rank_results(const SweepContext& ctx, const std::string& out);

}  // namespace evsim
