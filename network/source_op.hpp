#pragma once
// Input sources inside a graph (evsim extensions; nodes without in-edges):
//   PoissonSource  `rate` (Hz, scalar or per unit), optional `shape`, `seed` (stream id):
//                  each unit emits a Poisson number of spikes per step and sample (mean rate
//                  dt; mostly 0 or 1, more where a unit stands for many inputs, as Brian2's
//                  PoissonInput), drawn from the run seed (`--seed`) by a counter-based hash
//                  (core/run_seed.hpp), so a run is reproducible on any thread count; counted
//                  and recorded as a neuron population's spikes (the value is the count).
//   ConstantSource `value` (scalar or per unit), optional `shape`: the same output every step
//                  (a constant current into whatever it feeds).
#include <string>
#include <vector>

#include "network/operator.hpp"

namespace evsim {

class SourceOp final : public Operator {
 public:
  enum class Kind { Poisson, Constant };
  // per_unit: mean spikes per step (Poisson: rate dt) or the value (Constant).
  SourceOp(Kind kind, Vector per_unit, uint64_t stream);
  std::string_view type() const override { return kind_ == Kind::Poisson ? "PoissonSource" : "ConstantSource"; }
  void reset(int64_t /*batch*/) override { t_ = 0; }
  void compute(const Matrix& input, std::span<const Matrix> port_out, Matrix& out) override;
  bool is_neuron() const override { return kind_ == Kind::Poisson; }
  // For the GPU's copy of the draw (backends/cuda/poisson_source.cuh).
  Kind kind() const { return kind_; }
  const Vector& per_unit() const { return p_; }
  const std::vector<std::vector<double>>& tables() const { return tables_; }
  const std::vector<size_t>& table_of() const { return table_of_; }
  uint64_t stream() const { return stream_; }

 private:
  Kind kind_;
  Vector p_;
  std::vector<std::vector<double>> tables_;  // Poisson: cumulative count probabilities per rate
  std::vector<size_t> table_of_;             // each unit's table
  uint64_t stream_;
  uint64_t t_ = 0;
};

// A stable stream id for a node name (FNV-1a): the same draws for the same file on any platform.
uint64_t stream_of(const std::string& name);

}  // namespace evsim
