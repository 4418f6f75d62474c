#!/usr/bin/env python3
"""Layering checks that the compiler cannot make (issue #20), run by `tools/dev.sh test`:
  1. no include cycle between the modules of core/ and of app/ (a module is a file stem:
     x.hpp and x.cpp together), because a cycle means neither can be read, tested or
     moved without the other;
  2. no GLFW, OpenGL, ImGui backend or Emscripten outside platform/ (core/, app/, tools/):
     the platform layer is the only place that knows which window system it runs on;
  3. one build graph: the libraries of core/ and app/ (nd_core, nd_app) are defined by their
     own folder's CMakeLists.txt only, so the desktop and the web build compile the same
     targets (the web build once defined nd_app a second time, from a glob of app/);
  4. a shell in platform/ does not look up the app's windows by name (ImGui's
     FindWindowByName): what a shell needs from the app, the app reports (App::toast_rect).
Prints every finding with file and line and exits 1 when there is one; exits 0 otherwise.
Usage: tools/check-layering.py [checkout]   (default: the checkout this script is in)"""
import os
import re
import sys

root = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), ".."))
SOURCES = (".cpp", ".hpp", ".h", ".cc")
include_re = re.compile(r'^\s*#\s*include\s*"([^"]+)"')
library_re = re.compile(r'^\s*add_library\s*\(\s*(nd_core|nd_app)\b')
LIBRARY_HOME = {"nd_core": os.path.join("core", "CMakeLists.txt"), "nd_app": os.path.join("app", "CMakeLists.txt")}
window_by_name_re = re.compile(r'\bFindWindowByName\s*\(')
platform_re = re.compile(r'^\s*#\s*(include\s*[<"](GLFW/|GL/|GLES|emscripten|imgui_impl_)|(if|ifdef|ifndef|elif)\b.*__EMSCRIPTEN__)')


def sources(folder):
    for dirpath, dirs, files in os.walk(os.path.join(root, folder)):
        dirs[:] = sorted(d for d in dirs if d != "third_party")   # platform/web/third_party: Dear ImGui's own code
        for f in sorted(files):
            if f.endswith(SOURCES):
                yield os.path.join(dirpath, f)


def module_of(path):
    return os.path.splitext(os.path.relpath(path, root))[0]


def cycles(folder):
    """Strongly connected components of more than one module (Tarjan)."""
    edges = {}
    for path in sources(folder):
        mod = module_of(path)
        edges.setdefault(mod, set())
        with open(path, encoding="utf-8", errors="replace") as fh:
            for line in fh:
                m = include_re.match(line)
                if not m:
                    continue
                target = os.path.normpath(os.path.join(os.path.dirname(path), m.group(1)))
                if os.path.exists(target):
                    dep = module_of(target)
                    if dep != mod and dep.startswith(folder + os.sep):
                        edges[mod].add(dep)
    index, low, stack, on_stack, found = {}, {}, [], set(), []
    counter = [0]

    def visit(v):
        index[v] = low[v] = counter[0]
        counter[0] += 1
        stack.append(v)
        on_stack.add(v)
        for w in sorted(edges.get(v, ())):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                comp.append(w)
                if w == v:
                    break
            if len(comp) > 1:
                found.append(sorted(comp))

    sys.setrecursionlimit(10000)
    for v in sorted(edges):
        if v not in index:
            visit(v)
    return found


problems = []
for folder in ("core", "app"):
    for comp in cycles(folder):
        problems.append("include cycle between modules: " + " <-> ".join(comp))
for folder in ("core", "app", "tools"):
    for path in sources(folder):
        with open(path, encoding="utf-8", errors="replace") as fh:
            for n, line in enumerate(fh, 1):
                if platform_re.match(line):
                    problems.append(f"{os.path.relpath(path, root)}:{n}: platform detail outside platform/: {line.strip()}")


def cmake_files():
    """CMakeLists.txt and *.cmake of the tree, not of build folders or third-party code."""
    for dirpath, dirs, files in os.walk(root):
        dirs[:] = sorted(d for d in dirs if d not in (".git", "third_party", "fixtures", "node_modules")
                         and not os.path.exists(os.path.join(dirpath, d, "CMakeCache.txt")))
        for f in sorted(files):
            if f == "CMakeLists.txt" or f.endswith(".cmake"):
                yield os.path.join(dirpath, f)


for path in cmake_files():
    rel = os.path.relpath(path, root)
    with open(path, encoding="utf-8", errors="replace") as fh:
        for n, line in enumerate(fh, 1):
            m = library_re.match(line)
            if m and rel != LIBRARY_HOME[m.group(1)]:
                problems.append(f"{rel}:{n}: {m.group(1)} defined outside {LIBRARY_HOME[m.group(1)]} "
                                f"(one build graph: add the folder instead): {line.strip()}")
for path in sources("platform"):
    with open(path, encoding="utf-8", errors="replace") as fh:
        for n, line in enumerate(fh, 1):
            if window_by_name_re.search(line):
                problems.append(f"{os.path.relpath(path, root)}:{n}: a shell looks up an app window by name "
                                f"(have the app report what the shell needs): {line.strip()}")
for p in problems:
    print("check-layering:", p)
if problems:
    sys.exit(1)
print("check-layering: no include cycle in core/ or app/, no platform detail outside platform/, "
      "core/ and app/ built by their own CMakeLists.txt only, no window looked up by name in platform/")
