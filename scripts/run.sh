#!/usr/bin/env bash
# `make run`: install what is missing, build in release mode, serve the demo province.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$ROOT"
bash scripts/setup.sh
echo "==> Building the app (WASM, release)"
bash scripts/build-app.sh
echo "==> Building the server (release)"
cargo build --release -p jixiao-server
export JIXIAO_DB="${JIXIAO_DB:-data/jixiao.db}"
export JIXIAO_ADDR="${JIXIAO_ADDR:-127.0.0.1:3000}"
export JIXIAO_DIST="${JIXIAO_DIST:-app/dist}"
exec target/release/jixiao-server
