#pragma once
// Commands whose work is done by a script of tools/ (plots: matplotlib). The script replaces
// this process, so its one-line errors and its exit status are the command's.
#include <optional>
#include <string>
#include <vector>

namespace evsim {

// tools/<script> under EVSIM_TOOLS_DIR (environment), else the source tree's tools/.
std::string tool_path(const std::string& script);

// The interpreter: $EVSIM_PYTHON, else /usr/bin/python3 (Debian's, with its python3-* packages).
std::string python_path();

// Runs python tools/<script> args...; returns only by throwing (no interpreter, no script,
// exec failed).
[[noreturn]] void exec_python_tool(const std::string& script, const std::vector<std::string>& args);

// Runs it as a child and returns its standard output; nullopt when the interpreter or the
// script is missing or the script exits non-zero (its standard error goes to ours).
std::optional<std::string> run_python_tool(const std::string& script, const std::vector<std::string>& args);

}  // namespace evsim
