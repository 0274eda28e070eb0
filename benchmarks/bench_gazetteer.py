"""The gazetteer's cold load: time and resident memory, this tree against a git revision.

Run: .venv/bin/python benchmarks/bench_gazetteer.py [--against REV] [--rounds N]

Cold load = in a fresh interpreter, after importing ctd_crawler.extract.places.gazetteer,
the wall time of load_gazetteer() (time.perf_counter) and the growth of VmRSS
(/proc/self/status) it causes; CPU time (time.process_time) too, since other processes on a
busy machine inflate wall time. Each tree runs in `--rounds` fresh interpreters (default 7),
the trees taking turns; we print the best time, the median RSS growth, and, in one more
interpreter each, the tracemalloc peak (tracing slows the load and its own bookkeeping grows
the RSS, so no time or RSS is taken from that one).

`--against REV` (default HEAD): `git archive REV ctd_crawler` is unpacked into a temporary
directory and imported from there (PYTHONPATH), so the baseline is the whole package as
it was at REV, with the same interpreter and the same vietnamadminunits data files. Both
trees also print a digest of everything the gazetteer holds (every key of every index, the
units in their order, by_code), so the run says whether the outputs are identical.

A disk cache, where the tree has one, is measured twice: "first load" with an empty cache
directory (XDG_CACHE_HOME set to a fresh temporary directory in each interpreter) and
"with cache" (a directory the first interpreter of the round filled). A tree without a cache
gives the same figure for both.
"""

from __future__ import annotations

import argparse
import io
import os
import statistics
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

from benchmarks.common import ROOT

PROBE = r"""
import hashlib, sys, time, tracemalloc
def rss():
    with open('/proc/self/status') as f:
        for line in f:
            if line.startswith('VmRSS:'):
                return int(line.split()[1]) * 1024
import ctd_crawler.extract.places.gazetteer as g
assert g.__file__.startswith(sys.argv[1]), g.__file__
trace = sys.argv[2] == 'trace'
before = rss()
if trace:
    tracemalloc.start()
c, t = time.process_time(), time.perf_counter()
gaz = g.load_gazetteer()
wall, cpu = time.perf_counter() - t, time.process_time() - c
peak = tracemalloc.get_traced_memory()[1] if trace else 0
grown = rss() - before
digest = ''
if sys.argv[3] == 'digest':
    h = hashlib.sha256()
    def unit(u):
        return repr(tuple(getattr(u, f) for f in ('code', 'name', 'level', 'kind', 'era', 'province',
            'province_code', 'district', 'district_code', 'lat', 'lon', 'province_2025', 'commune_2025')))
    for name in ('index', 'alias_index'):
        index = getattr(gaz, name)
        for table in sorted(index):
            for key in sorted(index[table]):
                h.update(repr((name, table, key, [unit(u) for u in index[table][key]])).encode())
    for code in sorted(gaz.by_code):
        h.update(repr((code, unit(gaz.by_code[code]))).encode())
    digest = h.hexdigest()[:16]
print(wall, cpu, grown, peak, digest or '-')
"""


def _run(tree: Path, mode: str, cache_home: str, digest: bool = False) -> list:
    env = {**os.environ, "PYTHONPATH": str(tree), "XDG_CACHE_HOME": cache_home}
    out = subprocess.run([sys.executable, "-c", PROBE, str(tree), mode, "digest" if digest else "-"],
                         capture_output=True, text=True, cwd=tree, env=env, check=True)
    wall, cpu, grown, peak, dig = out.stdout.split()
    return [float(wall), float(cpu), int(grown), int(peak), dig]


def _export(rev: str, into: Path) -> Path:
    data = subprocess.run(["git", "-C", str(ROOT), "archive", rev, "ctd_crawler"], capture_output=True, check=True).stdout
    with tarfile.open(fileobj=io.BytesIO(data)) as tar:
        tar.extractall(into, filter="data")
    return into


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--against", default="HEAD", help="git revision of the baseline (default HEAD)")
    ap.add_argument("--rounds", type=int, default=7, help="fresh interpreters per tree and case")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-gaz-") as tmp:
        base = _export(args.against, Path(tmp) / "base")
        trees = {"this tree": ROOT, f"baseline {args.against}": base}
        results: dict[str, dict[str, list]] = {name: {"first": [], "cached": []} for name in trees}
        for r in range(args.rounds):
            for name, tree in trees.items():
                cache = Path(tmp) / f"cache-{name.split()[0]}-{r}"
                first = _run(tree, "-", str(cache))  # empty cache: first ever load
                results[name]["first"].append(first)
                results[name]["cached"].append(_run(tree, "-", str(cache)))
        traced: dict[tuple[str, str], list] = {}
        for name, tree in trees.items():
            cache = str(Path(tmp) / f"cache-{name.split()[0]}-trace")
            traced[(name, "first")] = _run(tree, "trace", cache, digest=True)
            traced[(name, "cached")] = _run(tree, "trace", cache, digest=True)

    def row(label: str, runs: list, peak: int) -> tuple[float, float, float]:
        wall = min(x[0] for x in runs)
        cpu = min(x[1] for x in runs)
        rss = statistics.median(x[2] for x in runs)
        print(f"| {label} | {wall * 1e3:.0f} | {cpu * 1e3:.0f} | {rss / 2**20:.1f} | {peak / 2**20:.1f} |")
        return wall, cpu, rss

    print(f"\ngazetteer cold load, fresh interpreters, {args.rounds} rounds (best time, median RSS growth)\n")
    print("| tree | case | wall ms | CPU ms | RSS growth MiB | tracemalloc peak MiB |")
    print("|---|---|---|---|---|---|")
    figures = {}
    for name in trees:
        for case, label in (("first", "first load (empty cache)"), ("cached", "with cache")):
            figures[(name, case)] = row(f"{name} | {label}", results[name][case], traced[(name, case)][3])
    ours, theirs = list(trees)
    print()
    for case in ("first", "cached"):
        a, b = figures[(ours, case)], figures[(theirs, case)]
        print(f"{case}: wall x{a[0] / b[0]:.2f}, CPU x{a[1] / b[1]:.2f}, RSS growth x{a[2] / b[2]:.2f} (this tree / baseline)")
    digests = {f"{name}, {case}": traced[(name, case)][4] for name in trees for case in ("first", "cached")}
    same = len(set(digests.values())) == 1
    print("\ncontent digests: " + ", ".join(f"{k} {v}" for k, v in digests.items()))
    print(f"outputs {'identical' if same else 'DIFFERENT'}")


if __name__ == "__main__":
    main()
