"""Money and count extraction against the hand-written fixture facts, with price-parser as baseline.

Reads every fixtures/expected/**/*.json present at run time (or the directory given as
the first argument), runs `extract_money_and_counts` on title + "\\n\\n" + body_text and
compares with the expected `money` and `counts` lists:

* amounts: precision / recall of amount_vnd as multisets per article (a foreign-currency
  row counts by its null amount_vnd); "wrong amount" = one of our rows whose text overlaps
  an expected row's text but whose amount_vnd differs (the target is zero);
* counts: precision / recall of values, and of (value, unit);
* phrase level: our extractor and price-parser (`Price.fromstring`) on each expected money
  `text` alone, right when the amount equals the expected amount_vnd (price-parser has no
  tỷ/triệu and no decimal comma);
* time: ms per article for ours, against price-parser on that article's phrases;
* with `--against REF`: ms per article of this checkout's extractor and of the one at git
  revision REF (its ctd_crawler/extract, unpacked to a temporary folder and imported beside
  ours), timed in turns on the same texts in the same run: the fixture articles, and the
  real texts of benchmarks/bench_realtext.py when their folder is there.

Usage: .venv/bin/python benchmarks/bench_money.py [FIXTURES_DIR] [--against REF]
"""

from __future__ import annotations

import importlib
import io
import json
import subprocess
import sys
import tarfile
import tempfile
import time
from collections import Counter
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

from ctd_crawler.extract.figures import extract_money, extract_money_and_counts  # noqa: E402

try:
    from price_parser import Price
except ImportError:  # the baseline is optional
    Price = None

REPEAT = 20
BASELINE_PACKAGE = "baseline_extract"  # the other revision's ctd_crawler/extract, imported under this name


def _load(directory: Path) -> list[dict]:
    articles = []
    for path in sorted(directory.glob("**/*.json")):
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue
        if isinstance(data, dict) and "body_text" in data:
            data["_path"] = str(path.relative_to(directory))
            articles.append(data)
    return articles


def _overlap(a: str, b: str) -> bool:
    return bool(a) and bool(b) and (a in b or b in a)


def _price_parser_amount(text: str):
    if Price is None:
        return None
    amount = Price.fromstring(text).amount
    return int(amount) if amount is not None and amount == amount.to_integral_value() else amount


def _ratio(num: int, den: int) -> str:
    return f"{num / den:.3f} ({num}/{den})" if den else "n/a (0/0)"


def extractor_at(ref: str, into: Path):
    """`extract_money_and_counts` of git revision `ref`: its ctd_crawler/extract unpacked
    into `into` as the package `baseline_extract` and imported beside ours (its data files
    are read from `into` when it loads them: keep the folder while timing)."""
    archive = subprocess.run(["git", "-C", str(ROOT), "archive", ref, "ctd_crawler/extract"],
                             capture_output=True, check=True).stdout
    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        tar.extractall(into, filter="data")
    (into / "ctd_crawler" / "extract").rename(into / BASELINE_PACKAGE)
    for name in [m for m in sys.modules if m.split(".")[0] == BASELINE_PACKAGE]:
        del sys.modules[name]  # another revision imported before in this process
    sys.path.insert(0, str(into))
    try:
        return importlib.import_module(f"{BASELINE_PACKAGE}.figures").extract_money_and_counts
    finally:
        sys.path.remove(str(into))


def _texts_for_timing(articles: list[dict]) -> dict[str, list[tuple[str, str]]]:
    """(text, lang) of the fixture articles, and of the real texts when they are here."""
    sets = {"fixture articles": [((a.get("title") or "") + "\n\n" + (a.get("body_text") or ""),
                                  a.get("lang") or "vi") for a in articles]}
    if str(ROOT) not in sys.path:  # run as a script: the benchmarks package is beside us
        sys.path.insert(0, str(ROOT))
    from benchmarks.bench_realtext import TEXTS, load_cases
    if TEXTS.is_dir():
        cases, _ = load_cases(TEXTS)
        sets["real texts"] = [(f"{c.title}\n\n{c.body}", c.truth["lang"]) for c in cases]
    return sets


def compare_with(ref: str, articles: list[dict], rounds: int = 9) -> None:
    """ms per article of ours and of `ref`'s extractor in this run: each text timed by both
    in turns (the order swapped every round), each text's best round kept, so a burst of
    load on a shared machine falls on neither side."""
    with tempfile.TemporaryDirectory() as tmp:
        theirs = extractor_at(ref, Path(tmp))
        print(f"\n## Time per article against {ref} (same run; best of {rounds} rounds per text, in turns)\n")
        print(f"| texts | ours (ms) | {ref} (ms) | ours / {ref} |")
        print("|---|---|---|---|")
        for label, texts in _texts_for_timing(articles).items():
            best = {"ours": [float("inf")] * len(texts), "theirs": [float("inf")] * len(texts)}
            pair = [("ours", extract_money_and_counts), ("theirs", theirs)]
            for r in range(rounds):
                for k, (text, lang) in enumerate(texts):
                    for name, fn in pair if r % 2 == 0 else pair[::-1]:
                        started = time.perf_counter()
                        fn(text, lang=lang)
                        best[name][k] = min(best[name][k], time.perf_counter() - started)
            ours_ms, theirs_ms = (sum(best[n]) / len(texts) * 1000 for n in ("ours", "theirs"))
            print(f"| {label} ({len(texts)}) | {ours_ms:.3f} | {theirs_ms:.3f} | {ours_ms / theirs_ms:.2f} |")


def main(argv: list[str]) -> int:
    against = None
    if "--against" in argv:
        at = argv.index("--against")
        if at + 1 >= len(argv):
            print("--against needs a git revision (e.g. main)", file=sys.stderr)
            return 2
        against = argv[at + 1]
        argv = argv[:at] + argv[at + 2:]
    directory = Path(argv[1]) if len(argv) > 1 else ROOT / "fixtures" / "expected"
    articles = _load(directory)
    if not articles:
        print(f"no fixture articles under {directory}")
        return 1

    m_tp = m_ours = m_exp = wrong = 0
    per_ok = 0
    c_tp = c_tpu = c_ours = c_exp = skipped = 0
    ph_total = ph_ours = ph_pp = 0
    t_ours = t_pp = 0.0
    problems: list[str] = []

    for art in articles:
        text = (art.get("title") or "") + "\n\n" + (art.get("body_text") or "")
        lang = art.get("lang") or "vi"
        started = time.perf_counter()
        for _ in range(REPEAT):
            money, counts, n_skipped = extract_money_and_counts(text, lang=lang)
        t_ours += (time.perf_counter() - started) / REPEAT
        skipped += n_skipped

        expected_money = art.get("money") or []
        got = Counter(m.amount_vnd for m in money)
        want = Counter(e.get("amount_vnd") for e in expected_money)
        m_tp += sum((got & want).values())
        # per_unit: (amount, per_unit) pairs as multisets, over the amounts found
        with_per = Counter((m.amount_vnd, m.per_unit) for m in money)
        want_per = Counter((e.get("amount_vnd"), bool(e.get("per_unit"))) for e in expected_money)
        per_ok += sum((with_per & want_per).values())
        m_ours += len(money)
        m_exp += len(expected_money)
        for m in money:
            for e in expected_money:
                if _overlap(m.text, e.get("text", "")) and m.amount_vnd != e.get("amount_vnd"):
                    wrong += 1
                    problems.append(f"WRONG {art['_path']}: {m.text!r} -> {m.amount_vnd}, expected {e.get('amount_vnd')}")
        for amount in (got - want):
            problems.append(f"extra {art['_path']}: {amount}")
        for amount in (want - got):
            problems.append(f"missed {art['_path']}: {amount}")

        expected_counts = art.get("counts") or []
        got_c = Counter(c.value for c in counts)
        want_c = Counter(e.get("value") for e in expected_counts)
        c_tp += sum((got_c & want_c).values())
        c_tpu += sum((Counter((c.value, c.unit) for c in counts)
                      & Counter((e.get("value"), e.get("unit")) for e in expected_counts)).values())
        c_ours += len(counts)
        c_exp += len(expected_counts)

        phrases = [e for e in expected_money if e.get("text")]
        started = time.perf_counter()
        for _ in range(REPEAT):
            pp = [_price_parser_amount(e["text"]) for e in phrases]
        t_pp += (time.perf_counter() - started) / REPEAT
        for e, pp_amount in zip(phrases, pp):
            ph_total += 1
            ours = extract_money(e["text"], lang=lang)
            ph_ours += bool(ours) and ours[0].amount_vnd == e.get("amount_vnd")
            exp = e.get("amount_vnd")
            ph_pp += pp_amount is not None and exp is not None and Decimal(pp_amount) == Decimal(exp)

    n = len(articles)
    print(f"## Money and counts on {n} fixture articles ({directory.name}/)\n")
    print("| measure | ours | price-parser (baseline) |")
    print("|---|---|---|")
    print(f"| money amount precision | {_ratio(m_tp, m_ours)} | |")
    print(f"| money amount recall | {_ratio(m_tp, m_exp)} | |")
    print(f"| wrong amounts (text overlaps, amount differs) | {wrong} | |")
    print(f"| per_unit right, over amounts found | {_ratio(per_ok, m_tp)} | |")
    print(f"| expected money phrases read right, alone | {_ratio(ph_ours, ph_total)} | {_ratio(ph_pp, ph_total)} |")
    print(f"| count value precision | {_ratio(c_tp, c_ours)} | |")
    print(f"| count value recall | {_ratio(c_tp, c_exp)} | |")
    print(f"| count (value, unit) recall | {_ratio(c_tpu, c_exp)} | |")
    print(f"| figures skipped as unreadable | {skipped} | |")
    pp_ms = t_pp / n * 1000
    ours_ms = t_ours / n * 1000
    ratio = f"{ours_ms / pp_ms:.1f}x" if pp_ms else "n/a"
    print(f"| ms per article (ours: whole text; price-parser: its money phrases only) | {ours_ms:.3f} | {pp_ms:.3f} (ours/baseline {ratio}) |")
    if problems:
        print("\nDifferences:")
        for line in problems[:40]:
            print("-", line)
    if against:
        try:
            compare_with(against, articles)
        except (subprocess.CalledProcessError, OSError, ImportError) as exc:
            print(f"cannot time against {against}: {exc}", file=sys.stderr)
            return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
