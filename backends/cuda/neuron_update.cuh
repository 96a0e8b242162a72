#pragma once
// One point neuron's step on the GPU, shared by the per-node kernel (snn_engine.cu) and the
// fused small-graph kernel (snn_fused.cu): the CPU's update order and rounding (explicit _rn:
// no FMA contraction), so binary decisions match the CPU whenever the inputs do. Include from
// .cu files only.
#include "backends/cuda/activation.cuh"
#include "neurons/point_kind.hpp"

namespace evsim::cuda {

// Device copy of a PointNeuron; state buffers are n x batch.
struct NeuronDev {
  int kind, fires, activation, spike_steps, n;
  const float *a_mem, *a_syn, *v_leak, *r, *w_in, *gain, *v_threshold, *v_reset, *beta, *threshold;
  const float *a_syn_inh, *w_in_inh, *r_inh, *e_exc, *e_inh;  // two synaptic currents
  float *v, *i, *i_inh;
  const float* ref_steps;  // null: no refractory period
  float* left;             // refractory steps left, per unit and sample
};

// The update reads its parameters and state through accessors, so that one copy of the
// formulas serves the interpreting kernels (DevUnit: the arrays behind a NeuronDev) and the
// kernels generated per graph (snn_codegen.hpp: UnitParams and UnitState in registers, the kind a
// constant that folds the switch away).
struct DevUnit {
  const NeuronDev& d;
  int u, idx;  // unit; unit and sample
  __device__ __forceinline__ bool refractory() const { return d.ref_steps != nullptr; }
  __device__ __forceinline__ float ref_steps() const { return d.ref_steps[u]; }
  __device__ __forceinline__ float a_mem() const { return d.a_mem[u]; }
  __device__ __forceinline__ float a_syn() const { return d.a_syn[u]; }
  __device__ __forceinline__ float v_leak() const { return d.v_leak[u]; }
  __device__ __forceinline__ float r() const { return d.r[u]; }
  __device__ __forceinline__ float w_in() const { return d.w_in[u]; }
  __device__ __forceinline__ float gain() const { return d.gain[u]; }
  __device__ __forceinline__ float v_threshold() const { return d.v_threshold[u]; }
  __device__ __forceinline__ float v_reset() const { return d.v_reset[u]; }
  __device__ __forceinline__ float beta() const { return d.beta[u]; }
  __device__ __forceinline__ float threshold() const { return d.threshold[u]; }
  __device__ __forceinline__ float a_syn_inh() const { return d.a_syn_inh[u]; }
  __device__ __forceinline__ float w_in_inh() const { return d.w_in_inh[u]; }
  __device__ __forceinline__ float r_inh() const { return d.r_inh[u]; }
  __device__ __forceinline__ float e_exc() const { return d.e_exc[u]; }
  __device__ __forceinline__ float e_inh() const { return d.e_inh[u]; }
  __device__ __forceinline__ float& v() const { return d.v[idx]; }
  __device__ __forceinline__ float& i() const { return d.i[idx]; }
  __device__ __forceinline__ float& i_inh() const { return d.i_inh[idx]; }
  __device__ __forceinline__ float& left() const { return d.left[idx]; }
};

// One unit's parameters and state as values (the generated kernels hold them in registers).
struct UnitParams {
  bool has_ref = false;
  float ref, am, as, vl, rr, wi, g, vt, vr, b, th, asi, wii, ri, ee, ei;
  __device__ __forceinline__ bool refractory() const { return has_ref; }
  __device__ __forceinline__ float ref_steps() const { return ref; }
  __device__ __forceinline__ float a_mem() const { return am; }
  __device__ __forceinline__ float a_syn() const { return as; }
  __device__ __forceinline__ float v_leak() const { return vl; }
  __device__ __forceinline__ float r() const { return rr; }
  __device__ __forceinline__ float w_in() const { return wi; }
  __device__ __forceinline__ float gain() const { return g; }
  __device__ __forceinline__ float v_threshold() const { return vt; }
  __device__ __forceinline__ float v_reset() const { return vr; }
  __device__ __forceinline__ float beta() const { return b; }
  __device__ __forceinline__ float threshold() const { return th; }
  __device__ __forceinline__ float a_syn_inh() const { return asi; }
  __device__ __forceinline__ float w_in_inh() const { return wii; }
  __device__ __forceinline__ float r_inh() const { return ri; }
  __device__ __forceinline__ float e_exc() const { return ee; }
  __device__ __forceinline__ float e_inh() const { return ei; }
};

struct UnitState {
  float sv = 0.0f, si = 0.0f, sih = 0.0f, sl = 0.0f;
  __device__ __forceinline__ float& v() { return sv; }
  __device__ __forceinline__ float& i() { return si; }
  __device__ __forceinline__ float& i_inh() { return sih; }
  __device__ __forceinline__ float& left() { return sl; }
};

// Refractory: the membrane holds and the unit cannot fire (neurons/neuron_model.hpp).
template <class P, class S>
__device__ __forceinline__ bool held(const P& p, S& s) {
  return p.refractory() && s.left() > 0.0f;
}

// v > threshold: spike and reset; without firing the output is v itself.
template <class P, class S>
__device__ __forceinline__ float fire(bool fires, const P& p, S& s, bool hold, float& v) {
  if (!fires) return v;
  if (hold) {
    s.left() -= 1.0f;
    return 0.0f;
  }
  if (v > p.v_threshold()) {
    v = p.v_reset();
    if (p.refractory()) s.left() = p.ref_steps();
    return 1.0f;
  }
  return 0.0f;
}

__device__ __forceinline__ bool two_currents(int kind) {
  return kind == static_cast<int>(PointKind::Cuba2) || kind == static_cast<int>(PointKind::Cuba2Exact) ||
         kind == static_cast<int>(PointKind::Coba);
}

// One unit's step from its input(s) xv (and, with two currents, xi); updates the state behind s
// and returns the output.
template <class P, class S>
__device__ __forceinline__ float step_unit(int kind, bool fires, int activation, int spike_steps, const P& p, S& s,
                                           float xv, float xi) {
  float out = 0.0f;
  switch (static_cast<PointKind>(kind)) {
    case PointKind::Leaky: {
      const bool hold = held(p, s);
      float v = s.v();
      if (!hold) v = __fadd_rn(v, __fmul_rn(p.a_mem(), __fadd_rn(__fsub_rn(p.v_leak(), v), __fmul_rn(p.r(), xv))));
      out = fire(fires, p, s, hold, v);
      s.v() = v;
      break;
    }
    case PointKind::Cuba: {
      const bool hold = held(p, s);
      float cur = s.i(), v = s.v();
      cur = __fadd_rn(cur, __fmul_rn(p.a_syn(), __fadd_rn(-cur, __fmul_rn(p.w_in(), xv))));
      if (!hold) v = __fadd_rn(v, __fmul_rn(p.a_mem(), __fadd_rn(__fsub_rn(p.v_leak(), v), __fmul_rn(p.r(), cur))));
      out = fire(fires, p, s, hold, v);
      s.i() = cur;
      s.v() = v;
      break;
    }
    case PointKind::LeakyExact: {  // neurons/exact_integration.cpp, the same roundings
      const bool hold = held(p, s);
      float v = s.v();
      const float leak = p.v_leak();
      const float kicked = __fadd_rn(v, __fmul_rn(p.r(), xv));
      const float next = __fsub_rn(kicked, __fmul_rn(__fsub_rn(kicked, leak), p.a_mem()));
      if (!hold) v = next;
      out = fire(fires, p, s, hold, v);
      s.v() = v;
      break;
    }
    case PointKind::CubaExact: {
      const bool hold = held(p, s);
      float v = s.v();
      const float leak = p.v_leak();
      const float kicked = __fadd_rn(s.i(), __fmul_rn(p.w_in(), xv));
      const float next = __fadd_rn(__fsub_rn(v, __fmul_rn(__fsub_rn(v, leak), p.a_mem())), __fmul_rn(p.r(), kicked));
      if (!hold) v = next;
      out = fire(fires, p, s, hold, v);
      s.i() = __fmul_rn(kicked, p.a_syn());
      s.v() = v;
      break;
    }
    case PointKind::Cuba2: {  // neurons/two_current.cpp, the same roundings
      const bool hold = held(p, s);
      float ce = s.i(), ci = s.i_inh(), v = s.v();
      ce = __fadd_rn(ce, __fmul_rn(p.a_syn(), __fadd_rn(-ce, __fmul_rn(p.w_in(), xv))));
      ci = __fadd_rn(ci, __fmul_rn(p.a_syn_inh(), __fadd_rn(-ci, __fmul_rn(p.w_in(), xi))));
      if (!hold)
        v = __fadd_rn(v,
                      __fmul_rn(p.a_mem(), __fadd_rn(__fsub_rn(p.v_leak(), v), __fmul_rn(p.r(), __fadd_rn(ce, ci)))));
      out = fire(fires, p, s, hold, v);
      s.i() = ce;
      s.i_inh() = ci;
      s.v() = v;
      break;
    }
    case PointKind::Cuba2Exact: {
      const bool hold = held(p, s);
      float v = s.v();
      const float leak = p.v_leak();
      const float ke = __fadd_rn(s.i(), __fmul_rn(p.w_in(), xv));
      const float ki = __fadd_rn(s.i_inh(), __fmul_rn(p.w_in_inh(), xi));
      const float next =
          __fadd_rn(__fadd_rn(__fsub_rn(v, __fmul_rn(__fsub_rn(v, leak), p.a_mem())), __fmul_rn(p.r(), ke)),
                    __fmul_rn(p.r_inh(), ki));
      if (!hold) v = next;
      out = fire(fires, p, s, hold, v);
      s.i() = __fmul_rn(ke, p.a_syn());
      s.i_inh() = __fmul_rn(ki, p.a_syn_inh());
      s.v() = v;
      break;
    }
    case PointKind::Coba: {
      const bool hold = held(p, s);
      float v = s.v();
      const float ge = __fadd_rn(s.i(), __fmul_rn(p.w_in(), xv));
      const float gi = __fadd_rn(s.i_inh(), __fmul_rn(p.w_in_inh(), xi));
      const float drive = __fadd_rn(__fadd_rn(__fsub_rn(p.v_leak(), v), __fmul_rn(ge, __fsub_rn(p.e_exc(), v))),
                                    __fmul_rn(gi, __fsub_rn(p.e_inh(), v)));
      if (!hold) v = __fadd_rn(v, __fmul_rn(p.a_mem(), drive));
      out = fire(fires, p, s, hold, v);
      s.i() = __fmul_rn(ge, p.a_syn());
      s.i_inh() = __fmul_rn(gi, p.a_syn_inh());
      s.v() = v;
      break;
    }
    case PointKind::Integrator: {
      const bool hold = held(p, s);
      float v = s.v();
      if (!hold) v = __fadd_rn(v, __fmul_rn(xv, p.gain()));
      out = fire(fires, p, s, hold, v);
      s.v() = v;
      break;
    }
    case PointKind::Threshold:
      out = xv > p.threshold() ? 1.0f : 0.0f;
      s.v() = xv;
      break;
    case PointKind::Vsn: {
      const float phi = activate(activation, xv);
      float m = s.v(), acc = 0.0f;
      for (int k = 0; k < spike_steps; ++k) {
        m = __fadd_rn(__fmul_rn(p.beta(), m), xv);
        if (m > p.threshold()) {
          acc = __fadd_rn(acc, phi);
          m = 0.0f;
        }
      }
      s.v() = m;
      out = spike_steps == 1 ? acc : __fmul_rn(acc, 1.0f / static_cast<float>(spike_steps));
      break;
    }
  }
  return out;
}

// Unit idx (sample idx / n) from its input row(s) in x (the sample's n or, with two currents,
// 2n values); updates the state behind d and returns the output.
__device__ __forceinline__ float update_point_neuron(const NeuronDev& d, int idx, const float* __restrict__ x) {
  const bool two = two_currents(d.kind);
  const int xe = two ? idx + (idx / d.n) * d.n : idx;
  const float xv = x[xe], xi = two ? x[xe + d.n] : 0.0f;
  DevUnit unit{d, idx % d.n, idx};
  return step_unit(d.kind, d.fires != 0, d.activation, d.spike_steps, unit, unit, xv, xi);
}

}  // namespace evsim::cuda
