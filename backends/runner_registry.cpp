#include <functional>
#include <utility>

#include "backends/cpu_runner.hpp"
#include "backends/runner.hpp"
#include "core/error.hpp"
#ifdef EVSIM_HAVE_CUDA
#include "backends/cuda/cuda_runner.hpp"
#include "backends/cuda/device_info.hpp"
#endif

namespace evsim {
namespace {

using Factory = std::function<std::unique_ptr<Runner>(Mode, Graph&, const RunnerOptions&)>;

const std::vector<std::pair<std::string, Factory>>& registry() {
  static const std::vector<std::pair<std::string, Factory>> r = {
      {"cpu",
       [](Mode mode, Graph& g, const RunnerOptions& o) -> std::unique_ptr<Runner> {
         if (!o.gpu_profile.empty()) throw UsageError("--gpu-profile applies to --backend cuda only");
         if (o.device >= 0) throw UsageError("a device number applies to --backend cuda only");
         return std::make_unique<CpuRunner>(mode, g, o);
       }},
#ifdef EVSIM_HAVE_CUDA
      {"cuda", cuda::make_cuda_runner},
#endif
  };
  return r;
}

}  // namespace

std::string reference_backend() { return "cpu"; }

int backend_device_count(const std::string& backend) {
#ifdef EVSIM_HAVE_CUDA
  if (backend == "cuda") return cuda::device_count();
#endif
  (void)backend;
  return 0;
}

std::string describe_backend_device(const std::string& backend, int device) {
#ifdef EVSIM_HAVE_CUDA
  if (backend == "cuda") return cuda::describe_device(device);
#endif
  (void)backend;
  (void)device;
  return {};
}

std::vector<std::string> backend_names() {
  std::vector<std::string> names;
  for (const auto& [name, factory] : registry()) names.push_back(name);
  return names;
}

void require_backend(const std::string& backend) {
  for (const auto& n : backend_names())
    if (n == backend) return;
  std::string known;
  for (const auto& n : backend_names()) known += (known.empty() ? "" : ", ") + n;
  const bool cuda_missing = backend == "cuda";
  throw UsageError("unknown backend '" + backend + "' (this build has: " + known + ")" +
                   (cuda_missing ? "; CUDA backends need nvcc at build time (EVSIM_CUDA=ON)" : ""));
}

std::unique_ptr<Runner> make_runner(const std::string& backend, Mode mode, Graph& graph, const RunnerOptions& options) {
  require_backend(backend);
  for (const auto& [name, factory] : registry())
    if (name == backend) return factory(mode, graph, options);
  return nullptr;  // not reached: require_backend named every registered backend
}

}  // namespace evsim
