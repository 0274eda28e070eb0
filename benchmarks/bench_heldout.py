"""The whole extraction chain on pages of CMS families we have no layout for.

fixtures/heldout/ holds 14 articles of 5 invented sites on Joomla, Drupal, Liferay, a
Next.js site and a windows-1258 static site, written and annotated by someone who had not
seen our extractors (annotation rules: fixtures/heldout/NOTES.md). Every page goes through
`parse_page` (the generic layout: no site rules) and the pipelines, and is compared with
its expected JSON: titles, publication days and authors exactly; body token F1; people by
folded name, places by (name, level), money by amount, counts by (value, unit), event
dates by (start, end): precision and recall.

    .venv/bin/python -m benchmarks.bench_heldout [-v]    # -v: every mismatch
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from benchmarks.common import table, token_f1
from ctd_crawler.extract.gazetteer import name_key
from ctd_crawler.extract.people import person_key
from ctd_crawler.extract.text import nfc
from ctd_crawler.page.parse import parse_page
from ctd_crawler.pipelines import run_chain
from ctd_crawler.sites import site_for_url

HELDOUT = Path(__file__).resolve().parent.parent / "fixtures" / "heldout"
FACTS = {
    "people": lambda p: person_key(p["name"]),
    "places": lambda p: (name_key(p["name"]), p["level"]),
    "money": lambda m: (m["amount_vnd"], m.get("amount")),
    "counts": lambda c: (c["value"], c["unit"]),
    "event_dates": lambda e: (e["start"], e["end"]),
}


def pages() -> list[tuple[Path, dict]]:
    expected = HELDOUT / "expected"
    return [(HELDOUT / "sites" / str(path.relative_to(expected))[: -len(".json")], json.loads(path.read_text("utf-8")))
            for path in sorted(expected.rglob("*.json"))]


def main(verbose: bool = False) -> None:
    fields = {"title": 0, "published day": 0, "published exactly": 0, "author": 0}
    f1s, facts = [], {name: [0, 0, 0] for name in FACTS}  # right, found, expected
    cases = pages()
    for page, truth in cases:
        item = run_chain(parse_page(page.read_bytes(), truth["url"], site=site_for_url(truth["url"])))
        fields["title"] += nfc(item.title or "") == nfc(truth["title"])
        fields["published day"] += (item.published_at or "")[:10] == truth["published_at"][:10]
        fields["published exactly"] += item.published_at == truth["published_at"]
        fields["author"] += (item.author or None) == truth["author"]
        f1s.append(token_f1(item.body_text, truth["body_text"]))
        for name, key in FACTS.items():
            got, want = {key(x) for x in getattr(item, name)}, {key(x) for x in truth[name]}
            facts[name] = [facts[name][0] + len(got & want), facts[name][1] + len(got), facts[name][2] + len(want)]
            if verbose and got != want:
                print(f"{page.name[:60]} {name}: extra {sorted(got - want, key=str)} missing {sorted(want - got, key=str)}")
    n = len(cases)
    print(f"{n} held-out pages, generic layout\n")
    rows = [[name, f"{right}/{n}"] for name, right in fields.items()]
    rows.append(["body token F1 (mean / min)", f"{sum(f1s) / n:.3f} / {min(f1s):.3f}"])
    for name, (right, found, expected) in facts.items():
        rows.append([f"{name} P / R", f"{right / found if found else 0:.3f} / {right / expected if expected else 0:.3f}"])
    print(table(["measure", "result"], rows))


if __name__ == "__main__":
    main("-v" in sys.argv)
