#!/usr/bin/env bash
# `make test`: every check, in order; later steps still run after a failure where they can,
# and a summary ends the output. Exits non-zero if anything failed.
set -uo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$ROOT"

declare -a names=() results=() times=()
failed=0
run_step() {
  local name=$1; shift
  printf '\n\033[1m==> %s\033[0m\n' "$name"
  local start=$SECONDS
  if "$@"; then results+=("ok"); else results+=("FAILED"); failed=$((failed + 1)); fi
  names+=("$name"); times+=("$((SECONDS - start))s")
}
skip_step() { names+=("$1"); results+=("skipped ($2)"); times+=("-"); }

if ! bash scripts/setup.sh --test; then
  echo "Installing the tools failed; nothing was tested." >&2
  exit 1
fi

run_step "cargo fmt --check" cargo fmt --all -- --check
run_step "clippy (native, all targets)" cargo clippy --workspace --all-targets --locked -- -D warnings
run_step "clippy (app for wasm32)" cargo clippy -p app --target wasm32-unknown-unknown --locked -- -D warnings
run_step "cargo test --workspace" cargo test --workspace --locked
run_step "release WASM build (trunk)" bash scripts/build-app.sh
app_ok=${results[-1]}
if [[ "$app_ok" == ok ]]; then
  run_step "bundle size (budget)" node scripts/bundle-size.mjs app/dist
fi
run_step "release server build" cargo build --release -p jixiao-server --locked
server_ok=${results[-1]}
if [[ "$app_ok" == ok && "$server_ok" == ok ]]; then
  # A fresh temporary database for the end-to-end suite; the config starts the server.
  e2e_dir=$(mktemp -d)
  run_step "Playwright end-to-end (Chromium)" \
    env JIXIAO_E2E_DB="$e2e_dir/jixiao.db" bash -c 'cd end2end && npx playwright test'
  rm -rf "$e2e_dir"
else
  skip_step "Playwright end-to-end (Chromium)" "the release builds failed"
fi

printf '\n\033[1m==> Summary\033[0m\n'
for i in "${!names[@]}"; do
  printf '  %-36s %-10s %s\n' "${names[$i]}" "${results[$i]}" "${times[$i]}"
done
if [[ $failed -eq 0 ]]; then
  echo "All ${#names[@]} steps passed."
else
  echo "$failed of ${#names[@]} steps FAILED."
  exit 1
fi
