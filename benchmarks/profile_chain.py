"""Where the `ctd-archive extract` chain spends its time, step by step, on the fixture pages.

Each step of `parse_page` + `pipelines.run_chain` is timed on its own (CPU time, best of
ROUNDS passes over all pages), trafilatura.extract on the same bytes in the same run is the
baseline; `--profile N` prints cProfile's N most costly functions (own time) of the chain.

    .venv/bin/python -m benchmarks.profile_chain [--rounds 5] [--profile 30]
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import time
from collections import defaultdict

import trafilatura

from benchmarks.common import fixtures, table
from ctd_crawler import pipelines
from ctd_crawler.page import parse as page_parse
from ctd_crawler.page.decode import decode_html
from ctd_crawler.pipelines import dates as dates_step
from ctd_crawler.pipelines import entities as entities_step
from ctd_crawler.sites import site_for_url

clock = time.process_time


class StepClock:
    """CPU time per named step, summed over a pass."""

    def __init__(self):
        self.spent: dict[str, float] = defaultdict(float)

    def timed(self, name, fn, *args, **kwargs):
        start = clock()
        try:
            return fn(*args, **kwargs)
        finally:
            self.spent[name] += clock() - start


def instrument(steps: StepClock):
    """Wrap the page steps and every guarded extractor so each reports its own time."""
    orig_guarded = pipelines.guarded

    def guarded(item, count, name, fn):
        return steps.timed(f"pipelines: {name}", orig_guarded, item, count, name, fn)

    dates_step.guarded = entities_step.guarded = guarded
    for name in ("decode_html", "parse_html", "layout_for"):
        orig = getattr(page_parse, name)
        setattr(page_parse, name, lambda *a, _o=orig, _n=name, **k: steps.timed(f"page: {_n}", _o, *a, **k))


def one_pass(pages, steps: StepClock) -> float:
    start = clock()
    for body, url in pages:
        site = site_for_url(url)
        item = steps.timed("page: parse_page (all)", page_parse.parse_page, body, url, site=site)
        for step in pipelines.steps():
            item = steps.timed(f"step: {type(step).__name__}", step.apply, item, pipelines._no_count)
    return clock() - start


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--profile", type=int, default=0, help="print the N most costly functions")
    args = ap.parse_args()
    items = fixtures()
    pages = [(f.page.read_bytes(), f.truth["url"]) for f in items]
    n = len(pages)

    def trafilatura_pass() -> float:
        start = clock()
        for body, url in pages:
            trafilatura.extract(decode_html(body)[0], url=url, include_comments=False)
        return clock() - start

    steps = StepClock()
    instrument(steps)
    trafilatura_pass()
    one_pass(pages, steps)  # warm: lexicons, gazetteer, caches (their cold load is measured apart)
    best: dict[str, float] = {}
    totals, bases = [], []
    for _ in range(args.rounds):  # in turns, so that both see the same load of a shared machine
        bases.append(trafilatura_pass())
        steps.spent.clear()
        totals.append(one_pass(pages, steps))
        for name, s in steps.spent.items():
            best[name] = min(best.get(name, s), s)
    whole, base = min(totals) / n * 1000, min(bases) / n * 1000
    rows = [[name, f"{s / n * 1000:.2f}", f"{s / n * 1000 / whole:.0%}"] for name, s in sorted(best.items())]
    rows.append(["whole chain (parse_page + run_chain)", f"{whole:.2f}", "100%"])
    rows.append([f"trafilatura.extract {trafilatura.__version__} (baseline)", f"{base:.2f}", f"{base / whole:.0%}"])
    print(f"{n} fixture articles, CPU time, best of {args.rounds} passes; whole chain / trafilatura = "
          f"{whole / base:.2f}x\n")
    print(table(["step", "ms/page", "share of the chain"], rows))
    if args.profile:
        prof = cProfile.Profile()
        prof.enable()
        one_pass(pages, StepClock())
        prof.disable()
        pstats.Stats(prof).sort_stats("tottime").print_stats(args.profile)


if __name__ == "__main__":
    main()
