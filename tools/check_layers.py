#!/usr/bin/env python3
"""Fails when an #include between the source folders closes a cycle.

Folders are the top-level source directories (a sub-folder such as backends/cuda belongs to
its parent); an include of "x/..." from a file in folder f is an edge f -> x. The folder graph
must be acyclic so that every folder can be one CMake target linking only the folders below
it. Prints each cycle with one include that is on it, exits 1 when there is any.

Usage: check_layers.py [ROOT]   (default: the repository this script is in)
"""
import os
import re
import sys

FOLDERS = ["core", "data", "neurons", "network", "backends", "models", "bench", "apps"]
INCLUDE = re.compile(r'^\s*#\s*include\s+"([a-z_]+)/[^"]+"', re.M)
SOURCES = (".hpp", ".cpp", ".cu", ".cuh", ".h")


def edges(root):
    """(src folder, dst folder) -> an example 'file:line' that includes across."""
    found = {}
    for folder in FOLDERS:
        for dirpath, _, files in os.walk(os.path.join(root, folder)):
            for name in sorted(files):
                if not name.endswith(SOURCES):
                    continue
                path = os.path.join(dirpath, name)
                with open(path, encoding="utf-8", errors="replace") as f:
                    text = f.read()
                for m in INCLUDE.finditer(text):
                    dst = m.group(1)
                    if dst in FOLDERS and dst != folder:
                        line = text.count("\n", 0, m.start()) + 1
                        found.setdefault((folder, dst), f"{os.path.relpath(path, root)}:{line}")
    return found


def cycles(graph_edges):
    """Strongly connected components with more than one folder (Tarjan)."""
    succ = {f: sorted(d for (s, d) in graph_edges if s == f) for f in FOLDERS}
    index, low, on_stack, stack, out = {}, {}, set(), [], []
    counter = [0]

    def visit(v):
        index[v] = low[v] = counter[0]
        counter[0] += 1
        stack.append(v)
        on_stack.add(v)
        for w in succ[v]:
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
                out.append(sorted(comp))

    for f in FOLDERS:
        if f not in index:
            visit(f)
    return out


def main():
    root = sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    found = edges(root)
    bad = cycles(found)
    for comp in bad:
        print("include cycle between folders: " + " <-> ".join(comp))
        for (s, d), where in sorted(found.items()):
            if s in comp and d in comp:
                print(f"  {s} -> {d}: {where}")
    if bad:
        return 1
    print(f"folder includes are acyclic ({len(found)} cross-folder edges)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
