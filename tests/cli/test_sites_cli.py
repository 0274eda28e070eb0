"""`ctd-archive sites`: list the registry, check a site by its address, add one; every
mistake one line, and a registry file never half-written."""

from __future__ import annotations

import subprocess
import sys

import pytest
from click.testing import CliRunner

from ctd_crawler.cli import main
from ctd_crawler.sites import load_sites
from tests.paths import SITES
from tests.test_sites import GOOD


def run(*args: str):
    return CliRunner().invoke(main, list(args))


@pytest.fixture
def registry(tmp_path):
    path = tmp_path / "sites.toml"
    path.write_text(GOOD, "utf-8")
    return path


def test_add_writes_an_entry_with_both_provinces(registry):
    result = run("sites", "add", "https://chuthapdo.vinhphuc.gov.vn/tin-tuc/", "--province", "vinh phuc",
                 "--sites", str(registry))
    assert result.exit_code == 0, result.output
    site = load_sites(registry)[-1]
    assert (site.id, site.base_url, site.province, site.province_2025, site.family) == (
        "chuthapdo-vinhphuc", "https://chuthapdo.vinhphuc.gov.vn", "Vĩnh Phúc", "Phú Thọ", None)
    assert load_sites(registry)[0].id == "ctd-x"  # what was there stays


@pytest.mark.parametrize("args, message", [
    (["https://chuthapdo-x.example.vn"], "chuthapdo-x.example.vn is there already, as 'ctd-x'"),
    (["https://www.chuthapdo-x.example.vn/x"], "is there already"),
    (["https://new.example.vn", "--id", "ctd-x"], "a site with id 'ctd-x' is there already"),
    (["https://new.example.vn", "--province", "Mars"], "unknown province 'Mars'"),
    (["new.example.vn"], "is not an http(s) address"),
    (["ftp://new.example.vn"], "is not an http(s) address"),
    (["https://new.example.vn", "--id", "Bad Id"], "must be lowercase letters"),
])
def test_add_refuses_in_one_line_and_leaves_the_file(registry, args, message):
    before = registry.read_bytes()
    result = run("sites", "add", *args, "--sites", str(registry))
    assert result.exit_code == 2 and message in result.output and len(result.output.strip().splitlines()) == 1
    assert registry.read_bytes() == before
    assert not list(registry.parent.glob(".*.part"))


def test_list_shows_the_registry_and_what_the_archive_holds(registry, archive):
    result = run("sites", "list", "--sites", str(registry), "--archive", str(archive.path))
    assert result.exit_code == 0
    assert "ctd-x" in result.output and "https://chuthapdo-x.example.vn" in result.output and "Lào Cai" in result.output


def test_list_without_an_archive_lists_the_registry(registry, tmp_path):
    result = run("sites", "list", "--sites", str(registry), "--archive", str(tmp_path / "none.sqlite"))
    assert result.exit_code == 0 and "ctd-x" in result.output
    assert not (tmp_path / "none.sqlite").exists()  # a listing creates no archive


@pytest.mark.slow
@pytest.mark.parametrize("url, family, feeds_or_maps", [
    ("https://chuthapdo.vinhphuc.gov.vn", "wordpress", "wp-sitemap.xml"),
    ("https://ctd.binhdinh.gov.vn/", "nukeviet", "sitemap.xml"),
    ("https://hoichuthapdoquangbinh.gov.vn", "threecms", "sections"),
])
def test_check_reports_what_the_crawler_finds_from_the_address(url, family, feeds_or_maps):
    done = subprocess.run([sys.executable, "-m", "ctd_crawler.cli", "sites", "check", url, "--mirror", str(SITES),
                           "--sample", "3"], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-2000:]
    out = done.stdout
    assert f"family          {family}" in out and feeds_or_maps in out
    assert "articles        3 read" in out and out.count(" people, ") == 3


@pytest.mark.slow
def test_check_of_a_site_that_is_not_there_says_so():
    done = subprocess.run([sys.executable, "-m", "ctd_crawler.cli", "sites", "check", "https://nowhere.example.vn",
                           "--mirror", str(SITES)], capture_output=True, text=True, timeout=300)
    assert done.returncode == 2 and "holds pages of no site" in done.stderr
