"""Places: precision/recall/F1 on the fixture articles, ours vs underthesea ner() (LOC).

Run: .venv/bin/python benchmarks/bench_places.py [fixtures/expected] [--against DIR]

Reads every fixtures/expected/**/*.json present at run time ("places": name, level,
province), runs both extractors on title + "\\n\\n" + body_text, and prints markdown
tables:
- name + level (ours only: underthesea has no level), name only (both; a LOC entity
  counts with its unit word stripped, "tỉnh Bắc Kạn" -> "Bắc Kạn"),
- code: for expected places the gazetteer resolves to exactly one unit from
  (name, level, province), the share where our code is that unit's code,
- time per article of each, and the gazetteer's cold load time and memory (measured
  in fresh interpreters: wall time best of 3 without tracing; tracemalloc peak and
  RSS delta in another).
- with `--against DIR` (another source tree of the project, e.g. `git worktree add /tmp/main
  main`): our extractor and that tree's on the same articles, each in fresh interpreters
  importing its own tree, taking turns, CPU time, best of 15 passes, and the ratio (ours /
  baseline).
"""

from __future__ import annotations

import json
import re
import statistics
import subprocess
import sys
import time
import tomllib
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

from ctd_crawler.extract.places import extract_places  # noqa: E402
from ctd_crawler.extract.places.gazetteer import LEGACY, NEW, load_gazetteer, name_key  # noqa: E402

_UNIT_PREFIX = re.compile(
    r"^(?:tỉnh|thành phố|tp\.?|huyện|quận|thị xã|xã|phường|thị trấn|thôn|bản|xóm|ấp|làng|"
    r"tổ dân phố|khu phố|đặc khu|thủ đô)\s+", re.IGNORECASE)

TIME_PROBE = """
import time
t = time.perf_counter()
from ctd_crawler.extract.places.gazetteer import load_gazetteer
load_gazetteer()
cold = time.perf_counter() - t
t = time.perf_counter()
load_gazetteer()
print(cold, time.perf_counter() - t)
"""

MEMORY_PROBE = """
import os, tracemalloc
def rss():
    with open('/proc/self/statm') as f:
        return int(f.read().split()[1]) * os.sysconf('SC_PAGE_SIZE')
before = rss()
tracemalloc.start()
from ctd_crawler.extract.places.gazetteer import load_gazetteer
load_gazetteer()
peak = tracemalloc.get_traced_memory()[1]
tracemalloc.stop()
print(peak, rss() - before)
"""


SPEED_PROBE = """
import json, sys, time
from datetime import date
from ctd_crawler.extract.places import extract_places
articles = json.load(open(sys.argv[1], encoding="utf-8"))
extract_places("tỉnh Bắc Kạn")
best = None
for _ in range(int(sys.argv[2])):
    t = time.process_time()  # CPU time: other processes on a busy machine do not count
    for text, on, hint, lang in articles:
        extract_places(text, on=date.fromisoformat(on) if on else None, province_hint=hint, lang=lang)
    best = min(best or 1e9, time.process_time() - t)
print(best / len(articles))
"""


def _speeds(trees: list[Path], articles: list, rounds: int = 5, passes: int = 3) -> list[float]:
    """CPU seconds per article of the places extractor of each source tree (a fresh interpreter
    that imports that tree's ctd_crawler), best of `rounds` x `passes` passes over `articles`;
    the trees take turns, so that a busy machine slows them alike."""
    import json
    import os
    import tempfile

    with tempfile.NamedTemporaryFile("w", suffix=".json", encoding="utf-8", delete=False) as f:
        json.dump([(text, on.isoformat() if on else None, hint, d.get("lang") or "vi")
                   for _f, d, text, on, hint in articles], f, ensure_ascii=False)
    best = [float("inf")] * len(trees)
    try:
        for _ in range(rounds):
            for k, tree in enumerate(trees):
                out = subprocess.run([sys.executable, "-c", SPEED_PROBE, f.name, str(passes)], capture_output=True,
                                     text=True, cwd=tree, env={**os.environ, "PYTHONPATH": str(tree)}, check=True)
                best[k] = min(best[k], float(out.stdout.split()[-1]))
    finally:
        os.unlink(f.name)
    return best


def _site_provinces() -> dict[str, str]:
    path = ROOT / "ctd_crawler" / "sites.toml"
    if not path.exists():
        return {}
    sites = tomllib.loads(path.read_text(encoding="utf-8")).get("site", [])
    return {s["id"]: s["province"] for s in sites if s.get("province")}


def _date(value: str | None) -> date | None:
    try:
        return date.fromisoformat((value or "")[:10])
    except ValueError:
        return None


def _gold_code(place: dict, on: date | None) -> str | None:
    """The code of an expected place when (name, level, province) names exactly one unit."""
    gaz = load_gazetteer()
    level = place.get("level")
    if level not in ("province", "district", "commune"):
        return None
    eras = (NEW, LEGACY) if on and on >= date(2025, 7, 1) else (LEGACY,)
    for era in eras:
        units = gaz.lookup(era, level, name_key(place["name"]))
        if place.get("province"):
            pk = name_key(place["province"])
            units = tuple(u for u in units if pk in (name_key(u.province), name_key(u.province_2025 or "")))
        if len(units) == 1:
            return units[0].code
        if units:
            return None
    return None


def _prf(tp: int, n_pred: int, n_gold: int) -> tuple[float, float, float]:
    p = tp / n_pred if n_pred else 1.0
    r = tp / n_gold if n_gold else 1.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def _underthesea_locs(ner, text: str) -> list[str]:
    out: list[str] = []
    for para in text.split("\n\n"):
        current: list[str] = []
        for row in ner(para):
            word, tag = row[0], row[-1]
            if tag == "B-LOC" or (tag == "I-LOC" and not current):
                if current:
                    out.append(" ".join(current))
                current = [word]
            elif tag == "I-LOC":
                current.append(word)
            elif current:
                out.append(" ".join(current))
                current = []
        if current:
            out.append(" ".join(current))
    return [_UNIT_PREFIX.sub("", loc.replace("_", " ")) for loc in out]


def main(folder: Path, against: Path | None = None) -> None:
    files = sorted(folder.glob("**/*.json"))
    if not files:
        print(f"no fixture files under {folder}")
        return
    hints = _site_provinces()
    articles = []
    for f in files:
        d = json.loads(f.read_text(encoding="utf-8"))
        text = (d.get("title") or "") + "\n\n" + (d.get("body_text") or "")
        articles.append((f, d, text, _date(d.get("published_at")), hints.get(d.get("site", ""))))

    def probe(code: str) -> list[float]:
        out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
        return [float(x) for x in out.stdout.split()]

    load_s, again = min((probe(TIME_PROBE) for _ in range(3)), key=lambda r: r[0])
    peak, rss = probe(MEMORY_PROBE)

    extract_places("tỉnh Bắc Kạn")  # warm: gazetteer and lexicons loaded once
    nl_tp = nl_pred = n_gold = 0  # name + level
    nm_tp = nm_pred = nm_gold = 0  # name only
    code_ok = code_n = 0
    prov_ok = prov_n = 0  # province as expected, over expected places found (villages included)
    ours_times = []
    misses: list[str] = []
    for f, d, text, on, hint in articles:
        t = time.perf_counter()
        got = extract_places(text, on=on, province_hint=hint, lang=d.get("lang") or "vi")
        ours_times.append(time.perf_counter() - t)
        gold = d.get("places") or []
        gold_nl = {(name_key(g["name"]), g.get("level")) for g in gold}
        got_nl = {(name_key(p.name), p.level) for p in got}
        nl_tp += len(gold_nl & got_nl)
        nl_pred += len(got_nl)
        n_gold += len(gold_nl)
        gold_n = {k for k, _ in gold_nl}
        got_n = {k for k, _ in got_nl}
        nm_tp += len(gold_n & got_n)
        nm_pred += len(got_n)
        nm_gold += len(gold_n)
        for g in gold:
            code = _gold_code(g, on)
            if code is None:
                continue
            code_n += 1
            mine = next((p for p in got if name_key(p.name) == name_key(g["name"]) and p.level == g["level"]), None)
            code_ok += bool(mine and mine.code == code)
        for g in gold:  # the province filled in, for every place found at its level
            if g.get("level") in ("region", "country") or not g.get("province"):
                continue
            mine = next((p for p in got if name_key(p.name) == name_key(g["name"]) and p.level == g["level"]), None)
            if mine is not None:
                prov_n += 1
                prov_ok += mine.province == g["province"]
        for k in sorted(gold_nl - got_nl):
            misses.append(f"{f.parent.name}/{f.name[:40]}: missed {k}")
        for k in sorted(got_nl - gold_nl):
            misses.append(f"{f.parent.name}/{f.name[:40]}: extra {k}")

    base = None
    try:
        from underthesea import ner

        ner("Hà Nội")  # warm the model
        u_tp = u_pred = 0
        u_times = []
        for _f, d, text, _on, _hint in articles:
            t = time.perf_counter()
            locs = _underthesea_locs(ner, text)
            u_times.append(time.perf_counter() - t)
            got_n = {name_key(x) for x in locs if name_key(x)}
            gold_n = {name_key(g["name"]) for g in d.get("places") or []}
            u_tp += len(got_n & gold_n)
            u_pred += len(got_n)
        base = (_prf(u_tp, u_pred, nm_gold), statistics.mean(u_times))
    except Exception as exc:  # noqa: BLE001 - the baseline is optional
        print(f"underthesea unavailable: {exc!r}")

    ours_nl = _prf(nl_tp, nl_pred, n_gold)
    ours_n = _prf(nm_tp, nm_pred, nm_gold)
    t_ours = statistics.mean(ours_times)
    print(f"\n{len(articles)} fixture articles, {n_gold} expected places, "
          f"{code_n} of them resolvable to one code\n")
    print("| extractor | match | precision | recall | F1 | ms / article |")
    print("|---|---|---|---|---|---|")
    print(f"| ours | name + level | {ours_nl[0]:.3f} | {ours_nl[1]:.3f} | {ours_nl[2]:.3f} | {t_ours * 1e3:.2f} |")
    print(f"| ours | name | {ours_n[0]:.3f} | {ours_n[1]:.3f} | {ours_n[2]:.3f} | {t_ours * 1e3:.2f} |")
    if base:
        (bp, br, bf), t_base = base
        print(f"| underthesea ner() LOC | name | {bp:.3f} | {br:.3f} | {bf:.3f} | {t_base * 1e3:.2f} |")
        print(f"\nours vs underthesea: F1 (name) x{ours_n[2] / bf if bf else float('inf'):.2f}, "
              f"time x{t_ours / t_base:.3f}")
    print(f"\ncode correct where resolvable: {code_ok}/{code_n} = {code_ok / code_n if code_n else 1:.3f}")
    print(f"province as expected, places found: {prov_ok}/{prov_n} = {prov_ok / prov_n if prov_n else 1:.3f}")
    print("\n| gazetteer | value |")
    print("|---|---|")
    print(f"| cold load (import + build, fresh interpreter, best of 3) | {load_s * 1e3:.0f} ms |")
    print(f"| cached load_gazetteer() | {again * 1e6:.1f} µs |")
    print(f"| tracemalloc peak | {peak / 2**20:.1f} MiB |")
    print(f"| RSS delta | {rss / 2**20:.1f} MiB |")
    if against is not None:
        ours_s, base_s = _speeds([ROOT, against], articles)
        print(f"\n| places extractor, same {len(articles)} articles, fresh interpreters taking turns, "
              "CPU time, best of 15 passes | ms / article |")
        print("|---|---|")
        print(f"| this tree | {ours_s * 1e3:.2f} |")
        print(f"| baseline {against} | {base_s * 1e3:.2f} |")
        print(f"\nratio (this tree / baseline): x{ours_s / base_s:.2f}")
    if "-v" in sys.argv:
        print("\n" + "\n".join(misses))


if __name__ == "__main__":
    argv = sys.argv[1:]
    against = Path(argv[argv.index("--against") + 1]).resolve() if "--against" in argv else None
    args = [a for i, a in enumerate(argv) if not a.startswith("-") and (i == 0 or argv[i - 1] != "--against")]
    main(Path(args[0]) if args else ROOT / "fixtures" / "expected", against)
