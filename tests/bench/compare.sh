#!/usr/bin/env bash
# Before/after: runs the same benchmarks on two checkouts, interleaved round by round so both see
# the same machine load, and writes bench/results/compare.md (medians over rounds and each
# build's spread: min–max of the per-round medians).
#
#   tests/bench/compare.sh BEFORE_TREE AFTER_TREE [ROUNDS]     (default 3 rounds)
#
# Each tree needs its builds in place: build/native-release/pipeboard_bench and the wasm app
# (build/wasm-release/app). Per round and tree: the native core benchmark at 100k deals (JSON
# load/save, board query), the board benchmark (p95 frame scrolling and dragging at 100k, the
# download), the storage benchmark (start-up of 100k deals from IndexedDB). Each tree runs its
# own benchmark scripts against its own app, so a script change shows up as a change too.
set -euo pipefail
before=$(cd "$1" && pwd); after=$(cd "$2" && pwd); rounds=${3:-3}
out=$(cd "$(dirname "$0")/../.." && pwd)/bench/results/compare
export NODE_PATH=/usr/share/nodejs
rm -rf "$out" && mkdir -p "$out"
for r in $(seq 1 "$rounds"); do
  for side in before after; do
    tree=$before; [ "$side" = after ] && tree=$after
    dir="$out/$side/$r" && mkdir -p "$dir"
    echo "== round $r: $side ($tree)"
    (cd "$tree" && ./build/native-release/pipeboard_bench --sizes 100000 --runs 5 --only json --only query \
      --out "$dir/core-native.json" >/dev/null)
    (cd "$tree" && BOARD_RUNS=3 node tests/bench/board.bench.mjs "$dir" >/dev/null)
    (cd "$tree" && STORAGE_EDITS=3 STORAGE_LOADS=3 node tests/bench/storage.bench.mjs "$dir" >/dev/null)
  done
done

python3 - "$out" "$rounds" "$(git -C "$before" rev-parse --short HEAD)" "$(git -C "$after" rev-parse --short HEAD)" <<'PY'
import json, sys, statistics
out, rounds, rev_before, rev_after = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4]

def measures(side, r):
    d = f"{out}/{side}/{r}"
    core = {x["name"]: x["median_ms"] for x in json.load(open(f"{d}/core-native.json")) if x["size"] == 100_000}
    board = {x["name"]: x for x in json.load(open(f"{d}/board.json"))}
    storage = json.load(open(f"{d}/storage.json"))
    return {
        "JSON load, 100k (native)": core["json.load"],
        "JSON save, 100k (native)": core["json.save"],
        "Board query: filter + group by stage + sort, 100k (native)": core["query.stage"],
        "p95 frame, scrolling, 100k": board["board.frame_p95_scroll_100k"]["median_ms"],
        "p95 frame, dragging a card, 100k": board["board.frame_p95_drag_100k"]["median_ms"],
        "Start-up of 100k from IndexedDB (navigation → ready)": storage["load_100k"]["navigation_to_ready_ms"],
        "Download: gzip(.wasm) + gzip(.js), KiB": board["board.transfer_gzip_bytes"]["total"] / 1024,
    }

runs = {side: [measures(side, r) for r in range(1, rounds + 1)] for side in ("before", "after")}
fmt = lambda v: f"{v:.1f}" if v < 100 else f"{v:.0f}"
lines = [f"Before {rev_before}, after {rev_after}: medians over {rounds} interleaved rounds (ms unless noted), "
         "spread = min–max of the rounds' medians.", "",
         "| measure | before | before spread | after | after spread | after / before |", "|---|---:|---:|---:|---:|---:|"]
for name in runs["before"][0]:
    b = [m[name] for m in runs["before"]]; a = [m[name] for m in runs["after"]]
    mb, ma = statistics.median(b), statistics.median(a)
    lines.append(f"| {name} | {fmt(mb)} | {fmt(min(b))}–{fmt(max(b))} | {fmt(ma)} | {fmt(min(a))}–{fmt(max(a))} | {ma / mb:.2f} |")
open(f"{out}.md", "w").write("\n".join(lines) + "\n")
print("\n".join(lines))
PY
