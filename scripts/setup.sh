#!/usr/bin/env bash
# Installs what Jixiao needs and is missing; with --test also what the tests need.
# Everything comes from the package registries (crates.io, npm, Debian): nothing downloads
# a prebuilt binary.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$ROOT"
want_test=false
[[ "${1:-}" == "--test" ]] && want_test=true

step() { printf '\033[1m==> %s\033[0m\n' "$*"; }
as_root() { if [[ $(id -u) -eq 0 ]]; then "$@"; else sudo "$@"; fi; }

locked=$(grep -A1 '^name = "wasm-bindgen"$' Cargo.lock | sed -n 's/^version = "\(.*\)"/\1/p')
if [[ "$locked" != "$WASM_BINDGEN_VERSION" ]]; then
  echo "Cargo.lock has wasm-bindgen $locked but scripts/env.sh pins $WASM_BINDGEN_VERSION: make them equal." >&2
  exit 1
fi

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  step "Adding the wasm32 target"
  rustup target add wasm32-unknown-unknown
fi
if ! trunk --version 2>/dev/null | grep -q " $TRUNK_VERSION\$"; then
  step "Installing trunk $TRUNK_VERSION (a few minutes, once)"
  cargo install trunk --version "$TRUNK_VERSION" --locked --force
fi
if ! wasm-bindgen --version 2>/dev/null | grep -q " $WASM_BINDGEN_VERSION\$"; then
  step "Installing wasm-bindgen-cli $WASM_BINDGEN_VERSION (once)"
  # Not --locked: the registry lacks one of its locked dependencies.
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" --force
fi
if [[ ! -x tools/node_modules/.bin/wasm-opt ]]; then
  step "Installing wasm-opt (binaryen from npm)"
  (cd tools && npm ci --no-audit --no-fund --loglevel=error)
fi

if $want_test; then
  if ! command -v chromium >/dev/null 2>&1; then
    step "Installing Chromium (Debian package)"
    as_root apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  fi
  if [[ ! -f end2end/node_modules/.package-lock.json || end2end/package-lock.json -nt end2end/node_modules/.package-lock.json ]]; then
    step "Installing the end-to-end test packages (Playwright, axe-core)"
    (cd end2end && npm ci --no-audit --no-fund --loglevel=error)
  fi
  if ! tools/venv/bin/frictionless --version 2>/dev/null | grep -qx "$FRICTIONLESS_VERSION"; then
    step "Installing frictionless $FRICTIONLESS_VERSION (PyPI) to validate the open data"
    if ! python3 -m venv tools/venv; then
      # Debian's own Python keeps venv in a separate package.
      as_root apt-get update -qq
      as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-venv >/dev/null
      python3 -m venv tools/venv
    fi
    tools/venv/bin/pip install --quiet --disable-pip-version-check "frictionless==$FRICTIONLESS_VERSION"
  fi
fi
