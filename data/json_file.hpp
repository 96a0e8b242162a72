#pragma once
// A JSON object from a file the user named (profiles): registered as the command's input, with
// one-line errors naming the file and what it should have been.
#include <nlohmann/json.hpp>
#include <string>

namespace evsim {

// InputError "<path>: cannot open the <what>" / "not a JSON <what>" / "expected a JSON object".
nlohmann::json read_json_object(const std::string& path, const std::string& what);

}  // namespace evsim
