#include "core/wavelet_filters.hpp"

#include <Eigen/Eigenvalues>
#include <cmath>
#include <complex>

#include "core/error.hpp"

namespace evsim {
namespace {

using Complex = std::complex<double>;

double binomial(int n, int k) {
  double r = 1;
  for (int i = 1; i <= k; ++i) r = r * double(n - k + i) / double(i);
  return r;
}

// Roots of sum_k c[k] y^k (c.back() != 0) as the eigenvalues of its companion matrix.
std::vector<Complex> roots(const std::vector<double>& c) {
  const int deg = static_cast<int>(c.size()) - 1;
  if (deg < 1) return {};
  Eigen::MatrixXd m = Eigen::MatrixXd::Zero(deg, deg);
  for (int i = 1; i < deg; ++i) m(i, i - 1) = 1.0;
  for (int i = 0; i < deg; ++i) m(i, deg - 1) = -c[static_cast<size_t>(i)] / c.back();
  const Eigen::VectorXcd ev = Eigen::EigenSolver<Eigen::MatrixXd>(m, false).eigenvalues();
  return {ev.data(), ev.data() + ev.size()};
}

// Coefficients (of z^0, z^-1, ...) of prod_j (1 - r_j z^-1).
std::vector<Complex> from_roots(const std::vector<Complex>& r) {
  std::vector<Complex> p{1.0};
  for (const Complex& root : r) {
    std::vector<Complex> q(p.size() + 1, 0.0);
    for (size_t k = 0; k < p.size(); ++k) {
      q[k] += p[k];
      q[k + 1] -= root * p[k];
    }
    p = std::move(q);
  }
  return p;
}

}  // namespace

WaveletFilters daubechies(int n) {
  if (n < 1 || n > 20)
    throw UsageError("wavelet: Daubechies filters db1-db20 are supported, got db" + std::to_string(n));
  std::vector<double> p(static_cast<size_t>(n));
  for (int k = 0; k < n; ++k) p[static_cast<size_t>(k)] = binomial(n - 1 + k, k);
  // Each root y of P gives z + 1/z = 2 - 4y; the root z inside the unit circle is kept.
  std::vector<Complex> inside;
  for (const Complex& y : roots(p)) {
    const Complex b = 2.0 - 4.0 * y, disc = std::sqrt(b * b - 4.0);
    const Complex z1 = (b + disc) / 2.0, z2 = (b - disc) / 2.0;
    inside.push_back(std::abs(z1) < std::abs(z2) ? z1 : z2);
  }
  std::vector<Complex> h = from_roots(inside);
  for (int k = 0; k < n; ++k) {  // times (1 + z^-1)
    std::vector<Complex> q(h.size() + 1, 0.0);
    for (size_t i = 0; i < h.size(); ++i) {
      q[i] += h[i];
      q[i + 1] += h[i];
    }
    h = std::move(q);
  }
  Complex sum = 0;
  for (const Complex& v : h) sum += v;
  WaveletFilters f;
  f.name = "db" + std::to_string(n);
  for (const Complex& v : h) f.rec_lo.push_back((v / sum).real() * std::sqrt(2.0));
  f.dec_lo.assign(f.rec_lo.rbegin(), f.rec_lo.rend());
  for (size_t k = 0; k < f.dec_lo.size(); ++k) f.rec_hi.push_back(k % 2 == 0 ? f.dec_lo[k] : -f.dec_lo[k]);
  f.dec_hi.assign(f.rec_hi.rbegin(), f.rec_hi.rend());
  return f;
}

WaveletFilters wavelet_filters(const std::string& name) {
  if (name == "haar") {
    WaveletFilters f = daubechies(1);
    f.name = "haar";
    return f;
  }
  if (name.size() >= 3 && name.size() <= 4 && name.rfind("db", 0) == 0 &&
      name.find_first_not_of("0123456789", 2) == std::string::npos) {
    const int n = std::stoi(name.substr(2));
    if (n >= 1 && n <= 20) return daubechies(n);
  }
  throw UsageError("wavelet '" + name + "': expected haar or db1-db20");
}

}  // namespace evsim
