#!/usr/bin/env python3
"""check_layers.py passes on src/core and fails on each kind of breach (shell/test runs both)."""
import os
import shutil
import sys
import tempfile
import unittest

sys.path.insert(0, os.path.dirname(__file__))
import check_layers  # noqa: E402

CORE = os.path.join(os.path.dirname(__file__), "..", "..", "src", "core")


class Tree:
    """A small src/core of folders {name: (deps, {file: text})}."""

    def __init__(self, folders):
        self.dir = tempfile.mkdtemp()
        for folder, (deps, files) in folders.items():
            os.makedirs(os.path.join(self.dir, folder))
            with open(os.path.join(self.dir, folder, "CMakeLists.txt"), "w") as f:
                f.write(f"# {folder}\npb_core_library({folder} SPEED" + (f" DEPENDS {' '.join(deps)}" if deps else "") + ")\n")
            for name, text in files.items():
                with open(os.path.join(self.dir, folder, name), "w") as f:
                    f.write(text)

    def problems(self):
        return check_layers.check(self.dir)[0]

    def cleanup(self):
        shutil.rmtree(self.dir)


def base(**extra):
    folders = {
        "model": ([], {"model.hpp": "#pragma once\n", "model.cpp": '#include "model.hpp"\n'}),
        "query": (["model"], {"query.hpp": '#include "model.hpp"\n', "query.cpp": '#include "query.hpp"\n'}),
    }
    for folder, (deps, files) in extra.items():
        old_deps, old_files = folders.get(folder, ([], {}))
        folders[folder] = (deps or old_deps, {**old_files, **files})
    return Tree(folders)


class CheckLayers(unittest.TestCase):
    def expect(self, tree, needle):
        try:
            problems = tree.problems()
        finally:
            tree.cleanup()
        self.assertTrue(any(needle in p for p in problems), f"expected {needle!r} in {problems}")

    def test_the_real_core_passes(self):
        problems, files, libraries = check_layers.check(CORE)
        self.assertEqual(problems, [])
        self.assertGreater(files, 40)
        self.assertGreater(libraries, 5)

    def test_a_clean_small_tree_passes(self):
        tree = base()
        try:
            self.assertEqual(tree.problems(), [])
        finally:
            tree.cleanup()

    def test_an_include_against_the_layers(self):
        self.expect(base(model=([], {"model.cpp": '#include "model.hpp"\n#include "query.hpp"\n'})),
                    'includes "query.hpp" of query/, which model/ does not depend on')

    def test_two_files_that_call_each_other(self):
        # documents.cpp and documents_fast.cpp once did this: each included the other's header.
        self.expect(base(query=(["model"], {
            "a.hpp": "#pragma once\n", "a.cpp": '#include "a.hpp"\n#include "b.hpp"\n',
            "b.hpp": "#pragma once\n", "b.cpp": '#include "b.hpp"\n#include "a.hpp"\n'})),
            "files include each other in a cycle: query/a -> query/b -> query/a")

    def test_imgui_or_the_ui_from_the_core(self):
        self.expect(base(model=([], {"model.cpp": "#include <imgui.h>\n"})), "uses no ImGui")
        self.expect(base(model=([], {"model.cpp": '#include "ui/board.hpp"\n'})), "includes nothing outside it")

    def test_an_internal_header_from_another_folder(self):
        self.expect(base(model=([], {"model_internal.hpp": "#pragma once\n"}),
                         query=(["model"], {"query.cpp": '#include "model_internal.hpp"\n'})),
                    "internal to model/")

    def test_libraries_in_a_cycle(self):
        self.expect(base(model=(["query"], {})), "libraries depend on each other in a cycle")

    def test_commented_out_includes_do_not_count(self):
        tree = base(model=([], {"model.cpp": '#include "model.hpp"\n// #include "query.hpp"\n/* #include "query.hpp" */\n'}))
        try:
            self.assertEqual(tree.problems(), [])
        finally:
            tree.cleanup()


if __name__ == "__main__":
    unittest.main(verbosity=1)
