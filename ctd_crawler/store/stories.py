"""Stories in the archive: each article is assigned to one when it is saved, in the
writer's transaction; `ctd-archive stories rebuild` assigns them all again.

How a new article finds its copies in a few indexed look-ups, whatever the archive's
size: its keys (ctd_crawler/stories/features.py: LSH band hashes of its text, its
figures) are stored in story_keys with its publication week, and the articles sharing a
key in the weeks around its own (WINDOW_WEEKS) are its candidates, at most CANDIDATES of
them, most hits first, a figure counting as two bands (copies share their figures,
articles written from one template do not: measured in benchmarks/README.md). Each candidate is compared (stories/match.py): the article joins
the story of its most similar copy (and stories it is a copy of both are merged, when
their canonical copies agree on provinces and figures), or starts a story of its own;
related stories (follow-ups) are linked in story_links.

A story's canonical copy, province and first publication (extract/attribution.py) are
refreshed whenever a copy joins or leaves it. An article that changes (a re-crawl,
`reextract`) leaves its story and is assigned again; the copies that joined through it
stay where they are until a rebuild.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from ctd_crawler.extract.attribution import canonical_copy
from ctd_crawler.extract.text import fold
from ctd_crawler.stories import Copy, Verdict, compare, story_keys
from ctd_crawler.stories.features import day_number
from ctd_crawler.stories.match import conflicts, disjoint_provinces

WINDOW_WEEKS = 3  # weeks before and after an article's own that its copies are looked for in
CANDIDATES = 40  # at most this many candidates compared per article


def load_copy(conn, article_id: int) -> Copy:
    """An article with what the matcher compares it by, from the archive."""
    (aid, lang, published_at, first_seen, title, body, site_province, province, story_id) = conn.execute(
        "SELECT a.id, a.lang, a.published_at, a.first_seen, a.title, a.body_text, s.province, a.province,"
        " a.story_id FROM articles a LEFT JOIN sites s ON s.id = a.site WHERE a.id = ?", [article_id]).fetchone()
    money = frozenset(
        ("VND", vnd) if currency == "VND" else (currency, amount)
        for currency, vnd, amount in conn.execute(
            "SELECT currency, amount_vnd, amount FROM money WHERE article_id = ? AND per_unit = 0", [aid])
        if (vnd if currency == "VND" else amount) is not None)
    counts = frozenset((value, fold(unit or "")) for value, unit in conn.execute(
        "SELECT value, unit FROM counts WHERE article_id = ? AND value IS NOT NULL", [aid]))
    # provinces as named on the article's date (not province_2025: the 2025 merger would make
    # Quảng Bình's and Quảng Trị's news of 2024 one province's)
    provinces = {p for (p,) in conn.execute(
        "SELECT pl.province FROM place_mentions pm JOIN places pl ON pl.id = pm.place_id"
        " WHERE pm.article_id = ? AND pm.resolved = 1 AND pl.province IS NOT NULL", [aid])}
    if site_province:
        provinces.add(site_province)
    return Copy(id=aid, lang=lang, day=day_number(published_at) or day_number(first_seen),
                text=f"{title or ''}\n\n{body or ''}", site_province=site_province, province=province,
                published_at=published_at, story_id=story_id, money=money, counts=counts,
                provinces=frozenset(provinces))


def candidates(conn, keys: list[tuple[int, int]], week: int, article_id: int) -> list[int]:
    """Articles sharing a text band, or two figures, in the weeks around `week`, most hits first."""
    if not keys:
        return []
    marks = ", ".join("?" * len(keys))
    rows = conn.execute(
        f"SELECT article_id, SUM(kind = 0) AS bands, SUM(kind = 1) AS figures FROM story_keys"
        f" WHERE key IN ({marks}) AND week BETWEEN ? AND ? AND article_id <> ? GROUP BY article_id"
        f" HAVING bands >= 1 OR figures >= 2 ORDER BY bands + 2 * figures DESC, article_id LIMIT ?",
        [*(k for k, _ in keys), week - WINDOW_WEEKS, week + WINDOW_WEEKS, article_id, CANDIDATES])
    return [r[0] for r in rows]


@dataclass
class Assignment:
    story_id: int
    joined: int | None = None  # the copy it joined, None for a story of its own
    merged: int = 0  # other stories merged into it
    related: int = 0  # related stories linked


class StoryWriter:
    """The stories part of the archive writer (store/writer.py mixes it in): called inside
    the writer's transaction, never on its own."""

    db: Any  # the writer's sqlite_utils.Database

    def assign_story(self, article_id: int, copy: Copy | None = None) -> Assignment:
        """Put the article in its story; `copy`: the article as load_copy just read it."""
        conn = self.db.conn
        copy = copy or load_copy(conn, article_id)
        old_story = self._leave_story(article_id)
        keys = story_keys(copy)
        conn.executemany("INSERT OR IGNORE INTO story_keys (key, week, article_id, kind) VALUES (?, ?, ?, ?)",
                         [(k, copy.week, article_id, kind) for k, kind in keys])
        same: list[tuple[Verdict, Copy]] = []
        related: list[tuple[Verdict, Copy]] = []
        for other_id in candidates(conn, keys, copy.week, article_id):
            other = load_copy(conn, other_id)
            if other.story_id is None:
                continue
            verdict = compare(copy, other)
            (same if verdict.kind == "same" else related if verdict.kind == "related" else []).append((verdict, other))
        same.sort(key=lambda vc: (-vc[0].similarity, vc[1].id))
        if same:
            story_id, joined = same[0][1].story_id, same[0][1].id
        elif old_story is not None and not self._story_size(old_story):
            story_id, joined = old_story, None  # keep its number
        else:
            story_id = conn.execute("INSERT INTO stories (articles) VALUES (0)").lastrowid
            joined = None
        conn.execute("UPDATE articles SET story_id = ? WHERE id = ?", [story_id, article_id])
        if old_story not in (None, story_id):
            self._drop_if_empty(old_story)
        outcome = Assignment(story_id, joined)
        for _, other in same[1:]:
            other_story = self._story_of(other.id)  # now: an earlier merge may have moved it
            if other_story != story_id and self._mergeable(story_id, other_story):
                self._merge(other_story, story_id)
                outcome.merged += 1
        for verdict, other in related:
            target = self._story_of(other.id)
            if target != story_id:
                low, high = sorted((story_id, target))
                outcome.related += conn.execute(
                    "INSERT OR IGNORE INTO story_links (story_id, related_story_id, reason, similarity)"
                    " VALUES (?, ?, ?, ?)", [low, high, verdict.reason, round(verdict.similarity, 3)]).rowcount
        self.refresh_story(story_id)
        return outcome

    def _leave_story(self, article_id: int) -> int | None:
        conn = self.db.conn
        conn.execute("DELETE FROM story_keys WHERE article_id = ?", [article_id])
        story_id = self._story_of(article_id)
        if story_id is not None:
            conn.execute("UPDATE articles SET story_id = NULL WHERE id = ?", [article_id])
            if self._story_size(story_id):
                self.refresh_story(story_id)
        return story_id

    def _story_of(self, article_id: int) -> int | None:
        return self.db.conn.execute("SELECT story_id FROM articles WHERE id = ?", [article_id]).fetchone()[0]

    def _story_size(self, story_id: int) -> int:
        return self.db.conn.execute("SELECT COUNT(*) FROM articles WHERE story_id = ?", [story_id]).fetchone()[0]

    def _drop_if_empty(self, story_id: int) -> None:
        if not self._story_size(story_id):
            conn = self.db.conn
            conn.execute("DELETE FROM story_links WHERE story_id = ? OR related_story_id = ?", [story_id] * 2)
            conn.execute("DELETE FROM stories WHERE id = ?", [story_id])

    def _mergeable(self, a: int, b: int) -> bool:
        """Two stories that one article copies are one, unless their canonical copies disagree."""
        conn = self.db.conn
        ca, cb = (load_copy(conn, conn.execute("SELECT canonical_article_id FROM stories WHERE id = ?",
                                               [s]).fetchone()[0]) for s in (a, b))
        return not disjoint_provinces(ca, cb) and not conflicts(ca, cb)

    def _merge(self, source: int, target: int) -> None:
        conn = self.db.conn
        conn.execute("UPDATE articles SET story_id = ? WHERE story_id = ?", [target, source])
        for low, high, reason, sim in conn.execute(
                "SELECT story_id, related_story_id, reason, similarity FROM story_links"
                " WHERE story_id = ? OR related_story_id = ?", [source] * 2).fetchall():
            other = high if low == source else low
            if other != target:
                conn.execute("INSERT OR IGNORE INTO story_links VALUES (?, ?, ?, ?)",
                             [*sorted((target, other)), reason, sim])
        self._drop_if_empty(source)
        self.refresh_story(target)

    def refresh_story(self, story_id: int) -> None:
        """The story's canonical copy, province, first publication and size, from its copies."""
        conn = self.db.conn
        copies = [dict(zip(("id", "published_at", "site_province", "province"), row)) for row in conn.execute(
            "SELECT a.id, a.published_at, s.province, a.province FROM articles a LEFT JOIN sites s"
            " ON s.id = a.site WHERE a.story_id = ?", [story_id])]
        canonical = canonical_copy(copies)
        dates = [c["published_at"] for c in copies if c["published_at"]]
        conn.execute("UPDATE stories SET first_published = ?, canonical_article_id = ?, province = ?, articles = ?"
                     " WHERE id = ?", [min(dates) if dates else None, canonical and canonical["id"],
                                       canonical and canonical["province"], len(copies), story_id])

    def rebuild_stories(self, progress: Callable[[Iterable], Iterator] = iter) -> dict[str, int]:
        """Every article assigned again, in order of publication, in one transaction (until it
        commits, readers see the stories as they were)."""
        conn = self.db.conn
        conn.execute("BEGIN IMMEDIATE")
        try:
            conn.execute("UPDATE articles SET story_id = NULL")
            for table in ("story_keys", "story_links", "stories"):
                conn.execute(f"DELETE FROM {table}")
            ids = [r[0] for r in conn.execute(
                "SELECT id FROM articles ORDER BY COALESCE(published_at, first_seen), id")]
            outcome = {"articles": len(ids), "joined": 0, "merged": 0, "related": 0}
            for article_id in progress(ids):
                done = self.assign_story(article_id)
                outcome["joined"] += done.joined is not None
                outcome["merged"] += done.merged
                outcome["related"] += done.related
            outcome["stories"] = conn.execute("SELECT COUNT(*) FROM stories").fetchone()[0]
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        return outcome
