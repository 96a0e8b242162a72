#include "data/json_file.hpp"

#include <fstream>

#include "core/error.hpp"
#include "data/file_policy.hpp"

namespace evsim {

nlohmann::json read_json_object(const std::string& path, const std::string& what) {
  register_input(path);
  std::ifstream f(path);
  if (!f) throw InputError(path + ": cannot open the " + what);
  nlohmann::json j;
  try {
    j = nlohmann::json::parse(f);
  } catch (const nlohmann::json::exception&) {
    throw InputError(path + ": not a JSON " + what);
  }
  if (!j.is_object()) throw InputError(path + ": expected a JSON object");
  return j;
}

}  // namespace evsim
