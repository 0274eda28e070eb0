"""Body extraction on the fixture pages: our layouts, our generic fallback, trafilatura.

Speed: time per page of the whole `ctd-archive extract` chain (decode, layout, all
pipelines) and of the layout alone, against `trafilatura.extract` on the same bytes in
the same run (ratio), each after a first pass that loads its lexicons and caches (that
pass's time is printed apart: a process pays it once). Quality: token F1 of each body
against the hand-written one.

    .venv/bin/python benchmarks/bench_extract.py
"""

from __future__ import annotations

import statistics
import time

import trafilatura

from benchmarks.common import fixtures, table, token_f1
from ctd_crawler.page.decode import decode_html
from ctd_crawler.page.html import parse_html
from ctd_crawler.page.layouts import get_layout
from ctd_crawler.page.parse import parse_page
from ctd_crawler.pipelines import run_chain
from ctd_crawler.sites import site_for_url

REPEAT = 5


def timed(fn, pages) -> tuple[float, list]:
    results = []
    start = time.perf_counter()
    for _ in range(REPEAT):
        results = [fn(p) for p in pages]
    return (time.perf_counter() - start) / (REPEAT * len(pages)) * 1000, results


def main() -> None:
    items = fixtures()
    pages = [(f.page.read_bytes(), f.truth["url"]) for f in items]

    def layout_only(page):
        body, url = page
        return parse_page(body, url, site=site_for_url(url)).body_text

    def full_chain(page):
        body, url = page
        return run_chain(parse_page(body, url, site=site_for_url(url))).body_text

    def generic(page):
        body, url = page
        return get_layout("generic").parse(parse_html(decode_html(body)[0]), url).body_text

    def trafilatura_body(page):
        body, url = page
        return trafilatura.extract(decode_html(body)[0], url=url, include_comments=False) or ""

    extractors = [("ctd layouts (decode + layout)", layout_only), ("ctd extract (whole chain)", full_chain),
                  ("ctd generic fallback", generic), ("trafilatura.extract", trafilatura_body)]
    cold = {}
    for name, fn in extractors:  # one pass each first: lexicons, gazetteer and caches loaded (the cold cost apart)
        start = time.perf_counter()
        for p in pages:
            fn(p)
        cold[name] = (time.perf_counter() - start) / len(pages) * 1000
    runs = {name: timed(fn, pages) for name, fn in extractors}
    base = runs["trafilatura.extract"][0]
    rows = []
    for name, (ms, bodies) in runs.items():
        f1 = [token_f1(got, f.truth["body_text"]) for got, f in zip(bodies, items)]
        rows.append([name, f"{ms:.2f}", f"{ms / base:.2f}x", f"{statistics.mean(f1):.3f}",
                     f"{min(f1):.3f}", sum(x >= 0.95 for x in f1)])
    print(f"{len(items)} fixture articles, {REPEAT} passes after a first (cold) one, baseline trafilatura "
          f"{trafilatura.__version__}; the first pass, ms/page: "
          + ", ".join(f"{name} {ms:.2f}" for name, ms in cold.items()) + "\n")
    print(table(["extractor", "ms/page", "time vs trafilatura", "mean body F1", "min F1", "pages F1>=0.95"], rows))


if __name__ == "__main__":
    main()
