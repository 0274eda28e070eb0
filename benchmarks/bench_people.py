"""People extraction: ours vs underthesea ner() (PER) on the hand-checked fixtures.

Reads every fixtures/expected/**/*.json at run time, runs each extractor on
title + "\\n\\n" + body_text and compares names by folded key (person_key):
precision, recall, F1 of names, exact-title accuracy (over expected people that have a
title and were found), and mean time per article.

The fixtures have no prefix field: where a person has both a prefix and a title they
write "PGS.TS, Phó Viện trưởng ..." / "Thiếu tá, Phó Trưởng Công an ...". We keep the
prefix in Person.prefix, so the title is scored twice: as our `title` field alone
("exact title"), and as "prefix, title" when both exist ("fixture form"). underthesea is optional: when it is
not installed or its model cannot load offline, its row says so.

    .venv/bin/python benchmarks/bench_people.py [--show-errors] [--baseline DIR]

`--baseline DIR`: the speed of this checkout's extractor against another checkout's (DIR
holds its `ctd_crawler` package, e.g. a worktree of main), in one run: each side runs in
its own process over the same article texts, in turns, and the best of the rounds is
kept (a loaded machine slows both alike).
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from ctd_crawler.extract.people import extract_people, person_key

ROOT = Path(__file__).resolve().parents[1]

FIXTURES = ROOT / "fixtures" / "expected"


def load_fixtures(root: Path = FIXTURES) -> list[dict]:
    docs = []
    for path in sorted(root.rglob("*.json")):
        try:
            doc = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue
        if isinstance(doc, dict) and "body_text" in doc and isinstance(doc.get("people"), list):
            doc["_path"] = str(path.relative_to(root))
            docs.append(doc)
    return docs


def article_text(doc: dict) -> str:
    return (doc.get("title") or "") + "\n\n" + (doc.get("body_text") or "")


def fixture_title(p) -> str | None:
    """Our title in the fixtures' form: the prefix joined in front when both exist."""
    return f"{p.prefix}, {p.title}" if p.prefix and p.title else p.title


def ours(doc: dict) -> dict[str, tuple[str | None, str | None]]:
    return {person_key(p.name): (p.title, fixture_title(p)) for p in extract_people(article_text(doc))}


def underthesea_runner():
    """-> callable(doc) -> {key: None}, or an error string when it cannot run offline."""
    try:
        from underthesea import ner

        ner("Ông Nguyễn Văn An dự lễ.")  # load the model outside the timed loop
    except Exception as exc:  # noqa: BLE001 - report, don't crash the benchmark
        return f"not available: {type(exc).__name__}: {exc}"[:200]

    def run(doc: dict) -> dict[str, str | None]:
        found: dict[str, str | None] = {}
        for para in article_text(doc).split("\n"):
            if not para.strip():
                continue
            current: list[str] = []
            for token, *_, tag in ner(para) + [("", "O")]:
                if tag == "B-PER" or (tag == "I-PER" and not current):
                    if current:
                        found.setdefault(person_key(" ".join(current)), (None, None))
                    current = [token]
                elif tag == "I-PER":
                    current.append(token)
                else:
                    if current:
                        found.setdefault(person_key(" ".join(current)), (None, None))
                    current = []
        found.pop("", None)
        return found

    return run


def score(docs: list[dict], run, show_errors: bool = False) -> dict:
    tp = fp = fn = title_ok = joined_ok = title_total = 0
    times = []
    for doc in docs:
        expected = {person_key(p["name"]): p.get("title") for p in doc["people"] if p.get("name")}
        t = time.perf_counter()
        got = run(doc)
        times.append(time.perf_counter() - t)
        hits = expected.keys() & got.keys()
        tp += len(hits)
        fp += len(got.keys() - expected.keys())
        fn += len(expected.keys() - got.keys())
        for key in hits:
            if expected[key]:
                title_total += 1
                title_ok += got[key][0] == expected[key]
                joined_ok += got[key][1] == expected[key]
        if show_errors and (got.keys() != expected.keys() or any(got[k][1] != expected[k] for k in hits)):
            print(f"--- {doc['_path']}")
            for key in sorted(expected.keys() | got.keys()):
                e, g = expected.get(key, "<missing>"), got.get(key, ("<missing>",) * 2)[1]
                if key not in hits or e != g:
                    print(f"  {key}: expected={e!r} got={g!r}")
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    return {
        "precision": p, "recall": r, "f1": f1,
        "title_acc": title_ok / title_total if title_total else None, "titles": title_total,
        "joined_acc": joined_ok / title_total if title_total else None,
        "ms": 1000 * statistics.mean(times) if times else 0.0, "tp": tp, "fp": fp, "fn": fn,
    }


def large_body_line(docs: list[dict], size: int = 200_000) -> str:
    """Time of one 200 KB body made of the fixture articles (bounded, linear time)."""
    text = "\n\n".join(article_text(d) for d in docs)
    body = (text * (size // max(len(text), 1) + 1))[:size]
    t = time.perf_counter()
    extract_people(body)
    took = time.perf_counter() - t
    return f"\n200 KB body: {took:.2f} s ({1e6 * took / len(body):.2f} µs/char)"


# Times extract_people over the texts of a JSON file with the process's own ctd_crawler and
# prints the best CPU time per article (ms) of PASSES passes (CPU time, not the wall clock:
# a busy machine slows the wall clock of both sides unevenly).
_TIMER = """
import json, sys, time
from ctd_crawler.extract.people import extract_people
texts = json.load(open(sys.argv[1], encoding="utf-8"))
for t in texts[:3]:
    extract_people(t)  # lexicons loaded outside the timed passes
best = None
for _ in range(int(sys.argv[2])):
    t0 = time.process_time()
    for t in texts:
        extract_people(t)
    took = time.process_time() - t0
    best = took if best is None else min(best, took)
print(1000 * best / len(texts))
"""


def _time_in(package_dir: Path, texts_file: str, passes: int) -> float:
    env = {**os.environ, "PYTHONPATH": str(package_dir)}
    out = subprocess.run([sys.executable, "-c", _TIMER, texts_file, str(passes)], env=env, cwd=package_dir,
                         capture_output=True, text=True, check=True)
    return float(out.stdout.strip())


def compare_with(baseline: Path, docs: list[dict], rounds: int = 15, passes: int = 5) -> str:
    """ms/article of the baseline checkout's extractor and of this one, best of `rounds`
    alternating runs, and their ratio."""
    if not (baseline / "ctd_crawler" / "extract" / "people").is_dir():
        return f"\nno ctd_crawler package under {baseline}: nothing to compare with"
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False, encoding="utf-8") as f:
        json.dump([article_text(d) for d in docs], f, ensure_ascii=False)
    try:
        base, ours_ms = [], []
        for _ in range(rounds):
            base.append(_time_in(baseline, f.name, passes))
            ours_ms.append(_time_in(ROOT, f.name, passes))
    finally:
        os.unlink(f.name)
    b, o = min(base), min(ours_ms)
    return (f"\nspeed against {baseline} (best of {rounds} alternating runs, {len(docs)} articles): "
            f"baseline {b:.2f} ms/article, this checkout {o:.2f} ms/article, ratio {o / b:.2f}")


def main(argv: list[str]) -> int:
    docs = load_fixtures(Path(argv[argv.index("--root") + 1]) if "--root" in argv else FIXTURES)
    if not docs:
        print("no fixtures with expected people found under", FIXTURES)
        return 1
    n_people = sum(len(d["people"]) for d in docs)
    ours(docs[0])  # load lexicons outside the timed loop
    rows = [("ctd_crawler people", score(docs, ours, "--show-errors" in argv))]
    ut = underthesea_runner()
    print(f"{len(docs)} articles, {n_people} expected people\n")
    print("| extractor | precision | recall | F1 | exact title | exact title, fixture form | ms/article |")
    print("|---|---|---|---|---|---|---|")
    if isinstance(ut, str):
        print(f"| underthesea ner() PER | {ut} | | | | | |")
    else:
        rows.append(("underthesea 9.5 ner() PER", score(docs, ut)))
    for name, s in rows:
        title = f"{s['title_acc']:.3f} (n={s['titles']})" if s["title_acc"] is not None else "n/a"
        joined = f"{s['joined_acc']:.3f}" if s["joined_acc"] is not None else "n/a"
        if name.startswith("underthesea"):
            title = joined = "n/a (no titles)"
        print(f"| {name} | {s['precision']:.3f} | {s['recall']:.3f} | {s['f1']:.3f} | {title} | {joined} | {s['ms']:.2f} |")
    print(large_body_line(docs))
    if "--baseline" in argv:
        print(compare_with(Path(argv[argv.index("--baseline") + 1]).resolve(), docs))
    if len(rows) == 2:
        print(f"\nspeed: ours is {rows[1][1]['ms'] / max(rows[0][1]['ms'], 1e-9):.0f}x faster than underthesea ner()")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
