"""The package is self-contained: built as a wheel and installed in a fresh environment
outside the checkout, it finds its own data (registry, lexicons, gazetteer, schema, table
docs), its commands work, and Scrapyd runs it.

The fresh environment gets the package only from the wheel; its dependencies come from the
environment running the tests (a .pth line: no download, and no way back to the checkout).
"""

from __future__ import annotations

import json
import shutil
import site
import subprocess
import sys
from pathlib import Path

import pytest

from tests.paths import ROOT

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def installed(tmp_path_factory) -> Path:
    """The Python of a fresh venv holding the wheel of this checkout."""
    tmp = tmp_path_factory.mktemp("wheel")
    build = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(tmp / "dist"), str(ROOT)],
                           capture_output=True, text=True, timeout=600)
    assert build.returncode == 0, build.stderr[-2000:]
    wheel = next((tmp / "dist").glob("ctd_crawler-*.whl"))
    venv = tmp / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True, timeout=300)
    python = venv / "bin" / "python"
    packages = subprocess.run([str(python), "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"],
                              capture_output=True, text=True, check=True).stdout.strip()
    (Path(packages) / "test-dependencies.pth").write_text(site.getsitepackages()[0] + "\n", "utf-8")
    install = subprocess.run([str(python), "-m", "pip", "install", "--no-deps", "--no-index", "-q", str(wheel)],
                             capture_output=True, text=True, timeout=300)
    assert install.returncode == 0, install.stderr[-2000:]
    return python


def run(python: Path, *args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([str(python.with_name("ctd-archive")), *args], cwd=cwd, capture_output=True, text=True,
                          timeout=300)


def test_the_package_comes_from_the_wheel(installed, tmp_path):
    where = subprocess.run([str(installed), "-c", "import ctd_crawler; print(ctd_crawler.__file__)"], cwd=tmp_path,
                           capture_output=True, text=True, check=True).stdout
    assert where.startswith(str(installed.parent.parent)) and str(ROOT) not in where


def test_help_of_every_command(installed, tmp_path):
    result = run(installed, "--help", cwd=tmp_path)
    assert result.returncode == 0
    commands = [line.split()[0] for line in result.stdout.split("Commands:")[1].splitlines() if line.strip()]
    assert len(commands) >= 12
    for command in commands:
        done = run(installed, command, "--help", cwd=tmp_path)
        assert done.returncode == 0 and f"Example: ctd-archive {command}" in done.stdout, command


def test_demo_outside_a_checkout_says_so_in_one_line(installed, tmp_path):
    result = run(installed, "demo", "--archive", str(tmp_path / "a.sqlite"), cwd=tmp_path)
    assert result.returncode != 0 and "Traceback" not in result.stderr
    assert "no offline mirror" in result.stderr and len(result.stderr.strip().splitlines()) == 1


def test_extract_reads_the_registry_lexicons_and_gazetteer(installed, tmp_path):
    from tests.paths import SEED_PAGE, SEED_URL

    result = run(installed, "extract", str(SEED_PAGE), "--url", SEED_URL, cwd=tmp_path)
    assert result.returncode == 0, result.stderr[-2000:]
    data = json.loads(result.stdout)
    assert data["site"] and data["layout"] == "vesportal" and data["people"] and data["places"]


def test_queries_and_table_docs_on_an_archive(installed, tmp_path, readme_archive):
    archive = shutil.copy(readme_archive, tmp_path / "ctd.sqlite")
    for args in (["search", "hien mau"], ["people"], ["places"], ["money"], ["stats"],
                 ["export", "--table", "money", "--format", "jsonl"]):
        result = run(installed, *args, "--archive", str(archive), cwd=tmp_path)
        assert result.returncode == 0 and result.stdout, (args, result.stderr[-2000:])
    metadata = json.loads(run(installed, "serve", "--metadata-only", "--archive", str(archive), cwd=tmp_path).stdout)
    tables = metadata["databases"]["ctd"]["tables"]
    assert tables["articles"]["columns"]["url"] and metadata["databases"]["ctd"]["queries"]


def test_scrapyd_runs_the_installed_package(installed, tmp_path):
    pytest.importorskip("scrapyd", reason="scrapyd is not installed (pip install scrapyd)")
    from tests.crawling import kept_articles
    from tests.scheduling.test_scheduling import scrapyd_job

    assert scrapyd_job(str(installed), tmp_path) == ("finished", kept_articles("redcross.org.vn"))
