#pragma once
// -div(a grad u) = f on the unit square, u = 0 on the boundary, by second-order finite
// differences on an s x s grid of nodes (spacing h = 1 / (s - 1), the boundary nodes included):
//   (1/h^2) sum over the 4 neighbours q of a_pq (u_p - u_q) = f   at every interior node p,
// with a_pq = (a_p + a_q) / 2 on the face between p and q. The matrix is symmetric positive
// definite; Eigen's sparse Cholesky (SimplicialLDLT, AMD ordering) solves it in double.
#include <cstdint>
#include <vector>

namespace evsim {

// a: row-major s x s, every value > 0. Returns u, row-major s x s (zeros on the boundary).
std::vector<double> solve_darcy(const std::vector<double>& a, int64_t size, double f = 1.0);

}  // namespace evsim
