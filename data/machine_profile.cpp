#include "data/machine_profile.hpp"

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <thread>

#include "core/error.hpp"
#include "data/cpu_profile.hpp"

namespace evsim {
namespace {

std::string cpu_model_name() {
  std::ifstream in("/proc/cpuinfo");
  std::string line;
  while (std::getline(in, line)) {
    if (line.rfind("model name", 0) != 0) continue;
    const size_t colon = line.find(':');
    if (colon == std::string::npos) break;
    const size_t first = line.find_first_not_of(" \t", colon + 1);
    return first == std::string::npos ? std::string() : line.substr(first);
  }
  return {};
}

std::string env(const char* name) {
  const char* v = std::getenv(name);
  return v ? std::string(v) : std::string();
}

}  // namespace

std::string this_cpu() {
  const std::string name = cpu_model_name();
  return (name.empty() ? std::string("unknown CPU") : name) + ", " +
         std::to_string(std::thread::hardware_concurrency()) + " hardware threads";
}

std::optional<std::string> machine_profile_path() {
  const std::string set = env("EVSIM_CPU_PROFILE");
  if (set == "off") return std::nullopt;
  if (!set.empty()) return set;
  if (const std::string xdg = env("XDG_CONFIG_HOME"); !xdg.empty()) return xdg + "/evsim/cpu_profile.json";
  if (const std::string home = env("HOME"); !home.empty()) return home + "/.config/evsim/cpu_profile.json";
  return std::nullopt;
}

std::string machine_profile_output() {
  const std::optional<std::string> path = machine_profile_path();
  if (!path) return "evsim_cpu_profile.json";
  const std::filesystem::path dir = std::filesystem::path(*path).parent_path();
  std::error_code ec;
  if (!dir.empty() && !std::filesystem::create_directories(dir, ec) && ec)
    throw InputError(dir.string() + ": cannot create this machine's profile directory (" + ec.message() +
                     "; --output FILE writes elsewhere)");
  return *path;
}

MachineProfile find_machine_profile() {
  const std::optional<std::string> path = machine_profile_path();
  std::error_code ec;
  if (!path || !std::filesystem::exists(*path, ec)) return {};
  CpuCostModel m;
  try {
    m = read_cpu_profile(*path);
  } catch (const InputError& e) {
    throw InputError(std::string(e.what()) +
                     " (this machine's CPU profile: `evsim calibrate --backend cpu` rewrites it, "
                     "EVSIM_CPU_PROFILE=off skips it)");
  }
  const std::string here = this_cpu();
  if (m.cpu != here)
    return {std::nullopt, *path + " was calibrated on " + (m.cpu.empty() ? std::string("an unnamed CPU") : m.cpu) +
                              ", this is " + here +
                              ": built-in constants (`evsim calibrate --backend cpu` measures these)"};
  return {m, {}};
}

}  // namespace evsim
