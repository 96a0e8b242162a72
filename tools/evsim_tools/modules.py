"""Reference modules with exactly the semantics of evsim (../shared/DESIGN.md).

Each module has ``step(x, state) -> (out, state)`` for one time step (batch-first, x: B x N)
so that a chain of modules can be run step by step exactly as evsim does, and the EGRU
additionally has a fast sequence ``forward`` for training.
"""
import math

import torch
from torch import nn


class HeavisidePseudo(torch.autograd.Function):
    """H(x) with H(0) = 0; backward uses the EGRU pseudo-derivative gamma * max(0, 1 - |x|/eps)."""

    @staticmethod
    def forward(ctx, x, gamma, eps):
        ctx.save_for_backward(x)
        ctx.gamma, ctx.eps = gamma, eps
        return (x > 0).to(x.dtype)

    @staticmethod
    def backward(ctx, grad):
        (x,) = ctx.saved_tensors
        return grad * ctx.gamma * torch.clamp(1.0 - x.abs() / ctx.eps, min=0.0), None, None


class SurrogateStep(torch.autograd.Function):
    """H(x) with H(0) = 0; backward: fast-sigmoid surrogate 1 / (1 + slope |x|)^2."""

    @staticmethod
    def forward(ctx, x, slope):
        ctx.save_for_backward(x)
        ctx.slope = slope
        return (x > 0).to(x.dtype)

    @staticmethod
    def backward(ctx, grad):
        (x,) = ctx.saved_tensors
        return grad / (1.0 + ctx.slope * x.abs()) ** 2, None


class EGRU(nn.Module):
    """Event-based GRU layer (gate blocks r, z, n in PyTorch order; per-unit thresholds).

    a = W_ih x + b_ih, b = W_hh y_prev + b_hh; r = s(a_r + b_r), z = s(a_z + b_z),
    n = tanh(a_n + r * b_n); c_hat = z c + (1 - z) n; o = H(c_hat - theta); y = c_hat * o;
    c = c_hat - o * theta. Only y (the events) is fed back.
    """

    def __init__(self, input_size, hidden_size, threshold=0.1, gamma=0.3, eps=0.5):
        super().__init__()
        self.input_size, self.hidden_size = input_size, hidden_size
        self.weight_ih = nn.Parameter(torch.empty(3 * hidden_size, input_size))
        self.weight_hh = nn.Parameter(torch.empty(3 * hidden_size, hidden_size))
        self.bias_ih = nn.Parameter(torch.empty(3 * hidden_size))
        self.bias_hh = nn.Parameter(torch.empty(3 * hidden_size))
        self.threshold = nn.Parameter(torch.full((hidden_size,), float(threshold)))
        self.gamma, self.eps = gamma, eps
        bound = 1.0 / math.sqrt(hidden_size)
        for p in (self.weight_ih, self.weight_hh, self.bias_ih, self.bias_hh):
            nn.init.uniform_(p, -bound, bound)

    def initial_state(self, batch, device=None, dtype=None):
        z = torch.zeros(batch, self.hidden_size, device=device, dtype=dtype)
        return (z, z.clone())

    def cell(self, gi, y, c):
        """One step from the precomputed input projection gi = W_ih x + b_ih (B x 3H)."""
        gh = y @ self.weight_hh.t() + self.bias_hh
        h = self.hidden_size
        r = torch.sigmoid(gi[:, :h] + gh[:, :h])
        z = torch.sigmoid(gi[:, h:2 * h] + gh[:, h:2 * h])
        n = torch.tanh(gi[:, 2 * h:] + r * gh[:, 2 * h:])
        c_hat = z * c + (1.0 - z) * n
        o = HeavisidePseudo.apply(c_hat - self.threshold, self.gamma, self.eps)
        y = c_hat * o
        return y, c_hat - o * self.threshold, o

    def step(self, x, state):
        y, c = state if state is not None else self.initial_state(x.shape[0], x.device, x.dtype)
        y, c, _ = self.cell(x @ self.weight_ih.t() + self.bias_ih, y, c)
        return y, (y, c)

    def forward(self, x, state=None):
        """x: T x B x I. Returns (y: T x B x H, o: T x B x H gates, final state)."""
        y, c = state if state is not None else self.initial_state(x.shape[1], x.device, x.dtype)
        gi = x @ self.weight_ih.t() + self.bias_ih
        ys, os = [], []
        for t in range(x.shape[0]):
            y, c, o = self.cell(gi[t], y, c)
            ys.append(y)
            os.append(o)
        return torch.stack(ys), torch.stack(os), (y, c)


ACTIVATIONS = {
    "identity": lambda x: x,
    "relu": torch.relu,
    "gelu": lambda x: 0.5 * x * (1.0 + torch.erf(x * 0.70710678)),
    "tanh": torch.tanh,
    "sigmoid": torch.sigmoid,
    "mish": lambda x: x * torch.tanh(torch.log1p(torch.exp(x))),
}


class VSN(nn.Module):
    """Variable spiking neuron: m = beta m + z; s = H(m - theta); y = phi(z) s; m = m (1 - s).
    The input is held for ``spike_steps`` sub-steps; the output is the mean of y."""

    def __init__(self, beta, threshold, activation="identity", spike_steps=1, slope=5.0):
        super().__init__()
        self.beta = nn.Parameter(torch.as_tensor(beta, dtype=torch.float32))
        self.threshold = nn.Parameter(torch.as_tensor(threshold, dtype=torch.float32))
        self.activation, self.spike_steps, self.slope = activation, int(spike_steps), slope

    def step(self, z, m):
        m = torch.zeros_like(z) if m is None else m
        phi = ACTIVATIONS[self.activation](z)
        y = torch.zeros_like(z)
        for _ in range(self.spike_steps):
            m = self.beta * m + z
            s = SurrogateStep.apply(m - self.threshold, self.slope)
            y = y + phi * s
            m = m * (1.0 - s)
        return (y if self.spike_steps == 1 else y * (1.0 / self.spike_steps)), m


def _euler_gain(dt, tau):
    """float32(dt / tau) computed in double, as evsim does."""
    return (dt / tau.detach().double()).float()


class LIF(nn.Module):
    """NIR LIF: v += dt/tau (v_leak - v + r x); spike when v > v_threshold; v -> v_reset."""

    def __init__(self, tau, r, v_leak, v_threshold, v_reset=None, dt=1e-4, slope=5.0):
        super().__init__()
        self.tau, self.r, self.v_leak, self.v_threshold = tau, r, v_leak, v_threshold
        self.v_reset = torch.zeros_like(tau) if v_reset is None else v_reset
        self.dt, self.slope = dt, slope

    def step(self, x, v):
        v = torch.zeros_like(x) if v is None else v
        v = v + _euler_gain(self.dt, self.tau) * (self.v_leak - v + self.r * x)
        s = SurrogateStep.apply(v - self.v_threshold, self.slope)
        v = torch.where(s > 0, self.v_reset.expand_as(v), v)
        return s, v


class Affine(nn.Module):
    """NIR Affine (bias) / Linear (no bias) as a stateless step."""

    def __init__(self, weight, bias=None):
        super().__init__()
        self.weight = nn.Parameter(weight)
        self.bias = None if bias is None else nn.Parameter(bias)

    def step(self, x, state):
        y = x @ self.weight.t()
        return (y if self.bias is None else y + self.bias), None


def run_chain(modules, x):
    """Runs modules one step at a time over x (T x B x N), as evsim does; returns
    (outputs T x B x N_out, per-module inputs list of T x B x N tensors)."""
    states = [None] * len(modules)
    outs, inputs = [], [[] for _ in modules]
    for t in range(x.shape[0]):
        h = x[t]
        for k, m in enumerate(modules):
            inputs[k].append(h)
            h, states[k] = m.step(h, states[k])
        outs.append(h)
    return torch.stack(outs), [torch.stack(i) for i in inputs]
