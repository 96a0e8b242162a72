#include "data/darcy_solver.hpp"

#include <Eigen/SparseCholesky>
#include <Eigen/SparseCore>
#include <string>

#include "core/error.hpp"

namespace evsim {

std::vector<double> solve_darcy(const std::vector<double>& a, int64_t size, double f) {
  if (size < 3) throw UsageError("darcy: the grid needs at least 3 x 3 nodes, got " + std::to_string(size));
  if (static_cast<int64_t>(a.size()) != size * size) throw Error("darcy: coefficient size does not match the grid");
  for (double v : a)
    if (!(v > 0)) throw UsageError("darcy: the coefficient must be positive everywhere");
  const int64_t m = size - 2;  // interior nodes per side
  const double inv_h2 = static_cast<double>((size - 1) * (size - 1));
  auto at = [&](int64_t i, int64_t j) { return a[static_cast<size_t>(i * size + j)]; };
  auto unknown = [&](int64_t i, int64_t j) { return (i - 1) * m + (j - 1); };  // interior (i, j)
  std::vector<Eigen::Triplet<double>> t;
  t.reserve(static_cast<size_t>(5 * m * m));
  for (int64_t i = 1; i <= m; ++i)
    for (int64_t j = 1; j <= m; ++j) {
      const int64_t p = unknown(i, j);
      double diag = 0;
      const int64_t di[4] = {-1, 1, 0, 0}, dj[4] = {0, 0, -1, 1};
      for (int q = 0; q < 4; ++q) {
        const int64_t ni = i + di[q], nj = j + dj[q];
        const double face = 0.5 * (at(i, j) + at(ni, nj)) * inv_h2;
        diag += face;
        // A boundary neighbour is zero: its term moves nothing to the right-hand side.
        if (ni >= 1 && ni <= m && nj >= 1 && nj <= m) t.emplace_back(p, unknown(ni, nj), -face);
      }
      t.emplace_back(p, p, diag);
    }
  Eigen::SparseMatrix<double> A(m * m, m * m);
  A.setFromTriplets(t.begin(), t.end());
  Eigen::SimplicialLDLT<Eigen::SparseMatrix<double>> solver(A);
  if (solver.info() != Eigen::Success) throw Error("darcy: the finite-difference matrix could not be factorised");
  const Eigen::VectorXd u_in = solver.solve(Eigen::VectorXd::Constant(m * m, f));
  std::vector<double> u(static_cast<size_t>(size * size), 0.0);
  for (int64_t i = 1; i <= m; ++i)
    for (int64_t j = 1; j <= m; ++j) u[static_cast<size_t>(i * size + j)] = u_in[unknown(i, j)];
  return u;
}

}  // namespace evsim
