#pragma once
// Input sources inside a graph (evsim extensions; nodes without in-edges):
//   PoissonSource  `rate` (Hz, scalar or per unit), optional `shape`, `seed` (stream id):
//                  each unit spikes (1.0) with probability rate dt per step and sample, drawn
//                  from the run seed (`--seed`) by a counter-based hash (core/run_seed.hpp),
//                  so a run is reproducible on any thread count; counted and recorded as a
//                  neuron population's spikes.
//   ConstantSource `value` (scalar or per unit), optional `shape`: the same output every step
//                  (a constant current into whatever it feeds).
#include <string>

#include "network/operator.hpp"

namespace evsim {

class SourceOp final : public Operator {
 public:
  enum class Kind { Poisson, Constant };
  // per_unit: spike probability per step (Poisson) or the value (Constant).
  SourceOp(Kind kind, Vector per_unit, uint64_t stream) : kind_(kind), p_(std::move(per_unit)), stream_(stream) {}
  std::string_view type() const override { return kind_ == Kind::Poisson ? "PoissonSource" : "ConstantSource"; }
  void reset(int64_t /*batch*/) override { t_ = 0; }
  void compute(const Matrix& input, std::span<const Matrix> port_out, Matrix& out) override;
  bool is_neuron() const override { return kind_ == Kind::Poisson; }

 private:
  Kind kind_;
  Vector p_;
  uint64_t stream_;
  uint64_t t_ = 0;
};

// A stable stream id for a node name (FNV-1a): the same draws for the same file on any platform.
uint64_t stream_of(const std::string& name);

}  // namespace evsim
