// Throwaway: a 16 x 512 readout's product at batch 10 (event mode's deliver_product, dense mode's
// kernel), timed alone after other work between calls: nothing; dense-like (the product over a
// 1536 x 512 matrix, as dense mode's EGRU layers run it); event-like (pruned columns and row
// slices over the same matrix at 10 % density); event-like plus a 4 MB read (dense mode's data
// traffic without its code). Medians of N calls, one thread.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <random>
#include <vector>

#include "core/nonzero.hpp"
#include "network/blocked_csc.hpp"
#include "network/dense_product.hpp"
#include "network/matrix_projection.hpp"
#include "network/row_slices.hpp"

using namespace evsim;

int main(int argc, char** argv) {
  const int n = argc > 1 ? atoi(argv[1]) : 2000;
  std::mt19937_64 rng(5);
  std::uniform_real_distribution<float> u(-1, 1);
  auto rnd = [&](int64_t r, int64_t c, double d) {
    Matrix w(r, c);
    for (int64_t i = 0; i < w.size(); ++i) w.data()[i] = std::bernoulli_distribution(d)(rng) ? u(rng) : 0.0f;
    return w;
  };
  const MatrixProjection readout(rnd(16, 512, 1.0));
  const Matrix big = rnd(1536, 512, 1.0), pruned = rnd(1536, 512, 0.1);
  const BlockedCsc sparse = BlockedCsc::from_dense(pruned, 1536);
  const RowSlices slices = RowSlices::from_csc(CscMatrix::from_dense(pruned));
  GatheredInputs in;
  in.x = rnd(512, 10, 0.2);
  for (int64_t j = 0; j < 512; ++j)
    if ((in.x.row(j).array() != 0.0f).any()) in.active.push_back(uint32_t(j));
  list_sample_events(in);
  GatheredInputs all = in;
  all.x = rnd(512, 10, 1.0);
  all.active.clear();
  for (uint32_t j = 0; j < 512; ++j) all.active.push_back(j);
  list_sample_events(all);
  std::vector<float> junk(1 << 20, 1.0f);
  Matrix y(16, 10), yb(1536, 10);
  volatile float sink = 0;
  auto dense_like = [&] { yb.setZero(); dense_product_add(big, all.x, yb, 1); };
  auto event_like = [&] {
    yb.setZero();
    gather_sparse_columns(sparse, in, yb, 1);
    gather_row_slices(slices, all, yb, 1);
  };
  auto sweep = [&] { float s = 0; for (size_t k = 0; k < junk.size(); k += 16) s += junk[k]; sink = sink + s; };
  const char* names[] = {"alone", "after dense-like", "after event-like", "after event-like + 4 MB read"};
  for (int round = 0; round < 2; ++round)
    for (int mode = 0; mode < 4; ++mode) {
      std::vector<double> t;
      for (int i = 0; i < n; ++i) {
        if (mode == 1) dense_like();
        if (mode >= 2) event_like();
        if (mode == 3) sweep();
        const auto a = std::chrono::steady_clock::now();
        y.setZero();
        readout.deliver_product(in.x, y);
        t.push_back(std::chrono::duration<double, std::nano>(std::chrono::steady_clock::now() - a).count());
      }
      std::sort(t.begin(), t.end());
      printf("round %d, readout product %-30s %6.0f ns [%0.f-%0.f]\n", round + 1, names[mode], t[t.size() / 2],
             t[t.size() / 10], t[t.size() * 9 / 10]);
    }
}
