#!/usr/bin/env bash
# shell/bench hook: builds the app and times a demo link opened in fresh browser profiles.
set -euo pipefail
root=$1
results=$2
cd "$root"
cmake --build --preset wasm-release -j2 --target pipeboard_app
node tests/bench/first_run.bench.mjs "$results"
