#include "neurons/two_current.hpp"

#include <cmath>

#include "core/threads.hpp"

namespace evsim {
namespace {

// Coefficients in double, rounded once to float (the GPU receives the same floats).
template <class F>
Vector per_unit(Eigen::Index n, F f) {
  Vector out(n);
  for (Eigen::Index k = 0; k < n; ++k) out[k] = static_cast<float>(f(k));
  return out;
}

double d(const Vector& v, Eigen::Index k) { return static_cast<double>(v[k]); }

}  // namespace

void TwoCurrentNeuron::reset(int64_t batch) {
  v_ = initial(s0_.v0, size(), batch);
  i_ = initial(s0_.i0, size(), batch);
  i_inh_ = initial(s0_.i0_inh, size(), batch);
  refractory_.reset(firing_, size(), batch);
}

template <class F>
void TwoCurrentNeuron::update(const Matrix& x, Matrix& out, F f) {
  const Eigen::Index n = size();
  for (Eigen::Index b = 0; b < x.cols(); ++b) {
    float *v = v_.col(b).data(), *ie = i_.col(b).data(), *ii = i_inh_.col(b).data();
    const float* xe = x.col(b).data();
    const float* xi = xe + n;
    const float* left = refractory_.on() ? refractory_.left().col(b).data() : nullptr;
    parallel_ranges(n, kNeuronUnitsPerThread, [&](int64_t k0, int64_t k1) { f(k0, k1, xe, xi, v, ie, ii, left); });
  }
  fire_or_read_out(v_, firing_, out, refractory_);
}

PointNeuron TwoCurrentNeuron::describe_common(PointKind kind) const {
  PointNeuron p;
  p.kind = kind;
  p.v_leak = v_leak_;
  describe_firing(firing_, s0_, p);
  return p;
}

CubaLif2::CubaLif2(const TwoCurrentParams& p, std::optional<FiringParams> firing, double dt, InitialState s0)
    : TwoCurrentNeuron(p.v_leak, std::move(firing), std::move(s0)),
      a_syn_(per_unit(p.r.size(), [&](auto k) { return dt / d(p.tau_syn, k); })),
      a_inh_(per_unit(p.r.size(), [&](auto k) { return dt / d(p.tau_syn_inh, k); })),
      a_mem_(per_unit(p.r.size(), [&](auto k) { return dt / d(p.tau_mem, k); })),
      r_(p.r),
      w_in_(p.w_in) {}

void CubaLif2::step(const Matrix& x, Matrix& out) {
  const float *as = a_syn_.data(), *ai = a_inh_.data(), *am = a_mem_.data(), *w = w_in_.data(), *r = r_.data(),
              *leak = v_leak_.data();
  update(
      x, out,
      [&](int64_t k0, int64_t k1, const float* xe, const float* xi, float* v, float* ie, float* ii, const float* left) {
#pragma omp simd
        for (int64_t k = k0; k < k1; ++k) {
          ie[k] += as[k] * (-ie[k] + w[k] * xe[k]);
          ii[k] += ai[k] * (-ii[k] + w[k] * xi[k]);
          const float next = v[k] + am[k] * (leak[k] - v[k] + r[k] * (ie[k] + ii[k]));
          v[k] = left && left[k] > 0.0f ? v[k] : next;
        }
      });
}

PointNeuron CubaLif2::describe() const {
  PointNeuron p = describe_common(PointKind::Cuba2);
  p.a_syn = a_syn_;
  p.a_syn_inh = a_inh_;
  p.a_mem = a_mem_;
  p.r = r_;
  p.w_in = w_in_;
  return p;
}

CubaLif2Exact::CubaLif2Exact(const TwoCurrentParams& p, std::optional<FiringParams> firing, double dt, InitialState s0)
    : TwoCurrentNeuron(p.v_leak, std::move(firing), std::move(s0)) {
  const Eigen::Index n = p.r.size();
  a_ = per_unit(n, [&](auto k) { return -std::expm1(-dt / d(p.tau_mem, k)); });
  b_ = per_unit(n, [&](auto k) { return std::exp(-dt / d(p.tau_syn, k)); });
  b_inh_ = per_unit(n, [&](auto k) { return std::exp(-dt / d(p.tau_syn_inh, k)); });
  k_ = per_unit(n, [&](auto k) { return current_coupling(d(p.tau_syn, k), d(p.tau_mem, k), d(p.r, k), dt); });
  k_inh_ = per_unit(n, [&](auto k) { return current_coupling(d(p.tau_syn_inh, k), d(p.tau_mem, k), d(p.r, k), dt); });
  jump_ = per_unit(n, [&](auto k) { return dt / d(p.tau_syn, k) * d(p.w_in, k); });
  jump_inh_ = per_unit(n, [&](auto k) { return dt / d(p.tau_syn_inh, k) * d(p.w_in, k); });
}

void CubaLif2Exact::step(const Matrix& x, Matrix& out) {
  const float *a = a_.data(), *be = b_.data(), *bi = b_inh_.data(), *ke = k_.data(), *ki = k_inh_.data(),
              *je = jump_.data(), *ji = jump_inh_.data(), *leak = v_leak_.data();
  update(
      x, out,
      [&](int64_t k0, int64_t k1, const float* xe, const float* xi, float* v, float* ie, float* ii, const float* left) {
#pragma omp simd
        for (int64_t k = k0; k < k1; ++k) {
          const float kicked = ie[k] + je[k] * xe[k], kicked_inh = ii[k] + ji[k] * xi[k];
          const float next = v[k] - (v[k] - leak[k]) * a[k] + ke[k] * kicked + ki[k] * kicked_inh;
          v[k] = left && left[k] > 0.0f ? v[k] : next;
          ie[k] = kicked * be[k];
          ii[k] = kicked_inh * bi[k];
        }
      });
}

PointNeuron CubaLif2Exact::describe() const {
  PointNeuron p = describe_common(PointKind::Cuba2Exact);
  p.a_mem = a_;
  p.a_syn = b_;
  p.a_syn_inh = b_inh_;
  p.r = k_;
  p.r_inh = k_inh_;
  p.w_in = jump_;
  p.w_in_inh = jump_inh_;
  return p;
}

CobaLif::CobaLif(const TwoCurrentParams& p, std::optional<FiringParams> firing, double dt, InitialState s0)
    : TwoCurrentNeuron(p.v_leak, std::move(firing), std::move(s0)), e_exc_(p.e_exc), e_inh_(p.e_inh) {
  const Eigen::Index n = p.v_leak.size();
  a_mem_ = per_unit(n, [&](auto k) { return dt / d(p.tau_mem, k); });
  jump_ = per_unit(n, [&](auto k) { return dt / d(p.tau_syn, k); });
  jump_inh_ = per_unit(n, [&](auto k) { return dt / d(p.tau_syn_inh, k); });
  decay_ = per_unit(n, [&](auto k) { return 1.0 - dt / d(p.tau_syn, k); });
  decay_inh_ = per_unit(n, [&](auto k) { return 1.0 - dt / d(p.tau_syn_inh, k); });
}

void CobaLif::step(const Matrix& x, Matrix& out) {
  const float *am = a_mem_.data(), *je = jump_.data(), *ji = jump_inh_.data(), *de = decay_.data(),
              *di = decay_inh_.data(), *ee = e_exc_.data(), *ei = e_inh_.data(), *leak = v_leak_.data();
  update(
      x, out,
      [&](int64_t k0, int64_t k1, const float* xe, const float* xi, float* v, float* ge, float* gi, const float* left) {
#pragma omp simd
        for (int64_t k = k0; k < k1; ++k) {
          const float g = ge[k] + je[k] * xe[k], g_inh = gi[k] + ji[k] * xi[k];
          const float next = v[k] + am[k] * ((leak[k] - v[k]) + g * (ee[k] - v[k]) + g_inh * (ei[k] - v[k]));
          v[k] = left && left[k] > 0.0f ? v[k] : next;
          ge[k] = g * de[k];
          gi[k] = g_inh * di[k];
        }
      });
}

PointNeuron CobaLif::describe() const {
  PointNeuron p = describe_common(PointKind::Coba);
  p.a_mem = a_mem_;
  p.w_in = jump_;
  p.w_in_inh = jump_inh_;
  p.a_syn = decay_;
  p.a_syn_inh = decay_inh_;
  p.e_exc = e_exc_;
  p.e_inh = e_inh_;
  return p;
}

}  // namespace evsim
