"""Dates: our parsers against dateparser, on the fixtures.

1. Publication-date strings: every date text the pages show (a simple regex over the
   raw pages in fixtures/sites), sampled with replacement to 10,000 strings. Truth is
   the regex-known value (day/month/year read day-first, plus the time when written).
   Ours: parse_date_text. Baseline: dateparser.parse(languages=['vi'], DATE_ORDER DMY).
2. Event dates on the fixture bodies (fixtures/expected/**.json: title + body_text):
   ours (extract_event_dates) against dateparser.search.search_dates(languages=['vi']),
   precision and recall against the hand-written event_dates, time per article.

3. With --against DIR (a source tree of the package, e.g. `git archive main | tar -x -C
   /tmp/main`): the time per article of extract_event_dates over the same fixture texts,
   this tree against DIR's, measured in turns in the same run (best of --repeat passes
   each, every pass in a fresh child process), as a ratio.

Run: .venv/bin/python benchmarks/bench_dates.py [--n 10000] [--against DIR [--repeat 5]]
"""

from __future__ import annotations

import argparse
import html as htmllib
import json
import random
import re
import subprocess
import sys
import tempfile
import time
from datetime import date, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

from ctd_crawler.extract.dates import extract_event_dates, parse_date_text  # noqa: E402
from ctd_crawler.extract.text import clean_inline  # noqa: E402

FETCHED = datetime(2026, 11, 1)
_TAG = re.compile(r"<[^>]+>")
# A date text as pages show it: optional label and weekday, d/m/yyyy, optional time.
_DATE_TEXT = re.compile(
    r"(?:(?:Ngày đăng|Cập nhật|Đăng lúc|Ngày|Đăng ngày|Thời gian)\s*:?\s*)?"
    r"(?:(?:Thứ\s+\w+|Chủ\s+nhật)\s*,\s*)?"
    r"(?:(\d{1,2})[:h](\d{2})\s*(?:[-,|]\s*)?)?"
    r"(\d{1,2})([/.\-])(\d{1,2})\4(\d{4})"
    r"(?:\s*(?:[-,|]\s*)?(?:lúc\s*)?(\d{1,2})[:h](\d{2}))?", re.I)


def _page_texts(sites: Path) -> list[str]:
    texts = []
    for path in sorted(sites.rglob("*.htm*")):
        raw = path.read_bytes().decode("utf-8", errors="replace")
        texts.append(clean_inline(_TAG.sub(" ", htmllib.unescape(raw))))
    return texts


def _truth(m: re.Match[str]) -> str | None:
    try:
        d = date(int(m.group(6)), int(m.group(5)), int(m.group(3)))
    except ValueError:
        return None
    hh, mm = (m.group(1), m.group(2)) if m.group(1) else (m.group(7), m.group(8))
    if hh and int(hh) < 24 and int(mm) < 60:
        return f"{d.isoformat()}T{int(hh):02d}:{mm}"
    return d.isoformat()


def _generated() -> list[tuple[str, str]]:
    """Realistic strings of the common forms, when no fixture pages exist."""
    rng = random.Random(7)
    out = []
    for _ in range(300):
        d = date(2015, 1, 1).fromordinal(date(2015, 1, 1).toordinal() + rng.randrange(3600))
        h, mi = rng.randrange(24), rng.randrange(60)
        out += [(f"Ngày đăng: {d:%d/%m/%Y}", d.isoformat()),
                (f"Cập nhật: {d:%d-%m-%Y} {h:02d}:{mi:02d}", f"{d.isoformat()}T{h:02d}:{mi:02d}"),
                (f"Thứ Hai, {d.day}/{d.month}/{d.year} {h:02d}:{mi:02d} (GMT+7)", f"{d.isoformat()}T{h:02d}:{mi:02d}")]
    return out


def collect_strings(n: int) -> tuple[list[tuple[str, str]], int, str]:
    pairs: dict[str, str] = {}
    sites = ROOT / "fixtures" / "sites"
    if sites.exists():
        for text in _page_texts(sites):
            for m in _DATE_TEXT.finditer(text):
                truth = _truth(m)
                if truth:
                    pairs.setdefault(m.group(0).strip(), truth)
    origin = "fixtures/sites"
    if not pairs:
        pairs = dict(_generated())
        origin = "generated"
    distinct = list(pairs.items())
    rng = random.Random(42)
    sample = distinct if len(distinct) >= n else distinct + rng.choices(distinct, k=n - len(distinct))
    return sample[:n], len(distinct), origin


def _score(value: str | None, truth: str) -> str:
    if value is None:
        return "none"
    if "T" in truth:
        return "right" if value[:16] == truth else "wrong"
    return "right" if value[:10] == truth else "wrong"


def bench_strings(n: int) -> None:
    import dateparser

    sample, distinct, origin = collect_strings(n)
    settings = {"DATE_ORDER": "DMY"}

    def ours(s):
        r = parse_date_text(s, fetched_at=FETCHED)
        return r.value if r else None

    def theirs(s):
        r = dateparser.parse(s, languages=["vi"], settings=settings)
        if r is None:
            return None
        return r.strftime("%Y-%m-%dT%H:%M") if (r.hour or r.minute) else r.date().isoformat()

    theirs(sample[0][0])  # warm caches and imports for both sides
    ours(sample[0][0])
    rows = []
    for name, fn in (("ctd parse_date_text", ours), ("dateparser.parse vi DMY", theirs)):
        t0 = time.perf_counter()
        results = [fn(s) for s, _ in sample]
        elapsed = time.perf_counter() - t0
        counts = {"right": 0, "wrong": 0, "none": 0}
        for (s, truth), value in zip(sample, results):
            counts[_score(value, truth)] += 1
        rows.append((name, len(sample) / elapsed, counts))
    print(f"\n### Publication-date strings: {len(sample)} drawn from {distinct} distinct ({origin})\n")
    print("| parser | calls/s | right | wrong | none |")
    print("|---|---:|---:|---:|---:|")
    for name, rate, c in rows:
        print(f"| {name} | {rate:,.0f} | {c['right']} | {c['wrong']} | {c['none']} |")
    print(f"\nspeed ratio ours/dateparser: {rows[0][1] / rows[1][1]:.0f}x")


def _expected_articles() -> list[dict]:
    out = []
    for path in sorted((ROOT / "fixtures" / "expected").rglob("*.json")):
        try:
            doc = json.loads(path.read_text(encoding="utf-8"))
        except ValueError:
            continue
        if isinstance(doc, dict) and doc.get("body_text") is not None and "event_dates" in doc:
            out.append(doc)
    return out


def _prf(found: set, expected: set) -> tuple[int, int, int]:
    return len(found & expected), len(found), len(expected)


def bench_events() -> None:
    from dateparser.search import search_dates

    docs = _expected_articles()
    if not docs:
        print("\n(no fixtures/expected/**.json with event_dates: event benchmark skipped)")
        return
    totals = {k: [0, 0, 0, 0.0] for k in ("ours strict", "ours start-only", "search_dates strict", "search_dates start-only")}
    for doc in docs:
        text = (doc.get("title") or "") + "\n\n" + doc["body_text"]
        pub = (doc.get("published_at") or "")[:10]
        published = date.fromisoformat(pub) if pub else None
        expected = {(e["start"], e["end"], e["precision"]) for e in doc["event_dates"] if e.get("start")}
        exp_starts = {e[0] for e in expected}

        t0 = time.perf_counter()
        ours = extract_event_dates(text, published=published)
        t_ours = time.perf_counter() - t0
        ours_set = {(e.start, e.end, e.precision) for e in ours if e.start}

        t0 = time.perf_counter()
        try:
            found = search_dates(text, languages=["vi"], settings={"DATE_ORDER": "DMY",
                                 **({"RELATIVE_BASE": datetime.combine(published, datetime.min.time())} if published else {})}) or []
        except Exception:
            found = []
        t_theirs = time.perf_counter() - t0
        theirs_set = {(d.date().isoformat(), d.date().isoformat(), "day") for _, d in found}

        for key, got, exp, t in (("ours strict", ours_set, expected, t_ours),
                                 ("ours start-only", {g[0] for g in ours_set}, exp_starts, t_ours),
                                 ("search_dates strict", theirs_set, expected, t_theirs),
                                 ("search_dates start-only", {g[0] for g in theirs_set}, exp_starts, t_theirs)):
            tp, nf, ne = _prf(got, exp)
            totals[key][0] += tp
            totals[key][1] += nf
            totals[key][2] += ne
            totals[key][3] += t
    print(f"\n### Event dates on {len(docs)} fixture articles (fixtures/expected)\n")
    print("| extractor | match on | precision | recall | found | expected | ms/article |")
    print("|---|---|---:|---:|---:|---:|---:|")
    for key, (tp, nf, ne, t) in totals.items():
        who, how = key.split(" ", 1)
        p = tp / nf if nf else 0.0
        r = tp / ne if ne else 0.0
        print(f"| {who} | {how} | {p:.2f} | {r:.2f} | {nf} | {ne} | {1000 * t / len(docs):.2f} |")
    ratio = totals["search_dates strict"][3] / max(totals["ours strict"][3], 1e-9)
    print(f"\nspeed ratio ours/search_dates: {ratio:.0f}x")


# One timing pass in a child process: the package comes from the PYTHONPATH it is given.
_TIME_EVENTS = """
import json, sys, time
from datetime import date
import ctd_crawler
from ctd_crawler.extract.dates import extract_event_dates
docs = json.load(open(sys.argv[1], encoding="utf-8"))
args = [(d["text"], date.fromisoformat(d["published"]) if d["published"] else None) for d in docs]
for text, published in args:  # warm the regexes and caches
    extract_event_dates(text, published=published)
best = float("inf")
for _ in range(int(sys.argv[2])):
    t0 = time.perf_counter()
    for text, published in args:
        extract_event_dates(text, published=published)
    best = min(best, time.perf_counter() - t0)
print(1000 * best / len(args), ctd_crawler.__file__)
"""


def bench_against(other: Path, repeat: int) -> None:
    docs = [{"text": (d.get("title") or "") + "\n\n" + d["body_text"], "published": (d.get("published_at") or "")[:10]}
            for d in _expected_articles()]
    with tempfile.NamedTemporaryFile("w", suffix=".json", encoding="utf-8", delete=False) as f:
        json.dump(docs, f, ensure_ascii=False)
    trees = {"this tree": ROOT, f"{other}": other.resolve()}
    best, package = dict.fromkeys(trees, float("inf")), {}
    for _ in range(repeat):  # in turns, so a slow moment of the machine hits both
        for name, tree in trees.items():
            out = subprocess.run([sys.executable, "-B", "-c", _TIME_EVENTS, f.name, "20"], capture_output=True,
                                 text=True, check=True, cwd=tree, env={"PYTHONPATH": str(tree)})
            ms, package[name] = out.stdout.split()
            best[name] = min(best[name], float(ms))
    Path(f.name).unlink()
    print(f"\n### Event dates, this tree against {other} ({len(docs)} fixture articles, best of {repeat}x20 passes)\n")
    print("| extractor | package imported | ms/article |")
    print("|---|---|---:|")
    for name, ms in best.items():
        print(f"| {name} | {Path(package[name]).parent} | {ms:.3f} |")
    print(f"\ntime ratio this tree / {other}: {best['this tree'] / best[str(other)]:.2f}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=10_000, help="publication-date strings to time (default 10000)")
    ap.add_argument("--against", type=Path, help="a source tree of the package to time event dates against")
    ap.add_argument("--repeat", type=int, default=5, help="timing turns with --against (default 5)")
    args = ap.parse_args()
    if args.against:
        bench_against(args.against, args.repeat)
        return
    bench_strings(args.n)
    bench_events()


if __name__ == "__main__":
    main()
