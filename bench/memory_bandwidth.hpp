#pragma once
// The CPU's read bandwidth as the byte floor's denominator: a threaded sum over a buffer
// well past the last-level cache, best of a few passes, measured in the same run as the cases
// it is compared with.
namespace evsim {

double cpu_read_bandwidth(int threads);  // bytes per second

}  // namespace evsim
