#pragma once
// Checkpoint reader/writer: NIR's HDF5 layout plus the evsim extensions (docs/checkpoint.md).
#include <string>

#include "data/model_spec.hpp"

namespace evsim {

// Reads and validates; throws CheckpointError("<path>: node 'n' dataset 'd': ...").
// Nested NIRGraph nodes are flattened into "outer.inner" names.
ModelSpec read_checkpoint(const std::string& path);

// Writes atomically (temporary file + rename).
void write_checkpoint(const ModelSpec& spec, const std::string& path);

}  // namespace evsim
