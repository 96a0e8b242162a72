#pragma once
// Plain-text table for stdout: left-aligned first column, right-aligned numbers.
#include <string>
#include <vector>

namespace evsim {

class Table {
 public:
  explicit Table(std::vector<std::string> header) : header_(std::move(header)) {}
  void add(std::vector<std::string> row) { rows_.push_back(std::move(row)); }
  std::string str() const;

 private:
  std::vector<std::string> header_;
  std::vector<std::vector<std::string>> rows_;
};

std::string fmt_count(double v);              // 1.23M, 45.6k, 789
std::string fmt_fixed(double v, int digits);  // fixed point
std::string fmt_pct(double fraction);         // 12.3%
std::string fmt_time(double seconds);         // 12.3 ms / 45 us

}  // namespace evsim
