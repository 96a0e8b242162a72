#include "network/source_op.hpp"

#include <cmath>
#include <map>

#include "core/run_seed.hpp"

namespace evsim {

namespace {

// The cumulative Poisson probabilities P(count <= k) for k = 0, 1, ... until they reach 1 in
// double (the inverse transform of one uniform per unit and step: any backend can repeat it).
std::vector<double> poisson_cdf(double lambda) {
  std::vector<double> cdf;
  double p = std::exp(-lambda), c = p;
  cdf.push_back(c);
  for (int k = 1; k < 4096 && c < 1.0 && (p > 0.0 || static_cast<double>(k) < lambda); ++k) {
    p *= lambda / k;
    c += p;
    cdf.push_back(c);
  }
  return cdf;
}

}  // namespace

// One table per distinct rate (a population usually has one): the draw is then a few compares
// (dividing term by term per draw was 45 ns a unit and step, twenty times the LIF update).
SourceOp::SourceOp(Kind kind, Vector per_unit, uint64_t stream)
    : kind_(kind), p_(std::move(per_unit)), stream_(stream) {
  if (kind_ != Kind::Poisson) return;
  std::map<float, size_t> seen;
  for (Eigen::Index i = 0; i < p_.size(); ++i) {
    auto [it, fresh] = seen.try_emplace(p_[i], tables_.size());
    if (fresh) tables_.push_back(poisson_cdf(static_cast<double>(p_[i])));
    table_of_.push_back(it->second);
  }
}

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
        const double u = uniform_at(key, static_cast<uint64_t>(i));
        const std::vector<double>& cdf = tables_[table_of_[static_cast<size_t>(i)]];
        size_t k = 0;
        while (k + 1 < cdf.size() && u > cdf[k]) ++k;
        o[i] = static_cast<float>(k);
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
