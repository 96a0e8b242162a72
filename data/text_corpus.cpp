#include "data/text_corpus.hpp"

#include <filesystem>
#include <fstream>
#include <sstream>
#include <unordered_map>

#include "core/error.hpp"
#include "core/memory_budget.hpp"
#include "data/file_policy.hpp"

namespace evsim {

std::string find_split_file(const std::string& dir, const std::string& split) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) throw InputError(dir + ": not a directory");
  const fs::path direct = fs::path(dir) / (split + ".txt");
  if (fs::exists(direct)) return direct.string();
  std::vector<std::string> matches;
  for (const auto& e : fs::directory_iterator(dir)) {
    const std::string name = e.path().filename().string();
    const std::string suffix = "." + split + ".txt";
    if (name.size() > suffix.size() && name.compare(name.size() - suffix.size(), suffix.size(), suffix) == 0)
      matches.push_back(e.path().string());
  }
  if (matches.size() != 1)
    throw InputError(dir + ": expected one file " + split + ".txt or *." + split + ".txt, found " +
                     std::to_string(matches.size()));
  return matches[0];
}

std::vector<int64_t> read_token_ids(const std::string& path, const std::vector<std::string>& vocab) {
  if (vocab.empty()) throw InputError(path + ": the checkpoint has no vocabulary (evsim/vocab)");
  std::unordered_map<std::string, int64_t> index;
  for (size_t k = 0; k < vocab.size(); ++k) index.emplace(vocab[k], static_cast<int64_t>(k));
  const auto eos = index.find("<eos>");
  if (eos == index.end()) throw InputError(path + ": the checkpoint's vocabulary has no <eos>");
  register_input(path);  // a regular file: a FIFO would block the read forever
  std::ifstream in(path);
  if (!in) throw InputError(path + ": cannot open");
  // A line is read whole: a file past the budget could be one line (its ids would pass it anyway).
  std::error_code ec;
  const auto bytes = std::filesystem::file_size(path, ec);
  if (!ec) require_memory(static_cast<double>(bytes), path + ": a text file of this size");
  std::vector<int64_t> ids;
  std::string line, word;
  int64_t line_no = 0;
  while (std::getline(in, line)) {
    ++line_no;
    std::istringstream words(line);
    while (words >> word) {
      auto it = index.find(word);
      if (it == index.end())
        throw InputError(path + ":" + std::to_string(line_no) + ": word '" + word +
                         "' is not in the checkpoint's vocabulary (different corpus?)");
      grow_within_budget(ids, path + ": its tokens");
      ids.push_back(it->second);
    }
    grow_within_budget(ids, path + ": its tokens");
    ids.push_back(eos->second);
  }
  if (ids.size() < 2) throw InputError(path + ": no text");
  return ids;
}

Sequence token_streams(const std::vector<int64_t>& ids, int64_t batch, int64_t steps, const std::string& source) {
  if (batch < 1) throw UsageError("batch must be >= 1");
  const int64_t per_stream = static_cast<int64_t>(ids.size()) / batch;
  if (per_stream < 1)
    throw InputError(source + ": " + std::to_string(ids.size()) + " tokens (line ends included), too few for " +
                     std::to_string(batch) + " streams (--batch)");
  if (steps > per_stream)
    throw InputError(source + ": " + std::to_string(steps) + " steps asked, the text gives " +
                     std::to_string(per_stream) + " per stream at batch " + std::to_string(batch));
  const int64_t n = steps > 0 ? steps : per_stream;
  Sequence s(n, batch, 1);
  for (int64_t t = 0; t < n; ++t)
    for (int64_t b = 0; b < batch; ++b)
      s.step(t)(0, b) = static_cast<float>(ids[static_cast<size_t>(b * per_stream + t)]);
  return s;
}

}  // namespace evsim
