#include "core/threads.hpp"

#include <algorithm>
#include <cstdlib>
#include <thread>

namespace evsim {
namespace {

int g_threads = 0;  // 0: not set yet

}  // namespace

int default_cpu_threads(const char* omp_num_threads, unsigned cores) {
  const int all = static_cast<int>(std::max(1u, cores));
  if (omp_num_threads == nullptr) return all;
  const char* p = omp_num_threads;
  while (*p == ' ') ++p;
  char* end = nullptr;
  const long n = std::strtol(p, &end, 10);
  const bool whole = end != p && (*end == '\0' || *end == ',') && *p != '-' && *p != '+';
  return whole && n >= 1 && n <= (1 << 16) ? static_cast<int>(n) : all;
}

int cpu_threads() {
  if (g_threads == 0)
    set_cpu_threads(default_cpu_threads(std::getenv("OMP_NUM_THREADS"), std::thread::hardware_concurrency()));
  return g_threads;
}

void set_cpu_threads(int n) {
  g_threads = std::max(1, n);  // Eigen stays on one thread: network/dense_product.cpp
}

}  // namespace evsim
