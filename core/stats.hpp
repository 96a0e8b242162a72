#pragma once
// Summaries of repeated timings: the median we report and the spread beside it.
#include <vector>

namespace evsim {

double median(std::vector<double> v);

struct Spread {
  double min = 0, q1 = 0, median = 0, q3 = 0, max = 0;
  int n = 0;
};

// Quartiles by linear interpolation between order statistics (numpy's default).
Spread spread_of(std::vector<double> v);

// Two timings are told apart only when their [min, max] ranges do not overlap.
bool ranges_overlap(const Spread& a, const Spread& b);

}  // namespace evsim
