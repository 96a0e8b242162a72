#!/usr/bin/env bash
# The main job: set up, build, and compare dense vs event execution of the embedded
# default model (3-layer EGRU, 80 % pruned, ~20 % activity). Extra arguments go to
# `evsim compare` (e.g. a checkpoint path).
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
ensure_packages
build build "${BUILD_FLAGS[@]}" -- evsim
echo "== evsim compare $*"
"$ROOT/build/evsim" compare "$@"
