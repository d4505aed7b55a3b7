#!/usr/bin/env bash
# shell/bench hook: builds the app and measures IndexedDB storage in headless Chromium.
set -euo pipefail
root=$1
results=$2
cd "$root"
cmake --build --preset wasm-release -j2 --target pipeboard_app
node tests/bench/storage.bench.mjs "$results"
