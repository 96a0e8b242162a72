#include "data/sequence_io.hpp"

#include <cmath>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "core/error.hpp"
#include "core/memory_budget.hpp"
#include "data/atomic_file.hpp"
#include "data/file_policy.hpp"
#include "data/h5.hpp"
#include "data/isolated.hpp"
#include "data/model_spec_codec.hpp"

namespace evsim {
namespace {

Sequence read_dataset(const std::string& path, const std::string& name, bool tokens) {
  h5::Id file = h5::open_file(path);
  if (!h5::exists(file.get(), name)) {
    const char* other = tokens ? "input" : "tokens";
    std::string hint = h5::exists(file.get(), other)
                           ? std::string(" (it has '") + other + "', which " +
                                 (tokens ? "suits models without an Embedding)" : "is for Embedding models)")
                           : "";
    throw InputError("dataset '" + name + "' missing" + hint);
  }
  Array a = h5::read(file.get(), name);
  const int want_rank = tokens ? 2 : 3;
  const auto want_kind = tokens ? Array::Kind::Int : Array::Kind::Float;
  if (a.kind != want_kind || a.rank() != want_rank)
    throw InputError("dataset '" + name + "': expected " + (tokens ? "int64 (T x B)" : "float32 (T x B x N)") +
                     ", got " + kind_name(a.kind) + " " + shape_str(a.shape));
  Sequence s(a.shape[0], a.shape[1], tokens ? 1 : a.shape[2]);
  if (tokens) {
    for (size_t k = 0; k < a.i.size(); ++k) {
      if (a.i[k] < 0 || a.i[k] >= (1 << 24))
        throw InputError("dataset 'tokens': invalid token id " + std::to_string(a.i[k]));
      s.data[k] = static_cast<float>(a.i[k]);
    }
  } else {
    for (size_t k = 0; k < a.f.size(); ++k)
      if (!std::isfinite(a.f[k]))
        throw InputError("dataset 'input': non-finite value at flat index " + std::to_string(k));
    s.data = std::move(a.f);
  }
  return s;
}

void write_sequence(const std::string& path, const std::string& name, const Sequence& s, bool as_int) {
  AtomicFile out(path);
  try {
    h5::Id file = h5::create_file(out.temp_path());
    if (as_int) {
      std::vector<int64_t> ids(s.data.begin(), s.data.end());
      h5::write(file.get(), name, Array::ints({s.steps, s.batch}, std::move(ids)));
    } else {
      h5::write(file.get(), name, Array::floats({s.steps, s.batch, s.width}, s.data));
    }
    h5::close_file(file);
  } catch (const Error& e) {
    throw Error(path + ": " + e.what());
  }
  out.commit();
}

}  // namespace

Sequence read_input(const std::string& path, bool tokens) {
  register_input(path);
  return decode_sequence(run_isolated(
      [&] {
        try {
          return encode_sequence(read_dataset(path, tokens ? "tokens" : "input", tokens));
        } catch (const Error& e) {
          throw InputError(path + ": " + e.what());
        }
      },
      path));
}

void write_input(const std::string& path, const Sequence& input) { write_sequence(path, "input", input, false); }
void write_tokens(const std::string& path, const Sequence& tokens) { write_sequence(path, "tokens", tokens, true); }
void write_output(const std::string& path, const Sequence& output) { write_sequence(path, "output", output, false); }

Sequence read_output(const std::string& path) {
  try {
    return read_dataset(path, "output", false);
  } catch (const Error& e) {
    throw InputError(path + ": " + e.what());
  }
}

Sequence read_csv_columns(const std::string& path, const std::vector<int>& columns) {
  register_input(path);
  std::ifstream in(path);
  if (!in) throw InputError(path + ": cannot open CSV file");
  // A line is read whole: a file past the budget could be one line (its cells would pass it anyway).
  std::error_code ec;
  const auto bytes = std::filesystem::file_size(path, ec);
  if (!ec) require_memory(static_cast<double>(bytes), path + ": a CSV file of this size");
  std::vector<float> data;
  std::string line;
  int64_t steps = 0;
  while (std::getline(in, line)) {
    if (line.empty()) continue;
    std::vector<float> row;
    std::stringstream ss(line);
    std::string cell;
    while (std::getline(ss, cell, ',')) {
      try {
        row.push_back(std::stof(cell));
      } catch (const std::exception&) {
        throw InputError(path + ": line " + std::to_string(steps + 1) + ": '" + cell + "' is not a number");
      }
    }
    for (int c : columns) {
      if (c < 0 || c >= static_cast<int>(row.size()))
        throw InputError(path + ": line " + std::to_string(steps + 1) + " has no column " + std::to_string(c));
      grow_within_budget(data, path + ": its selected cells");
      data.push_back(row[static_cast<size_t>(c)]);
    }
    ++steps;
  }
  if (steps == 0) throw InputError(path + ": no rows");
  Sequence s(steps, 1, static_cast<int64_t>(columns.size()));
  s.data = std::move(data);
  return s;
}

}  // namespace evsim
