"""What the Brian2 timing harnesses (tools/bench_brian2_*.py) share: a fresh C++ standalone
device, building the network set up on it and timing its runs, and evsim's own end-to-end time.

  device = standalone(b2, directory)      # then build the network and call b2.run / net.run
  runs, walls, spikes = time_standalone(b2, directory, repeats)
"""
import glob
import os
import re
import subprocess
import time

import numpy as np


def standalone(b2, directory):
    """A fresh cpp_standalone device in `directory`, one thread (reinit clears an earlier network)."""
    b2.set_device("cpp_standalone", directory=directory, build_on_run=False)
    b2.device.reinit()
    b2.set_device("cpp_standalone", directory=directory, build_on_run=False)
    b2.prefs.devices.cpp_standalone.openmp_threads = 0


def time_standalone(b2, directory, repeats):
    """Builds the network run on the device, runs it `repeats` times: Brian2's own run times
    (results/last_run_info.txt), the process walls and the spikes of its (first) SpikeMonitor."""
    b2.device.build(directory=directory, compile=True, run=False)
    runs, walls = [], []
    for _ in range(repeats):
        t = time.time()
        subprocess.run(["./main"], cwd=directory, check=True, capture_output=True)
        walls.append(time.time() - t)
        runs.append(float(open(os.path.join(directory, "results", "last_run_info.txt")).read().split()[0]))
    counts = glob.glob(os.path.join(directory, "results", "_array_spikemonitor_N_*"))
    spikes = int(np.fromfile(counts[0], dtype=np.int32)[0]) if counts else None
    return runs, walls, spikes


def evsim_seconds(stdout):
    """The `... <time> end to end` of an evsim run, in seconds."""
    m = re.search(r"([\d.]+) (us|ms|s) end to end", stdout)
    return float(m.group(1)) * {"us": 1e-6, "ms": 1e-3, "s": 1.0}[m.group(2)]


def median(values):
    return sorted(values)[len(values) // 2]
