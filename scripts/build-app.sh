#!/usr/bin/env bash
# Builds the browser app in release mode with the size-tuned profile into app/dist.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$ROOT/app"
trunk build --release --cargo-profile wasm-release
