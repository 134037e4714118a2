# Shared by run.sh and test.sh: install what is missing, then build.
# Sourced, not executed.

set -eu

QOPT_ROOT="$(cd "$(dirname "$0")/.." && pwd)"
QOPT_BUILD_DIR="${QOPT_BUILD_DIR:-$QOPT_ROOT/build}"

QOPT_PACKAGES="cmake ninja-build ccache python3 clang-19 lld-19 \
  llvm-19-dev llvm-19-tools libmlir-19-dev mlir-19-tools \
  libeigen3-dev libgtest-dev"

# Installs what is missing of QOPT_PACKAGES and of any packages named as
# arguments.
qopt_install_deps() {
  missing=""
  for pkg in $QOPT_PACKAGES "$@"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" \
      || missing="$missing $pkg"
  done
  if [ -z "$missing" ]; then
    return 0
  fi
  echo "qopt: installing$missing"
  if [ "$(id -u)" -eq 0 ]; then
    sudo=""
  elif command -v sudo >/dev/null 2>&1; then
    sudo="sudo"
  else
    echo "qopt: missing packages:$missing; run as root or install them" >&2
    exit 1
  fi
  $sudo apt-get update -qq
  # Never pulls an MLIR other than 19: libmlir-19-dev and later versions
  # conflict, and installing one removes the other.
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq \
    --no-install-recommends $missing
}

qopt_build() {
  if [ ! -f "$QOPT_BUILD_DIR/build.ninja" ]; then
    cmake -G Ninja -S "$QOPT_ROOT" -B "$QOPT_BUILD_DIR" \
      -DCMAKE_BUILD_TYPE=Release \
      -DCMAKE_C_COMPILER=clang-19 -DCMAKE_CXX_COMPILER=clang++-19
  fi
  cmake --build "$QOPT_BUILD_DIR"
}
