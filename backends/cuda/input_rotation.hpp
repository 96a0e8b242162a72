#pragma once
// How many independent input patterns a timed GPU step rotates over. A graph that replays a
// few patterns again and again keeps their weight columns in L2 and times the cache, not the
// step: on an H100, 4 patterns at 10 % activity touch 20 MB of weights at hidden 2048, well
// inside the 50 MB L2 (measured: 2.2 us per step with 4 patterns, 2.9 us with 20). With
// enough patterns that one pass over them touches twice the L2 (or twice the matrix, when
// the whole matrix fits in L2), a column is found in L2 only as often as independent random
// events would find it there in a real sequence. Host code, no CUDA.

namespace evsim::cuda {

constexpr int kMinInputSets = 20;   // one per step of a timed graph
constexpr int kMaxInputSets = 256;  // bounds the graph (one step per pattern) at very low activity

// step_bytes: weight bytes one step reads (its active columns); matrix_bytes: the whole
// dense matrix; l2_bytes: the device's L2.
int rotated_input_sets(double step_bytes, double matrix_bytes, double l2_bytes);

}  // namespace evsim::cuda
