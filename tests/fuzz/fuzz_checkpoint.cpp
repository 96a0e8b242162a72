// libFuzzer target: an HDF5 checkpoint image in memory -> the checkpoint reader (in its child
// process, as the CLI reads files) -> the graph builder -> a two-step run in both CPU modes.
// Every input must end in a returned graph or an evsim::Error: a crash, sanitizer report, leak,
// timeout or out-of-memory in this process is a finding. (libhdf5 crashes on some corrupt files,
// docs/hdf5-crashes.md; in the child they become errors.)
// Built by -DEVSIM_FUZZ=ON with clang (see .ci/run); seeds in tests/fuzz/corpus/.
#include <cstddef>
#include <cstdint>

#include "backends/runner.hpp"
#include "core/error.hpp"
#include "core/memory_budget.hpp"
#include "data/checkpoint.hpp"
#include "data/isolated.hpp"
#include "network/graph.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace evsim;
  set_memory_budget(uint64_t(256) << 20);  // far under libFuzzer's 2 GB RSS limit
  set_reader_time_limit(0.5);              // a looping libhdf5 is killed well under -timeout
  try {
    Graph g = build_graph(read_checkpoint_image(data, size, "fuzz input"), 1e-3);
    Sequence x(2, 1, g.input_width());
    for (float& v : x.data) v = g.token_input ? 0.0f : 0.5f;
    for (Mode mode : {Mode::Dense, Mode::Event}) make_runner("cpu", mode, g)->run(x);
  } catch (const Error&) {
  }
  return 0;
}
