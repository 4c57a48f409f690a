#!/usr/bin/env bash
# Installs the Debian packages parley builds and tests with, only those that are missing.
set -euo pipefail
packages=(
  cmake make g++ pkg-config clang-format
  libeigen3-dev libboost-dev libboost-random-dev libcli11-dev nlohmann-json3-dev
  libvalijson-dev libpugixml-dev libgtest-dev ccache libgmock-dev libbenchmark-dev hyperfine
  # The Python module (docs/python.md): built for and tested with the system Python.
  python3-dev pybind11-dev python3-pybind11 python3-pytest python3-numpy python3-pandas
  python3-setuptools python3-pip python3-matplotlib python3-venv
  # parley report inlines Vega (Debian ships it as one file per module) into its HTML, and the
  # report's browser test loads the pages in headless chromium.
  libjs-vega chromium
  # The sanitizer builds and the libFuzzer targets (make test-all, make fuzz) use clang.
  clang libclang-rt-14-dev
  # parley classroom: its HTTP server and class store; its browser test drives
  # chromium through chromedriver with selenium.
  libcpp-httplib-dev libsqlite3-dev chromium-driver python3-selenium
  # parley-mpi, one sweep across the ranks of an MPI job (docs/cluster.md), and its tests.
  libopenmpi-dev openmpi-bin
)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: all ${#packages[@]} packages present"
  exit 0
fi
echo "install-deps: installing ${missing[*]}"
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
