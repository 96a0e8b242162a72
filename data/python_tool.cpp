#include "data/python_tool.hpp"

#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>

#include "core/error.hpp"

namespace evsim {

namespace {
constexpr const char* kPython = "/usr/bin/python3";  // Debian's, with its python3-* packages
}

std::string tool_path(const std::string& script) {
  const char* dir = std::getenv("EVSIM_TOOLS_DIR");
  return std::string(dir && *dir ? dir : EVSIM_TOOLS_DIR) + "/" + script;
}

void exec_python_tool(const std::string& script, const std::vector<std::string>& args) {
  if (::access(kPython, X_OK) != 0)
    throw UsageError(std::string(kPython) + ": not found (apt-get install python3 python3-matplotlib)");
  const std::string path = tool_path(script);
  if (::access(path.c_str(), R_OK) != 0)
    throw UsageError(path + ": not found (set EVSIM_TOOLS_DIR to the tools/ folder of evsim's sources)");
  std::vector<std::string> argv{kPython, path};
  argv.insert(argv.end(), args.begin(), args.end());
  std::vector<char*> cargv;
  for (auto& a : argv) cargv.push_back(a.data());
  cargv.push_back(nullptr);
  std::fflush(nullptr);
  ::execv(kPython, cargv.data());
  throw Error(std::string("cannot run ") + kPython + ": " + std::strerror(errno));
}

}  // namespace evsim
