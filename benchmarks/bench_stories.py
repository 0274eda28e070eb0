"""Stories (issue 18): on a synthetic archive with planted copies and near misses
(benchmarks/stories_corpus.py), how well copies become one story and near misses do
not, what a new article costs as the archive grows, and which thresholds the measured
precision and recall support; on the demo archive, money per province before and after.

    .venv/bin/python -m benchmarks.bench_stories [--n 100000] [--skip-demo]

1. The corpus is extracted with the real chain (two processes) and saved through the
   archive writer in crawl-like order (publication order, each article moved by up to 3
   days, so copies often arrive first). Each save is timed, and the story assignment in it.
2. Pairs: two articles are a true pair when they tell one story (the corpus's truth),
   a predicted pair when they share `articles.story_id`. Precision, recall, F1, and
   recall per kind of copy; how often a near miss was merged; follow-ups linked.
3. Time per new article: story assignment at the 10,000th and the N-th article (mean over
   the 1,000 saves before each), against the baseline of the same save's own work
   (article, facts, page, full-text index).
4. Thresholds: every candidate pair that the index returned is judged again under other
   thresholds (the rule of stories/match.py), and pairwise precision and recall are
   counted, true pairs that were never candidates counting as missed.
5. Demo: `ctd-archive demo` with the code before this issue (git revision --before) and
   now; money per province per the views (every mention / per story).
"""

from __future__ import annotations

import argparse
import os
import pickle
import random
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections import Counter, defaultdict
from datetime import timedelta
from multiprocessing import Pool
from pathlib import Path

from benchmarks.common import ROOT, table
from benchmarks.stories_corpus import Article, corpus

BEFORE = "b27c165"  # main before issue 18


def extract(art: Article):
    from ctd_crawler.items import ArticleItem
    from ctd_crawler.pipelines import run_chain

    url = f"https://{art.site}.example.vn/tin-tuc/{art.id}.html"
    html = f"<html><h1>{art.title}</h1><p>{art.body}</p></html>".encode()
    fetched = f"{art.published + timedelta(days=1)}T06:00:00+07:00"
    item = ArticleItem(url=url, site=art.site, fetched_at=fetched, status=200, content_type="text/html",
                       encoding="utf-8", raw=html, html="", title=art.title, date_text=None, author=None,
                       body_text=art.body, lang=art.lang, layout="generic", site_province=art.site_province)
    item = run_chain(item)
    item.published_at = art.published.isoformat()
    item.html = ""
    return item


def extracted(n: int, seed: int, cache: Path | None):
    """The corpus and its extracted items (pickled to `cache`, to measure again without
    extracting again)."""
    started = time.perf_counter()
    arts = corpus(n, seed)
    if cache and cache.exists():
        items = pickle.loads(cache.read_bytes())
    else:
        with Pool(2) as pool:
            items = pool.map(extract, arts, chunksize=200)
        if cache:
            cache.write_bytes(pickle.dumps(items))
    print(f"corpus of {n} articles generated and extracted in {time.perf_counter() - started:.0f} s", flush=True)
    return arts, items


def build(n: int, path: Path, seed: int = 18, cache: Path | None = None):
    from ctd_crawler.store import open_archive

    arts, items = extracted(n, seed, cache)
    rng = random.Random(seed)
    order = sorted(range(n), key=lambda i: (arts[i].published + timedelta(days=rng.randrange(-3, 4)), i))
    archive = open_archive(path)
    sites = {(a.site, a.site_province) for a in arts}
    archive.db["sites"].upsert_all([{"id": s, "name": s, "province": p, "base_url": f"https://{s}.example.vn",
                                     "family": "generic"} for s, p in sites], pk="id")
    assign_times: list[float] = []
    save_times: list[float] = []
    real_assign = archive.assign_story

    def timed_assign(article_id):
        t = time.perf_counter()
        try:
            return real_assign(article_id)
        finally:
            assign_times.append(time.perf_counter() - t)

    archive.assign_story = timed_assign
    for k, i in enumerate(order):
        t = time.perf_counter()
        archive.save(items[i])
        save_times.append(time.perf_counter() - t)
        if (k + 1) % 10_000 == 0:
            print(f"  saved {k + 1}", flush=True)
    archive.close()
    return arts, order, save_times, assign_times


def pairs(n: int) -> int:
    return n * (n - 1) // 2


def evaluate(arts: list[Article], path: Path) -> dict:
    conn = sqlite3.connect(path)
    predicted = {int(url.rsplit("/", 1)[1][:-5]): story for url, story in conn.execute(
        "SELECT url, story_id FROM articles")}
    links = {tuple(sorted(r)) for r in conn.execute("SELECT story_id, related_story_id FROM story_links")}
    conn.close()
    truth = {a.id: a.story for a in arts}
    cells = Counter((predicted[i], truth[i]) for i in truth)
    tp = sum(pairs(c) for c in cells.values())
    pred_pairs = sum(pairs(c) for c in Counter(predicted.values()).values())
    true_pairs = sum(pairs(c) for c in Counter(truth.values()).values())
    by_kind: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for a in arts:
        if a.kind in ("verbatim", "edited", "rewritten", "english", "follow-up", "sibling"):
            by_kind[a.kind][0] += predicted[a.id] == predicted[a.base]
            by_kind[a.kind][1] += 1
    twins = [a for a in arts if a.kind == "twin"]
    twin_merged = sum(predicted[a.id] == predicted[a.base] for a in twins)
    follow = [a for a in arts if a.kind == "follow-up"]
    linked = sum(tuple(sorted((predicted[a.id], predicted[a.base]))) in links for a in follow)
    return {"tp": tp, "pred_pairs": pred_pairs, "true_pairs": true_pairs, "by_kind": dict(by_kind),
            "twins": (twin_merged, len(twins)), "follow_linked": (linked, len(follow)),
            "stories": len(set(predicted.values())), "true_stories": len(set(truth.values()))}


def candidate_features(arts: list[Article], path: Path, sample: int) -> tuple[list[tuple], int]:
    """Every (article, candidate) pair the index returns for `sample` articles, with what
    the rule looks at, and the true pairs among the sample that were never candidates."""
    from ctd_crawler.store.stories import candidates, load_copy
    from ctd_crawler.stories import story_keys
    from ctd_crawler.stories.match import conflicts, days_apart, disjoint_provinces, similarity

    conn = sqlite3.connect(path)
    id_of = {int(url.rsplit("/", 1)[1][:-5]): aid for url, aid in conn.execute("SELECT url, id FROM articles")}
    art_of = {aid: arts[i - 1] for i, aid in id_of.items()}
    rng = random.Random(1)
    chosen = rng.sample(sorted(id_of.values()), min(sample, len(id_of)))
    rows, seen = [], set()
    for aid in chosen:
        copy = load_copy(conn, aid)
        for other_id in candidates(conn, story_keys(copy), copy.week, aid):
            key = tuple(sorted((aid, other_id)))
            if key in seen:
                continue
            seen.add(key)
            other = load_copy(conn, other_id)
            va, vb = copy.values, other.values
            shared = len(va & vb)
            rows.append((art_of[aid].story == art_of[other_id].story, copy.lang == other.lang,
                         similarity(copy.shingles, other.shingles),
                         {"strict": conflicts(copy, other), "disjoint": disjoint_slot(copy, other)},
                         conflicts(copy, other, money_only=True), days_apart(copy, other),
                         disjoint_provinces(copy, other), bool(copy.provinces & other.provinces), shared,
                         shared / min(len(va), len(vb)) if va and vb else 0.0,
                         f"{art_of[aid].kind}/{art_of[other_id].kind}"))
    chosen_set = set(chosen)
    members = defaultdict(list)
    for aid in id_of.values():
        members[art_of[aid].story].append(aid)
    missed = 0
    for ids in members.values():
        for i, a in enumerate(ids):
            for b in ids[i + 1:]:
                if (a in chosen_set or b in chosen_set) and tuple(sorted((a, b))) not in seen:
                    missed += 1
    conn.close()
    return rows, missed


def disjoint_slot(a, b) -> bool:
    """The looser conflict: a unit for which the two articles share no value at all."""
    from ctd_crawler.stories.match import _slots

    sa, sb = _slots(a, False), _slots(b, False)
    return any(not sa[k] & sb[k] for k in sa.keys() & sb.keys())


def judge(row, same_text, facts_text, max_days, tr_figures, tr_share, tr_days, conflict_rule="strict",
          provinces=True) -> bool:
    """stories/match.py's rule, thresholds as arguments (conflict_rule None: no conflict rule)."""
    truth, same_lang, sim, conflicts, money_conflict, days, disjoint, common, shared, share, _ = row
    conflict = conflicts[conflict_rule] if conflict_rule else False
    if disjoint and provinces:
        return False
    if not same_lang:
        return (shared >= tr_figures and share >= tr_share and days is not None and days <= tr_days and common
                and not money_conflict)
    if conflict or (days is not None and days > max_days):
        return False
    return sim >= same_text or (sim >= facts_text and shared >= 2)


def CHOSEN() -> dict:
    from ctd_crawler.stories import match

    return dict(same_text=match.SAME_TEXT, facts_text=match.FACTS_TEXT, max_days=match.MAX_DAYS,
                tr_figures=match.TRANSLATION_FIGURES, tr_share=match.TRANSLATION_SHARE, tr_days=match.TRANSLATION_DAYS)


def reason(row) -> str:
    truth, same_lang, sim, conflicts, money_conflict, days, disjoint, common, shared, share, _ = row
    conflict = conflicts["strict"]
    return ("(provinces disjoint)" if disjoint else "(figures conflict)" if same_lang and conflict else
            f"(sim {sim:.2f}, {shared} shared)" if same_lang else f"(translation: {shared} shared, {share:.2f}, "
            f"{days} days, common province {common}, money conflict {money_conflict})")


def sweep(rows, missed) -> list[list]:
    base = CHOSEN()
    grid = {"same_text": [0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9], "facts_text": [0.1, 0.2, 0.3, 0.4, 0.5],
            "tr_figures": [1, 2, 3], "tr_share": [0.25, 0.5, 0.75, 1.0],
            "conflict_rule": ["strict", "disjoint", None], "provinces": [True, False], "neither": [True]}
    true_total = sum(r[0] for r in rows) + missed
    out = []
    for name, values in grid.items():
        for value in values:
            params = {**base, name: value} if name != "neither" else {**base, "conflict_rule": None,
                                                                       "provinces": False}
            if name == "same_text":
                params["facts_text"] = min(params["facts_text"], value)
            tp = fp = 0
            for row in rows:
                if judge(row, **params):
                    tp += row[0]
                    fp += not row[0]
            p = tp / (tp + fp) if tp + fp else 1.0
            r = tp / true_total if true_total else 1.0
            mark = " (chosen)" if value == base.get(name, {"conflict_rule": "strict", "provinces": True}.get(name)) else ""
            label = "no conflict rule, no province rule" if name == "neither" else f"{name} = {value}{mark}"
            out.append([label, tp, fp, true_total - tp, f"{p:.4f}", f"{r:.4f}",
                        f"{2 * p * r / (p + r) if p + r else 0:.4f}"])
    return out


def demo_money(before: str) -> list[list]:
    with tempfile.TemporaryDirectory() as tmp:
        old_code = Path(tmp) / "old"
        old_code.mkdir()
        archive = subprocess.run(["git", "-C", str(ROOT), "archive", before], capture_output=True, check=True).stdout
        subprocess.run(["tar", "-x", "-C", str(old_code)], input=archive, check=True)
        runs = {}
        for name, code in (("before", old_code), ("after", ROOT)):
            path = Path(tmp) / f"{name}.sqlite"
            env = {**os.environ, "PYTHONPATH": str(code), "PYTHONDONTWRITEBYTECODE": "1"}
            subprocess.run([sys.executable, "-m", "ctd_crawler.cli", "demo", "--archive", str(path), "--mirror",
                            str(ROOT / "fixtures" / "sites")], env=env, capture_output=True, check=True, cwd=tmp)
            runs[name] = sqlite3.connect(path)
        old = dict(runs["before"].execute(
            "SELECT COALESCE(province, '(unknown)'), SUM(total_vnd) FROM v_money_by_province_month GROUP BY 1"))
        new = dict(runs["after"].execute(
            "SELECT COALESCE(province, '(unknown)'), SUM(total_vnd) FROM v_money_by_province_month GROUP BY 1"))
        per_article = dict(runs["after"].execute(
            "SELECT COALESCE(province, '(unknown)'), SUM(total_vnd) FROM v_money_by_province_month_per_article "
            "GROUP BY 1"))
        stories = runs["after"].execute("SELECT COUNT(*), SUM(articles > 1) FROM stories").fetchone()
        for conn in runs.values():
            conn.close()
    rows = []
    for province in sorted(old.keys() | new.keys(), key=lambda p: -(old.get(p) or new.get(p) or 0)):
        a, b, c = old.get(province) or 0, new.get(province) or 0, per_article.get(province) or 0
        rows.append([province, f"{a:,}".replace(",", "."), f"{c:,}".replace(",", "."), f"{b:,}".replace(",", "."),
                     "" if a == b else f"{b - a:+,}".replace(",", ".")])
    rows.append(["**total**", *(f"{sum(d.values()):,}".replace(",", ".") for d in (old, per_article, new)),
                 f"{sum(new.values()) - sum(old.values()):+,}".replace(",", ".")])
    print(f"demo: {stories[0]} stories, {stories[1] or 0} with more than one copy")
    return rows


def lsh_table(arts: list[Article], path: Path, first: int = 20_000) -> list[list]:
    """Candidate recall of true pairs and candidates per article for other LSH shapes,
    on the first `first` Vietnamese articles in publication order (one 64-value MinHash each; a
    shape uses its first bands x rows values), within the look-up window."""
    import numpy as np
    from datasketch import MinHash

    from ctd_crawler.store.stories import WINDOW_WEEKS
    from ctd_crawler.stories.features import SCHEME, day_number, shingles

    conn = sqlite3.connect(path)
    rows = conn.execute("SELECT url, title, body_text, published_at FROM articles WHERE lang = 'vi' "
                        "ORDER BY published_at, id LIMIT ?", [first]).fetchall()
    conn.close()
    perms = MinHash(num_perm=64, seed=3, scheme=SCHEME).permutations
    sigs, weeks, story = [], [], []
    for url, title, body, published in rows:
        mh = MinHash(num_perm=64, seed=3, scheme=SCHEME, permutations=perms)
        mh.update_batch([x.encode() for x in shingles(f"{title}\n\n{body}")] or [b""])
        sigs.append(np.asarray(mh.hashvalues, dtype=np.uint32))
        weeks.append(day_number(published) // 7)
        story.append(arts[int(url.rsplit("/", 1)[1][:-5]) - 1].story)
    out = []
    for bands, rows_ in ((8, 4), (12, 4), (16, 3), (20, 3), (16, 4), (32, 2)):
        buckets = defaultdict(list)
        for i, sig in enumerate(sigs):
            for b in range(bands):
                buckets[(b, sig[b * rows_:(b + 1) * rows_].tobytes())].append(i)
        cand = set()
        for members in buckets.values():
            for x in range(len(members)):
                for y in range(x + 1, len(members)):
                    i, j = members[x], members[y]
                    if abs(weeks[i] - weeks[j]) <= WINDOW_WEEKS:
                        cand.add((i, j))
        true = {(i, j) for i, j in cand if story[i] == story[j]}
        members_of = defaultdict(list)
        for i, s_ in enumerate(story):
            members_of[s_].append(i)
        all_true = sum(pairs(len(m)) for m in members_of.values())
        out.append([f"{bands} x {rows_}", f"{(1 / bands) ** (1 / rows_):.2f}", f"{len(true) / all_true:.4f}",
                    f"{2 * len(cand) / len(sigs):.2f}"])
    return out


def flatness(big: Path, n: int, small_n: int = 10_000, probes: int = 300, seed: int = 18,
             cache: Path | None = None) -> list[list]:
    """Paired and interleaved, so that other load on the machine hits both alike: the
    same new articles (another seed's, dated inside the span of the first `small_n`
    articles) assigned in an archive of `small_n` articles and in the one of `n`."""
    from statistics import median

    from ctd_crawler.store import open_archive

    arts, all_items = extracted(n, seed, cache)
    rng = random.Random(seed)
    order = sorted(range(n), key=lambda i: (arts[i].published + timedelta(days=rng.randrange(-3, 4)), i))
    first = [arts[i] for i in order[:small_n]]
    items = [all_items[i] for i in order[:small_n]]
    span = (min(a.published for a in first) + timedelta(days=21), max(a.published for a in first) - timedelta(days=21))
    pool_arts = [a for a in corpus(20_000, seed + 1) if span[0] <= a.published <= span[1]]
    probe_arts = random.Random(2).sample(pool_arts, min(probes, len(pool_arts)))
    for a in probe_arts:
        a.id += 10_000_000  # other URLs than the archive's
    with tempfile.TemporaryDirectory() as tmp, Pool(2) as pool:
        small = Path(tmp) / "small.sqlite"
        for suffix in ("", "-wal"):  # the probes go into a copy: the kept archive stays as it was
            if Path(f"{big}{suffix}").exists():
                shutil.copy(f"{big}{suffix}", Path(tmp) / f"big.sqlite{suffix}")
        big = Path(tmp) / "big.sqlite"
        probe_items = pool.map(extract, probe_arts, chunksize=50)
        archives = {"small": open_archive(small), "big": open_archive(big)}
        sites = {(a.site, a.site_province) for a in arts + probe_arts}
        for archive in archives.values():
            archive.db["sites"].upsert_all([{"id": s_, "name": s_, "province": p, "base_url": f"https://{s_}.example.vn",
                                             "family": "generic"} for s_, p in sites], pk="id")
        for item in items:
            archives["small"].save(item)
        times: dict[str, list[float]] = {"small": [], "big": []}
        compared: dict[str, list[int]] = {"small": [], "big": []}
        for k, item in enumerate(probe_items):
            for name in (("small", "big") if k % 2 else ("big", "small")):
                archive = archives[name]
                real = archive.assign_story

                def timed(article_id, real=real, name=name):
                    from ctd_crawler.store.stories import candidates, load_copy
                    from ctd_crawler.stories import story_keys

                    c = load_copy(archive.db.conn, article_id)
                    compared[name].append(len(candidates(archive.db.conn, story_keys(c), c.week, article_id)))
                    t = time.perf_counter()
                    try:
                        return real(article_id)
                    finally:
                        times[name].append(time.perf_counter() - t)

                archive.assign_story = timed
                archive.save(item)
                archive.assign_story = real
        sizes = {name: a.db.execute("SELECT COUNT(*) FROM articles").fetchone()[0] - len(probe_items)
                 for name, a in archives.items()}
        for archive in archives.values():
            archive.close()
    out = []
    for name in ("small", "big"):
        t = sorted(times[name])
        out.append([f"{sizes[name]:,}", len(t), f"{1000 * sum(t) / len(t):.2f}", f"{1000 * median(t):.2f}",
                    f"{1000 * t[int(0.99 * (len(t) - 1))]:.2f}", f"{sum(compared[name]) / len(t):.1f}"])
    ratio = (sum(times["big"]) / sum(times["small"]))
    out.append([f"ratio {sizes['big']:,} / {sizes['small']:,}", "", f"{ratio:.2f}x", "", "", ""])
    return out


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--n", type=int, default=100_000)
    parser.add_argument("--sample", type=int, default=20_000, help="articles whose candidates the sweep judges")
    parser.add_argument("--before", default=BEFORE)
    parser.add_argument("--skip-demo", action="store_true")
    parser.add_argument("--keep", default=None, help="keep the synthetic archive at this path")
    parser.add_argument("--items", default=None, metavar="PICKLE", help="cache of the extracted corpus")
    parser.add_argument("--flatness", default=None, metavar="ARCHIVE",
                        help="only the paired timing, against an archive kept by an earlier run of the same --n")
    args = parser.parse_args()
    if args.flatness:
        print(table(["articles in the archive", "new articles timed", "story assignment ms, mean", "median",
                     "99th percentile", "candidates compared, mean"],
                    flatness(Path(args.flatness), args.n, cache=Path(args.items) if args.items else None)))
        return
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(args.keep) if args.keep else Path(tmp) / "synthetic.sqlite"
        arts, order, save_times, assign_times = build(args.n, path, cache=Path(args.items) if args.items else None)
        kinds = Counter(a.kind for a in arts)
        print(f"\n{args.n} articles: " + ", ".join(f"{k} {v}" for k, v in sorted(kinds.items())))
        e = evaluate(arts, path)
        p, r = e["tp"] / e["pred_pairs"], e["tp"] / e["true_pairs"]
        print(f"\n{e['true_stories']} true stories, {e['stories']} predicted\n")
        print(table(["pairs", "true", "predicted", "both", "precision", "recall", "F1"],
                    [["all", e["true_pairs"], e["pred_pairs"], e["tp"], f"{p:.4f}", f"{r:.4f}",
                      f"{2 * p * r / (p + r):.4f}"]]))
        print()
        rows = [[k, n, f"{m / n:.4f}"] for k, (m, n) in sorted(e["by_kind"].items())]
        rows.append(["twin (same kind, same day, other province): merged", e["twins"][1],
                     f"{e['twins'][0] / max(e['twins'][1], 1):.4f}"])
        rows.append(["follow-up: linked as related", e["follow_linked"][1],
                     f"{e['follow_linked'][0] / max(e['follow_linked'][1], 1):.4f}"])
        print(table(["planted", "articles", "in the base's story"], rows))
        print()
        windows = [w for w in (10_000, args.n) if w <= args.n]
        timing = []
        for w in windows:
            a = sum(assign_times[w - 1000:w]) / 1000
            s = sum(save_times[w - 1000:w]) / 1000
            timing.append([f"{w:,}", f"{(s - a) * 1000:.2f}", f"{a * 1000:.2f}", f"{a / (s - a):.2f}x"])
        if len(timing) == 2:
            flat = (sum(assign_times[-1000:]) / sum(assign_times[9000:10000]))
            timing.append(["ratio N / 10,000", "", f"{flat:.2f}x", ""])
        print(table(["articles in the archive", "save without stories ms (baseline)", "story assignment ms",
                     "assignment vs baseline"], timing))
        conn = sqlite3.connect(path)
        keys = conn.execute("SELECT COUNT(*) FROM story_keys").fetchone()[0]
        conn.close()
        print(f"\nstory_keys: {keys} rows, {keys / args.n:.1f} per article; archive {path.stat().st_size / 1e6:.0f} MB")
        rows, missed = candidate_features(arts, path, args.sample)
        print(f"\nthreshold sweep: {len(rows)} candidate pairs of {args.sample} articles, {missed} true pairs never "
              f"candidates; one threshold varied at a time, the others as chosen\n")
        print(table(["threshold", "true pairs judged same", "false pairs judged same", "true pairs missed",
                     "precision", "recall", "F1"], sweep(rows, missed)))
        errors = Counter()
        for row in rows:
            if judge(row, **CHOSEN()) != row[0]:
                kinds = "/".join(sorted(row[-1].split("/")))
                errors[("missed " if row[0] else "merged ") + kinds + (" " + reason(row) if row[0] else "")] += 1
        print("\nwrong judgements among candidates, as chosen: " + (", ".join(
            f"{k} {v}" for k, v in sorted(errors.items())) or "none"))
        print(f"\nLSH shapes (text bands only, same-language pairs; figures find more), first {min(20_000, args.n)} articles:\n")
        print(table(["bands x rows", "threshold ~ (1/b)^(1/r)", "true pairs found by a band", "candidates per article"],
                    lsh_table(arts, path, min(20_000, args.n))))
    if not args.skip_demo:
        print()
        print(table(["province", "before (every mention, first place)", "after, --per-article", "after, per story",
                     "change"], demo_money(args.before)))


if __name__ == "__main__":
    main()
