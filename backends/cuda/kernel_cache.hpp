#pragma once
// Kernels compiled at run time, kept on disk between processes: NVRTC takes 0.2-1.2 s for a
// small spiking graph's kernel (snn_codegen.hpp), longer than the run it serves. An entry holds
// its whole key (the compiler's version, the target, the embedded headers and the source), and a
// hit must match it byte for byte, so a changed header, compiler or graph never loads a stale
// binary; a damaged or foreign file is a miss and is rewritten. An entry is written to a
// temporary file and renamed into place: concurrent processes never read a partial one. Host
// code only (unit-tested without a GPU).
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

namespace evsim::cuda {

// $EVSIM_KERNEL_CACHE ("off" or empty: no cache), else $XDG_CACHE_HOME/evsim/kernels, else
// $HOME/.cache/evsim/kernels; empty when there is none.
std::filesystem::path kernel_cache_dir();

// The binary for `key` from `dir`, else compile()'s (stored in `dir` where it can be written;
// a cache that cannot be read or written only costs the compile). `hit` says which.
std::vector<char> cached_binary(const std::string& key, const std::filesystem::path& dir,
                                const std::function<std::vector<char>()>& compile, bool* hit = nullptr);

// Stores `binary` under `key`, replacing what is there (after a cached binary failed to load).
void store_binary(const std::string& key, const std::filesystem::path& dir, const std::vector<char>& binary);

}  // namespace evsim::cuda
