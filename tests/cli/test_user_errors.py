"""Every user error is one line naming what to fix: exit status 2 for a mistake in the
command line or the files it names, 1 for a failure; never a traceback, and nothing
created or changed by a command that refused to run."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from ctd_crawler.cli import main
from ctd_crawler.store import open_archive
from tests.paths import SITES

BAD_REGISTRY = '[[site]]\nid = "x"\nname = "X"\nbase_url = "https://x.vn"\nfamily = "wordpress"\nstart_urls = "https://x.vn/"\n'


@pytest.fixture
def files(tmp_path):
    archive = tmp_path / "ctd.sqlite"
    open_archive(archive).close()
    corrupt = tmp_path / "corrupt.sqlite"
    corrupt.write_bytes(b"SQLite format 3\x00" + b"\x13" * 5000)
    truncated = tmp_path / "truncated.sqlite"
    truncated.write_bytes(archive.read_bytes()[:1500])
    text = tmp_path / "notes.txt"
    text.write_text("not a database " * 100)
    registry = tmp_path / "sites.toml"
    registry.write_text(BAD_REGISTRY)
    page = tmp_path / "page.html"
    page.write_text("<html><body><h1>Trao quà Tết cho hộ nghèo</h1><p>Hội trao 200 suất quà.</p></body></html>")
    return {"archive": archive, "corrupt": corrupt, "truncated": truncated, "text": text, "registry": registry,
            "page": page, "missing": tmp_path / "missing.sqlite", "nodir": tmp_path / "no" / "out.csv",
            "mirror": SITES, "tmp": tmp_path}


def state(folder: Path) -> dict:
    """Every file of a folder and its content, but for the -wal/-shm files a SQLite reader makes."""
    return {p.name: p.read_bytes() for p in folder.iterdir() if p.is_file() and not p.name.endswith(("-wal", "-shm"))}


CASES = [
    # (command line, exit status, what the one line says)
    ("demo --site nosuch --archive {archive} --mirror {mirror}", 2, "unknown site id(s): nosuch"),
    ("demo --archive {corrupt} --mirror {mirror}", 2, "is not a SQLite database"),
    ("demo --archive {truncated} --mirror {mirror}", 2, "is not a SQLite database"),
    ("demo --archive {text} --mirror {mirror}", 2, "is not a SQLite database"),
    ("demo --archive {archive} --mirror {missing}", 2, "no offline mirror at"),
    ("crawl --archive {archive} --mirror {missing}", 2, "no mirror folder at"),
    ("crawl --archive {archive} --mirror {mirror} -s CTD_REFETCH_DAYS=abc", 2, "CTD_REFETCH_DAYS must be a number"),
    ("crawl --archive {archive} --mirror {mirror} -s CTD_MAX_LISTING_PAGES=1.5", 2, "must be a whole number"),
    ("crawl --archive {archive} --mirror {mirror} -s NOEQUALS", 2, "--set expects NAME=VALUE"),
    ("crawl --archive {archive} --mirror {mirror} --since 2024-99", 2, "since must be YYYY-MM-DD"),
    ("crawl --archive {archive} --mirror {mirror} -s CTD_SITES={registry}", 2, "start_urls must be a list"),
    ("extract http://[::1", 2, "is not an http(s) address"),
    ("extract ftp://example.vn/a.html", 2, "is not an http(s) address"),
    ("extract {missing}", 2, "no such file"),
    ("search x --since 2024-99 --archive {archive}", 2, "--since '2024-99'"),
    ("money --since 2024-13-45 --archive {archive}", 2, "--since '2024-13-45'"),
    ("money --until 2024-02-30 --archive {archive}", 2, "--until '2024-02-30'"),
    ("people --site nosuch --archive {archive}", 2, "unknown site 'nosuch'"),
    ("reextract --site nosuch --archive {archive}", 2, "unknown site 'nosuch'"),
    ("reextract --archive {missing}", 2, "no archive at"),
    ("migrate --archive {missing}", 2, "no archive at"),
    ("stats --archive {missing}", 2, "no archive at"),
    ("export -o {nodir} --archive {archive}", 2, "does not exist"),
    ("report -o {nodir} --archive {archive}", 2, "does not exist"),
    ("export --table nosuch --archive {archive}", 2, "unknown table 'nosuch'"),
    ("search --archive {archive} -- ---", 2, "nothing to search for"),
]


@pytest.mark.parametrize("command, status, message", CASES, ids=[c[0].split(" --")[0] + f" [{c[2][:24]}]" for c in CASES])
def test_one_line_and_the_exit_status(files, command, status, message):
    before = state(files["tmp"])
    result = CliRunner().invoke(main, [a.format(**files) for a in command.split()])
    assert isinstance(result.exception, SystemExit) or result.exception is None, result.exc_info
    assert result.exit_code == status, result.output
    lines = [line for line in result.output.splitlines() if line.strip()]
    assert len(lines) == 1 and message in lines[0], result.output
    assert state(files["tmp"]) == before  # nothing made or changed


def as_nobody(*args: str) -> subprocess.CompletedProcess:
    """A command run by a user who cannot write the folder (root writes anywhere)."""
    prefix = ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"] if os.geteuid() == 0 else []
    return subprocess.run([*prefix, sys.executable, "-m", "ctd_crawler.cli", *args], capture_output=True, text=True,
                          timeout=120, env={**os.environ, "HOME": "/tmp"})


@pytest.fixture
def read_only(readme_archive):
    """The demo archive in a folder the command's user cannot write (pytest's own temporary
    folders are closed to other users)."""
    if os.geteuid() == 0 and not shutil.which("setpriv"):
        pytest.skip("running as root without setpriv: no folder is read-only to us")
    outer = Path(tempfile.mkdtemp(prefix="ctd-ro-"))
    folder = outer / "mount"
    folder.mkdir()
    archive = Path(shutil.copy(readme_archive, folder / "ctd.sqlite"))
    os.chmod(archive, 0o644)
    os.chmod(outer, 0o755)
    os.chmod(folder, 0o555)
    yield archive
    os.chmod(folder, 0o755)
    shutil.rmtree(outer)


@pytest.mark.parametrize("command", [["stats"], ["search", "hien mau"], ["people"], ["money", "--by", "province"],
                                     ["export", "--table", "sites"]])
def test_an_archive_in_a_read_only_folder_can_be_read(read_only, command):
    result = as_nobody(*command, "--archive", str(read_only))
    assert result.returncode == 0 and result.stdout, result.stderr
    assert "read-only" in result.stderr and "Traceback" not in result.stderr


@pytest.mark.parametrize("command", [["reextract"], ["migrate"], ["demo", "--mirror", str(SITES)]])
def test_writing_an_archive_in_a_read_only_folder_is_one_line(read_only, command):
    before = read_only.read_bytes()
    result = as_nobody(*command, "--archive", str(read_only))
    assert result.returncode == 2 and "cannot be written" in result.stderr and "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1 and read_only.read_bytes() == before
