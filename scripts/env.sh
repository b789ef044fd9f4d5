# Sourced by the scripts: the pinned tool versions and the PATH that finds them.
# wasm-bindgen-cli must equal the wasm-bindgen in Cargo.lock, or the app does not load.
TRUNK_VERSION=0.21.14
WASM_BINDGEN_VERSION=0.2.130
# The open data package is checked with the Frictionless framework's own validator.
FRICTIONLESS_VERSION=5.21.0
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export PATH="$HOME/.cargo/bin:$ROOT/tools/node_modules/.bin:$PATH"
