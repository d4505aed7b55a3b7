#!/usr/bin/python3
"""Checks assets/schema/*.schema.json (JSON Schema 2020-12) against the reader, with Debian's
python3-jsonschema: the schemas are valid; the workspace and template schemas share one set of $defs;
every sample, built-in template and built-in tour validates; version 1 samples do not, until
pipeboard-json migrates them; and on a list of broken and borderline documents (tours too) the schema
and `pipeboard-json validate` agree.

Usage: tests/schema/schema_test.py [path/to/pipeboard-json]  (default build/native-debug/pipeboard-json)
Run with Debian's /usr/bin/python3, which has python3-jsonschema (shell/setup installs it)."""
import copy
import glob
import json
import os
import subprocess
import sys
import tempfile

import jsonschema

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
BIN = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "build/native-debug/pipeboard-json")
passed = failed = 0


def check(ok, what):
    global passed, failed
    if ok:
        passed += 1
    else:
        failed += 1
        print("FAIL:", what)


def load(relative):
    with open(os.path.join(ROOT, relative), encoding="utf-8") as f:
        return json.load(f)


schemas = {kind: load(f"assets/schema/{kind}.schema.json") for kind in ("workspace", "template")}
validators = {}
for kind, schema in schemas.items():
    try:
        jsonschema.Draft202012Validator.check_schema(schema)
        check(True, "")
    except jsonschema.SchemaError as e:
        check(False, f"{kind}.schema.json is not a valid 2020-12 schema: {e.message}")
    validators[kind] = jsonschema.Draft202012Validator(schema)
check(schemas["workspace"]["$defs"] == schemas["template"]["$defs"], "the two schemas' $defs differ")


def schema_errors(kind, doc):
    return sorted(validators[kind].iter_errors(doc), key=lambda e: list(e.absolute_path))


def reader_accepts(doc):
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False, encoding="utf-8") as f:
        json.dump(doc, f)
    try:
        r = subprocess.run([BIN, "validate", f.name], capture_output=True, text=True)
        if r.returncode not in (0, 1):
            check(False, f"pipeboard-json validate exited {r.returncode}: {r.stderr}")
        return r.returncode == 0, r.stdout
    finally:
        os.unlink(f.name)


# Every current-version sample and built-in template is valid by the schema.
current = ["tests/samples/workspace-v2.json", "tests/samples/template-v2.json"]
current += [p[len(ROOT) + 1:] for p in sorted(glob.glob(os.path.join(ROOT, "assets/templates/*.json"))) if not p.endswith("index.json")]
check(len(current) >= 10, "samples and templates found")
for path in current:
    doc = load(path)
    kind = doc["format"].split(".")[1]
    errors = schema_errors(kind, doc)
    check(not errors, f"{path}: {[e.message for e in errors[:3]]}")

# Version 1 samples are not version 2 documents; migrated, they are.
for path in ["tests/samples/workspace-v1.json", "tests/samples/template-v1.json"]:
    doc = load(path)
    kind = doc["format"].split(".")[1]
    check(bool(schema_errors(kind, doc)), f"{path}: a version 1 file should not pass the version 2 schema")
    r = subprocess.run([BIN, "migrate", os.path.join(ROOT, path)], capture_output=True, text=True)
    check(r.returncode == 0, f"{path}: migrate exited {r.returncode}: {r.stderr}{r.stdout}")
    if r.returncode == 0:
        errors = schema_errors(kind, json.loads(r.stdout))
        check(not errors, f"{path} migrated: {[e.message for e in errors[:3]]}")

# Broken documents: both the schema and the reader refuse them.
ws = load("tests/samples/workspace-v2.json")
tp = load("tests/samples/template-v2.json")


def edited(doc, fn):
    d = copy.deepcopy(doc)
    fn(d)
    return d


def put(path, value):
    def fn(d):
        *parents, last = path
        for p in parents:
            d = d[p]
        d[last] = value
    return fn


def drop(path):
    def fn(d):
        *parents, last = path
        for p in parents:
            d = d[p]
        del d[last]
    return fn


broken = [
    ("unknown top-level key", put(["colour"], "red")),
    ("version 3", put(["version"], 3)),
    ("version as a string", put(["version"], "2")),
    ("deal title missing", drop(["deals", 0, "title"])),
    ("deal title null", put(["deals", 0, "title"], None)),
    ("deal title blank", put(["deals", 0, "title"], "   ")),
    ("deal title too long", put(["deals", 0, "title"], "x" * 201)),
    ("deal unknown key", put(["deals", 0, "colour"], "red")),
    ("deal status", put(["deals", 0, "status"], "closed")),
    ("deal value a number", put(["deals", 0, "value"], 5)),
    ("deal value null", put(["deals", 0, "value"], None)),
    ("amount too large", put(["deals", 0, "value", "amount"], 10**12 + 1)),
    ("amount too small", put(["deals", 0, "value", "amount"], -(10**12) - 1)),
    ("amount a fraction", put(["deals", 0, "value", "amount"], 1.5)),
    ("currency lower case", put(["deals", 0, "value", "currency"], "eur")),
    ("expected_close format", put(["deals", 0, "expected_close"], "30.10.2026")),
    ("created format", put(["deals", 0, "created"], "2026-09-01 09:00")),
    ("history entry key", put(["deals", 0, "history", 0, "by"], "x")),
    ("history null", put(["deals", 0, "history"], None)),
    ("custom value null", put(["deals", 0, "custom"], {"f": None})),
    ("person name missing", drop(["people", 0, "name"])),
    ("person id empty", put(["people", 0, "id"], "")),
    ("field type", put(["fields", 0, "type"], "colour")),
    ("stage probability", lambda d: (d.get("pipeline") or d["pipelines"][0])["stages"][0].update(probability=101)),
    ("stage color", lambda d: (d.get("pipeline") or d["pipelines"][0])["stages"][0].update(color="red")),
    ("stage kind", lambda d: (d.get("pipeline") or d["pipelines"][0])["stages"][0].update(kind="closed")),
    ("no stages", lambda d: (d.get("pipeline") or d["pipelines"][0]).update(stages=[])),
    ("view sort desc", put(["views", 0, "sort"], [{"field": "value", "desc": "yes"}])),
    ("view sort null", put(["views", 0, "sort"], None)),
    ("view filter op", put(["views", 0, "filter"], {"field": "title", "op": "like", "value": "a"})),
    ("view filter two kinds", put(["views", 0, "filter"], {"text": "a", "field": "title"})),
    ("view filter value missing", put(["views", 0, "filter"], {"field": "title", "op": "eq"})),
]
borderline_ok = [
    ("optional fields null", lambda d: d["deals"][0].update(owner=None, notes=None, expected_close=None, company=None, status=None)),
    ("amount at the limit", put(["deals", 0, "value", "amount"], -(10**12))),
    ("title of 200 bytes", put(["deals", 0, "title"], "é" * 100)),
    ("filter empty op without value", put(["views", 0, "filter"], {"field": "company", "op": "empty"})),
    ("nested filter", put(["views", 0, "filter"], {"all": [{"not": {"text": "x"}}, {"any": []}]})),
    ("view sort without desc", put(["views", 0, "sort"], [{"field": "value"}])),
    ("stage with only id and name", lambda d: (d.get("pipeline") or d["pipelines"][0])["stages"].insert(0, {"id": "s_min", "name": "Min"})),
]
for kind, doc in (("workspace", ws), ("template", tp)):
    for name, fn in broken:
        d = edited(doc, fn)
        accepted, output = reader_accepts(d)
        check(not accepted, f"{kind}: {name}: the reader accepted it")
        check(bool(schema_errors(kind, d)), f"{kind}: {name}: the schema accepted it (reader said: {output.strip()[:200]})")
    for name, fn in borderline_ok:
        d = edited(doc, fn)
        accepted, output = reader_accepts(d)
        check(accepted, f"{kind}: {name}: the reader refused it: {output.strip()[:300]}")
        errors = schema_errors(kind, d)
        check(not errors, f"{kind}: {name}: the schema refused it: {[e.message for e in errors[:3]]}")

# Tours: a schema of their own (no shared $defs). The built-in tours are valid by both, and on broken
# and borderline tours the schema and `pipeboard-json validate` agree. (Real calendar days are the
# reader's alone: "2026-02-30" passes the schema's pattern.)
tour_schema = load("assets/schema/tour.schema.json")
try:
    jsonschema.Draft202012Validator.check_schema(tour_schema)
    check(True, "")
except jsonschema.SchemaError as e:
    check(False, f"tour.schema.json is not a valid 2020-12 schema: {e.message}")
tour_validator = jsonschema.Draft202012Validator(tour_schema)
tours = [p[len(ROOT) + 1:] for p in sorted(glob.glob(os.path.join(ROOT, "assets/tours/*.json")))]
check(len(tours) >= 1, "built-in tours found")
for path in tours:
    errors = list(tour_validator.iter_errors(load(path)))
    check(not errors, f"{path}: {[e.message for e in errors[:3]]}")
    accepted, output = reader_accepts(load(path))
    check(accepted, f"{path}: the reader refused it: {output.strip()[:300]}")

intro = load("assets/tours/intro.json")


def step_put(i, key, value):
    return put(["tour", "steps", i, key], value)


tour_broken = [
    ("unknown top-level key", put(["colour"], "red")),
    ("version 2", put(["version"], 2)),
    ("version as a string", put(["version"], "1")),
    ("no tour", drop(["tour"])),
    ("tour id empty", put(["tour", "id"], "")),
    ("tour name blank", put(["tour", "name"], " ")),
    ("tour unknown key", put(["tour", "colour"], "red")),
    ("no steps", put(["tour", "steps"], [])),
    ("61 steps", lambda d: d["tour"].update(steps=(d["tour"]["steps"] * 61)[:61])),
    ("step title missing", drop(["tour", "steps", 0, "title"])),
    ("step title null", step_put(0, "title", None)),
    ("step title blank", step_put(0, "title", " \t")),
    ("step text of 601 characters", step_put(0, "text", "é" * 601)),
    ("step unknown key", step_put(0, "colour", "red")),
    ("target not an item name", step_put(0, "target", "Save view")),
    ("target without a name", step_put(0, "target", "button:")),
    ("action kind unknown", put(["tour", "steps", 1, "action", "kind"], "fly")),
    ("action without kind", drop(["tour", "steps", 1, "action", "kind"])),
    ("action value missing", drop(["tour", "steps", 1, "action", "value"])),
    ("action pipeline empty", put(["tour", "steps", 1, "action", "value"], "")),
    ("action unknown key", put(["tour", "steps", 1, "action", "speed"], 2)),
    ("action a string", step_put(1, "action", "board")),
    ("group by unknown key", step_put(1, "action", {"kind": "group", "value": "colour"})),
    ("board with a value", step_put(1, "action", {"kind": "board", "value": "smb"})),
    ("past day format", step_put(1, "action", {"kind": "past_day", "value": "01.09.2026"})),
    ("past day without value", step_put(1, "action", {"kind": "past_day"})),
    ("advance event unknown", step_put(0, "advance", {"event": "teleported"})),
    ("advance an event's bare name", step_put(0, "advance", "view_saved")),
    ("advance unknown key", step_put(0, "advance", {"event": "view_saved", "after": 2})),
    ("advance a number", step_put(0, "advance", 1)),
]
tour_borderline_ok = [
    ("optional fields null", lambda d: (d["tour"].update(description=None),
                                        d["tour"]["steps"][0].update(target=None, action=None, advance=None))),
    ("advance next", step_put(0, "advance", "next")),
    ("text of 600 characters", step_put(0, "text", "é" * 600)),
    ("60 steps", lambda d: d["tour"].update(steps=(d["tour"]["steps"] * 60)[:60])),
    ("empty target and description", lambda d: (d["tour"].update(description=""), d["tour"]["steps"][1].update(target=""))),
    ("reports without value", step_put(1, "action", {"kind": "reports"})),
    ("reports value null", step_put(1, "action", {"kind": "reports", "value": None})),
    ("board value null", step_put(1, "action", {"kind": "board", "value": None})),
    ("past day cleared", step_put(1, "action", {"kind": "past_day", "value": ""})),
    ("group by a custom field", step_put(1, "action", {"kind": "group", "value": "custom.region"})),
]
for name, fn in tour_broken:
    d = edited(intro, fn)
    accepted, output = reader_accepts(d)
    check(not accepted, f"tour: {name}: the reader accepted it")
    check(bool(list(tour_validator.iter_errors(d))), f"tour: {name}: the schema accepted it (reader said: {output.strip()[:200]})")
for name, fn in tour_borderline_ok:
    d = edited(intro, fn)
    accepted, output = reader_accepts(d)
    check(accepted, f"tour: {name}: the reader refused it: {output.strip()[:300]}")
    errors = list(tour_validator.iter_errors(d))
    check(not errors, f"tour: {name}: the schema refused it: {[e.message for e in errors[:3]]}")

print(f"{passed} passed, {failed} failed")
sys.exit(1 if failed else 0)
