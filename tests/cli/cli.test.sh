#!/usr/bin/env bash
# Command-line tests for pipeboard-json: runs the built binary on tests/samples, assets/templates
# and on broken files made here, checking exit codes and output.
# Usage: tests/cli/cli.test.sh [path/to/pipeboard-json]   (default: build/native-debug/pipeboard-json)
set -uo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
bin=${1:-$root/build/native-debug/pipeboard-json}
[ -x "$bin" ] || { echo "cli.test.sh: $bin is not built" >&2; exit 2; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

passed=0
failed=0
fail() { failed=$((failed + 1)); echo "FAIL: $*"; }
pass() { passed=$((passed + 1)); }

# run CODE NAME ARGS... : runs the binary; stdout in $work/out, stderr in $work/err; checks the exit code.
run() {
  local want=$1 name=$2
  shift 2
  "$bin" "$@" >"$work/out" 2>"$work/err"
  local got=$?
  if [ "$got" -eq "$want" ]; then pass; else fail "$name: exit $got, expected $want"; sed 's/^/  | /' "$work/out" "$work/err" | head -20; fi
}
# has NAME FILE TEXT : FILE ($work/out or $work/err) contains TEXT (a fixed string).
has() {
  if grep -qF -- "$3" "$2"; then pass; else fail "$1: expected \"$3\" in $(basename "$2")"; sed 's/^/  | /' "$2" | head -20; fi
}

samples=("$root"/tests/samples/*.json)
templates=()
for f in "$root"/assets/templates/*.json; do [ "$(basename "$f")" = index.json ] || templates+=("$f"); done

# --- usage and I/O errors: exit 2 ---
run 2 "no command"
has "no command" "$work/err" "usage: pipeboard-json"
run 2 "unknown command" frobnicate x.json
has "unknown command" "$work/err" 'unknown command "frobnicate"'
run 2 "validate without files" validate
run 2 "missing file" validate "$work/nope.json"
has "missing file" "$work/err" "nope.json: No such file or directory"
run 2 "fmt two modes" fmt "${samples[0]}" --write --check
run 2 "fmt --write stdin" fmt - --write
run 2 "migrate -o without file" migrate "${samples[0]}" -o
run 2 "stats unknown option" stats "${samples[0]}" --yaml
run 0 "help" help
has "help" "$work/out" "Exit codes: 0 fine, 1 invalid document or not formatted, 2 usage or I/O error."

# --- validate: the samples and the built-in templates are valid ---
run 0 "validate samples and templates" validate "${samples[@]}" "${templates[@]}"
has "validate v1 sample" "$work/out" "workspace-v1.json: ok (workspace, version 1)"
has "validate template" "$work/out" "saas-smb.json: ok (template, version 2)"
[ "$(grep -c ': ok (' "$work/out")" -eq $(( ${#samples[@]} + ${#templates[@]} )) ] && pass || fail "validate: one ok line per file"
run 0 "validate stdin" validate - <"$root/tests/samples/template-v2.json"
has "validate stdin" "$work/out" "-: ok (template, version 2)"

# --- validate: broken files, every error with its path, exit 1 ---
python3 - "$root" "$work" <<'EOF'
import json, sys
root, work = sys.argv[1], sys.argv[2]
ws = json.load(open(f"{root}/tests/samples/workspace-v2.json"))
tp = json.load(open(f"{root}/tests/samples/template-v2.json"))
def save(name, doc):
    open(f"{work}/{name}", "w").write(json.dumps(doc))
def edit(doc, fn):
    d = json.loads(json.dumps(doc)); fn(d); return d
save("future.json", edit(ws, lambda d: d.update(version=3)))
save("format.json", edit(tp, lambda d: d.update(format="pipeboard.board")))
save("dup.json", edit(ws, lambda d: d["deals"][1].update(id=d["deals"][0]["id"])))
def refs(d):
    d["deals"][0]["stage"] = "nope"; d["deals"][1]["pipeline"] = "gone"; d["deals"][2]["owner"] = "nobody"
save("refs.json", edit(ws, refs))
save("tref.json", edit(tp, lambda d: d["deals"][0].update(stage="nope")))
save("date.json", edit(tp, lambda d: d["deals"][0].update(expected_close="2026-02-30")))
save("money.json", edit(ws, lambda d: d["deals"][0]["value"].update(amount=-10**13)))
save("deep.json", edit(tp, lambda d: d.update(extra=None)))
open(f"{work}/deep.json", "w").write('{"a":' * 100000 + '1' + '}' * 100000)
open(f"{work}/notjson.json", "w").write('{"format": "pipeboard.workspace", ')
text = json.dumps(tp)
open(f"{work}/utf8.json", "wb").write(text.replace('"Lettings"', '"Lett\xffings"').encode("utf-8").replace(b"\xc3\xbf", b"\xff"))
many = edit(ws, lambda d: None)
for i in range(300):
    many["deals"].append({"id": f"x{i}"})
save("many.json", many)
EOF
run 1 "future version" validate "$work/future.json"
has "future version" "$work/out" "future.json: /version: this file is from a newer Pipeboard (version 3); this app reads versions 1 to 2"
has "future version" "$work/out" "future.json: invalid (1 error)"
run 1 "wrong format" validate "$work/format.json"
has "wrong format" "$work/out" '/format: expected "pipeboard.workspace" or "pipeboard.template", got "pipeboard.board"'
run 1 "duplicate id" validate "$work/dup.json"
has "duplicate id" "$work/out" '/deals/1/id: repeats id "d_1001"'
run 1 "references" validate "$work/refs.json"
has "references" "$work/out" '/deals/0/stage: pipeline "Residential sales" has no stage with id "nope"'
has "references" "$work/out" '/deals/1/pipeline: no pipeline has id "gone"'
has "references" "$work/out" '/deals/2/owner: no person has id "nobody"'
has "references" "$work/out" "refs.json: invalid (3 errors)"
run 1 "template reference" validate "$work/tref.json"
has "template reference" "$work/out" '/deals/0/stage: pipeline "Lettings" has no stage with id "nope"'
run 1 "date" validate "$work/date.json"
has "date" "$work/out" '/deals/0/expected_close: expected a date like 2026-03-31, got "2026-02-30" (or a day that does not exist)'
run 1 "money" validate "$work/money.json"
has "money" "$work/out" "/deals/0/value/amount: must be between -1000000000000 and 1000000000000"
run 1 "deep" validate "$work/deep.json"
has "deep" "$work/out" "deep.json: /: nesting is deeper than 64 levels"
run 1 "not json" validate "$work/notjson.json"
has "not json" "$work/out" "notjson.json: /: not valid JSON"
run 1 "not utf-8" validate "$work/utf8.json"
has "not utf-8" "$work/out" "/: not valid JSON (the text is not valid UTF-8)"
run 1 "many errors" validate "$work/many.json"
has "many errors" "$work/out" "/deals/5/title: is required"
has "many errors" "$work/out" "/deals/170/value: is required"   # the first 1000 of 1800 are listed
has "many errors" "$work/out" "many.json: ... and 800 more"
has "many errors" "$work/out" "many.json: invalid (1800 errors)"
# One bad file among good ones: every file is reported, and the exit code is 1.
run 1 "mixed" validate "${samples[0]}" "$work/dup.json" "${templates[0]}"
[ "$(grep -c ': ok (' "$work/out")" -eq 2 ] && pass || fail "mixed: the good files are still reported ok"

# A 200 MB file (sparse) is refused by its size without being kept in memory.
truncate -s 200M "$work/huge.json"
run 1 "200 MB" validate "$work/huge.json"
has "200 MB" "$work/out" "huge.json: /: the file is 209715200 bytes; the limit is 128 MB"
# Between the two limits: a template over 16 MB.
python3 -c "
import json,sys
d=json.load(open('$root/tests/samples/template-v2.json')); d['description']='x'*(17<<20)
open('$work/bigtemplate.json','w').write(json.dumps(d))"
run 1 "17 MB template" validate "$work/bigtemplate.json"
has "17 MB template" "$work/out" "the limit is 16 MB"

# --- validate: tours (src/core/tour) ---
run 0 "validate the intro tour" validate "$root/assets/tours/intro.json"
has "validate the intro tour" "$work/out" "intro.json: ok (tour, version 1)"
run 0 "validate a tour from stdin" validate - <"$root/assets/tours/intro.json"
has "validate a tour from stdin" "$work/out" "-: ok (tour, version 1)"
python3 - "$root" "$work" <<'PY'
import json, sys
root, work = sys.argv[1], sys.argv[2]
t = json.load(open(f"{root}/assets/tours/intro.json"))
steps = t["tour"]["steps"]
steps[1]["action"]["kind"] = "fly"
steps[3]["title"] = ""
steps[4]["advance"] = {"event": "teleported"}
open(f"{work}/badtour.json", "w").write(json.dumps(t))
t["version"] = 2
open(f"{work}/futuretour.json", "w").write(json.dumps(t))
PY
run 1 "invalid tour" validate "$work/badtour.json"
has "invalid tour" "$work/out" 'badtour.json: /tour/steps/1/action/kind: unknown action "fly" (one of pipeline, group, view, reports, board, past_day)'
has "invalid tour" "$work/out" "badtour.json: /tour/steps/3/title: must not be empty"
has "invalid tour" "$work/out" 'badtour.json: /tour/steps/4/advance/event: unknown event "teleported"'
has "invalid tour" "$work/out" "badtour.json: invalid (3 errors)"
run 1 "future tour" validate "$work/futuretour.json"
has "future tour" "$work/out" "/version: this file is from a newer Pipeboard (version 2); this app reads version 1"
# A tour among other documents: each is checked as what it is.
run 1 "tour among documents" validate "${samples[0]}" "$root/assets/tours/intro.json" "$work/badtour.json"
[ "$(grep -c ': ok (' "$work/out")" -eq 2 ] && pass || fail "tour among documents: the good files are still reported ok"

# --- fmt ---
for t in "${templates[@]}"; do run 0 "fmt --check $(basename "$t")" fmt "$t" --check; done
run 1 "fmt --check unformatted" fmt "$root/tests/samples/workspace-v2.json" --check
has "fmt --check unformatted" "$work/err" "not formatted"
run 0 "fmt to stdout" fmt "$root/tests/samples/workspace-v2.json"
cp "$work/out" "$work/formatted.json"
head -c 60 "$work/formatted.json" | grep -q '^{$' && pass || fail "fmt: expanded output"
grep -q '^  "format": "pipeboard.workspace",$' "$work/formatted.json" && pass || fail "fmt: format first, 2-space indent"
[ "$(sed -n 3p "$work/formatted.json")" = '  "version": 2,' ] && pass || fail "fmt: version second"
run 0 "fmt output is formatted" fmt "$work/formatted.json" --check
cp "$root/tests/samples/template-v1.json" "$work/rewrite.json"
run 0 "fmt --write" fmt "$work/rewrite.json" --write
run 0 "fmt --write result" fmt "$work/rewrite.json" --check
run 0 "fmt --write keeps it valid" validate "$work/rewrite.json"
has "fmt --write keeps the version" "$work/out" "(template, version 1)"
run 0 "fmt stdin" fmt - <"$root/tests/samples/template-v2.json"
# Unknown keys are kept (after the known ones), so fmt never loses data.
python3 -c "
import json
d=json.load(open('$root/tests/samples/template-v2.json')); d['zzz_note']='kept'; d['aaa_note']=1
open('$work/extra.json','w').write(json.dumps(d))"
run 0 "fmt keeps unknown keys" fmt "$work/extra.json"
has "fmt keeps unknown keys" "$work/out" '"zzz_note": "kept"'
[ "$(grep -n '"aaa_note"' "$work/out" | cut -d: -f1)" -gt "$(grep -n '"deals"' "$work/out" | cut -d: -f1)" ] && pass || fail "fmt: unknown keys after known ones"
run 1 "fmt not json" fmt "$work/notjson.json"

# The example template in README "The format" is valid and formatted.
awk '/<!-- format-example/ { on = 1; next } on && /^```json/ { next } on && /^```/ { exit } on' "$root/README.md" >"$work/readme.json"
[ -s "$work/readme.json" ] && pass || fail "README example found"
run 0 "README example validates" validate "$work/readme.json"
has "README example validates" "$work/out" "(template, version 2)"
run 0 "README example is formatted" fmt "$work/readme.json" --check

# --- migrate ---
run 0 "migrate v1 template" migrate "$root/tests/samples/template-v1.json"
"$bin" fmt "$root/tests/samples/template-v2.json" >"$work/v2.json"
cmp -s "$work/out" "$work/v2.json" && pass || fail "migrate: the v1 template becomes the v2 sample"
run 0 "migrate v1 workspace to a file" migrate "$root/tests/samples/workspace-v1.json" -o "$work/migrated.json"
run 0 "migrated workspace validates" validate "$work/migrated.json"
has "migrated workspace validates" "$work/out" "(workspace, version 2)"
run 0 "migrate current version" migrate "$root/tests/samples/workspace-v2.json"
run 1 "migrate future" migrate "$work/future.json"
has "migrate future" "$work/out" "/version: this file is from a newer Pipeboard"
run 1 "migrate invalid" migrate "$work/dup.json"
[ ! -e "$work/never.json" ] && pass || fail "migrate: nothing written"

# --- stats ---
run 0 "stats workspace" stats "$root/tests/samples/workspace-v2.json"
has "stats workspace" "$work/out" "deals:     5 (open 3, won 1, lost 1)"
has "stats workspace" "$work/out" 'pipeline "Residential sales": 3 deals (open 1, won 1, lost 1)'
has "stats workspace" "$work/out" "  Viewing: 1 deal, value 285,000.00 EUR, weighted 99,750.00 EUR"
has "stats workspace" "$work/out" "  JPY  15,000,000 / 3,000,000"
has "stats workspace" "$work/out" "  EUR  1,535,951.25 / 1,349,750.50"
run 0 "stats template, stdin" stats - <"$root/tests/samples/template-v2.json"
has "stats template" "$work/out" "template (version 2)"
has "stats template" "$work/out" "views:     1"
run 0 "stats --json" stats "$root/tests/samples/workspace-v2.json" --json
python3 -c "
import json,sys
s=json.load(open('$work/out'))['stats']
assert s['deals']==5 and s['pipelines']==2 and s['stages']==8, s
assert s['totals']['value']=={'EUR':153595125,'JPY':15000000,'KWD':12500125}, s['totals']
assert s['per_pipeline'][0]['stages'][1]=={'name':'Viewing','deals':1,'value':{'EUR':28500000},'weighted':{'EUR':9975000}}
" && pass || fail "stats --json: counts and totals"
run 1 "stats invalid" stats "$work/refs.json"

# --- report (the figures of tests/unit/report_fixture.hpp, worked out by hand there) ---
rf="$root/tests/fixtures/reports-workspace.json"
period=(--from 2026-03-01 --to 2026-04-30 --now 2026-04-15T12:00:00Z)
run 0 "report text" report "$rf" "${period[@]}"
has "report text" "$work/out" "Report for 2026-03-01 to 2026-04-30, every pipeline (now 2026-04-15T12:00:00Z)"
has "report text" "$work/out" "  Win rate 60.00%; sales cycle median 10.50 days, mean 21.83 days"
has "report text" "$work/out" "  Weighted             1,190.01 EUR, 10.00 USD"
has "report text" "$work/out" "  Presentation                                  3  4.00 days  13.83 days  bottleneck"
has "report text" "$work/out" "  Łukasz       2    500.05 EUR    2  1,800.00 EUR     1    66.67%"
has "report text" "$work/out" "  Web           5  1,600.00 EUR, 1,433.33 USD    1  2,000.00 EUR     2    33.33%"
has "report text" "$work/out" "  By owner: no deals open now or closed in the period"
run 0 "report --json" report "$rf" "${period[@]}" --json
cp "$work/out" "$work/report.json"
python3 -c "
import json
r=json.load(open('$work/report.json'))
assert (r['format'], r['version'], r['from'], r['to'], r['now'], r['scope'], r['view']) == \
  ('pipeboard.report', 1, '2026-03-01', '2026-04-30', '2026-04-15T12:00:00Z', 'all', None), r
assert [p['id'] for p in r['pipelines']] == ['p1', 'p2', 'p3']
s = r['pipelines'][0]['summary']
assert s['weighted_value'] == {'EUR': 119001, 'USD': 1000} and s['win_rate'] == 0.6 and s['cycle_days_mean'] == 21.83, s
assert r['pipelines'][0]['bottleneck'] == 's_pres'
assert r['pipelines'][2]['summary']['win_rate'] is None and r['pipelines'][2]['summary']['open_value'] == {}
assert [(b['source'], b['win_rate']) for b in r['by_source']] == \
  [('Web', 0.3333), ('Event', 1.0), ('Referral', 0.5), ('Amazon', 1.0), (None, None)], r['by_source']
" && pass || fail "report --json: figures"
# The JS API's params object gives the same bytes as the flags.
run 0 "report --params" report "$rf" --json --params '{"from": "2026-03-01", "to": "2026-04-30", "now": "2026-04-15T12:00:00Z"}'
cmp -s "$work/out" "$work/report.json" && pass || fail "report: --params and the flags give different JSON"
run 0 "report one pipeline" report "$rf" --pipeline p2 "${period[@]}" --json
python3 -c "
import json; r=json.load(open('$work/out'))
assert r['scope'] == 'pipeline' and [p['id'] for p in r['pipelines']] == ['p2'] and r['pipelines'][0]['summary']['weighted_value'] == {'USD': 16667}
" && pass || fail "report --pipeline p2"
run 0 "report a view" report "$rf" --view v_ana "${period[@]}" --json
python3 -c "
import json; r=json.load(open('$work/out'))
assert r['scope'] == 'view' and r['view'] == 'v_ana' and r['pipelines'][0]['summary']['open_count'] == 3
" && pass || fail "report --view v_ana"
run 0 "report default period" report "$rf" --now 2026-04-15T12:00:00Z --json
python3 -c "
import json; r=json.load(open('$work/out')); assert (r['from'], r['to']) == ('2026-04-01', '2026-04-30'), r['from']
" && pass || fail "report: the default period is the month of --now"
run 0 "report --period" report "$rf" --period last_12_months --now 2026-04-15T12:00:00Z --json
python3 -c "
import json; r=json.load(open('$work/out')); assert (r['from'], r['to']) == ('2025-05-01', '2026-04-30'), r['from']
" && pass || fail "report --period last_12_months"
run 0 "report --csv" report "$rf" --pipeline p2 "${period[@]}" --csv funnel
printf 'pipeline_id,pipeline,stage_id,stage,reached,to_next,to_won\r\np2,Enterprise,t_qual,Qualified,4,0.5000,0.2500\r\np2,Enterprise,t_demo,Demo,2,0.5000,0.5000\r\n' >"$work/funnel.csv"
cmp -s "$work/out" "$work/funnel.csv" && pass || fail "report --csv funnel"
run 0 "report on a template" report "$root/tests/samples/template-v2.json" --json
# Mistakes: exit 2 with the reason; an invalid document: exit 1.
run 2 "report without file" report
run 2 "report missing file" report "$work/nope.json"
has "report missing file" "$work/err" "nope.json: No such file or directory"
run 2 "report bad date" report "$rf" --from 2026-02-30 --to 2026-03-31
has "report bad date" "$work/err" 'pipeboard-json: --from: expected a date like 2026-03-31, got "2026-02-30" (or a day that does not exist)'
run 2 "report from after to" report "$rf" --from 2026-04-01 --to 2026-03-01
has "report from after to" "$work/err" "pipeboard-json: --to: 2026-03-01 is before from (2026-04-01)"
run 2 "report from without to" report "$rf" --from 2026-04-01
has "report from without to" "$work/err" "pipeboard-json: --to: is required with from"
run 2 "report bad now" report "$rf" --now tomorrow
has "report bad now" "$work/err" 'pipeboard-json: --now: expected a time like 2026-03-31T12:00:00Z, got "tomorrow"'
run 2 "report unknown pipeline" report "$rf" --pipeline p9
has "report unknown pipeline" "$work/err" 'pipeboard-json: --pipeline: no pipeline has id "p9"'
run 2 "report unknown view" report "$rf" --view v9
has "report unknown view" "$work/err" 'pipeboard-json: --view: no view has id "v9"'
run 2 "report pipeline and view" report "$rf" --pipeline p1 --view v_ana
has "report pipeline and view" "$work/err" 'pipeboard-json: --pipeline: is only for the scope "pipeline" (the scope is "view")'
run 2 "report unknown table" report "$rf" --csv deals
has "report unknown table" "$work/err" 'pipeboard-json: --csv: no table "deals"; the tables are summary forecast funnel stage_time lost_reasons by_owner by_source channels'
run 2 "report --json and --csv" report "$rf" --json --csv summary
run 2 "report --csv without table" report "$rf" --csv
run 2 "report --params and flags" report "$rf" --params '{}' --pipeline p1
run 2 "report bad --params" report "$rf" --params '{"scope": "team"}'
has "report bad --params" "$work/err" 'pipeboard-json: --params: /scope: expected "pipeline", "all" or "view", got "team"'
run 2 "report unknown option" report "$rf" --yaml
run 1 "report invalid document" report "$work/refs.json"

# --- import: other tools' exports as workspace documents ---
cat >"$work/board.json" <<'JSON'
{"id": "5eb3ae8a0000000000000001", "name": "Sales board",
 "lists": [{"id": "l2", "name": "Doing", "pos": 2, "closed": false},
           {"id": "l1", "name": "To do", "pos": 2, "closed": false},
           {"id": "l0", "name": "Inbox", "pos": 0.5, "closed": false},
           {"id": "l9", "name": "Old", "pos": 9, "closed": true},
           {"id": "l3", "name": "Signed", "pos": 3, "closed": false}],
 "cards": [{"id": "5eb3ae8a0000000000000002", "name": "Acme", "idList": "l1", "pos": 1, "closed": false},
           {"id": "5eb3ae8a0000000000000003", "name": "Globex", "idList": "l3", "pos": 1, "closed": false},
           {"id": "5eb3ae8a0000000000000004", "name": "Archived", "idList": "l1", "pos": 2, "closed": true}],
 "members": [], "labels": [], "actions": [], "customFields": []}
JSON
run 0 "import trello" import --from trello "$work/board.json" --won Signed --now 2026-12-01T00:00:00Z -o "$work/board-ws.json"
run 0 "import trello output validates" validate "$work/board-ws.json"
run 0 "import trello stats" stats "$work/board-ws.json"
# pos ties keep array order (Doing before To do); the archived list and card stay out.
has "import trello stages" "$work/out" "stages:    4"
has "import trello deals" "$work/out" "deals:     2 (open 1, won 1, lost 0)"
run 0 "import trello order" fmt "$work/board-ws.json"
if python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); sys.exit(0 if [s["name"] for s in d["pipelines"][0]["stages"]]==["Inbox","Doing","To do","Signed"] else 1)' "$work/board-ws.json"; then pass; else fail "import trello: stages in pos order, ties in array order"; fi
run 0 "import trello archived" import --from trello "$work/board.json" --include-archived --now 2026-12-01T00:00:00Z
has "import trello archived" "$work/out" '"title": "Archived"'
printf '{"id": "m1", "username": "ana", "idBoards": ["b1"], "boards": [{"id": "b1", "name": "B"}]}' >"$work/account.json"
run 1 "import trello account export" import --from trello "$work/account.json"
has "import trello account export" "$work/err" "account"
run 1 "import empty csv" import --from csv /dev/null
printf 'Titel;Betrag;Währung;Phase\r\n"Müller; GmbH";1.234,56;EUR;Angebot\r\nSchmidt AG;99,5;EUR;Gewonnen\r\n' >"$work/de.csv"
run 0 "import csv (semicolons, decimal comma)" import --from csv "$work/de.csv" --now 2026-12-01T00:00:00Z -o "$work/de.json"
run 0 "import csv stats" stats "$work/de.json"
has "import csv stats" "$work/out" "deals:     2 (open 1, won 1, lost 0)"
has "import csv amount" "$work/de.json" '"amount": 123456'
printf '{"columns": [{"column": "Titel", "target": "title"}, {"column": "Betrag", "target": "custom", "field": "Budget", "type": "number"}], "decimal_comma": true}' >"$work/map.json"
run 0 "import csv with a mapping" import --from csv "$work/de.csv" --mapping "$work/map.json" --now 2026-12-01T00:00:00Z
has "import csv with a mapping" "$work/out" '"name": "Budget"'
printf '{"columns": [{"column": "Titel", "target": "headline"}]}' >"$work/badmap.json"
run 1 "import csv bad mapping" import --from csv "$work/de.csv" --mapping "$work/badmap.json"
has "import csv bad mapping" "$work/err" "/columns/0/target"
printf 'Title,Amount\nOk,10\n"never closed,5\n' >"$work/bad.csv"
run 0 "import csv with a bad row" import --from csv "$work/bad.csv" --now 2026-12-01T00:00:00Z
has "import csv with a bad row" "$work/err" "line 3"
run 2 "import unknown source" import --from excel "$work/de.csv"
run 2 "import --mapping for trello" import --from trello "$work/board.json" --mapping "$work/map.json"
run 2 "import without file" import --from csv
run 2 "import missing file" import --from csv "$work/nope.csv"
fixtures="$root/../shared/fixtures"
if [ -d "$fixtures" ]; then
  run 0 "import the Trello fixture" import --from trello "$fixtures/trello/web-development.json" -o "$work/wd.json"
  run 0 "import the Trello fixture stats" stats "$work/wd.json"
  has "import the Trello fixture stats" "$work/out" "deals:     8 (open 8, won 0, lost 0)"
  run 0 "import the Pipedrive fixtures" import --from pipedrive "$fixtures"/pipedrive/deals-v1.json "$fixtures"/pipedrive/stages-v1.json "$fixtures"/pipedrive/pipelines-v1.json
  run 0 "import the HubSpot fixtures" import --from hubspot "$fixtures"/hubspot/pipelines-deals-v3.json "$fixtures"/hubspot/deals-v3.json
  run 0 "import the Salesforce fixture" import --from csv "$fixtures/salesforce/opportunity-export.csv" -o "$work/sf.json"
  run 0 "import the Salesforce fixture stats" stats "$work/sf.json"
  has "import the Salesforce fixture stats" "$work/out" "deals:     50 (open 35, won 12, lost 3)"
else
  echo "SKIPPED: import of the real exports ($fixtures is not here)"
fi

echo
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
