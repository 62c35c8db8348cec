#!/usr/bin/env bash
# Installs exactly the Debian packages kreport needs to build and test, then builds it.
# Usage: scripts/setup.sh [PRESET]   (PRESET: dev (default), asan, release)
# Everything it prints goes to stderr: `scripts/setup.sh && build/kreport extract r.pdf`
# (the README's first command) prints the record alone on stdout.
set -euo pipefail
cd "$(dirname "$0")/.."
preset=${1:-dev}

packages=(
  g++ cmake ninja-build pkg-config clang-format clang-tidy
  libpoppler-private-dev libicu-dev nettle-dev nlohmann-json3-dev libcli11-dev libspdlog-dev
  libgtest-dev libvalijson-dev libsqlite3-dev
  libtesseract-dev tesseract-ocr-kor tesseract-ocr-eng
  python3 python3-jsonschema python3-yaml cmark-gfm qpdf poppler-utils time
  slurm-wlm munge  # tests/slurm: a one-node Slurm cluster for the array-job test
)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  echo "setup: installing ${missing[*]}" >&2
  $sudo apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
fi

cmake --preset "$preset" >/dev/null
cmake --build --preset "$preset" >&2
