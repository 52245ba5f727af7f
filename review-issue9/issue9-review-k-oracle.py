"""Review aid for issue 9 (not part of the code base): an algorithm-aware reader for app/privacy/k.py.

A reader who knows the rules also knows WHEN the rules cover a further cell or hide a line whole. This oracle
enumerates every line with the same number of cells and the same total (the total is on the page: „N Menschen
haben geantwortet“, or the life area's count), runs `protect` on each, keeps the ones whose output is identical
to what the page shows, and reports every cell shown as „weniger als k“ that has only one possible value, and
every line hidden whole whose class pins a cell to 1..k-1.

Run with the path of a checkout (loads only app/privacy/k.py, no app import):
    PYTHONDONTWRITEBYTECODE=1 python3 /work/notes/issue9-review-k-oracle.py /work/wt-9
"""
import collections
import importlib.util
import sys

_spec = importlib.util.spec_from_file_location("k", f"{sys.argv[1] if len(sys.argv) > 1 else '.'}/app/privacy/k.py")
_k = importlib.util.module_from_spec(_spec)
sys.modules["k"] = _k  # dataclasses look the module up while the class bodies run
_spec.loader.exec_module(_k)
SMALL, CountTable, Line, protect = _k.SMALL, _k.CountTable, _k.Line, _k.protect


def out(counts, k):
    table = protect(CountTable(tuple("abcdef"[:len(counts)]), (Line("q", counts, sum(counts)),), sum(counts)), k)
    line = table.lines[0]
    return tuple((cell.value, cell.hidden) for cell in line.cells), line.total, line.hidden_whole


def comps(n, cells):
    if cells == 1:
        yield (n,)
        return
    for a in range(n + 1):
        for rest in comps(n - a, cells - 1):
            yield (a, *rest)


for k in (4, 5, 6):
    for cells in (2, 3, 4):
        for n in range(k, 17):
            classes = collections.defaultdict(list)
            for world in comps(n, cells):
                classes[out(world, k)].append(world)
            for (shown, _total, whole), worlds in classes.items():
                for i in range(cells):
                    values = {w[i] for w in worlds}
                    if shown[i][1] == SMALL and len(values) < 2:
                        print(f"k={k} people={n}: {worlds} shown as {[h or v for v, h in shown]} -> cell {i} pinned")
                    if whole and len(values) == 1 and 0 < next(iter(values)) < k:
                        print(f"k={k} people={n}: hidden whole only for {worlds} -> cell {i} = {values}")
