#include "models/weight_layout.hpp"

#include <string>
#include <vector>

#include "core/error.hpp"
#include "core/memory_budget.hpp"
#include "network/csc_matrix.hpp"

namespace evsim {
namespace {

bool is_matrix_node(const NodeSpec& n) { return n.type == "Linear" || n.type == "Affine"; }

// Row-major (out, in) values as compressed lines: rows (csr) or columns (csc).
void compress(const Array& w, bool csr, NodeSpec& n, WeightLayoutOutcome& o) {
  const int64_t rows = w.shape[0], cols = w.shape[1], lines = csr ? rows : cols, other = csr ? cols : rows;
  std::vector<int64_t> indptr{0}, indices;
  std::vector<float> data;
  for (int64_t a = 0; a < lines; ++a) {
    for (int64_t b = 0; b < other; ++b) {
      const float v = w.f[static_cast<size_t>(csr ? a * cols + b : b * cols + a)];
      if (v == 0.0f) continue;
      indices.push_back(b);
      data.push_back(v);
    }
    indptr.push_back(static_cast<int64_t>(data.size()));
  }
  o.weights += static_cast<uint64_t>(rows * cols);
  o.non_zeros += data.size();
  const auto nnz = static_cast<int64_t>(data.size());
  n.params.erase("weight");
  set_sparse_weight(n, csr, rows, cols, std::move(indptr), std::move(indices), Array::floats({nnz}, std::move(data)));
}

}  // namespace

void set_sparse_weight(NodeSpec& n, bool csr, int64_t rows, int64_t cols, std::vector<int64_t> indptr,
                       std::vector<int64_t> indices, Array data) {
  const auto lines = static_cast<int64_t>(indptr.size()), nnz = static_cast<int64_t>(indices.size());
  n.params["weight/format"] = Array::text(csr ? "csr" : "csc");
  n.params["weight/shape"] = Array::ints({2}, {rows, cols});
  n.params["weight/indptr"] = Array::ints({lines}, std::move(indptr));
  n.params["weight/indices"] = Array::ints({nnz}, std::move(indices));
  n.params["weight/data"] = std::move(data);
}

WeightLayoutOutcome store_weights_sparse(ModelSpec& spec, bool csr) {
  WeightLayoutOutcome o;
  for (NodeSpec& n : spec.graph.nodes) {
    const Array* w = n.find("weight");
    if (!is_matrix_node(n) || !w) continue;
    if (w->kind != Array::Kind::Float || w->rank() != 2)
      throw CheckpointError("node '" + n.name + "' dataset 'weight': expected a float (out, in) matrix");
    compress(*w, csr, n, o);
    ++o.converted;
  }
  return o;
}

WeightLayoutOutcome store_weights_dense(ModelSpec& spec) {
  WeightLayoutOutcome o;
  for (NodeSpec& n : spec.graph.nodes) {
    if (!is_matrix_node(n) || !n.find("weight/format")) continue;
    if (n.find("weight/delay"))
      throw CheckpointError("node '" + n.name +
                            "' dataset 'weight/delay': a dense weight cannot keep per-synapse delays");
    const Array& shape = *n.find("weight/shape");
    const int64_t rows = shape.i.at(0), cols = shape.i.at(1);
    require_memory(
        4.0 * static_cast<double>(rows) * static_cast<double>(cols),
        "node '" + n.name + "': the dense " + std::to_string(rows) + " x " + std::to_string(cols) + " weight");
    CscMatrix m;
    try {
      m = CscMatrix::from_compressed(n.find("weight/format")->s.at(0) == "csr", rows, cols, n.find("weight/indptr")->i,
                                     n.find("weight/indices")->i, n.find("weight/data")->f);
    } catch (const Error& e) {
      throw CheckpointError("node '" + n.name + "' dataset 'weight': " + e.what());
    }
    std::vector<float> dense(static_cast<size_t>(rows * cols));  // (out, in) row-major
    Eigen::Map<Eigen::Matrix<float, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>>(dense.data(), rows, cols) =
        m.to_dense("node '" + n.name + "'");
    for (const char* part : {"format", "shape", "indptr", "indices", "data"})
      n.params.erase(std::string("weight/") + part);
    n.params["weight"] = Array::floats({rows, cols}, std::move(dense));
    o.weights += static_cast<uint64_t>(rows * cols);
    o.non_zeros += m.nnz();
    ++o.converted;
  }
  return o;
}

}  // namespace evsim
