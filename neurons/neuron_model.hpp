#pragma once
// A population of neurons: state update from accumulated input, threshold, output.
// The same code runs in dense and event mode; only how the input was accumulated differs.
#include <optional>
#include <string_view>

#include "core/tensor.hpp"
#include "core/threads.hpp"
#include "neurons/point_neuron.hpp"

namespace evsim {

// Units per thread at least in a neuron update (a few ns each: below this a fork-join costs
// more than it saves).
constexpr int64_t kNeuronUnitsPerThread = 16384;

class NeuronModel {
 public:
  virtual ~NeuronModel() = default;
  virtual std::string_view type() const = 0;
  virtual int64_t size() const = 0;
  // Rows of the input step() takes: size(), or 2 size() for two synaptic currents.
  virtual int64_t input_size() const { return size(); }
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
  // Steps a unit stays refractory after a spike (t_ref / dt, rounded; empty: none). A
  // refractory unit holds its membrane (no integration) and cannot fire, as Brian2's
  // `(unless refractory)`; a synaptic current keeps integrating.
  Vector refractory_steps;
};

// Where reset() starts each unit (evsim extension `v0` / `i0`; empty: zeros).
struct InitialState {
  Vector v0, i0, i0_inh;  // i0_inh: a second (inhibitory) synaptic current
};

inline Matrix initial(const Vector& v0, int64_t units, int64_t batch) {
  return v0.size() ? Matrix(v0.replicate(1, batch)) : Matrix(Matrix::Zero(units, batch));
}

inline void describe_firing(const std::optional<FiringParams>& f, const InitialState& s0, PointNeuron& d) {
  d.fires = f.has_value();
  if (f) {
    d.v_threshold = f->v_threshold;
    d.v_reset = f->v_reset;
    d.refractory_steps = f->refractory_steps;
  }
  d.v0 = s0.v0;
  d.i0 = s0.i0;
  d.i0_inh = s0.i0_inh;
}

// The steps each unit (x sample) still has to stay refractory.
class Refractory {
 public:
  void reset(const std::optional<FiringParams>& f, int64_t units, int64_t batch) {
    on_ = f && f->refractory_steps.size() > 0;
    if (on_) left_.setZero(units, batch);
  }
  bool holds(Eigen::Index i, Eigen::Index b) const { return on_ && left_(i, b) > 0.0f; }
  bool on() const { return on_; }
  Matrix& left() { return left_; }

 private:
  bool on_ = false;
  Matrix left_;
};

// One range of units of fire_and_reset. Pointers come by value: read through a lambda's
// by-reference capture they would be reloaded each iteration and the loop not vectorised.
inline void fire_range(float* v, float* out, const float* th, const float* reset, int64_t i0, int64_t i1) {
#pragma omp simd
  for (int64_t i = i0; i < i1; ++i) {
    const bool spike = v[i] > th[i];
    out[i] = spike ? 1.0f : 0.0f;
    v[i] = spike ? reset[i] : v[i];
  }
}

inline void fire_range_refractory(float* v, float* out, float* left, const float* th, const float* reset,
                                  const float* steps, int64_t i0, int64_t i1) {
#pragma omp simd
  for (int64_t i = i0; i < i1; ++i) {
    const bool held = left[i] > 0.0f;
    const bool spike = !held && v[i] > th[i];
    out[i] = spike ? 1.0f : 0.0f;
    v[i] = spike ? reset[i] : v[i];
    left[i] = held ? left[i] - 1.0f : (spike ? steps[i] : left[i]);
  }
}

// Shared "spike when v > threshold, then reset" rule of the NIR neurons; a refractory unit
// (its membrane held by the caller) counts down instead. Branch-free per unit, so the loops
// vectorise (the neuron update was most of a large recurrent network's step).
inline void fire_and_reset(Matrix& v, const FiringParams& p, Matrix& out, Refractory& r) {
  out.resize(v.rows(), v.cols());
  const Eigen::Index n = v.rows();
  const float *th = p.v_threshold.data(), *reset = p.v_reset.data(), *steps = p.refractory_steps.data();
  for (Eigen::Index b = 0; b < v.cols(); ++b) {
    float *vb = v.col(b).data(), *ob = out.col(b).data();
    float* left = r.on() ? r.left().col(b).data() : nullptr;
    parallel_ranges(n, kNeuronUnitsPerThread, [=](int64_t i0, int64_t i1) {
      if (left)
        fire_range_refractory(vb, ob, left, th, reset, steps, i0, i1);
      else
        fire_range(vb, ob, th, reset, i0, i1);
    });
  }
}

// The output of a leaky or integrating population: spikes when it fires, else its membrane.
inline void fire_or_read_out(Matrix& v, const std::optional<FiringParams>& f, Matrix& out, Refractory& r) {
  if (f) {
    fire_and_reset(v, *f, out, r);
  } else {
    out = v;
  }
}

}  // namespace evsim
