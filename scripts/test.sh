#!/usr/bin/env bash
# The whole test suite: set up, build with warnings as errors (reusing what demo.sh built),
# run every test.
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
ensure_packages python3-numpy python3-h5py python3-torch python3-pytest python3-matplotlib python3-scipy python3-pywt python3-brian  # parity tests, reports, Darcy and wavelet checks, the Brian2 reference
build build "${BUILD_FLAGS[@]}"
echo "== ctest [$(date +%T)]"
ctest --test-dir "$ROOT/build" --output-on-failure -j"$(nproc)"
