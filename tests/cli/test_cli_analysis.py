"""The analysts' commands end to end on the demo archive (click's runner, no subprocess)."""

from __future__ import annotations

import csv
import io
import json
import shutil
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner

from ctd_crawler.cli import main
from ctd_crawler.extract.text import fold

ANALYSIS = ["search", "people", "places", "money", "export", "reextract", "serve", "report", "stories"]




@pytest.fixture(scope="module")
def path(readme_archive):
    return readme_archive


@pytest.fixture
def copy(path, tmp_path):
    target = tmp_path / "ctd.sqlite"
    shutil.copy(path, target)
    return target


def run(*args: str):
    return CliRunner().invoke(main, [str(a) for a in args])


def rows_of(path: Path) -> dict[str, int]:
    conn = sqlite3.connect(path)
    counts = {t: conn.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0]
              for t in ("articles", "people", "person_mentions", "places", "place_mentions", "money", "counts",
                        "event_dates", "pages", "article_versions", "crawl_runs")}
    conn.close()
    return counts


@pytest.mark.parametrize("command", ANALYSIS)
def test_every_analysis_command_is_registered_with_an_example(command):
    result = run(command, "--help")
    assert result.exit_code == 0 and f"Example: ctd-archive {command}" in result.output


@pytest.mark.parametrize("command", ["search x", "people", "places", "money", "export", "reextract", "serve", "report",
                                     "stories list", "stories rebuild"])
def test_a_missing_archive_is_a_clear_error(command, tmp_path):
    result = run(*command.split(), "--archive", tmp_path / "none.sqlite")
    assert result.exit_code == 2 and "no archive at" in result.output and "Traceback" not in result.output


@pytest.mark.parametrize("content, message", [(b"hello, not a database" * 100, "not a SQLite database"),
                                               (None, "not a ctd archive")])
def test_a_foreign_file_is_a_clear_error(tmp_path, content, message):
    target = tmp_path / "other.sqlite"
    if content is None:
        conn = sqlite3.connect(target)
        conn.execute("CREATE TABLE notes (x)")
        conn.commit()
        conn.close()
    else:
        target.write_bytes(content)
    result = run("people", "--archive", target)
    assert result.exit_code == 2 and message in result.output


def test_an_archive_of_an_older_schema_is_migrated_on_open_without_losing_rows(tmp_path, monkeypatch):
    from ctd_crawler.store import archive as archive_module
    from ctd_crawler.store import open_archive, schema

    old = tmp_path / "old.sqlite"
    with monkeypatch.context() as m:  # an archive written by a version that had only migration 1
        m.setattr(schema, "MIGRATIONS", schema.MIGRATIONS[:1])
        m.setattr(archive_module, "LATEST", 1)
        open_archive(old).close()
    db = sqlite3.connect(old)
    with db:
        db.executescript("""
            INSERT INTO sites (id, name, base_url, family) VALUES ('vnrc', 'TW Hội CTĐ', 'https://redcross.org.vn', 'vnrc');
            INSERT INTO articles (id, url, site, published_at, content_hash, first_seen, last_seen)
                VALUES (1, 'https://redcross.org.vn/a.html', 'vnrc', '2024-06-24', 'h', 't', 't');
            INSERT INTO places (id, key, name, level, province) VALUES (1, '06', 'Bắc Kạn', 'province', 'Bắc Kạn');
            INSERT INTO place_mentions (article_id, place_id, text, resolved) VALUES (1, 1, 'tỉnh Bắc Kạn', 1);
            INSERT INTO money (article_id, amount_vnd, currency, per_unit, text)
                VALUES (1, 5000000, 'VND', 0, '5 triệu đồng');
        """)
    db.close()
    before = rows_of(old)
    result = run("money", "--archive", old, "--by", "province")
    assert result.exit_code == 0, result.output
    assert "migrated to the current schema (applied 2: views)" in result.output
    assert "Bắc Kạn" in result.output and "total: 5.000.000 đồng" in result.output
    assert rows_of(old) == before
    assert run("money", "--archive", old).output.count("migrated") == 0  # once only


def test_search_prints_titles_urls_and_snippets(path):
    result = run("search", "--archive", path, "hien mau tam ky")
    assert result.exit_code == 0
    assert "Ngày hội hiến máu tại thành phố Tam Kỳ" in result.output and "[hiến]" in result.output


@pytest.mark.parametrize("text", ['"', "*", "NEAR", "--", "'; DROP TABLE articles; --", 'a" OR "b', "NEAR(x y)"])
def test_search_with_bad_input_never_fails_nor_writes(path, text):
    before = (path.stat().st_mtime_ns, rows_of(path))
    result = run("search", "--archive", path, "--", text)
    assert result.exit_code in (0, 2) and "Traceback" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    if result.exit_code:
        assert "nothing to search for" in result.output
    assert (path.stat().st_mtime_ns, rows_of(path)) == before


def test_search_json_and_filters(path):
    result = run("search", "--archive", path, "máu", "--site", "ctd-binhdinh", "--since", "2020", "--json")
    rows = [json.loads(line) for line in result.output.splitlines()]
    assert rows and all(r["site"] == "ctd-binhdinh" and r["published_at"] >= "2020" for r in rows)


@pytest.mark.parametrize("args, message", [(["--since", "yesterday"], "--since"), (["--site", "x"], "unknown site"),
                                           (["--province", "Mars"], "unknown province")])
def test_bad_filters_are_clear_errors(path, args, message):
    result = run("search", "--archive", path, "máu", *args)
    assert result.exit_code == 2 and message in result.output


def test_people_with_titles(path):
    result = run("people", "--archive", path, "--province", "binh duong", "--titles", "--limit", "3")
    assert result.exit_code == 0
    assert "Trần Thị Diễm Trinh (Bình Dương)" in result.output and "Chủ tịch Hội Chữ thập đỏ tỉnh" in result.output


def test_places_table(path):
    result = run("places", "--archive", path, "--province", "Lào Cai", "--level", "district")
    assert result.exit_code == 0 and "Bát Xát" in result.output and "lat" in result.output.splitlines()[0]


def test_money_prints_the_total(path):
    conn = sqlite3.connect(path)
    total = conn.execute("SELECT SUM(amount_vnd) FROM (SELECT DISTINCT a.story_id, m.amount_vnd FROM money m "
                         "JOIN articles a ON a.id = m.article_id WHERE m.currency = 'VND' AND m.per_unit = 0)"
                         ).fetchone()[0]
    conn.close()
    result = run("money", "--archive", path, "--by", "year")
    assert result.exit_code == 0
    assert f"total: {total:,} đồng".replace(",", ".") in result.output and "counted per story" in result.output


@pytest.mark.parametrize("fmt", ["csv", "jsonl"])
def test_export_to_stdout(path, fmt):
    result = run("export", "--archive", path, "--table", "money", "--format", fmt, "--since", "2025")
    assert result.exit_code == 0
    lines = [line for line in result.stdout.splitlines() if not line.startswith("exported")]
    if fmt == "csv":
        data = list(csv.DictReader(io.StringIO("\n".join(lines))))
    else:
        data = [json.loads(line) for line in lines]
    conn = sqlite3.connect(path)
    expected = conn.execute("SELECT COUNT(*) FROM money m JOIN articles a ON a.id = m.article_id "
                            "WHERE a.published_at >= '2025'").fetchone()[0]
    conn.close()
    assert len(data) == expected and "amount_vnd" in data[0]


def test_export_parquet(path, tmp_path):
    pytest.importorskip("pyarrow", reason="parquet export needs the optional pyarrow")
    out = tmp_path / "v.parquet"
    result = run("export", "--archive", path, "--format", "parquet", "-o", out)
    assert result.exit_code == 0 and out.stat().st_size > 0


def test_export_of_an_unknown_table(path):
    result = run("export", "--archive", path, "--table", "articles; DROP TABLE articles")
    assert result.exit_code == 2 and "unknown table" in result.output


def test_reextract_of_an_unchanged_archive_changes_no_fact(copy):
    before = rows_of(copy)
    result = run("reextract", "--archive", copy)
    assert result.exit_code == 0, result.output
    assert f"re-extracted {before['pages']} of {before['pages']} stored pages" in result.output
    assert "0 articles changed" in result.output and "0 moved to another story" in result.output
    assert rows_of(copy) == before


def test_reextract_reports_new_changed_and_removed_facts(copy):
    conn = sqlite3.connect(copy)
    conn.execute("DELETE FROM money WHERE id = (SELECT MIN(id) FROM money)")                 # comes back: new
    conn.execute("UPDATE counts SET value = value + 1 WHERE id = (SELECT MIN(id) FROM counts)")  # changed
    conn.execute("INSERT INTO event_dates (article_id, start, \"end\", precision, text) "
                 "SELECT MIN(id), '1999-01-01', '1999-01-01', 'day', 'bogus' FROM articles")  # removed
    person_id, name = conn.execute("SELECT id, name FROM people WHERE name <> upper(name) ORDER BY id").fetchone()
    conn.execute("UPDATE people SET name = ? WHERE id = ?", [fold(name).title(), person_id])  # respelled
    conn.commit()
    conn.close()
    result = run("reextract", "--archive", copy)
    assert result.exit_code == 0, result.output
    table = {line.split()[0]: line.split()[1:] for line in result.output.splitlines()
             if line.split() and line.split()[0] in ("money", "counts", "event_dates", "person_mentions", "people")}
    assert table["money"] == ["1", "0", "0"]
    assert table["counts"] == ["0", "1", "0"]
    assert table["event_dates"] == ["0", "0", "1"]
    assert table["person_mentions"] == ["0", "0", "0"]
    assert table["people"] == ["0", "1", "0"]
    conn = sqlite3.connect(copy)
    assert conn.execute("SELECT name FROM people WHERE id = ?", [person_id]).fetchone() == (name,)
    conn.close()
    assert "3 articles changed" in result.output or "2 articles changed" in result.output or "1 articles changed" in result.output


def test_serve_metadata_has_descriptions_facets_and_the_worked_queries(path):
    result = run("serve", "--archive", path, "--metadata-only")
    meta = json.loads(result.output)
    db = meta["databases"]["ctd"]
    assert db["tables"]["money"]["columns"]["amount_vnd"].startswith("the amount in integer đồng")
    assert "facets" in db["tables"]["articles"]
    assert len(db["queries"]) >= 12 and all(q["sql"] and q["title"] for q in db["queries"].values())


def test_serve_without_datasette_is_a_clear_message(path, monkeypatch):
    import importlib.util as iu

    real = iu.find_spec
    monkeypatch.setattr(iu, "find_spec", lambda name, *a: None if name == "datasette" else real(name, *a))
    result = run("serve", "--archive", path)
    assert result.exit_code == 1 and "needs Datasette" in result.output


def test_report_writes_one_html_file(path, tmp_path):
    out = tmp_path / "r.html"
    result = run("report", "--archive", path, "--since", "2024", "-o", out)
    assert result.exit_code == 0 and out.is_file()
    html = out.read_text("utf-8")
    assert "<svg" in html and "http://" not in html.replace("http://www.w3.org", "") and "https://" not in html


def test_control_characters_in_an_archive_never_reach_the_terminal(copy):
    db = sqlite3.connect(copy)
    with db:
        db.execute("UPDATE articles SET title = title || ?, body_text = body_text || ? WHERE id = "
                   "(SELECT MIN(id) FROM articles)", ["\x1b]0;pwned\x07", " hien mau \x1b[2J\x07"])
        db.execute("UPDATE people SET name = name || ? WHERE id = (SELECT MIN(id) FROM people)", ["\x1b[5m"])
        db.execute("INSERT INTO articles_fts(articles_fts) VALUES ('rebuild')")
    db.close()
    for args in (["search", "hien mau"], ["people"], ["people", "--titles"], ["places"], ["money"], ["stats"]):
        result = run(*args, "--archive", copy)
        assert result.exit_code == 0, result.output
        assert not any(c in result.output for c in "\x1b\x07"), args


@pytest.mark.parametrize("command", [["search", "hien mau"], ["people"], ["places"], ["money"],
                                     ["money", "--by", "province"], ["stats"]])
def test_json_is_one_object_per_line(path, command):
    result = run(*command, "--json", "--archive", path)
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()  # notes and progress go to stderr
    assert len(lines) > 1 and all(isinstance(json.loads(line), dict) for line in lines)


def test_money_json_has_amounts_groups_and_a_total(path):
    kinds = [json.loads(line)["kind"] for line in run("money", "--by", "province", "--json", "--archive", path).stdout
             .splitlines()]
    assert kinds[0] == "amount" and "group" in kinds and kinds[-1] == "total" and kinds.count("total") == 1


def test_stats_shows_days_and_minutes_consistently(path):
    import re

    out = run("stats", "--archive", path).output
    days = re.findall(r"(\S+) \.\. (\S+)", out)
    assert days and all(re.fullmatch(r"\d{4}-\d{2}-\d{2}|-", d) for pair in days for d in pair)
    assert re.search(r"#\d+ \d{4}-\d{2}-\d{2} \d{2}:\d{2} ", out)


def test_changes_lists_the_changed_article_and_what_changed(path):
    rows = [json.loads(line) for line in run("changes", "--json", "--archive", path).output.splitlines()]
    assert len(rows) == 1 and rows[0]["fields"] == ["body_text"] and rows[0]["site"] == "ctd-bacgiang"
    assert run("changes", "--since", "2999", "--archive", path).output.strip() == "(no rows)"
    assert run("changes", "--since", rows[0]["changed_at"][:10], "--archive", path).output.count("body_text") == 1
