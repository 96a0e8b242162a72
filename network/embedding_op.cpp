#include "network/embedding_op.hpp"

#include "core/error.hpp"

namespace evsim {

void EmbeddingOp::compute(const Matrix& input, std::span<const Matrix>, Matrix& out) {
  out.resize(table_.rows(), input.cols());
  for (Eigen::Index b = 0; b < input.cols(); ++b) {
    const float id = input(0, b);
    if (!(id >= 0.0f && id < static_cast<float>(table_.cols())))
      throw InputError("token id " + std::to_string(static_cast<int64_t>(id)) + " outside the vocabulary [0, " +
                       std::to_string(table_.cols()) + ")");
    out.col(b) = table_.col(static_cast<Eigen::Index>(id));
  }
}

}  // namespace evsim
