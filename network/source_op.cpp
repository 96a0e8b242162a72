#include "network/source_op.hpp"

#include "core/run_seed.hpp"

namespace evsim {

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
      for (Eigen::Index i = 0; i < n; ++i) o[i] = uniform_at(key, static_cast<uint64_t>(i)) < p_[i] ? 1.0f : 0.0f;
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
