#pragma once
// One point neuron's step on the GPU, shared by the per-node kernel (snn_engine.cu) and the
// fused small-graph kernel (snn_fused.cu): the CPU's update order and rounding (explicit _rn:
// no FMA contraction), so binary decisions match the CPU whenever the inputs do. Include from
// .cu files only.
#include "backends/cuda/activation.cuh"
#include "neurons/point_neuron.hpp"

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

// Refractory: the membrane holds and the unit cannot fire (neurons/neuron_model.hpp).
__device__ __forceinline__ bool held(const NeuronDev& d, int idx) { return d.ref_steps && d.left[idx] > 0.0f; }

// v > threshold: spike and reset; without firing the output is v itself.
__device__ __forceinline__ float fire(const NeuronDev& d, int u, int idx, bool hold, float& v) {
  if (!d.fires) return v;
  if (hold) {
    d.left[idx] -= 1.0f;
    return 0.0f;
  }
  if (v > d.v_threshold[u]) {
    v = d.v_reset[u];
    if (d.ref_steps) d.left[idx] = d.ref_steps[u];
    return 1.0f;
  }
  return 0.0f;
}

// Unit idx (sample idx / n) from its input row(s) in x (the sample's n or, with two currents,
// 2n values); updates the state behind d and returns the output.
__device__ __forceinline__ float update_point_neuron(const NeuronDev& d, int idx, const float* __restrict__ x) {
  float out = 0.0f;
  const int u = idx % d.n;
  // Two currents: each sample's input holds 2n rows, the inhibitory n below the excitatory.
  const bool two = d.kind == static_cast<int>(PointKind::Cuba2) || d.kind == static_cast<int>(PointKind::Cuba2Exact) ||
                   d.kind == static_cast<int>(PointKind::Coba);
  const int xe = two ? idx + (idx / d.n) * d.n : idx;
  const float xv = x[xe], xi = two ? x[xe + d.n] : 0.0f;
  switch (static_cast<PointKind>(d.kind)) {
    case PointKind::Leaky: {
      const bool hold = held(d, idx);
      float v = d.v[idx];
      if (!hold) v = __fadd_rn(v, __fmul_rn(d.a_mem[u], __fadd_rn(__fsub_rn(d.v_leak[u], v), __fmul_rn(d.r[u], xv))));
      out = fire(d, u, idx, hold, v);
      d.v[idx] = v;
      break;
    }
    case PointKind::Cuba: {
      const bool hold = held(d, idx);
      float cur = d.i[idx], v = d.v[idx];
      cur = __fadd_rn(cur, __fmul_rn(d.a_syn[u], __fadd_rn(-cur, __fmul_rn(d.w_in[u], xv))));
      if (!hold) v = __fadd_rn(v, __fmul_rn(d.a_mem[u], __fadd_rn(__fsub_rn(d.v_leak[u], v), __fmul_rn(d.r[u], cur))));
      out = fire(d, u, idx, hold, v);
      d.i[idx] = cur;
      d.v[idx] = v;
      break;
    }
    case PointKind::LeakyExact: {  // neurons/exact_integration.cpp, the same roundings
      const bool hold = held(d, idx);
      float v = d.v[idx];
      const float leak = d.v_leak[u];
      const float kicked = __fadd_rn(v, __fmul_rn(d.r[u], xv));
      const float next = __fsub_rn(kicked, __fmul_rn(__fsub_rn(kicked, leak), d.a_mem[u]));
      if (!hold) v = next;
      out = fire(d, u, idx, hold, v);
      d.v[idx] = v;
      break;
    }
    case PointKind::CubaExact: {
      const bool hold = held(d, idx);
      float v = d.v[idx];
      const float leak = d.v_leak[u];
      const float kicked = __fadd_rn(d.i[idx], __fmul_rn(d.w_in[u], xv));
      const float next = __fadd_rn(__fsub_rn(v, __fmul_rn(__fsub_rn(v, leak), d.a_mem[u])), __fmul_rn(d.r[u], kicked));
      if (!hold) v = next;
      out = fire(d, u, idx, hold, v);
      d.i[idx] = __fmul_rn(kicked, d.a_syn[u]);
      d.v[idx] = v;
      break;
    }
    case PointKind::Cuba2: {  // neurons/two_current.cpp, the same roundings
      const bool hold = held(d, idx);
      float ce = d.i[idx], ci = d.i_inh[idx], v = d.v[idx];
      ce = __fadd_rn(ce, __fmul_rn(d.a_syn[u], __fadd_rn(-ce, __fmul_rn(d.w_in[u], xv))));
      ci = __fadd_rn(ci, __fmul_rn(d.a_syn_inh[u], __fadd_rn(-ci, __fmul_rn(d.w_in[u], xi))));
      if (!hold)
        v = __fadd_rn(
            v, __fmul_rn(d.a_mem[u], __fadd_rn(__fsub_rn(d.v_leak[u], v), __fmul_rn(d.r[u], __fadd_rn(ce, ci)))));
      out = fire(d, u, idx, hold, v);
      d.i[idx] = ce;
      d.i_inh[idx] = ci;
      d.v[idx] = v;
      break;
    }
    case PointKind::Cuba2Exact: {
      const bool hold = held(d, idx);
      float v = d.v[idx];
      const float leak = d.v_leak[u];
      const float ke = __fadd_rn(d.i[idx], __fmul_rn(d.w_in[u], xv));
      const float ki = __fadd_rn(d.i_inh[idx], __fmul_rn(d.w_in_inh[u], xi));
      const float next =
          __fadd_rn(__fadd_rn(__fsub_rn(v, __fmul_rn(__fsub_rn(v, leak), d.a_mem[u])), __fmul_rn(d.r[u], ke)),
                    __fmul_rn(d.r_inh[u], ki));
      if (!hold) v = next;
      out = fire(d, u, idx, hold, v);
      d.i[idx] = __fmul_rn(ke, d.a_syn[u]);
      d.i_inh[idx] = __fmul_rn(ki, d.a_syn_inh[u]);
      d.v[idx] = v;
      break;
    }
    case PointKind::Coba: {
      const bool hold = held(d, idx);
      float v = d.v[idx];
      const float ge = __fadd_rn(d.i[idx], __fmul_rn(d.w_in[u], xv));
      const float gi = __fadd_rn(d.i_inh[idx], __fmul_rn(d.w_in_inh[u], xi));
      const float drive = __fadd_rn(__fadd_rn(__fsub_rn(d.v_leak[u], v), __fmul_rn(ge, __fsub_rn(d.e_exc[u], v))),
                                    __fmul_rn(gi, __fsub_rn(d.e_inh[u], v)));
      if (!hold) v = __fadd_rn(v, __fmul_rn(d.a_mem[u], drive));
      out = fire(d, u, idx, hold, v);
      d.i[idx] = __fmul_rn(ge, d.a_syn[u]);
      d.i_inh[idx] = __fmul_rn(gi, d.a_syn_inh[u]);
      d.v[idx] = v;
      break;
    }
    case PointKind::Integrator: {
      const bool hold = held(d, idx);
      float v = d.v[idx];
      if (!hold) v = __fadd_rn(v, __fmul_rn(xv, d.gain[u]));
      out = fire(d, u, idx, hold, v);
      d.v[idx] = v;
      break;
    }
    case PointKind::Threshold:
      out = xv > d.threshold[u] ? 1.0f : 0.0f;
      d.v[idx] = xv;
      break;
    case PointKind::Vsn: {
      const float phi = activate(d.activation, xv);
      float m = d.v[idx], acc = 0.0f;
      for (int s = 0; s < d.spike_steps; ++s) {
        m = __fadd_rn(__fmul_rn(d.beta[u], m), xv);
        if (m > d.threshold[u]) {
          acc = __fadd_rn(acc, phi);
          m = 0.0f;
        }
      }
      d.v[idx] = m;
      out = d.spike_steps == 1 ? acc : __fmul_rn(acc, 1.0f / static_cast<float>(d.spike_steps));
      break;
    }
  }
  return out;
}

}  // namespace evsim::cuda
