#pragma once
// Commands whose work is done by a script of tools/ (plots: matplotlib). The script replaces
// this process, so its one-line errors and its exit status are the command's.
#include <string>
#include <vector>

namespace evsim {

// tools/<script> under EVSIM_TOOLS_DIR (environment), else the source tree's tools/.
std::string tool_path(const std::string& script);

// Runs /usr/bin/python3 tools/<script> args...; returns only by throwing (no interpreter, no
// script, exec failed).
[[noreturn]] void exec_python_tool(const std::string& script, const std::vector<std::string>& args);

}  // namespace evsim
