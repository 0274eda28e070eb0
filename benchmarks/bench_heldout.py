"""The whole extraction chain on pages of CMS families we have no layout for.

fixtures/heldout/ holds 14 articles of 5 invented sites on Joomla, Drupal, Liferay, a
Next.js site and a windows-1258 static site, written and annotated by someone who had not
seen our extractors (annotation rules: fixtures/heldout/NOTES.md). Every page goes through
`parse_page` (the generic layout: no site rules) and the pipelines, and is scored against
its expected JSON with ctd_crawler/quality.py (the scorer of the quality floor).

    .venv/bin/python -m benchmarks.bench_heldout [-v]    # -v: every mismatch
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from benchmarks.common import table
from ctd_crawler.page import parse_page
from ctd_crawler.pipelines import run_chain
from ctd_crawler.quality import FACT_KEYS, Score
from ctd_crawler.sites import site_for_url

HELDOUT = Path(__file__).resolve().parent.parent / "fixtures" / "heldout"


def pages() -> list[tuple[Path, dict]]:
    expected = HELDOUT / "expected"
    return [(HELDOUT / "sites" / str(path.relative_to(expected))[: -len(".json")], json.loads(path.read_text("utf-8")))
            for path in sorted(expected.rglob("*.json"))]


def main(verbose: bool = False) -> None:
    score = Score()
    cases = pages()
    for page, truth in cases:
        got = run_chain(parse_page(page.read_bytes(), truth["url"], site=site_for_url(truth["url"]))).extraction()
        score.add(got, truth)
        for name, key in FACT_KEYS.items() if verbose else ():
            found, want = {key(x) for x in got[name]}, {key(x) for x in truth[name]}
            if found != want:
                print(f"{page.name[:60]} {name}: extra {sorted(found - want, key=str)} "
                      f"missing {sorted(want - found, key=str)}")
    n = score.articles
    print(f"{n} held-out pages, generic layout\n")
    rows = [[name, f"{right}/{n}"] for name, right in score.exact.items()]
    rows.append(["body token F1 (mean / min)", f"{sum(score.body_f1) / n:.3f} / {min(score.body_f1):.3f}"])
    for name, tally in score.facts.items():
        rows.append([f"{name} P / R / F1", f"{tally.precision:.3f} / {tally.recall:.3f} / {tally.f1:.3f}"])
    rows.append(["titles right", f"{score.titles.right}/{score.titles.expected}"])
    print(table(["measure", "result"], rows))


if __name__ == "__main__":
    main("-v" in sys.argv)
