#include "neurons/exact_integration.hpp"

#include <cmath>

#include "core/error.hpp"
#include "core/threads.hpp"

namespace evsim {
namespace {

// Coefficients in double, rounded once to float (the GPU receives the same floats).
Vector map_double(const Vector& tau, double dt, double (*f)(double, double)) {
  Vector out(tau.size());
  for (Eigen::Index k = 0; k < tau.size(); ++k) out[k] = static_cast<float>(f(static_cast<double>(tau[k]), dt));
  return out;
}

double decay(double tau, double dt) { return std::exp(-dt / tau); }
// 1 - e^(-dt/tau) without cancellation: the membrane moves by (v_leak - v) times this. Rounded
// to float it keeps ~7 digits of the step's change, where e^(-dt/tau) itself kept ~7 digits of
// the whole decay, a bias that builds up over a trajectory (a float32 CUBA net left Brian2's
// spike trains 3.5x sooner).
double leak_fraction(double tau, double dt) { return -std::expm1(-dt / tau); }

}  // namespace

Integration parse_integration(const std::string& name) {
  if (name == "euler") return Integration::Euler;
  if (name == "exact") return Integration::Exact;
  throw Error("unknown integrator '" + name + "' (known: euler, exact)");
}

LifExact::LifExact(const LeakyParams& p, std::optional<FiringParams> firing, double dt, InitialState s0)
    : decay_(map_double(p.tau, dt, leak_fraction)),
      jump_(p.r.size()),
      v_leak_(p.v_leak),
      firing_(std::move(firing)),
      s0_(std::move(s0)) {
  for (Eigen::Index k = 0; k < p.r.size(); ++k)
    jump_[k] = static_cast<float>(dt / static_cast<double>(p.tau[k]) * static_cast<double>(p.r[k]));
}

void LifExact::reset(int64_t batch) {
  v_ = initial(s0_.v0, size(), batch);
  refractory_.reset(firing_, size(), batch);
}

void LifExact::step(const Matrix& x, Matrix& out) {
  const Eigen::Index n = x.rows();
  const float *a = decay_.data(), *j = jump_.data(), *leak = v_leak_.data();
  for (Eigen::Index b = 0; b < x.cols(); ++b) {
    float* v = v_.col(b).data();
    const float* in = x.col(b).data();
    const float* left = refractory_.on() ? refractory_.left().col(b).data() : nullptr;
    parallel_ranges(n, kNeuronUnitsPerThread, [&](int64_t i0, int64_t i1) {
#pragma omp simd
      for (Eigen::Index i = i0; i < i1; ++i) {
        const float kicked = v[i] + j[i] * in[i];
        const float next = kicked - (kicked - leak[i]) * a[i];
        v[i] = left && left[i] > 0.0f ? v[i] : next;
      }
    });
  }
  fire_or_read_out(v_, firing_, out, refractory_);
}

PointNeuron LifExact::describe() const {
  PointNeuron d;
  d.kind = PointKind::LeakyExact;
  d.a_mem = decay_;
  d.r = jump_;
  d.v_leak = v_leak_;
  describe_firing(firing_, s0_, d);
  return d;
}

CubaLifExact::CubaLifExact(const CubaParams& p, std::optional<FiringParams> firing, double dt, InitialState s0)
    : a_(map_double(p.tau_mem, dt, leak_fraction)),
      b_(map_double(p.tau_syn, dt, decay)),
      k_(p.r.size()),
      jump_(p.r.size()),
      v_leak_(p.v_leak),
      firing_(std::move(firing)),
      s0_(std::move(s0)) {
  for (Eigen::Index u = 0; u < p.r.size(); ++u) {
    const double ts = p.tau_syn[u];
    k_[u] = static_cast<float>(current_coupling(ts, p.tau_mem[u], p.r[u], dt));
    jump_[u] = static_cast<float>(dt / ts * static_cast<double>(p.w_in[u]));
  }
}

double current_coupling(double tau_syn, double tau_mem, double r, double dt) {
  const double a = std::exp(-dt / tau_mem), b = std::exp(-dt / tau_syn);
  // tau_syn -> tau_mem: (b - a) / (ts - tm) -> (dt / tm^2) a; the difference quotient loses
  // digits well before the two are equal.
  return std::abs(tau_syn - tau_mem) < 1e-6 * tau_mem ? r * (dt / tau_mem) * a
                                                      : r * tau_syn * (b - a) / (tau_syn - tau_mem);
}

void CubaLifExact::reset(int64_t batch) {
  v_ = initial(s0_.v0, size(), batch);
  i_ = initial(s0_.i0, size(), batch);
  refractory_.reset(firing_, size(), batch);
}

void CubaLifExact::step(const Matrix& x, Matrix& out) {
  const Eigen::Index n = x.rows();
  const float *a = a_.data(), *bs = b_.data(), *k = k_.data(), *j = jump_.data(), *leak = v_leak_.data();
  for (Eigen::Index b = 0; b < x.cols(); ++b) {
    float *v = v_.col(b).data(), *cur = i_.col(b).data();
    const float* in = x.col(b).data();
    const float* left = refractory_.on() ? refractory_.left().col(b).data() : nullptr;
    parallel_ranges(n, kNeuronUnitsPerThread, [&](int64_t u0, int64_t u1) {
#pragma omp simd
      for (Eigen::Index u = u0; u < u1; ++u) {
        const float kicked = cur[u] + j[u] * in[u];
        const float next = v[u] - (v[u] - leak[u]) * a[u] + k[u] * kicked;
        v[u] = left && left[u] > 0.0f ? v[u] : next;
        cur[u] = kicked * bs[u];
      }
    });
  }
  fire_or_read_out(v_, firing_, out, refractory_);
}

PointNeuron CubaLifExact::describe() const {
  PointNeuron d;
  d.kind = PointKind::CubaExact;
  d.a_mem = a_;
  d.a_syn = b_;
  d.r = k_;
  d.w_in = jump_;
  d.v_leak = v_leak_;
  describe_firing(firing_, s0_, d);
  return d;
}

}  // namespace evsim
