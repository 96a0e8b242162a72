#pragma once
// The machine's load average, for measurements that assume the cores are theirs: a parallel
// region on every core waits for its slowest thread, so other work on the cores (a machine
// still starting up, another job) shows up as region costs many times the idle ones (the device
// host two minutes after boot, load average 5.5: 316 us per further thread instead of 0.3-0.4).
#include <string>

namespace evsim {

// The 1-minute load average of /proc/loadavg's text ("5.49 2.26 0.83 2/184 13048"); -1 when
// the text does not start with a number.
double parse_load_average(const std::string& text);
// This machine's (-1 where /proc/loadavg cannot be read).
double load_average();
// Busy enough to distort a measurement on every core: at least one runnable task on average.
inline bool machine_busy(double load) { return load >= 1.0; }

}  // namespace evsim
