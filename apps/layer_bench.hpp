#pragma once
// Time per step of one EGRU layer (W_ih and W_hh, 3H x H each, then the cell) in dense
// and in event mode, with input activity and weight density set exactly.
#include <cstdint>
#include <memory>
#include <string>

namespace evsim {

struct LayerBenchCase {
  int64_t hidden = 512, batch = 1;
  double density = 1.0, activity = 1.0;
};

struct LayerBenchResult {
  double dense_s = 0, event_s = 0;  // medians per step
  uint64_t dense_macs = 0, effective_ops = 0;
};

class LayerBench {
 public:
  LayerBench(int64_t hidden, double density, uint64_t seed);  // builds and prunes the weights once
  LayerBenchResult run(int64_t batch, double activity, int repeats, const std::string& backend) const;
  // One 3H x H projection alone (W_hh), as `evsim bench --backend cuda` times it on the GPU.
  LayerBenchResult run_projection(int64_t batch, double activity, int repeats) const;

 private:
  struct Impl;
  std::shared_ptr<const Impl> impl_;
  int64_t hidden_;
  uint64_t seed_;
};

}  // namespace evsim
