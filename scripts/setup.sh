#!/usr/bin/env bash
# Installs what the test suite needs on a fresh Debian/Ubuntu machine, then the npm dependencies:
#   chromium     — the real browser the e2e tests drive (WebGPU through its SwiftShader Vulkan driver)
#   libvulkan1   — the Vulkan loader Dawn (the `webgpu` package) needs for the Node kernel tests
#   postgresql   — the server's tests run against a real PostgreSQL as well as embedded PGlite
# Packages already present are left alone; without root it uses sudo, or says what to install.
set -euo pipefail
cd "$(dirname "$0")/.."

need=()
[ -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ] || need+=(chromium)
ldconfig -p 2>/dev/null | grep -q 'libvulkan\.so\.1' || need+=(libvulkan1)
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || need+=(postgresql)

if [ ${#need[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then sudo=""; elif command -v sudo >/dev/null; then sudo="sudo"; else
    echo "setup: please install these Debian packages first: ${need[*]}" >&2; exit 1
  fi
  echo "setup: installing ${need[*]}"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi

npm ci --no-audit --no-fund
