"""Stories in the archive (ctd_crawler/store/stories.py): assigned by the writer in the
article's transaction, kept consistent when an article changes, re-extracted or
rebuilt, found through the index."""

from __future__ import annotations

import copy
import sqlite3

import pytest

from ctd_crawler.store import open_archive
from ctd_crawler.store import stories as story_store
from ctd_crawler.stories.features import story_keys
from tests.stories.families import FOLLOW_UP, PRESS_RELEASE, TWO_PROVINCES, VERBATIM, Art, add_sites, item_for


@pytest.fixture
def archive(tmp_path):
    db = open_archive(tmp_path / "ctd.sqlite")
    add_sites(db)
    yield db
    db.close()


def consistent(archive) -> None:
    """What must hold after any write: every article in one story, no empty story, each
    story's summary true to its copies, keys for every article."""
    q = lambda sql, *p: archive.db.execute(sql, p).fetchall()  # noqa: E731
    assert q("SELECT COUNT(*) FROM articles WHERE story_id IS NULL") == [(0,)]
    assert q("SELECT COUNT(*) FROM stories st WHERE NOT EXISTS (SELECT 1 FROM articles a WHERE a.story_id = st.id)") \
        == [(0,)]
    for story_id, first, canonical, province, copies in q("SELECT * FROM stories"):
        members = q("SELECT id, published_at, province FROM articles WHERE story_id = ?", story_id)
        assert copies == len(members) and canonical in {m[0] for m in members}
        assert first == min((m[1] for m in members if m[1]), default=None)
        assert province == next(m[2] for m in members if m[0] == canonical)
    assert q("SELECT COUNT(*) FROM articles a WHERE NOT EXISTS (SELECT 1 FROM story_keys k WHERE k.article_id = a.id)") \
        == [(0,)]
    assert q("SELECT COUNT(*) FROM story_links l WHERE l.story_id NOT IN (SELECT id FROM stories) "
             "OR l.related_story_id NOT IN (SELECT id FROM stories)") == [(0,)]


def story_of(archive, item) -> int:
    return archive.db.execute("SELECT story_id FROM articles WHERE url = ?", [item.url]).fetchone()[0]


def test_a_copy_joins_the_story_in_the_same_save(archive):
    a, b = (item_for(art) for art in VERBATIM.articles)
    archive.save(a)
    archive.save(b)
    assert story_of(archive, a) == story_of(archive, b)
    consistent(archive)


def test_a_failure_while_assigning_the_story_writes_nothing(archive, monkeypatch):
    a, b = (item_for(art) for art in VERBATIM.articles)
    archive.save(a)
    before = {t: archive.db.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0]
              for t in ("articles", "money", "story_keys", "stories", "pages", "articles_fts")}

    def broken(*args):
        raise RuntimeError("matcher broke")

    monkeypatch.setattr(story_store, "compare", broken)
    with pytest.raises(RuntimeError, match="matcher broke"):
        archive.save(b)
    after = {t: archive.db.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0] for t in before}
    assert after == before
    consistent(archive)


def test_an_unchanged_page_keeps_its_story_and_keys(archive):
    a, b = (item_for(art) for art in VERBATIM.articles)
    archive.save(a)
    archive.save(b)
    keys = archive.db.execute("SELECT * FROM story_keys ORDER BY 1, 2, 3").fetchall()
    stories = archive.db.execute("SELECT * FROM stories").fetchall()
    assert archive.save(item_for(VERBATIM.articles[1])) == "unchanged"
    assert archive.db.execute("SELECT * FROM story_keys ORDER BY 1, 2, 3").fetchall() == keys
    assert archive.db.execute("SELECT * FROM stories").fetchall() == stories


def test_an_article_that_changes_into_another_story_leaves_its_old_one(archive):
    chapter, national = VERBATIM.articles
    a, b = item_for(chapter), item_for(national)
    archive.save(a)
    archive.save(b)
    shared = story_of(archive, a)
    other = item_for(Art(national.key, national.site, national.published_at, national.title,
                         FOLLOW_UP.articles[0].body))  # same URL, the page now tells another story
    assert other.url == b.url
    assert archive.save(other) == "updated"
    assert story_of(archive, a) == shared and story_of(archive, other) != shared
    assert archive.db.execute("SELECT articles, canonical_article_id FROM stories WHERE id = ?", [shared]).fetchone() \
        == (1, archive.db.execute("SELECT id FROM articles WHERE url = ?", [a.url]).fetchone()[0])
    consistent(archive)


def test_a_story_told_once_keeps_its_number_when_its_only_copy_changes(archive):
    a = item_for(FOLLOW_UP.articles[0])
    archive.save(a)
    before = story_of(archive, a)
    a2 = item_for(FOLLOW_UP.articles[0])
    a2.body_text += "\n\nBài và ảnh: Minh Anh"
    archive.save(a2)
    assert story_of(archive, a2) == before
    consistent(archive)


def test_an_article_copying_two_stories_merges_them(archive):
    paragraphs = VERBATIM.articles[0].body.split("\n\n")
    head = Art("head", "chapter-na", "2025-09-10", "Trao quà vùng lũ Tương Dương", "\n\n".join(paragraphs[:3]))
    tail = Art("tail", "chapter-na", "2025-09-10", "Thiệt hại do lũ tại Tương Dương", "\n\n".join(paragraphs[3:]))
    tail_copy = Art("tail-copy", "magazine", "2025-09-10", "Thiệt hại do lũ tại Tương Dương", tail.body)
    whole = Art("whole", "national", "2025-09-11", "Hỗ trợ người dân Tương Dương", "\n\n".join(paragraphs))
    items = [item_for(x) for x in (head, tail, tail_copy, whole)]
    for item in items[:3]:
        archive.save(item)
    assert story_of(archive, items[0]) != story_of(archive, items[1]) == story_of(archive, items[2])
    archive.save(items[3])  # a copy of both stories, and of two copies of the second
    assert len({story_of(archive, i) for i in items}) == 1
    consistent(archive)


def test_a_roundup_of_two_provinces_never_merges_their_stories(archive):
    quang_binh, quang_tri = (item_for(a) for a in TWO_PROVINCES.articles)
    roundup = item_for(Art("roundup", "national", "2025-01-13", "Chủ nhật Đỏ tại Quảng Bình và Quảng Trị",
                           TWO_PROVINCES.articles[0].body + "\n\n" + TWO_PROVINCES.articles[1].body))
    for item in (quang_binh, quang_tri, roundup):
        archive.save(item)
    assert story_of(archive, quang_binh) != story_of(archive, quang_tri)
    consistent(archive)


def test_rebuild_groups_as_the_incremental_saves_did_and_in_one_transaction(archive, monkeypatch):
    items = [item_for(a) for family in (PRESS_RELEASE, FOLLOW_UP, TWO_PROVINCES) for a in family.articles]
    for item in reversed(items):
        archive.save(item)

    def partition():
        return sorted(sorted(r[0].split(",")) for r in archive.db.execute(
            "SELECT group_concat(url) FROM articles GROUP BY story_id"))

    before = partition()
    done = archive.rebuild_stories()
    assert done["articles"] == len(items) and done["stories"] == len(before) and done["joined"] == 2
    assert partition() == before
    consistent(archive)
    stories = archive.db.execute("SELECT * FROM stories ORDER BY id").fetchall()
    calls = []

    def fails_late(article_id):
        calls.append(article_id)
        if len(calls) == len(items) - 1:
            raise KeyboardInterrupt  # e.g. Ctrl-C near the end
        return real(article_id)

    real = archive.assign_story
    monkeypatch.setattr(archive, "assign_story", fails_late)
    with pytest.raises(KeyboardInterrupt):
        archive.rebuild_stories()
    assert archive.db.execute("SELECT * FROM stories ORDER BY id").fetchall() == stories
    consistent(archive)


def test_reextract_keeps_the_stories_consistent(archive):
    from ctd_crawler.store.reextract import reextract, stored_pages

    for family in (VERBATIM, FOLLOW_UP):
        for art in family.articles:
            archive.save(item_for(art))
    outcome = reextract(archive, stored_pages(archive))
    assert not outcome.skipped
    consistent(archive)


def test_candidates_are_found_through_the_index(archive):
    archive.save(item_for(VERBATIM.articles[0]))
    copy = story_store.load_copy(archive.db.conn, 1)
    keys = story_keys(copy)
    marks = ", ".join("?" * len(keys))
    plan = " ".join(r[-1] for r in archive.db.execute(
        f"EXPLAIN QUERY PLAN SELECT article_id FROM story_keys WHERE key IN ({marks}) AND week BETWEEN ? AND ?",
        [*(k for k, _ in keys), 1, 2]))
    assert "USING PRIMARY KEY" in plan and "SCAN story_keys" not in plan


def test_an_older_archive_gets_one_story_per_article(tmp_path, monkeypatch):
    from ctd_crawler.store import archive as archive_module
    from ctd_crawler.store import schema

    path = tmp_path / "old.sqlite"
    with monkeypatch.context() as m:
        m.setattr(schema, "MIGRATIONS", schema.MIGRATIONS[:-1])  # the migration before stories
        m.setattr(archive_module, "LATEST", schema.MIGRATIONS[-2][0])
        old = open_archive(path)
        old.db.execute("INSERT INTO articles (url, published_at, province, content_hash, first_seen, last_seen) "
                       "VALUES ('https://x.vn/a', '2024-01-02', 'Hà Nội', 'h', 't', 't')")
        old.db.conn.commit()
        old.close()
    upgraded = open_archive(path, readonly=True)
    assert upgraded.migrated == [f"{schema.LATEST}: stories"]
    conn = sqlite3.connect(path)
    assert conn.execute("SELECT id, first_published, canonical_article_id, province, articles FROM stories").fetchall() \
        == [(1, "2024-01-02", 1, "Hà Nội", 1)]
    assert conn.execute("SELECT story_id FROM articles").fetchall() == [(1,)]
    conn.close()
    upgraded.close()


def test_reextract_matches_again_only_the_articles_whose_text_or_facts_changed(archive, monkeypatch):
    from ctd_crawler.store.reextract import reextract, stored_pages

    for art in VERBATIM.articles:
        archive.save(item_for(art))
    reextract(archive, stored_pages(archive))  # the facts as the extractors give them
    stories = archive.db.execute("SELECT id, story_id FROM articles ORDER BY id").fetchall()
    first = stories[0][0]
    archive.db.conn.execute("UPDATE articles SET body_text = 'older text' WHERE id = ?", [first])  # the re-read puts it back
    archive.db.conn.commit()
    matched = []
    real = archive.assign_story
    monkeypatch.setattr(archive, "assign_story", lambda article_id, copy=None: matched.append(article_id) or real(article_id, copy))
    reextract(archive, stored_pages(archive))
    assert matched == [first]
    assert archive.db.execute("SELECT id, story_id FROM articles ORDER BY id").fetchall() == stories
    consistent(archive)


def test_a_copy_whose_publication_time_alone_changes_refreshes_its_story(archive):
    items = [item_for(art) for art in VERBATIM.articles]
    for item in items:
        archive.save(item)
    first_id = archive.db.execute("SELECT id FROM articles WHERE url = ?", [items[0].url]).fetchone()[0]
    earlier = copy.copy(items[0])
    earlier.published_at = items[0].published_at[:10] + "T00:01:00+07:00"  # the same day: matching reads the day
    archive.replace_facts(first_id, earlier)
    archive.db.conn.commit()
    consistent(archive)  # the story's first publication follows its copies
