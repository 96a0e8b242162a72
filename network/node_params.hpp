#pragma once
// A node's parameters as every backend uses them, read and checked once from its datasets
// (network/node_reader.hpp): the CPU node factory builds operators from them, the CUDA
// lowering builds engines from them.
#include <memory>
#include <optional>

#include "core/tensor.hpp"
#include "network/csc_matrix.hpp"
#include "network/delayed_projection.hpp"
#include "network/node_reader.hpp"
#include "network/wavelet_conv_op.hpp"
#include "neurons/neuron_model.hpp"

namespace evsim {

// Affine (with bias) / Linear: weight out x in, dense, or from a sparse `weight` group
// (scipy's csr/csc: datasets weight/format, weight/shape, weight/indptr, weight/indices,
// weight/data) as `sparse` with `weight` left empty.
struct MatrixParams {
  Matrix weight;
  Vector bias;  // empty for Linear
  std::optional<CscMatrix> sparse;
  std::vector<DelayGroup> delayed;  // a sparse weight with per-synapse delays (then no `sparse`)
  int64_t rows() const { return !delayed.empty() ? delayed[0].weight.rows : sparse ? sparse->rows : weight.rows(); }
  int64_t cols() const { return !delayed.empty() ? delayed[0].weight.cols : sparse ? sparse->cols : weight.cols(); }
  // The dense matrix either way; from a sparse group within the memory budget (else InputError).
  Matrix dense() const;
};
MatrixParams read_matrix_params(const NodeReader& c, bool affine);

// EGRU: gate blocks r, z, n (PyTorch order); missing biases are zero.
struct EgruParams {
  Matrix w_ih, w_hh;  // 3H x I, 3H x H
  Vector b_ih, b_hh, theta;
};
EgruParams read_egru_params(const NodeReader& c);

// LIF, LI, CubaLIF, CubaLI, IF, I, Threshold, VSN, discretised with c.dt; `shape` is set.
std::unique_ptr<NeuronModel> read_neuron_model(const NodeReader& c, Shape& shape);

// Embedding: the table as E x V (one column per token).
Matrix read_embedding_table(const NodeReader& c);

// WaveletConv2d on a (C, H, W) input: filters, levels, mixing weights checked against the
// coarsest band's size.
WaveletConvParams read_wavelet_conv_params(const NodeReader& c);

// Scale: one factor per unit; `shape` is set.
Vector read_scale(const NodeReader& c, Shape& shape);

}  // namespace evsim
