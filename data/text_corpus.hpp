#pragma once
// Mikolov-format text (PTB, WikiText-2): one sentence per line, whitespace-separated
// words, one <eos> appended per line, <unk> as given in the text.
#include <cstdint>
#include <string>
#include <vector>

#include "core/tensor.hpp"

namespace evsim {

// DIR/<split>.txt or DIR/*.<split>.txt (e.g. ptb.test.txt).
std::string find_split_file(const std::string& dir, const std::string& split);

// Token ids through `vocab` (a word missing from it is an InputError naming file and line).
std::vector<int64_t> read_token_ids(const std::string& path, const std::vector<std::string>& vocab);

// The ids cut into `batch` contiguous streams (PyTorch's batchify: stream b holds ids
// [b n, (b + 1) n), n = size / batch), the first `steps` of each (0: all) as a T x B x 1 sequence.
// Too few ids is an InputError naming `source`.
Sequence token_streams(const std::vector<int64_t>& ids, int64_t batch, int64_t steps,
                       const std::string& source = "the text");

}  // namespace evsim
