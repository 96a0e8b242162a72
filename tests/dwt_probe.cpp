// Test helper for tools/tests/test_wavelets.py: the 2-D wavelet transform of an image read from
// stdin (float64, row-major), written to stdout as float64 in pywt.wavedec2's order (approx,
// then (H, V, D) from the coarsest level to the finest), followed by the reconstruction.
#include <cstdio>
#include <string>
#include <vector>

#include "core/dwt2d.hpp"
#include "core/error.hpp"

int main(int argc, char** argv) {
  if (argc != 5) {
    std::fprintf(stderr, "usage: dwt_probe WAVELET LEVELS ROWS COLS < image.f64 > coeffs.f64\n");
    return 2;
  }
  try {
    const int levels = std::stoi(argv[2]);
    const int64_t rows = std::stoll(argv[3]), cols = std::stoll(argv[4]);
    const evsim::Dwt2d dwt(evsim::wavelet_filters(argv[1]), levels, rows, cols);
    std::vector<double> in(static_cast<size_t>(rows * cols));
    if (std::fread(in.data(), sizeof(double), in.size(), stdin) != in.size()) throw evsim::Error("short input");
    const std::vector<float> image(in.begin(), in.end());
    evsim::Wavelet2dCoeffs c;
    dwt.forward(image.data(), c);
    std::vector<float> back(image.size());
    dwt.inverse(c, back.data());
    auto put = [](const std::vector<float>& v) {
      const std::vector<double> d(v.begin(), v.end());
      std::fwrite(d.data(), sizeof(double), d.size(), stdout);
    };
    put(c.approx);
    for (int l = levels; l >= 1; --l)
      for (const auto& band : c.detail[static_cast<size_t>(l - 1)]) put(band);
    put(back);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "evsim: error: %s\n", e.what());
    return 1;
  }
  return 0;
}
