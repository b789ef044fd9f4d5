#!/usr/bin/env bash
# Builds the browser code in release mode with the size-tuned profile into app/dist: the
# officials' app (index.html → dist/), then the citizens' portal (portal.html →
# dist/portal/, its assets served under /portal/, its pages under /open). The portal comes
# second because Trunk empties its dist directory before writing it.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$ROOT/app"
trunk build --release --cargo-profile wasm-release
trunk build --release --cargo-profile wasm-release portal.html --dist dist/portal --public-url /portal/
node "$ROOT/scripts/precompress.mjs" "$ROOT/app/dist"
