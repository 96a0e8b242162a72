#include "data/python_tool.hpp"

#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>

#include "core/error.hpp"

namespace evsim {

extern "C" char** environ;

namespace {

std::vector<std::string> tool_argv(const std::string& script, const std::vector<std::string>& args) {
  std::vector<std::string> argv{python_path(), tool_path(script)};
  argv.insert(argv.end(), args.begin(), args.end());
  return argv;
}

std::vector<char*> c_argv(std::vector<std::string>& argv) {
  std::vector<char*> c;
  for (auto& a : argv) c.push_back(a.data());
  c.push_back(nullptr);
  return c;
}

}  // namespace

std::string python_path() {
  const char* p = std::getenv("EVSIM_PYTHON");
  return p && *p ? p : "/usr/bin/python3";
}

std::string tool_path(const std::string& script) {
  const char* dir = std::getenv("EVSIM_TOOLS_DIR");
  return std::string(dir && *dir ? dir : EVSIM_TOOLS_DIR) + "/" + script;
}

void exec_python_tool(const std::string& script, const std::vector<std::string>& args) {
  const std::string python = python_path();
  if (::access(python.c_str(), X_OK) != 0)
    throw UsageError(python + ": not found (apt-get install python3 python3-matplotlib)");
  const std::string path = tool_path(script);
  if (::access(path.c_str(), R_OK) != 0)
    throw UsageError(path + ": not found (set EVSIM_TOOLS_DIR to the tools/ folder of evsim's sources)");
  std::vector<std::string> argv = tool_argv(script, args);
  std::fflush(nullptr);
  ::execv(python.c_str(), c_argv(argv).data());
  throw Error("cannot run " + python + ": " + std::strerror(errno));
}

std::optional<std::string> run_python_tool(const std::string& script, const std::vector<std::string>& args) {
  const std::string python = python_path();
  if (::access(python.c_str(), X_OK) != 0 || ::access(tool_path(script).c_str(), R_OK) != 0) return std::nullopt;
  int fd[2];
  if (::pipe(fd) != 0) return std::nullopt;
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, fd[1], STDOUT_FILENO);
  posix_spawn_file_actions_addclose(&actions, fd[0]);
  std::vector<std::string> argv = tool_argv(script, args);
  pid_t pid = 0;
  std::fflush(nullptr);
  const int rc = ::posix_spawn(&pid, python.c_str(), &actions, nullptr, c_argv(argv).data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  ::close(fd[1]);
  std::string out;
  char buf[4096];
  for (ssize_t n; rc == 0 && (n = ::read(fd[0], buf, sizeof buf)) != 0;) {
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) break;
    out.append(buf, static_cast<size_t>(n));
  }
  ::close(fd[0]);
  int status = 0;
  if (rc != 0 || ::waitpid(pid, &status, 0) != pid) return std::nullopt;
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) return std::nullopt;
  return out;
}

}  // namespace evsim
