#pragma once
// OUT.h5 written while a run goes on: dataset `output` (float32, T x B x N) filled chunk by
// chunk, so a long run's outputs never sit in memory whole. Under a temporary name until
// commit() (data/atomic_file.hpp): a run that fails or is killed leaves no partial file.
#include <memory>
#include <string>

#include "core/tensor.hpp"

namespace evsim {

class OutputStream {
 public:
  OutputStream(const std::string& path, int64_t steps, int64_t batch, int64_t width);
  ~OutputStream();
  OutputStream(const OutputStream&) = delete;
  OutputStream& operator=(const OutputStream&) = delete;
  // Steps [t0, t0 + chunk.steps) of the output.
  void write(int64_t t0, const Sequence& chunk);
  void commit();  // every step written: the file appears under its name

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace evsim
