// Throwaway: grouped row slices at a batch, one thread, in cache; ns per entry and group.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <random>
#include <vector>

#include "network/row_slices.hpp"

using namespace evsim;

int main(int argc, char** argv) {
  const int64_t rows = atoi(argv[1]), cols = atoi(argv[2]), batch = atoi(argv[4]);
  const double dens = atof(argv[3]);
  const int reps = argc > 5 ? atoi(argv[5]) : 200;
  std::mt19937_64 rng(7);
  std::uniform_real_distribution<float> u(-1, 1);
  std::bernoulli_distribution keep(dens);
  Matrix w = Matrix::Zero(rows, cols);
  for (int64_t j = 0; j < cols; ++j)
    for (int64_t i = 0; i < rows; ++i)
      if (keep(rng)) w(i, j) = u(rng);
  const RowSlices s = RowSlices::from_csc(CscMatrix::from_dense(w));
  GatheredInputs in;
  in.x = Matrix::Zero(cols, batch);
  for (int64_t j = 0; j < cols; ++j) {
    in.active.push_back(uint32_t(j));
    for (int64_t b = 0; b < batch; ++b) in.x(j, b) = u(rng);
  }
  Matrix y = Matrix::Zero(rows, batch);
  std::vector<double> t;
  for (int r = 0; r < reps; ++r) {
    auto t0 = std::chrono::steady_clock::now();
    gather_row_slices(s, in, y, 1);
    t.push_back(std::chrono::duration<double, std::nano>(std::chrono::steady_clock::now() - t0).count());
  }
  std::sort(t.begin(), t.end());
  const double groups = double((batch + 15) / 16);
  double sum = 0; for (int64_t i = 0; i < y.size(); ++i) sum += y.data()[i];
  printf("%lld x %lld d=%.2f b=%lld: %.1f us [%.1f-%.1f], %.3f ns/entry/group (checksum %.6g)\n", (long long)rows,
         (long long)cols, dens, (long long)batch, t[t.size() / 2] / 1e3, t[t.size() / 10] / 1e3,
         t[t.size() * 9 / 10] / 1e3, t[t.size() / 2] / (double(s.entries()) * groups), sum);
}
