// Readout 16 x 512 at 18.8 % density, 20 % activity: plain short columns vs expanded-from-packed,
// in cache and with an eviction pass (EVICT MB) between calls.
#include <immintrin.h>
#include <x86intrin.h>
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <random>
#include <vector>
#include "network/short_columns.hpp"
#include "network/gathered_delivery.hpp"
#include "core/nonzero.hpp"
#include "network/dense_product.hpp"
using namespace evsim;
int main(int argc, char** argv) {
  const int64_t rows = 16, cols = 512; int64_t batch = argc > 1 ? atoi(argv[1]) : 10;
  const double evict_mb = argc > 2 ? atof(argv[2]) : 0;
  std::mt19937_64 rng(7); std::uniform_real_distribution<float> u(-1, 1); std::bernoulli_distribution dw(0.188), dx(0.2);
  Matrix w = Matrix::Zero(rows, cols);
  for (int64_t j = 0; j < cols; ++j) for (int64_t i = 0; i < rows; ++i) if (dw(rng)) w(i, j) = u(rng);
  ShortColumns plain = ShortColumns::from_dense(w);
  // packed: per column a 16-bit mask, a start, the non-zeros
  std::vector<uint16_t> mask(cols); std::vector<uint32_t> start(cols + 1); std::vector<float> packed;
  for (int64_t j = 0; j < cols; ++j) { start[j] = packed.size(); uint16_t m = 0;
    for (int64_t i = 0; i < rows; ++i) if (w(i, j) != 0) { m |= 1u << i; packed.push_back(w(i, j)); } mask[j] = m; }
  start[cols] = packed.size(); packed.resize(packed.size() + 16, 0.0f);
  ShortColumns scratch; scratch.rows = rows; scratch.w = Matrix::Zero(16, cols);
  GatheredInputs in; in.x = Matrix::Zero(cols, batch);
  for (int64_t b = 0; b < batch; ++b) for (int64_t j = 0; j < cols; ++j) if (dx(rng)) in.x(j, b) = u(rng);
  std::vector<uint16_t> seen((cols + 15) / 16, 0);
  for (int64_t j = 0; j < cols; ++j) { bool a = false; for (int64_t b = 0; b < batch; ++b) a |= in.x(j, b) != 0; if (a) in.active.push_back(j); }
  list_sample_events(in);
  in.events = 0; for (auto e : in.sample_events) in.events += e;
  std::vector<char> junk(static_cast<size_t>(evict_mb * (1 << 20)) + 64);
  Matrix y1 = Matrix::Zero(rows, batch), y2 = y1;
  auto evict = [&] { volatile char s = 0; for (size_t i = 0; i < junk.size(); i += 64) { junk[i]++; } (void)s; };
  std::vector<double> tp, te, tt, td; Matrix y3 = y1, y4 = y1;
  for (int rep = 0; rep < 4004; ++rep) {
    const int which = rep % 4;
    evict();
    unsigned long long t0 = __rdtsc();
    if (which == 0) { y1.setZero(); gather_short_columns(plain, in, y1, 1); }
    else if (which == 2) {  // a sequential pass over the matrix's lines first (the L2 streamer), then the kernel
      y3.setZero();
      const float* p = plain.w.data(); const int64_t lines = plain.w.size() / 16;
      __m512 acc = _mm512_setzero_ps();
      for (int64_t k = 0; k < lines; k += 4) acc = _mm512_or_ps(acc, _mm512_or_ps(_mm512_or_ps(_mm512_load_ps(p + 16 * k), _mm512_load_ps(p + 16 * k + 16)), _mm512_or_ps(_mm512_load_ps(p + 16 * k + 32), _mm512_load_ps(p + 16 * k + 48))));
      volatile float sink = _mm512_reduce_add_ps(acc); (void)sink;
      gather_short_columns(plain, in, y3, 1);
    } else if (which == 3) { y4.setZero(); dense_product_add(w, in.x, y4, 1); }
    else {
      y2.setZero();
      float* s = scratch.w.data();
      for (uint32_t j : in.active) {
        const __m512 v = _mm512_maskz_expand_ps(mask[j], _mm512_loadu_ps(packed.data() + start[j]));
        _mm512_store_ps(s + 16 * j, v);
      }
      gather_short_columns(scratch, in, y2, 1);
    }
    unsigned long long t1 = __rdtsc();
    (which == 0 ? tp : which == 1 ? te : which == 2 ? tt : td).push_back(double(t1 - t0));
  }
  std::sort(tp.begin(), tp.end()); std::sort(te.begin(), te.end()); std::sort(tt.begin(), tt.end()); std::sort(td.begin(), td.end());
  double md = 0; for (int64_t k = 0; k < y1.size(); ++k) md = std::max<double>(md, std::abs(y1.data()[k] - y2.data()[k]));
  auto med = [](std::vector<double>& v) { return v[v.size() / 2]; };
  std::printf("   touch+plain %.0f [%.0f-%.0f]  dense product %.0f [%.0f-%.0f]\n", med(tt), tt[tt.size()/10], tt[tt.size()*9/10], med(td), td[td.size()/10], td[td.size()*9/10]);
  std::printf("batch %ld evict %.1f MB: union %zu events %ld  plain %.0f [%.0f-%.0f]  expanded %.0f [%.0f-%.0f] TSC cycles  ratio %.2f  maxdiff %g\n",
    batch, evict_mb, in.active.size(), in.events, tp[tp.size()/2], tp[tp.size()/10], tp[tp.size()*9/10], te[te.size()/2], te[te.size()/10], te[te.size()*9/10], tp[tp.size()/2]/te[te.size()/2], md);
}
