#include "core/threads.hpp"

#include <algorithm>
#include <thread>

namespace evsim {
namespace {

int g_threads = 0;  // 0: not set yet

}  // namespace

int cpu_threads() {
  if (g_threads == 0) set_cpu_threads(static_cast<int>(std::max(1u, std::thread::hardware_concurrency())));
  return g_threads;
}

void set_cpu_threads(int n) {
  g_threads = std::max(1, n);  // Eigen stays on one thread: network/dense_product.cpp
}

}  // namespace evsim
