// libFuzzer target: arbitrary bytes as a Mikolov-format corpus and as a CSV input, through the
// readers `evsim eval`, `convert text` and `convert csv` use. Errors are evsim::Errors; anything
// else is a finding.
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <string>

#include "core/error.hpp"
#include "data/sequence_io.hpp"
#include "data/text_corpus.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace evsim;
  static const std::string path = "/tmp/evsim_fuzz_text." + std::to_string(::getpid());
  if (FILE* f = std::fopen(path.c_str(), "wb")) {
    std::fwrite(data, 1, size, f);
    std::fclose(f);
  }
  try {
    const auto ids = read_token_ids(path, {"<eos>", "the", "<unk>", "a"});
    token_streams(ids, 3, 0);
  } catch (const Error&) {
  }
  try {
    read_csv_columns(path, {0, 2});
  } catch (const Error&) {
  }
  return 0;
}
