"""The extraction chain on real published Red Cross articles, against hand annotations.

benchmarks/realtext/ holds the facts (annotations.jsonl, urls.tsv; rules in NOTES.md) of 68
real articles, annotated blind. Their text belongs to its publishers and is not in this
repository: it is read from a folder of `<id>.txt` files (first line the title, then a
blank line, then the article text). Each text goes through the same steps as
`ctd-archive extract` (`run_chain` on an ArticleItem: title + body, the registry's site for
the URL, the annotated publication date when the page showed one) and is scored with
ctd_crawler/quality.py, overall and split by era (before / after 1 July 2025) and language.

    .venv/bin/python -m benchmarks.bench_realtext [--texts DIR] [-v]    # -v: every mismatch

Another set in the same formats (urls.tsv, annotations.jsonl), e.g. the held-out one:

    .venv/bin/python -m benchmarks.bench_realtext --set benchmarks/realtext-heldout --texts /work/devset/heldout-texts
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from dataclasses import dataclass
from pathlib import Path

from benchmarks.common import table
from ctd_crawler.extract.text import fold
from ctd_crawler.items import ArticleItem
from ctd_crawler.pipelines import run_chain
from ctd_crawler.quality import FACT_KEYS, Score, Tally, title_right
from ctd_crawler.sites import site_for_url

REALTEXT = Path(__file__).resolve().parent / "realtext"
TEXTS = Path("/work/devset/texts")
# A fixed fetch time after the newest article, so that runs compare (the chain reads it as "now").
FETCHED_AT = "2026-12-01T00:00:00+07:00"


@dataclass
class Case:
    truth: dict
    era: str  # "before" | "after" 1 July 2025
    title: str
    body: str


def load_truth(folder: Path = REALTEXT) -> list[tuple[dict, dict]]:
    """(annotation, urls.tsv row) per article, in id order."""
    rows = {r["id"]: r for r in csv.DictReader((folder / "urls.tsv").open(encoding="utf-8"), delimiter="\t")}
    lines = (folder / "annotations.jsonl").read_text("utf-8").splitlines()
    return [(a, rows[a["id"]]) for a in map(json.loads, filter(None, lines))]


def split_text(text: str) -> tuple[str, str]:
    """A text file's title (first line) and body (the rest), its paragraphs (one a line in
    the file) separated by a blank line, as a layout hands a body over."""
    title, _, body = text.strip("\ufeff").partition("\n")
    return title.strip(), "\n\n".join(line.strip() for line in body.splitlines() if line.strip())


def load_cases(texts: Path, folder: Path = REALTEXT) -> tuple[list[Case], list[str]]:
    """The articles whose text is in `texts`, and the ids of those whose text is not."""
    cases, missing = [], []
    for truth, row in load_truth(folder):
        path = texts / f"{truth['id']}.txt"
        if not path.is_file():
            missing.append(truth["id"])
            continue
        title, body = split_text(path.read_text("utf-8"))
        cases.append(Case(truth, "after" if row["after_reform"] == "yes" else "before", title, body))
    return cases, missing


def date_text(published_at: str | None) -> str | None:
    """The annotated publication date as a Vietnamese page prints it (dd/mm/yyyy [HH:MM])."""
    if not published_at:
        return None
    day = f"{published_at[8:10]}/{published_at[5:7]}/{published_at[:4]}"
    return f"{day} {published_at[11:16]}" if len(published_at) > 10 else day


def item_for(case: Case) -> ArticleItem:
    """An article item as a layout would hand it over: title, body, date text, language."""
    url = case.truth["url"]
    site = site_for_url(url)
    return ArticleItem(
        url=url, title=case.title, date_text=date_text(case.truth["published_at"]), author=None,
        body_text=case.body, lang=case.truth["lang"], layout="text", site=site.id if site else None,
        fetched_at=FETCHED_AT, status=200, content_type="text/plain", encoding="utf-8",
        raw=f"{case.title}\n\n{case.body}".encode(), html="",
        site_province=site.province if site else None,
    )


def mismatches(got: dict, want: dict) -> list[str]:
    """One line per field whose facts differ, and per person whose title differs."""
    lines = []
    for name, key in FACT_KEYS.items():
        found, expected = {key(x) for x in got[name]}, {key(x) for x in want[name]}
        if found != expected:
            lines.append(f"  {name}: extra {sorted(found - expected, key=str)} missing {sorted(expected - found, key=str)}")
    person_key = FACT_KEYS["people"]
    ours = {person_key(p): p for p in got["people"]}
    for person in want["people"]:
        found = ours.get(person_key(person))
        if person.get("title") and found is not None and not title_right(found, person["title"]):
            lines.append(f"  title of {person['name']}: ours {found.get('title')!r} want {person['title']!r}")
    return lines


def _cell(score: Score, name: str) -> str:
    if not score.articles:
        return "n/a"
    if name == "titles right":
        t = score.titles
        return f"{t.recall:.2f} ({t.right}/{t.expected})" if t.expected else "n/a"
    t = score.facts[name]
    return f"{t.precision:.2f} / {t.recall:.2f} / {t.f1:.2f}"


# Annotators write a counted noun's extent differently ("units of blood" or "units", "Tet gifts"
# or "gifts", "suất quà" or "suất"): a second, looser figure keys a count by its head noun, to
# tell a missed figure from a unit written longer or shorter. The strict figure is the score.
HEAD_COUNTS = "counts, value + head noun"


def head_noun(unit: str) -> str:
    """The head of a counted noun: its first word in Vietnamese ("suất quà" -> "suat"), in
    English its last word before "of" ("units of blood", "blood units" -> "units")."""
    folded = fold(unit).replace(",", " ")
    words = folded.split(" of ")[0].split() if unit.isascii() else folded.split()
    return (words[-1] if unit.isascii() else words[0]) if words else ""


def _heads(extraction: dict) -> set:
    return {(c["value"], head_noun(c["unit"])) for c in extraction["counts"]}


def report(groups: dict[str, Score]) -> str:
    headers = ["field (P / R / F1)"] + [f"{label} (n={s.articles})" for label, s in groups.items()]
    rows = [[name] + [_cell(s, name) for s in groups.values()] for name in [*FACT_KEYS, HEAD_COUNTS, "titles right"]]
    return table(headers, rows)


def run(cases: list[Case], verbose: bool = False) -> dict[str, Score]:
    groups = {label: Score() for label in ("all", "before 1 July 2025", "after", "vi", "en")}
    unread_dates = []
    for case in cases:
        got = run_chain(item_for(case)).extraction()
        want = {**case.truth, "title": case.title, "body_text": case.body}
        for label in ("all", "before 1 July 2025" if case.era == "before" else "after", case.truth["lang"]):
            groups[label].add(got, want)
            groups[label].facts.setdefault(HEAD_COUNTS, Tally()).add(_heads(got), _heads(want))
        if case.truth["published_at"] and (got["published_at"] or "")[:10] != case.truth["published_at"][:10]:
            unread_dates.append(case.truth["id"])
        lines = mismatches(got, want) if verbose else []
        if lines:
            print(f"{case.truth['id']} {case.truth['url']}")
            print("\n".join(lines))
    if unread_dates:  # the bench's own input, not a score: the chain must get the date it is given
        print(f"publication date not read back from its date text: {', '.join(unread_dates)}")
    return groups


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--set", type=Path, default=REALTEXT, dest="folder",
                        help="folder of urls.tsv and annotations.jsonl (default benchmarks/realtext)")
    parser.add_argument("--texts", type=Path, default=TEXTS, help=f"folder of <id>.txt (default {TEXTS})")
    parser.add_argument("-v", "--verbose", action="store_true", help="print every mismatch per article")
    args = parser.parse_args(argv)
    missing_files = [name for name in ("urls.tsv", "annotations.jsonl") if not (args.folder / name).is_file()]
    if missing_files:
        print(f"{args.folder} is no annotated set: no {' or '.join(missing_files)}", file=sys.stderr)
        return 2
    if not args.texts.is_dir():
        print(f"no texts folder {args.texts}: the article texts are not in the repository (see "
              f"benchmarks/realtext/NOTES.md); pass --texts DIR", file=sys.stderr)
        return 2
    try:
        cases, missing = load_cases(args.texts, args.folder)
    except (KeyError, ValueError) as error:  # an annotation without its urls.tsv row, or a broken line
        print(f"{args.folder}: annotations.jsonl does not match urls.tsv ({error!r})", file=sys.stderr)
        return 2
    if not cases:
        print(f"{args.texts} holds none of the {len(missing)} annotated texts (<id>.txt)", file=sys.stderr)
        return 2
    if missing:
        print(f"{len(missing)} annotated articles have no text in {args.texts}: {', '.join(missing)}")
    groups = run(cases, args.verbose)
    print(f"\n{len(cases)} real articles ({sum(c.era == 'after' for c in cases)} after 1 July 2025, "
          f"{sum(c.truth['lang'] == 'en' for c in cases)} English), hand-annotated, blind\n")
    print(report(groups))
    return 0


if __name__ == "__main__":
    sys.exit(main())
