#pragma once
// A population of neurons: state update from accumulated input, threshold, output.
// The same code runs in dense and event mode; only how the input was accumulated differs.
#include <optional>
#include <string_view>

#include "core/tensor.hpp"
#include "neurons/point_neuron.hpp"

namespace evsim {

class NeuronModel {
 public:
  virtual ~NeuronModel() = default;
  virtual std::string_view type() const = 0;
  virtual int64_t size() const = 0;
  virtual void reset(int64_t batch) = 0;
  // x: summed input (N x B). out: spikes (0/1), graded events or a readout (N x B).
  virtual void step(const Matrix& x, Matrix& out) = 0;
  // Membrane / cell state after reset; recorded as observable `v`.
  virtual const Matrix& state() const = 0;
  // The update rule and parameters, for other backends.
  virtual PointNeuron describe() const = 0;
};

// Parameters arrive as one value per unit (already broadcast by the node factory).
struct FiringParams {
  Vector v_threshold;
  Vector v_reset;
};

inline void describe_firing(const std::optional<FiringParams>& f, PointNeuron& d) {
  d.fires = f.has_value();
  if (f) {
    d.v_threshold = f->v_threshold;
    d.v_reset = f->v_reset;
  }
}

// Shared "spike when v > threshold, then reset" rule of the NIR neurons.
inline void fire_and_reset(Matrix& v, const FiringParams& p, Matrix& out) {
  out.resize(v.rows(), v.cols());
  for (Eigen::Index b = 0; b < v.cols(); ++b) {
    for (Eigen::Index i = 0; i < v.rows(); ++i) {
      const bool spike = v(i, b) > p.v_threshold[i];
      out(i, b) = spike ? 1.0f : 0.0f;
      if (spike) v(i, b) = p.v_reset[i];
    }
  }
}

}  // namespace evsim
