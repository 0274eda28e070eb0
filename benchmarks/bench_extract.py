"""Body extraction on the fixture pages: our layouts, our generic fallback, trafilatura.

Speed: time per page of the whole `ctd-archive extract` chain (decode, layout, all
pipelines) and of the layout alone, against `trafilatura.extract` on the same bytes in
the same run (ratio). Quality: token F1 of each body against the hand-written one.

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

    runs = {name: timed(fn, pages) for name, fn in [
        ("ctd layouts (decode + layout)", layout_only), ("ctd extract (whole chain)", full_chain),
        ("ctd generic fallback", generic), ("trafilatura.extract", trafilatura_body)]}
    base = runs["trafilatura.extract"][0]
    rows = []
    for name, (ms, bodies) in runs.items():
        f1 = [token_f1(got, f.truth["body_text"]) for got, f in zip(bodies, items)]
        rows.append([name, f"{ms:.2f}", f"{ms / base:.2f}x", f"{statistics.mean(f1):.3f}",
                     f"{min(f1):.3f}", sum(x >= 0.95 for x in f1)])
    print(f"{len(items)} fixture articles, {REPEAT} passes, baseline trafilatura {trafilatura.__version__}\n")
    print(table(["extractor", "ms/page", "time vs trafilatura", "mean body F1", "min F1", "pages F1>=0.95"], rows))


if __name__ == "__main__":
    main()
