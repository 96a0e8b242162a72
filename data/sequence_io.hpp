#pragma once
// Input and output sequences on disk. IN.h5: dataset `input` (float32, T x B x N) or, for
// models that start with an Embedding, `tokens` (int64, T x B). OUT.h5: dataset `output`
// (float32, T x B x N_out).
#include <string>
#include <vector>

#include "core/tensor.hpp"

namespace evsim {

// tokens = true reads `tokens` into a T x B x 1 sequence of ids.
Sequence read_input(const std::string& path, bool tokens);
void write_input(const std::string& path, const Sequence& input);
void write_tokens(const std::string& path, const Sequence& tokens);
void write_output(const std::string& path, const Sequence& output);
Sequence read_output(const std::string& path);

// CSV (one row per step, comma separated) -> T x 1 x len(columns) input.
Sequence read_csv_columns(const std::string& path, const std::vector<int>& columns);

}  // namespace evsim
