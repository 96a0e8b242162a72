#pragma once
// Mikolov-format text (PTB, WikiText-2): one sentence per line, whitespace-separated
// words, one <eos> appended per line, <unk> as given in the text.
#include <cstdint>
#include <string>
#include <vector>

namespace evsim {

// DIR/<split>.txt or DIR/*.<split>.txt (e.g. ptb.test.txt).
std::string find_split_file(const std::string& dir, const std::string& split);

// Token ids through `vocab` (a word missing from it is an InputError naming file and line).
std::vector<int64_t> read_token_ids(const std::string& path, const std::vector<std::string>& vocab);

}  // namespace evsim
