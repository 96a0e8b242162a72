#pragma once
// ModelSpec and Sequence as bytes, to hand a checkpoint or an input read in the isolated reader
// process (data/isolated.hpp) back to the parent.
#include <string>

#include "core/tensor.hpp"
#include "data/model_spec.hpp"

namespace evsim {

std::string encode_spec(const ModelSpec& spec);
ModelSpec decode_spec(const std::string& bytes);
std::string encode_sequence(const Sequence& s);
Sequence decode_sequence(const std::string& bytes);

}  // namespace evsim
