"""The read-only questions of ctd_crawler/analysis/, on the demo archive and on small cases."""

from __future__ import annotations

import hashlib
import io
import json
import shutil
import sqlite3
from pathlib import Path

import pytest
import sqlite_utils

from ctd_crawler.analysis import export, facts, filters, report, search
from ctd_crawler.analysis.filters import Filters, QueryError
from ctd_crawler.store import open_archive


@pytest.fixture(scope="module")
def path(readme_archive):
    return readme_archive


@pytest.fixture(scope="module")
def db(path):
    archive = open_archive(path, readonly=True)
    yield archive.db
    archive.close()


def checksum(path: Path) -> str:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    digest = hashlib.sha256()
    for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
                                "ORDER BY name"):
        for row in conn.execute(f'SELECT * FROM "{name}"'):
            digest.update(repr(row).encode())
    schema = conn.execute("SELECT group_concat(sql) FROM sqlite_master").fetchone()[0]
    conn.close()
    return digest.hexdigest() + hashlib.sha256(schema.encode()).hexdigest()


# -- search ------------------------------------------------------------------------
def ids(rows):
    return sorted(r["id"] for r in rows)


def test_search_ignores_diacritics_and_case(db):
    found = [ids(search.search(db, q, limit=1000)) for q in ("chu thap do", "Chữ thập đỏ", "CHỮ THẬP ĐỎ", "Chư thâp đo")]
    assert found[0] and found[0] == found[1] == found[2] == found[3]


def test_search_needs_every_word(db):
    both = ids(search.search(db, "hiến máu Tam Kỳ", limit=1000))
    blood = ids(search.search(db, "hien mau", limit=1000))
    assert both and set(both) < set(blood)


def test_search_snippet_marks_the_words_as_written(db):
    row = search.search(db, "hien mau tam ky", limit=1)[0]
    assert "[hiến]" in row["snippet"] and "[Kỳ]" in row["snippet"]


@pytest.mark.parametrize("text", ['"', '""', "*", "a*", "NEAR", "NEAR(a b, 2)", "--", "- -", "'; DROP TABLE articles; --",
                                  "title: x", "folded : (", "AND OR NOT", ")(", "^hiến", "{title}: máu", "hiến\x00máu",
                                  "💉 máu", "x" * 5000])
def test_bad_search_input_gives_results_or_a_clear_message_and_changes_nothing(path, db, text):
    before = checksum(path)
    try:
        rows = search.search(db, text, limit=5)
    except QueryError as exc:
        assert "nothing to search for" in str(exc)
    else:
        assert isinstance(rows, list)
    assert checksum(path) == before


@pytest.mark.parametrize("text, expression", [
    ("Chữ thập đỏ", 'folded : ("chu" "thap" "do")'),
    ('say "hello" NEAR*', 'folded : ("say" "hello" "near")'),
    ("'; DROP TABLE articles; --", 'folded : ("drop" "table" "articles")'),
    ("Đắk Lắk", 'folded : ("dak" "lak")'),
])
def test_fts_expression_quotes_every_word(text, expression):
    assert search.fts_expression(text) == expression


@pytest.mark.parametrize("text", ["", "   ", '"', "*", "--", "();"])
def test_nothing_to_search_for_is_a_clear_error(text):
    with pytest.raises(QueryError, match="nothing to search for"):
        search.fts_expression(text)


@pytest.mark.parametrize("text, words, expected", [
    ("Hội Chữ thập đỏ tỉnh", ["chu", "thap", "do"], "Hội [Chữ] [thập] [đỏ] tỉnh"),
    ("Đắk Lắk và Đà Nẵng", ["da"], "Đắk Lắk và [Đà] Nẵng"),     # whole words only: not "Đắk"
    ("không có gì", ["mau"], "không có gì"),
])
def test_snippet(text, words, expected):
    assert search.snippet(text, words) == expected


def test_snippet_of_a_long_text_is_a_window_around_the_first_hit():
    text = "đầu " * 200 + "hiến máu" + " cuối" * 200
    got = search.snippet(text, ["mau"], width=60)
    assert got.startswith("…") and got.endswith("…") and "[máu]" in got and len(got) < 80


# -- filters -----------------------------------------------------------------------
@pytest.mark.parametrize("filters, message", [
    (Filters(since="2024/01/01"), "--since"),
    (Filters(until="last year"), "--until"),
    (Filters(site="nope"), "unknown site"),
    (Filters(province="Atlantis"), "unknown province"),
    (Filters(province="'; DROP TABLE sites; --"), "unknown province"),
])
def test_bad_filters_are_clear_errors(db, filters, message):
    with pytest.raises(QueryError, match=message):
        search.search(db, "máu", filters)


@pytest.mark.parametrize("name", ["Lào Cai", "lao cai", "LÀO CAI", "tỉnh Lào Cai"])
def test_province_names_resolve_with_or_without_diacritics(db, name):
    assert filters.resolve_province(db, name) == "Lào Cai"


def test_search_filters_narrow_the_results(db):
    every = search.search(db, "máu", limit=1000)
    quang_tri = search.search(db, "máu", Filters(site="ctd-quangtri"), limit=1000)
    since = search.search(db, "máu", Filters(since="2024-01-01", until="2024-12"), limit=1000)
    assert quang_tri and all(r["site"] == "ctd-quangtri" for r in quang_tri) and len(quang_tri) < len(every)
    assert since and all("2024-01-01" <= r["published_at"][:10] <= "2024-12-31" for r in since)


def test_province_filter_keeps_the_site_and_the_places_of_that_province(db):
    rows = search.search(db, "hội", Filters(province="Bắc Giang"), limit=1000)
    assert {r["site"] for r in rows} >= {"ctd-bacgiang"}
    for r in rows:
        if r["site"] != "ctd-bacgiang":
            assert db.execute("SELECT 1 FROM place_mentions pm JOIN places pl ON pl.id = pm.place_id "
                              "WHERE pm.article_id = ? AND (pl.province = 'Bắc Giang' OR "
                              "pl.province_2025 = 'Bắc Giang')", [r["id"]]).fetchone()


# -- people, places, money ------------------------------------------------------------
def test_people_are_ordered_by_mentions_with_their_latest_title(db):
    rows = facts.people(db, limit=10)
    assert [r["mentions"] for r in rows] == sorted((r["mentions"] for r in rows), reverse=True)
    top = rows[0]
    assert top["mentions"] == db.execute("SELECT COUNT(*) FROM person_mentions WHERE person_id = ?",
                                         [top["person_id"]]).fetchone()[0]
    assert top["latest_title"]


def test_people_by_name_ignores_diacritics(db):
    assert [r["name"] for r in facts.people(db, name="bui thi hoa")] == ["Bùi Thị Hòa"]
    assert facts.people(db, name="%") == [] and facts.people(db, name="_") == []


def test_person_titles_over_time(db):
    person = facts.people(db, name="Bùi Thị Hòa")[0]
    titles = facts.person_titles(db, person["person_id"])
    assert len(titles) >= 2 and titles == sorted(titles, key=lambda t: (t["first_date"], t["title"]))


def test_places_in_a_province_include_old_units_now_part_of_it(db):
    rows = facts.places(db, Filters(province="Lào Cai"), limit=1000)
    assert {"Lào Cai", "Yên Bái"} <= {r["province"] for r in rows}
    assert all("Lào Cai" in (r["province"], r["province_2025"]) for r in rows)
    assert all(r["level"] == "commune" for r in facts.places(db, level="commune"))


# One figure per value: per story (default) or per article, in plain SQL.
DISTINCT_FIGURES = ("SELECT SUM(amount_vnd) FROM (SELECT DISTINCT {unit}, m.amount_vnd, m.amount_vnd_max FROM money m "
                    "JOIN articles a ON a.id = m.article_id WHERE m.currency = 'VND' AND m.per_unit = 0)")


@pytest.mark.parametrize("per_article, unit", [(False, "a.story_id"), (True, "m.article_id")])
def test_money_totals_match_plain_sql(db, per_article, unit):
    result = facts.money(db, limit=5, by="province", per_article=per_article)
    expected = db.execute(DISTINCT_FIGURES.format(unit=unit)).fetchone()[0]
    assert result["totals"]["total_vnd"] == expected
    assert sum(g["total_vnd"] or 0 for g in result["groups"]) == expected
    assert sum(g["total_vnd"] or 0 for g in facts.money(db, by="month", per_article=per_article)["groups"]) == expected
    assert result["totals"]["figures"] == db.execute(
        f"SELECT COUNT(*) FROM (SELECT DISTINCT {unit}, m.currency, COALESCE(m.amount_vnd, m.amount), "
        "m.amount_vnd_max, m.per_unit FROM money m JOIN articles a ON a.id = m.article_id)").fetchone()[0]


def test_a_figure_given_twice_in_one_article_counts_once(path, tmp_path):
    """The extractor gives a repeated value once; an archive written before it did holds
    the value twice, and the count still takes it once."""
    copy = tmp_path / "copy.sqlite"
    shutil.copy(path, copy)
    conn = sqlite3.connect(copy)
    before = facts.money(sqlite_utils.Database(conn), per_article=True)["totals"]["total_vnd"]
    conn.execute("INSERT INTO money (article_id, amount_vnd, amount_vnd_max, currency, amount, qualifier, per_unit, text, "
                 "context) SELECT article_id, amount_vnd, amount_vnd_max, currency, amount, qualifier, per_unit, text, 'x' FROM money "
                 "WHERE currency = 'VND' AND per_unit = 0 LIMIT 1")
    assert facts.money(sqlite_utils.Database(conn), per_article=True)["totals"]["total_vnd"] == before
    conn.close()


def test_money_province_filter_is_the_attributed_province(db):
    nghe_an = facts.money(db, Filters(province="nghe an"), by="province")
    assert [g["province"] for g in nghe_an["groups"]] == ["Nghệ An"]


@pytest.mark.parametrize("name", ["national", "NATIONAL"])
def test_national_is_a_province_of_the_filters(db, name):
    """'national' is a province of the filters whether or not an article of the archive is
    national (attribution: tests/extract/test_attribution.py)."""
    national = facts.money(db, Filters(province=name), by="province")
    assert all(g["province"] == "national" for g in national["groups"])
    assert all(r["province"] == "national" for r in national["rows"])


def test_money_by_unknown_group_is_a_clear_error(db):
    with pytest.raises(QueryError, match="--by"):
        facts.money(db, by="colour")


# -- export -------------------------------------------------------------------------
@pytest.mark.parametrize("table", ["articles", "v_articles", "money", "places", "v_money_by_province_month"])
def test_export_streams_every_row(db, table):
    columns, rows = export.export_rows(db, table, batch=7)
    out = io.StringIO()
    n = export.write_jsonl(out, columns, rows)
    assert n == db.execute(f'SELECT COUNT(*) FROM "{table}"').fetchone()[0]
    first = json.loads(out.getvalue().splitlines()[0])
    assert list(first) == columns


def test_export_filters_apply_through_article_id(db):
    columns, rows = export.export_rows(db, "money", Filters(site="vnrc"))
    out = io.StringIO()
    n = export.write_csv(out, columns, rows)
    assert n == db.execute("SELECT COUNT(*) FROM money m JOIN articles a ON a.id = m.article_id "
                           "WHERE a.site = 'vnrc'").fetchone()[0]


@pytest.mark.parametrize("table", ["nope", "articles_fts_data", 'articles"; DROP TABLE articles; --', "sqlite_master"])
def test_export_of_an_unknown_table_is_a_clear_error(db, table):
    with pytest.raises(QueryError, match="unknown table"):
        export.export_rows(db, table)


def test_export_filters_on_a_table_without_articles_are_a_clear_error(db):
    with pytest.raises(QueryError, match="do not apply"):
        export.export_rows(db, "sites", Filters(since="2024"))


def test_parquet_export_round_trips(db, tmp_path):
    pq = pytest.importorskip("pyarrow.parquet", reason="pyarrow is optional")
    columns, rows = export.export_rows(db, "v_articles")
    n = export.write_parquet(tmp_path / "a.parquet", columns, rows, batch=10)
    table = pq.read_table(tmp_path / "a.parquet")
    assert n == table.num_rows == db.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
    assert table.column_names == columns


# -- report data -----------------------------------------------------------------------
def test_report_data_adds_up(db):
    data = report.report_data(db)
    assert data["totals"]["articles"] == db.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
    assert sum(r["n"] for r in data["per_month"]) == data["totals"]["stories"]
    assert sum(r["n"] for r in report.report_data(db, per_article=True)["per_month"]) == data["totals"]["articles"]
    assert sum(r["total_vnd"] for r in data["money_per_month"]) == data["totals"]["money_vnd"]
    assert sum(r["total_vnd"] for r in data["money_per_province"]) == data["totals"]["money_vnd"]
    assert data["places"] and all(p["lat"] is not None for p in data["places"])


def test_report_data_for_a_period(db):
    data = report.report_data(db, Filters(since="2024", until="2024"))
    assert data["per_month"] and all(r["month"].startswith("2024") for r in data["per_month"])
