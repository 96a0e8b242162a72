#pragma once
// Checkpoint reader/writer: NIR's HDF5 layout plus the evsim extensions (docs/checkpoint.md).
#include <cstddef>
#include <string>

#include "data/model_spec.hpp"

namespace evsim {

// Reads and validates; throws CheckpointError("<path>: node 'n' dataset 'd': ...").
// Nested NIRGraph nodes are flattened into "outer.inner" names. The file is read in a child
// process (data/isolated.hpp): a crash of libhdf5 on a corrupt file is an error line.
ModelSpec read_checkpoint(const std::string& path);
// The same in this process (what the child runs).
ModelSpec read_checkpoint_in_process(const std::string& path);

// The same from an HDF5 file image in memory (the fuzz target; `label` names it in errors).
ModelSpec read_checkpoint_image(const void* data, size_t size, const std::string& label);
ModelSpec read_checkpoint_image_in_process(const void* data, size_t size, const std::string& label);

// Writes atomically (temporary file + rename).
void write_checkpoint(const ModelSpec& spec, const std::string& path);

}  // namespace evsim
