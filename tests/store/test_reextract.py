"""Re-extraction in worker processes, its dry run, and the faults of a run: the demo archive
re-read with the current code (tests/conftest.py builds it once)."""

from __future__ import annotations

import shutil
import sqlite3
import zlib

import pytest

from ctd_crawler.store import open_archive
from ctd_crawler.store import reextract as module
from ctd_crawler.store.reextract import reextract, stored_pages

FACTS = ("SELECT article_id, text, amount_vnd, currency, qualifier, per_unit FROM money ORDER BY id",
         "SELECT article_id, text, value, unit FROM counts ORDER BY id",
         "SELECT article_id, text, start, \"end\" FROM event_dates ORDER BY id",
         "SELECT article_id, person_id, name, title FROM person_mentions ORDER BY id",
         "SELECT article_id, place_id, text FROM place_mentions ORDER BY id",
         "SELECT id, title, published_at, body_text, province, story_id FROM articles ORDER BY id",
         "SELECT id, name FROM people ORDER BY id")


def contents(path) -> list[list[tuple]]:
    conn = sqlite3.connect(path)
    try:
        return [conn.execute(sql).fetchall() for sql in FACTS]
    finally:
        conn.close()


@pytest.fixture
def copy(readme_archive, tmp_path):
    target = tmp_path / "ctd.sqlite"
    shutil.copy(readme_archive, target)
    return target


def spoil(path) -> None:
    """Facts that a re-extraction puts right: one amount gone, one count changed, one bogus date."""
    conn = sqlite3.connect(path)
    conn.execute("DELETE FROM money WHERE id = (SELECT MIN(id) FROM money)")
    conn.execute("UPDATE counts SET value = value + 1 WHERE id = (SELECT MIN(id) FROM counts)")
    conn.execute("INSERT INTO event_dates (article_id, start, \"end\", precision, text) "
                 "SELECT MIN(id), '1999-01-01', '1999-01-01', 'day', 'bogus' FROM articles")
    conn.commit()
    conn.close()


def run(path, **kwargs):
    archive = open_archive(path)
    try:
        return reextract(archive, stored_pages(archive), **kwargs)
    finally:
        archive.close()


def test_workers_write_what_one_process_writes(copy, tmp_path):
    spoil(copy)
    other = tmp_path / "other.sqlite"
    shutil.copy(copy, other)
    alone, pooled = run(copy, workers=1), run(other, workers=2)
    assert alone.facts == pooled.facts and alone.changed == pooled.changed and alone.moved == pooled.moved
    assert alone.facts["money"] == [1, 0, 0] and alone.facts["counts"] == [0, 1, 0]
    assert contents(copy) == contents(other)


def test_a_dry_run_counts_what_a_run_changes_and_writes_nothing(copy, tmp_path):
    spoil(copy)
    spoiled = contents(copy)
    dry = run(copy, workers=2, dry_run=True)
    assert contents(copy) == spoiled
    assert dry.facts["money"] == [1, 0, 0] and dry.facts["counts"] == [0, 1, 0]
    assert dry.facts["event_dates"] == [0, 0, 1]
    real = run(copy, workers=1)
    assert (real.facts, real.changed, real.moved) == (dry.facts, dry.changed, dry.moved)
    assert contents(copy) != spoiled


def test_a_page_that_cannot_be_read_is_skipped_in_one_line_and_the_others_are_written(copy):
    conn = sqlite3.connect(copy)
    bad_id, bad_url = conn.execute("SELECT article_id, url FROM pages ORDER BY article_id LIMIT 1").fetchone()
    conn.execute("UPDATE pages SET raw = ? WHERE article_id = ?", [b"not zlib", bad_id])
    conn.execute("UPDATE counts SET value = value + 1 WHERE id = (SELECT MAX(id) FROM counts WHERE article_id <> ?)",
                 [bad_id])
    conn.commit()
    conn.close()
    outcome = run(copy, workers=2)
    assert len(outcome.skipped) == 1 and outcome.skipped[0].startswith(f"{bad_url}: the stored page cannot be decompressed")
    assert "\n" not in outcome.skipped[0]
    assert outcome.facts["counts"] == [0, 1, 0]


def test_a_run_stopped_half_way_keeps_the_batches_written_before(copy, monkeypatch):
    monkeypatch.setattr(module, "BATCH", 4)
    conn = sqlite3.connect(copy)
    ids = [r[0] for r in conn.execute("SELECT article_id FROM pages ORDER BY article_id")]
    conn.execute("UPDATE articles SET title = 'stale'")
    conn.commit()
    conn.close()

    def stop_after_six(items):
        for n, item in enumerate(items):
            if n == 6:
                raise KeyboardInterrupt
            yield item

    with pytest.raises(KeyboardInterrupt):
        run(copy, progress=stop_after_six, workers=2)
    conn = sqlite3.connect(copy)
    stale = {r[0] for r in conn.execute("SELECT id FROM articles WHERE title = 'stale'")}
    conn.close()
    assert not stale & set(ids[:4]) and set(ids[4:]) <= stale  # the first batch kept, the second rolled back


def test_stored_pages_are_read_in_batches(copy, monkeypatch):
    monkeypatch.setattr(module, "BATCH", 5)
    archive = open_archive(copy, readonly=True)
    ids = stored_pages(archive)
    batches = list(module._stored_batches(archive, ids))
    archive.close()
    assert [len(b) for b in batches[:-1]] == [5] * (len(batches) - 1)
    assert [row[0] for batch in batches for row in batch] == ids
    assert zlib.decompress(batches[0][0][2])  # the raw page itself
