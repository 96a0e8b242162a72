#include "network/source_op.hpp"

#include <cmath>

#include "core/run_seed.hpp"

namespace evsim {

SourceOp::SourceOp(Kind kind, Vector per_unit, uint64_t stream)
    : kind_(kind), p_(std::move(per_unit)), stream_(stream) {
  if (kind_ == Kind::Poisson)
    for (Eigen::Index i = 0; i < p_.size(); ++i) none_.push_back(std::exp(-static_cast<double>(p_[i])));
}

namespace {

// The Poisson count whose cumulative probability first reaches u (inverse transform: one
// uniform per unit and step, in double, so any backend can repeat it).
float poisson_count(double u, double lambda, double none) {
  double p = none, cdf = none;
  int k = 0;
  while (u > cdf && k < 4096) {
    ++k;
    p *= lambda / k;
    cdf += p;
    if (p == 0.0) break;
  }
  return static_cast<float>(k);
}

}  // namespace

void SourceOp::compute(const Matrix& input, std::span<const Matrix>, Matrix& out) {
  // The batch is the run's: the (zero) input a source is handed has its columns.
  const Eigen::Index n = p_.size(), batch = std::max<Eigen::Index>(1, input.cols());
  out.resize(n, batch);
  if (kind_ == Kind::Constant) {
    out = p_.replicate(1, batch);
  } else {
    for (Eigen::Index b = 0; b < batch; ++b) {
      const uint64_t key = draw_key(run_seed(), stream_, t_, static_cast<uint64_t>(b));
      float* o = out.col(b).data();
      for (Eigen::Index i = 0; i < n; ++i) {
        const float u = uniform_at(key, static_cast<uint64_t>(i));
        // Most units, most steps: no spike, decided without the loop.
        o[i] = u <= none_[static_cast<size_t>(i)] ? 0.0f : poisson_count(u, p_[i], none_[static_cast<size_t>(i)]);
      }
    }
  }
  ++t_;
}

uint64_t stream_of(const std::string& name) {
  uint64_t h = 0xcbf29ce484222325ull;
  for (const char c : name) {
    h ^= static_cast<unsigned char>(c);
    h *= 0x100000001b3ull;
  }
  return h;
}

}  // namespace evsim
