#pragma once
// Linear / Affine weights between a dense array and evsim's sparse group (scipy's csr/csc
// layout, DESIGN.md section 3): `evsim convert weights`. Other node types are left alone.
#include <cstdint>
#include <vector>

#include "data/model_spec.hpp"

namespace evsim {

struct WeightLayoutOutcome {
  int converted = 0;       // nodes rewritten
  uint64_t weights = 0;    // rows x cols over them
  uint64_t non_zeros = 0;  // stored entries now (sparse) or non-zero weights (dense)
};

// A Linear/Affine weight written as a compressed group: csr (indptr over the rows = outputs) or
// csc, shape (rows, cols); `data` holds the stored values, one per index.
void set_sparse_weight(NodeSpec& n, bool csr, int64_t rows, int64_t cols, std::vector<int64_t> indptr,
                       std::vector<int64_t> indices, Array data);
// Every dense Linear/Affine weight as a csr (rows = outputs) or csc group, exact zeros dropped.
WeightLayoutOutcome store_weights_sparse(ModelSpec& spec, bool csr);
// Every sparse group as a dense (out, in) array; the memory budget is checked first.
WeightLayoutOutcome store_weights_dense(ModelSpec& spec);

}  // namespace evsim
