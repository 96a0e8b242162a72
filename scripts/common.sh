# Shared by the scripts: install what is missing (as root), then configure and build, one line
# per stage (and per 10 % of the build) so a long first build never looks stuck.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
PACKAGES=(build-essential cmake libhdf5-dev libeigen3-dev libcli11-dev nlohmann-json3-dev libgtest-dev
          libbenchmark-dev libopenmpi-dev openmpi-bin libfftw3-dev)
# Both scripts configure build/ with these flags, so the test command reuses what the demo built.
BUILD_FLAGS=(-DEVSIM_WERROR=ON)

ensure_packages() {
  local missing=()
  for p in "${PACKAGES[@]}" "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  if [ ${#missing[@]} -eq 0 ]; then
    echo "== packages: all present [$(date +%T)]"
    return 0
  fi
  if [ "$(id -u)" -ne 0 ]; then
    echo "evsim: missing Debian packages: ${missing[*]} (run as root, or: sudo apt-get install ${missing[*]})" >&2
    exit 1
  fi
  echo "== packages: installing ${missing[*]} [$(date +%T)]"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

# build DIR [cmake options...] [-- targets...]
build() {
  local dir=$1; shift
  local opts=() targets=()
  while [ $# -gt 0 ] && [ "$1" != "--" ]; do opts+=("$1"); shift; done
  [ $# -gt 0 ] && shift && targets=("$@")
  [ -d /usr/local/cuda/bin ] && export PATH="$PATH:/usr/local/cuda/bin"
  echo "== configure $dir ${opts[*]} [$(date +%T)]"
  cmake -S "$ROOT" -B "$ROOT/$dir" -DCMAKE_BUILD_TYPE=Release "${opts[@]}" >"$ROOT/$dir.configure.log" 2>&1 \
    || { cat "$ROOT/$dir.configure.log"; exit 1; }
  grep -m1 "CUDA backends" "$ROOT/$dir.configure.log" | sed 's/^-- /   /'
  echo "== build $dir ${targets[*]:-(all)} with $(nproc) jobs (log: $dir.build.log) [$(date +%T)]"
  local t=()
  for x in "${targets[@]}"; do t+=(--target "$x"); done
  if ! cmake --build "$ROOT/$dir" -j"$(nproc)" "${t[@]}" 2>&1 | tee "$ROOT/$dir.build.log" \
      | awk '/^\[ *[0-9]+%\]/ { p = substr($0, 2, 3) + 0; if (p >= next_p) { printf "   %d%%\n", p; fflush(); next_p = p - p % 10 + 10 } }'; then
    grep -E "error|Error" "$ROOT/$dir.build.log" | head -20
    exit 1
  fi
}
