# Shared set-up for scripts/solieu and scripts/test: find Swift, install what the build needs.
# Sourced, not run.

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

# Swift may be installed outside PATH (for example under /opt/swift).
if ! command -v swift >/dev/null 2>&1; then
  for dir in /opt/swift/usr/bin /usr/share/swift/usr/bin; do
    [ -x "$dir/swift" ] && PATH="$dir:$PATH" && break
  done
fi
if ! command -v swift >/dev/null 2>&1; then
  echo "solieu: Swift 6 is required but 'swift' was not found; install it from swift.org and retry." >&2
  exit 1
fi

# The C libraries the build links, found by pkg-config: libedit (the line editor), expat (reading .xlsx sheets
# as a stream) and libxlsxwriter (writing .xlsx).
BUILD_PACKAGES="libedit-dev libexpat1-dev libxlsxwriter-dev pkg-config"
ensure_build_dependencies() {
  if command -v pkg-config >/dev/null 2>&1 && pkg-config --exists libedit expat xlsxwriter; then return 0; fi
  local sudo=""
  if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1; then sudo="sudo"; else
      echo "solieu: libraries are missing; run 'apt-get install $BUILD_PACKAGES' as root and retry." >&2
      exit 1
    fi
  fi
  echo "solieu: installing $BUILD_PACKAGES …" >&2
  $sudo apt-get update -qq >&2 || true
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq $BUILD_PACKAGES >&2
}
