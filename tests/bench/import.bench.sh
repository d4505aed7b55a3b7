#!/usr/bin/env bash
# shell/bench hook: a 100,000-row CSV imported in the browser (drop, mapping screen, Continue,
# preview, Import), with the main thread's long tasks.
set -euo pipefail
root=$1
results=$2
cd "$root"
cmake --build --preset wasm-release -j2 --target pipeboard_app
node tests/bench/import.bench.mjs "$results"
