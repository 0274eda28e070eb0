import sqlite3
import zlib

import pytest

from ctd_crawler.store import open_archive
from ctd_crawler.store.archive import ArchiveError
from ctd_crawler.store.schema import LATEST, current_version
from tests.conftest import make_item

FACTS = dict(
    people=[{"name": "Bùi Thị Hòa", "honorific": "đồng chí", "title": "Chủ tịch Trung ương Hội Chữ thập đỏ Việt Nam",
             "text": "đồng chí Bùi Thị Hòa"}],
    places=[{"name": "Bắc Kạn", "level": "province", "code": "06", "province": "Bắc Kạn",
             "province_2025": "Thái Nguyên", "text": "tỉnh Bắc Kạn", "resolved": True}],
    money=[{"amount_vnd": 200_000_000, "currency": "VND", "amount": 200_000_000, "qualifier": None,
            "per_unit": False, "text": "200 triệu đồng"}],
    counts=[{"value": 200, "unit": "suất quà", "text": "200 suất quà"}],
    event_dates=[{"start": "2024-06-20", "end": "2024-06-21", "precision": "day", "text": "20 và 21/6/2024"}],
)


def rows(archive, sql, *params):
    return archive.db.execute(sql, params).fetchall()


def test_new_archive_is_migrated_to_the_latest_schema(archive):
    assert current_version(archive.db) == LATEST
    assert {"articles", "pages", "people", "person_mentions", "places", "place_mentions", "money", "counts",
            "event_dates", "crawl_runs", "sites", "article_versions", "articles_fts"} <= set(archive.db.table_names())
    assert rows(archive, "PRAGMA journal_mode")[0][0] == "wal"


def test_save_new_article_with_its_facts(archive):
    assert archive.save(make_item(**FACTS)) == "new"
    (article_id,) = rows(archive, "SELECT id FROM articles")[0]
    for table in ("person_mentions", "place_mentions", "money", "counts", "event_dates"):
        assert rows(archive, f"SELECT COUNT(*) FROM {table} WHERE article_id = ?", article_id)[0][0] == 1
    assert rows(archive, "SELECT amount_vnd FROM money")[0][0] == 200_000_000
    raw = rows(archive, "SELECT raw FROM pages")[0][0]
    assert zlib.decompress(raw).startswith(b"<html>")


def test_recrawl_of_unchanged_page_changes_only_last_seen(archive):
    archive.save(make_item(**FACTS))
    before = rows(archive, "SELECT * FROM articles")
    pages_before = rows(archive, "SELECT * FROM pages")
    assert archive.save(make_item(fetched_at="2024-07-01T08:00:00+07:00", **FACTS)) == "unchanged"
    after = rows(archive, "SELECT * FROM articles")
    changed = [i for i, (a, b) in enumerate(zip(before[0], after[0])) if a != b]
    names = [d[1] for d in rows(archive, "PRAGMA table_info(articles)")]
    assert [names[i] for i in changed] == ["last_seen"]
    assert rows(archive, "SELECT * FROM pages") == pages_before
    assert rows(archive, "SELECT COUNT(*) FROM money")[0][0] == 1


def test_changed_page_keeps_the_old_version_and_replaces_facts(archive):
    archive.save(make_item(**FACTS))
    changed = make_item(body="Nội dung đã sửa: trao 300 suất quà.", fetched_at="2024-07-01T08:00:00+07:00",
                        counts=[{"value": 300, "unit": "suất quà", "text": "300 suất quà"}])
    assert archive.save(changed) == "updated"
    assert rows(archive, "SELECT body_text FROM article_versions")[0][0].startswith("Hội Chữ thập đỏ tỉnh")
    assert rows(archive, "SELECT value FROM counts") == [(300,)]
    assert rows(archive, "SELECT COUNT(*) FROM money")[0][0] == 0
    assert rows(archive, "SELECT changed_at FROM articles")[0][0] == "2024-07-01T08:00:00+07:00"


def test_failed_write_leaves_nothing_behind(archive):
    bad = make_item(money=[{"amount_vnd": object()}])  # sqlite cannot bind this: the write fails midway
    with pytest.raises(sqlite3.Error):
        archive.save(bad)
    assert rows(archive, "SELECT COUNT(*) FROM articles")[0][0] == 0
    assert rows(archive, "SELECT COUNT(*) FROM articles_fts")[0][0] == 0


@pytest.mark.parametrize("query", ["chu thap do", "Chữ thập đỏ", "CHỮ THẬP ĐỎ", '"chữ thập đỏ"', "bac kan", "Bắc Kạn"])
def test_full_text_search_folds_case_diacritics_and_d(archive, query):
    archive.save(make_item())
    archive.save(make_item(url="https://redcross.org.vn/b.html", title="Hiến máu", body="Ngày hội hiến máu tình nguyện."))
    hits = rows(archive, "SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?", query)
    assert hits == [(1,)]


def test_people_with_the_same_name_are_merged_within_one_scope_only(archive):
    official = {"name": "Nguyễn Văn An", "title": "Phó Chủ tịch UBND tỉnh"}
    archive.save(make_item(url="https://x.vn/1", people=[official], province="Bắc Giang"))
    archive.save(make_item(url="https://x.vn/2", body="Khác 1", people=[official], province="Bắc Giang"))
    archive.save(make_item(url="https://x.vn/3", body="Khác 2", people=[{"name": "Nguyễn Văn An"}],
                           province="Nghệ An"))
    assert rows(archive, "SELECT COUNT(*) FROM people")[0][0] == 2
    assert rows(archive, "SELECT COUNT(*) FROM person_mentions")[0][0] == 3


def test_readonly_open_of_a_missing_file_is_a_clear_error(tmp_path):
    with pytest.raises(ArchiveError, match="no archive at"):
        open_archive(tmp_path / "nope.sqlite", readonly=True)


def test_foreign_database_is_refused(tmp_path):
    path = tmp_path / "other.db"
    sqlite3.connect(path).execute("CREATE TABLE customers (id INTEGER)").connection.commit()
    with pytest.raises(ArchiveError, match="not a ctd archive"):
        open_archive(path)


def test_non_database_file_is_refused(tmp_path):
    path = tmp_path / "notes.sqlite"
    path.write_text("just some text, not a database " * 100)
    with pytest.raises(ArchiveError, match="not a SQLite database"):
        open_archive(path)


def test_reopening_applies_no_migration_twice(tmp_path):
    first = open_archive(tmp_path / "a.sqlite")
    assert first.migrated
    first.close()
    again = open_archive(tmp_path / "a.sqlite")
    assert again.migrated == []
    again.close()


def test_an_archive_of_schema_3_gets_its_articles_provinces(tmp_path, monkeypatch):
    from ctd_crawler.store import schema

    path = tmp_path / "old.sqlite"
    with monkeypatch.context() as m:  # an archive written before articles.province existed
        m.setattr(schema, "MIGRATIONS", schema.MIGRATIONS[:3])
        open_archive(path).close()
    db = sqlite3.connect(path)
    with db:
        db.executescript("""
            INSERT INTO sites (id, name, province, base_url, family) VALUES
                ('vnrc', 'TW', NULL, 'https://redcross.org.vn', 'vnrc'),
                ('ctd-lao-cai', 'Lào Cai', 'Lào Cai', 'https://x.vn', 'wordpress');
            INSERT INTO articles (id, url, site, content_hash, first_seen, last_seen) VALUES
                (1, 'https://redcross.org.vn/a', 'vnrc', 'h1', 't', 't'),
                (2, 'https://x.vn/b', 'ctd-lao-cai', 'h2', 't', 't'),
                (3, 'https://redcross.org.vn/c', 'vnrc', 'h3', 't', 't');
            INSERT INTO places (id, key, name, level, province) VALUES (1, '06', 'Bắc Kạn', 'province', 'Bắc Kạn');
            INSERT INTO place_mentions (article_id, place_id, text, resolved) VALUES (1, 1, 'tỉnh Bắc Kạn', 1),
                (2, 1, 'tỉnh Bắc Kạn', 1), (3, 1, 'Bắc Kạn', 0);
        """)
    db.close()
    archive = open_archive(path)  # migration 4 on open
    assert rows(archive, "SELECT id, province FROM articles ORDER BY id") == [(1, "Bắc Kạn"), (2, "Lào Cai"), (3, None)]
    assert rows(archive, "SELECT province, province_source FROM v_article_province ORDER BY article_id") == [
        ("Bắc Kạn", "places"), ("Lào Cai", "site"), (None, None)]
