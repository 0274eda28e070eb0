"""Commands never write over the archive they read nor any SQLite file, and leave no half
file behind; every such mistake is one line with exit status 2."""

from __future__ import annotations

import hashlib
import sqlite3

import pytest
from click.testing import CliRunner

from ctd_crawler.analysis.output import OutputError, check_output, temporary_beside
from ctd_crawler.cli import main
from ctd_crawler.store import open_archive


@pytest.fixture
def archive(tmp_path):
    path = tmp_path / "ctd.sqlite"
    open_archive(path).close()
    return path


def digest(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.mark.parametrize("args", [
    ["report", "-o", "{archive}"], ["export", "-o", "{archive}"], ["export", "--format", "jsonl", "-o", "{archive}"],
    ["export", "--format", "parquet", "-o", "{archive}"], ["report", "-o", "{other}"], ["export", "-o", "{other}"],
    ["export", "--format", "parquet", "-o", "{other}"], ["report", "-o", "{archive}-wal"],
])
def test_a_command_never_writes_over_an_archive(archive, tmp_path, args):
    other = tmp_path / "other.sqlite"
    sqlite3.connect(other).execute("CREATE TABLE t (x)").connection.commit()
    before = {p: digest(p) for p in (archive, other)}
    args = [a.format(archive=archive, other=other) for a in args]
    result = CliRunner().invoke(main, [*args, "--archive", str(archive)])
    assert result.exit_code == 2 and "Traceback" not in result.output
    assert "archive being read" in result.output or "SQLite database" in result.output
    assert {p: digest(p) for p in (archive, other)} == before


@pytest.mark.parametrize("command", [["report"], ["export"]])
def test_an_output_folder_that_does_not_exist_is_one_line(archive, tmp_path, command):
    result = CliRunner().invoke(main, [*command, "-o", str(tmp_path / "no" / "x.out"), "--archive", str(archive)])
    assert result.exit_code == 2 and "does not exist" in result.output and "Traceback" not in result.output


def test_a_failed_write_leaves_the_old_file_and_no_part_file(tmp_path):
    target = tmp_path / "report.html"
    target.write_text("old")
    with pytest.raises(RuntimeError), temporary_beside(target) as tmp:
        tmp.write_text("half")
        raise RuntimeError("disk full")
    assert target.read_text() == "old" and list(tmp_path.iterdir()) == [target]


def test_a_good_write_replaces_the_file(tmp_path):
    target = tmp_path / "money.csv"
    target.write_text("old")
    with temporary_beside(target) as tmp:
        tmp.write_text("new")
    assert target.read_text() == "new" and list(tmp_path.iterdir()) == [target]


@pytest.mark.parametrize("name, ok", [("out.csv", True), ("existing.txt", True), ("db.sqlite", False), ("dir", False)])
def test_check_output(tmp_path, name, ok):
    (tmp_path / "existing.txt").write_text("x")
    (tmp_path / "dir").mkdir()
    sqlite3.connect(tmp_path / "db.sqlite").execute("CREATE TABLE t (x)").connection.commit()
    if ok:
        assert check_output(tmp_path / name) == tmp_path / name
    else:
        with pytest.raises(OutputError):
            check_output(tmp_path / name)
