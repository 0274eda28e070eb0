"""Re-extraction: the current layouts and pipelines over the stored raw pages, no network.

Each article's fields and facts are replaced with what the current code finds (one
transaction per article, through the writer), and what changed is counted per table:
new, changed and removed facts. People shared across articles follow their mentions (the
writer keeps each person's best-spelled name and removes a person no mention names any
more): how many were renamed, added and removed is counted too. Each article is assigned
to its story again in the same transaction (store/stories.py); articles that moved to
another story are counted.
"""

from __future__ import annotations

import zlib
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from ctd_crawler.store.archive import Archive

# Per fact table: the rows compared before and after, and the column that names a fact's
# span (a removed and a new row with the same span are one changed fact).
FACT_TABLES = {
    "person_mentions": (("SELECT pe.key, pm.name, pm.honorific, pm.prefix, pm.title, pm.title_expanded, "
                        "pm.organisation, pm.text FROM person_mentions pm JOIN people pe ON pe.id = pm.person_id "
                        "WHERE pm.article_id = ?"), 1),
    "place_mentions": (("SELECT pl.key, pm.text, pl.name, pl.level, pm.resolved FROM place_mentions pm "
                       "JOIN places pl ON pl.id = pm.place_id WHERE pm.article_id = ?"), 1),
    "money": (("SELECT text, amount_vnd, amount_vnd_max, currency, amount, qualifier, per_unit, per, context "
              "FROM money WHERE article_id = ?"), 0),
    "counts": (("SELECT text, value, unit, qualifier FROM counts WHERE article_id = ?"), 0),
    "event_dates": (('SELECT text, start, "end", precision, flag FROM event_dates WHERE article_id = ?'), 0),
}
ARTICLE_FIELDS = ("title", "published_at", "published_text", "author", "lang", "body_text", "layout", "problems")


@dataclass
class Outcome:
    pages: int = 0
    changed: list[str] = field(default_factory=list)  # URLs of articles whose fields or facts changed
    skipped: list[str] = field(default_factory=list)  # "url: error" of pages that could not be re-read
    facts: dict[str, list[int]] = field(default_factory=lambda: {t: [0, 0, 0] for t in FACT_TABLES})
    people: dict[str, int] = field(default_factory=lambda: {"new": 0, "renamed": 0, "removed": 0})
    moved: int = 0  # articles now in another story than before

    @property
    def unchanged(self) -> int:
        return self.pages - len(self.skipped) - len(self.changed)


def fact_snapshot(db, article_id: int) -> dict[str, Counter]:
    return {t: Counter(db.execute(sql, [article_id]).fetchall()) for t, (sql, _) in FACT_TABLES.items()}


def diff_facts(before: Counter, after: Counter, key: int) -> tuple[int, int, int]:
    """(new, changed, removed): a removed and a new row with the same span (key column) is a change."""
    removed, added = before - after, after - before
    keys_removed = Counter(row[key] for row in removed.elements())
    keys_added = Counter(row[key] for row in added.elements())
    changed = sum((keys_removed & keys_added).values())
    return sum(added.values()) - changed, changed, sum(removed.values()) - changed


def stored_pages(archive: Archive, site: str | None = None, urls: Iterable[str] | None = None) -> list[tuple]:
    """The stored pages to re-read: all, one site's, or those of these article URLs."""
    where, params = ("WHERE a.site = ?", [site]) if site else ("", [])
    if urls is not None:
        wanted = sorted(urls)
        where += (" AND " if where else "WHERE ") + f"a.url IN ({', '.join('?' * len(wanted))})"
        params += wanted
    return archive.db.execute(
        "SELECT p.article_id, p.url, p.raw, p.content_type, p.fetched_at, p.status, p.etag, p.last_modified, "
        f"a.last_seen, p.listed_at FROM pages p JOIN articles a ON a.id = p.article_id {where} ORDER BY p.article_id",
        params).fetchall()


def redate_stamped(archive: Archive) -> int:
    """Re-read the articles that still carry a minute that proved a migration stamp (their
    claim came before the stamp showed: pipelines/dates.py); returns how many."""
    from ctd_crawler.pipelines.dates import STAMP_MIN

    urls = [url for (_, minute), claimants in archive.shared_claims(STAMP_MIN).items() for url in claimants]
    if not urls:
        return 0
    marks = ", ".join("?" * len(urls))
    still = [r[0] for r in archive.db.execute(
        f"SELECT url FROM articles WHERE url IN ({marks}) AND published_at IS page_date", urls)]
    if still:
        reextract(archive, stored_pages(archive, urls=still))
    return len(still)


def reextract(archive: Archive, rows: list[tuple],
              progress: Callable[[Iterable], Iterator] = iter) -> Outcome:
    """Re-read `rows` (stored_pages) and replace each article's fields and facts."""
    from ctd_crawler.pipelines import chain_for

    with chain_for(archive):
        return _reextract(archive, rows, progress)


def _reextract(archive: Archive, rows: list[tuple], progress: Callable[[Iterable], Iterator]) -> Outcome:
    from ctd_crawler.page import parse_page
    from ctd_crawler.pipelines import run_chain
    from ctd_crawler.sites import load_sites, site_for_url

    db = archive.db
    sites = load_sites()
    field_sql = f"SELECT {', '.join(ARTICLE_FIELDS)} FROM articles WHERE id = ?"
    outcome = Outcome(pages=len(rows))
    people_before = people_names(db)
    for article_id, url, raw, content_type, fetched_at, status, etag, last_modified, last_seen, listed_at in progress(
            rows):
        try:
            item = parse_page(zlib.decompress(raw), url, site=site_for_url(url, sites),
                              content_type=content_type, status=status or 200, fetched_at=fetched_at,
                              etag=etag, last_modified=last_modified)
            item.listed_at = listed_at
            item = run_chain(item)
        except Exception as exc:  # noqa: BLE001 - one bad page is reported, never fatal
            outcome.skipped.append(f"{url}: {type(exc).__name__}: {exc}")
            continue
        # fetched_at stays the page's for the dates (a year-less "11/3" is read against it),
        # but the article row keeps the last time a crawl saw it.
        item.fetched_at = last_seen
        before, fields_before = fact_snapshot(db, article_id), db.execute(field_sql, [article_id]).fetchone()
        story_before = db.execute("SELECT story_id FROM articles WHERE id = ?", [article_id]).fetchone()[0]
        archive.replace_facts(article_id, item)
        after, fields_after = fact_snapshot(db, article_id), db.execute(field_sql, [article_id]).fetchone()
        outcome.moved += db.execute("SELECT story_id FROM articles WHERE id = ?", [article_id]).fetchone()[0] \
            != story_before
        differs = fields_before != fields_after
        for table, (_, key) in FACT_TABLES.items():
            delta = diff_facts(before[table], after[table], key)
            outcome.facts[table] = [a + b for a, b in zip(outcome.facts[table], delta)]
            differs = differs or any(delta)
        if differs:
            outcome.changed.append(url)
    outcome.people = diff_people(people_before, people_names(db))
    return outcome


def people_names(db) -> dict[int, str]:
    return dict(db.execute("SELECT id, name FROM people").fetchall())


def diff_people(before: dict[int, str], after: dict[int, str]) -> dict[str, int]:
    """People new, renamed (another spelling became the best) and removed (no mention left)."""
    return {"new": len(after.keys() - before.keys()),
            "renamed": sum(1 for k in before.keys() & after.keys() if before[k] != after[k]),
            "removed": len(before.keys() - after.keys())}
