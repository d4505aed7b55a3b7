#!/usr/bin/env python3
"""The include graph of src/core, checked (shell/test runs this; tests/layers/test_check_layers.py
shows it failing on broken trees).

Rules:
1. A file of src/core includes no header of src/ui or src/app, nor ImGui, GLFW or Emscripten.
2. A folder of src/core includes headers only from itself and from the libraries it depends on,
   directly or through them, as its CMakeLists.txt declares (pb_core_library(... DEPENDS ...)).
   The build enforces this too (each library sees only its dependencies' include directories);
   this check names the offending line.
3. A header named *_internal.hpp is included only from its own folder.
4. No cycle between the files of src/core. A file and its header are one module (foo.cpp with
   foo.hpp; foo_internal.hpp belongs to foo), so two .cpp files calling into each other through
   their headers are a cycle too.

Usage: check_layers.py [CORE_DIR]   (default: src/core beside this repository). Exit 1 on a breach.
"""
import os
import re
import sys

INCLUDE = re.compile(r'^\s*#\s*include\s*([<"])([^>"]+)[>"]', re.M)
LIBRARY = re.compile(r'pb_core_library\(\s*(\w+)\s+(SPEED|SIZE)\s*(?:DEPENDS\s+([\w\s]+?))?\s*\)', re.S)
FORBIDDEN_SYSTEM = ("imgui", "GLFW/", "GLES", "emscripten")


def strip_comments(text):
    text = re.sub(r'/\*.*?\*/', '', text, flags=re.S)
    return re.sub(r'//[^\n]*', '', text)


def module_of(filename):
    stem = os.path.splitext(filename)[0]
    return stem[:-len("_internal")] if stem.endswith("_internal") else stem


def read_text(path):
    with open(path, encoding="utf-8") as f:
        return f.read()


def read_tree(core):
    """{folder: deps}, {relpath: [(line, kind, target)]}"""
    libraries, files = {}, {}
    for folder in sorted(os.listdir(core)):
        path = os.path.join(core, folder)
        if not os.path.isdir(path):
            continue
        cmake = os.path.join(path, "CMakeLists.txt")
        m = LIBRARY.search(read_text(cmake)) if os.path.exists(cmake) else None
        if not m or m.group(1) != folder:
            raise SystemExit(f"{cmake}: no pb_core_library({folder} SPEED|SIZE ...)")
        libraries[folder] = (m.group(3) or "").split()
        for name in sorted(os.listdir(path)):
            if name.endswith((".cpp", ".hpp")):
                text = strip_comments(read_text(os.path.join(path, name)))
                files[f"{folder}/{name}"] = [(text[:m.start()].count("\n") + 1, m.group(1), m.group(2))
                                             for m in INCLUDE.finditer(text)]
    return libraries, files


def reachable(libraries, folder):
    seen, todo = set(), [folder]
    while todo:
        for dep in libraries.get(todo.pop(), []):
            if dep not in seen:
                seen.add(dep)
                todo.append(dep)
    return seen


def find_cycle(graph):
    """One cycle of the graph as a list of nodes, or None (iterative DFS, colours)."""
    colour = {n: 0 for n in graph}
    for start in sorted(graph):
        if colour[start]:
            continue
        stack = [(start, iter(sorted(graph[start])))]
        colour[start] = 1
        path = [start]
        while stack:
            node, edges = stack[-1]
            nxt = next(edges, None)
            if nxt is None:
                colour[node] = 2
                stack.pop()
                path.pop()
            elif colour.get(nxt) == 1:
                return path[path.index(nxt):] + [nxt]
            elif colour.get(nxt) == 0:
                colour[nxt] = 1
                stack.append((nxt, iter(sorted(graph[nxt]))))
                path.append(nxt)
    return None


def check(core):
    libraries, files = read_tree(core)
    problems = []
    for folder, deps in libraries.items():
        for dep in deps:
            if dep not in libraries:
                problems.append(f"{folder}/CMakeLists.txt: depends on {dep}, which is not a folder of src/core")
    if not problems:
        cycle = find_cycle({f: set(d) for f, d in libraries.items()})
        if cycle:
            problems.append("libraries depend on each other in a cycle: " + " -> ".join(cycle))
    where = {}  # header name -> folder (names are unique across src/core)
    for rel in files:
        folder, name = rel.split("/")
        if name.endswith(".hpp"):
            if name in where:
                problems.append(f"{rel}: a header of this name is in {where[name]}/ too")
            where[name] = folder

    graph = {}
    for rel, includes in files.items():
        folder, name = rel.split("/")
        allowed = reachable(libraries, folder) | {folder}
        node = f"{folder}/{module_of(name)}"
        graph.setdefault(node, set())
        for line, kind, target in includes:
            at = f"src/core/{rel}:{line}"
            if kind == "<":
                if target.startswith(FORBIDDEN_SYSTEM):
                    problems.append(f"{at}: includes <{target}>; the core uses no ImGui, GLFW or Emscripten")
                continue
            if target.startswith(("ui/", "app/", "cli/")) or "../" in target:
                problems.append(f'{at}: includes "{target}"; src/core includes nothing outside it')
                continue
            base = os.path.basename(target)
            owner = where.get(base)
            if owner is None:
                problems.append(f'{at}: includes "{target}", which is no header of src/core')
                continue
            if owner not in allowed:
                problems.append(f'{at}: includes "{target}" of {owner}/, which {folder}/ does not depend on '
                                f"(its CMakeLists.txt: {' '.join(libraries[folder]) or 'nothing'})")
            if base.endswith("_internal.hpp") and owner != folder:
                problems.append(f'{at}: includes "{target}", internal to {owner}/')
            target_node = f"{owner}/{module_of(base)}"
            if target_node != node:
                graph[node].add(target_node)
    for n in list(graph.values()):
        for t in n:
            graph.setdefault(t, set())
    cycle = find_cycle(graph)
    if cycle:
        problems.append("files include each other in a cycle: " + " -> ".join(cycle))
    return problems, len(files), len(libraries)


def main():
    core = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "..", "..", "src", "core")
    problems, nfiles, nlibs = check(core)
    for p in problems:
        print(p)
    if problems:
        print(f"include graph: {len(problems)} problems in {nfiles} files of {nlibs} libraries")
        return 1
    print(f"include graph: ok ({nfiles} files in {nlibs} libraries, layered, no cycles)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
