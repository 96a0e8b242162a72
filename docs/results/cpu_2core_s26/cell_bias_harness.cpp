#include <algorithm>
#include <chrono>
#include <cstdio>
#include <random>
#include <vector>
#include "neurons/egru_cell.hpp"
#include "core/threads.hpp"
using namespace evsim;
int main() {
  for (auto [H, B] : {std::pair<long, long>{512, 10}, {2048, 1}, {512, 64}}) {
    std::mt19937 rng(1); std::normal_distribution<float> n(0, 1);
    Matrix a = Matrix::NullaryExpr(3 * H, B, [&] { return n(rng); }), h = Matrix::NullaryExpr(3 * H, B, [&] { return n(rng); });
    Vector bi = Vector::NullaryExpr(3 * H, [&] { return n(rng); }), bh = Vector::NullaryExpr(3 * H, [&] { return n(rng); });
    EgruCell c1(Vector::Constant(H, 0.3f)), c2(Vector::Constant(H, 0.3f)); c1.reset(B); c2.reset(B);
    Matrix y1, y2, a_, h_;
    std::vector<double> t1, t2;
    for (int rep = 0; rep < 4000; ++rep) {
      auto t0 = std::chrono::steady_clock::now();
      if (rep & 1) { c2.step(a, bi, h, bh, y2); t2.push_back(std::chrono::duration<double, std::micro>(std::chrono::steady_clock::now() - t0).count()); }
      else { a_ = a; a_.colwise() += bi; h_ = h; h_.colwise() += bh; c1.step(a_, h_, y1); t1.push_back(std::chrono::duration<double, std::micro>(std::chrono::steady_clock::now() - t0).count()); }
    }
    std::sort(t1.begin(), t1.end()); std::sort(t2.begin(), t2.end());
    std::printf("H %ld B %ld: copy+add+cell %.2f us [p10 %.2f p90 %.2f], fused %.2f us [%.2f %.2f]; same y %d same c %d\n", H, B, t1[t1.size()/2], t1[t1.size()/10], t1[t1.size()*9/10], t2[t2.size()/2], t2[t2.size()/10], t2[t2.size()*9/10], y1 == y2, c1.cell() == c2.cell());
  }
}
