#pragma once
// Embedding: token id (1 x B input, ids carried as floats) -> row of `weight` (V x E).
// A gather, not counted as MACs.
#include "network/operator.hpp"

namespace evsim {

class EmbeddingOp final : public Operator {
 public:
  explicit EmbeddingOp(Matrix weight_t) : table_(std::move(weight_t)) {}  // E x V (one column per token)
  std::string_view type() const override { return "Embedding"; }
  void compute(const Matrix& input, std::span<const Matrix>, Matrix& out) override;
  int64_t vocab() const { return table_.cols(); }
  const Matrix& table() const { return table_; }

 private:
  Matrix table_;
};

}  // namespace evsim
