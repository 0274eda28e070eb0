"""Re-extraction: the current layouts and pipelines over the stored raw pages, no network.

Each article's fields and facts are replaced with what the current code finds (through the
writer, one transaction per batch of pages), and what changed is counted per table:
new, changed and removed facts. People shared across articles follow their mentions (the
writer keeps each person's best-spelled name and removes a person no mention names any
more): how many were renamed, added and removed is counted too. An article whose text or
facts changed is assigned to its story again in the same transaction (store/stories.py; one
that changed only its publication time refreshes its story); articles that moved to another
story are counted.

Pages are extracted in worker processes (`workers`, forked: they start from the steps the
run opened) while this process alone writes; `dry_run` counts the same and rolls back.
"""

from __future__ import annotations

import itertools
import multiprocessing
import zlib
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from ctd_crawler.items import ArticleItem
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


def stored_pages(archive: Archive, site: str | None = None, urls: Iterable[str] | None = None) -> list[int]:
    """The ids of the articles whose stored pages to re-read: all, one site's, or those of
    these article URLs (the pages themselves are read in batches as the run goes)."""
    where, params = ("WHERE a.site = ?", [site]) if site else ("", [])
    if urls is not None:
        wanted = sorted(urls)
        where += (" AND " if where else "WHERE ") + f"a.url IN ({', '.join('?' * len(wanted))})"
        params += wanted
    return [row[0] for row in archive.db.execute(
        f"SELECT p.article_id FROM pages p JOIN articles a ON a.id = p.article_id {where} ORDER BY p.article_id",
        params)]


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


def reextract(archive: Archive, ids: list[int], progress: Callable[[Iterable], Iterator] = iter, *,
              workers: int = 1, dry_run: bool = False) -> Outcome:
    """Re-read the stored pages of `ids` (stored_pages) and replace each article's fields and
    facts. With workers > 1 the pages are extracted in that many processes while this one
    writes; with dry_run every batch is rolled back (what would change is counted, nothing
    is written; people are not counted)."""
    from ctd_crawler.pipelines import chain_for

    with chain_for(archive):  # before the fork: every worker starts from the archive's claims
        if workers <= 1:
            return _write_all(archive, map(_extract, _stored_rows(archive, ids)), len(ids), progress, dry_run)
        batches = _stored_batches(archive, ids)
        first = next(batches, [])
        # the first page read here loads what extraction needs (gazetteer, lexicons) once,
        # for the forked workers to share
        done_here = [_extract(row) for row in first[:1]]
        with multiprocessing.get_context("fork").Pool(workers) as pool:
            extracted = itertools.chain(done_here, _in_workers(pool, workers, itertools.chain([first[1:]], batches)))
            return _write_all(archive, extracted, len(ids), progress, dry_run)


# What a worker gets of a stored page, and what it sends back.
_PAGE_SQL = ("SELECT p.article_id, p.url, p.raw, p.content_type, p.fetched_at, p.status, p.etag, p.last_modified, "
             "a.last_seen, p.listed_at FROM pages p JOIN articles a ON a.id = p.article_id WHERE p.article_id IN ")
BATCH = 256  # pages read, extracted and written together: one transaction per batch


def _stored_batches(archive: Archive, ids: list[int]) -> Iterator[list[tuple]]:
    for start in range(0, len(ids), BATCH):
        chunk = ids[start:start + BATCH]
        rows = archive.db.execute(_PAGE_SQL + f"({', '.join('?' * len(chunk))})", chunk).fetchall()
        yield sorted(rows)


def _stored_rows(archive: Archive, ids: list[int]) -> Iterator[tuple]:
    for batch in _stored_batches(archive, ids):
        yield from batch


def _in_workers(pool, workers: int, batches: Iterator[list[tuple]]) -> Iterator[tuple]:
    """Each batch extracted in the pool while the one before is written (two in flight: the
    workers never wait for the writer, memory holds at most three batches)."""
    pending: deque = deque()
    for batch in batches:
        pending.append(pool.map_async(_extract, batch, chunksize=max(1, len(batch) // (4 * workers))))
        if len(pending) > 2:
            yield from pending.popleft().get()
    while pending:
        yield from pending.popleft().get()


def _extract(row: tuple) -> tuple[int, str, ArticleItem | None, str | None]:
    """(article id, url, the item as the current code reads the page, or the error)."""
    from ctd_crawler.page import parse_page
    from ctd_crawler.pipelines import run_chain
    from ctd_crawler.sites import site_for_url

    article_id, url, raw, content_type, fetched_at, status, etag, last_modified, last_seen, listed_at = row
    try:
        page = zlib.decompress(raw)
    except zlib.error as exc:
        return article_id, url, None, f"the stored page cannot be decompressed ({exc})"
    try:
        item = parse_page(page, url, site=site_for_url(url), content_type=content_type,
                          status=status or 200, fetched_at=fetched_at, etag=etag, last_modified=last_modified)
        item.listed_at = listed_at
        item = run_chain(item)
    except Exception as exc:  # noqa: BLE001 - one bad page is reported, never fatal
        return article_id, url, None, f"{type(exc).__name__}: {exc}"
    # fetched_at stays the page's for the dates (a year-less "11/3" is read against it),
    # but the article row keeps the last time a crawl saw it.
    item.fetched_at = last_seen
    item.html, item.tree = "", None  # not archived: not sent back from a worker
    return article_id, url, item, None


def _write_all(archive: Archive, extracted: Iterable[tuple], total: int, progress: Callable[[Iterable], Iterator],
               dry_run: bool) -> Outcome:
    db = archive.db
    conn = db.conn
    field_sql = f"SELECT {', '.join(ARTICLE_FIELDS)}, story_id FROM articles WHERE id = ?"
    outcome = Outcome(pages=total)
    people_before = {} if dry_run else people_names(db)
    end_batch = conn.rollback if dry_run else conn.commit
    in_batch = 0
    try:
        for article_id, url, item, error in progress(extracted):
            if item is None:
                outcome.skipped.append(f"{url}: {error}")
                continue
            before, fields_before = fact_snapshot(db, article_id), db.execute(field_sql, [article_id]).fetchone()
            archive.replace_facts(article_id, item)
            after, fields_after = fact_snapshot(db, article_id), db.execute(field_sql, [article_id]).fetchone()
            outcome.moved += fields_after[-1] != fields_before[-1]
            differs = fields_before[:-1] != fields_after[:-1]
            for table, (_, key) in FACT_TABLES.items():
                delta = diff_facts(before[table], after[table], key)
                outcome.facts[table] = [a + b for a, b in zip(outcome.facts[table], delta)]
                differs = differs or any(delta)
            if differs:
                outcome.changed.append(url)
            in_batch += 1
            if in_batch == BATCH:
                end_batch()
                in_batch = 0
    except BaseException:  # a run stopped half-way keeps the batches written before this one
        conn.rollback()
        raise
    end_batch()
    if not dry_run:
        outcome.people = diff_people(people_before, people_names(db))
    return outcome


def people_names(db) -> dict[int, str]:
    return dict(db.execute("SELECT id, name FROM people").fetchall())


def diff_people(before: dict[int, str], after: dict[int, str]) -> dict[str, int]:
    """People new, renamed (another spelling became the best) and removed (no mention left)."""
    return {"new": len(after.keys() - before.keys()),
            "renamed": sum(1 for k in before.keys() & after.keys() if before[k] != after[k]),
            "removed": len(before.keys() - after.keys())}
