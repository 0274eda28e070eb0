import json

import pytest
from click.testing import CliRunner

from ctd_crawler.cli import main
from ctd_crawler.crawl.mirror import file_for, url_of
from tests.paths import SITES

COMMANDS = sorted(main.commands)


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_has_help_with_an_example(command):
    result = CliRunner().invoke(main, [command, "--help"])
    assert result.exit_code == 0
    assert "Example: ctd-archive " + command in result.output


def test_extract_of_a_missing_file_is_a_clear_error():
    result = CliRunner().invoke(main, ["extract", "no/such/page.html"])
    assert result.exit_code != 0 and "no such file" in result.output


def test_extract_of_an_undecodable_file_is_a_clear_error(tmp_path):
    page = tmp_path / "bad.html"
    page.write_bytes(bytes(range(0x80, 0xA0)) * 20)
    result = CliRunner().invoke(main, ["extract", str(page)])
    assert result.exit_code == 2 and "no encoding decodes" in result.output


def test_extract_of_an_unknown_layout_uses_the_generic_one(tmp_path):
    page = tmp_path / "page.html"
    paragraph = "Hội Chữ thập đỏ huyện trao 50 suất quà cho các hộ nghèo trong dịp Tết. " * 4
    page.write_text(f"<html><head><title>Trao quà Tết - Báo X</title></head><body><nav><a href='/'>Trang chủ</a>"
                    f"</nav><h1>Trao quà Tết</h1><div class='content'><p>{paragraph}</p><p>{paragraph}</p></div>"
                    f"<footer>Bản quyền 2024</footer></body></html>", "utf-8")
    result = CliRunner().invoke(main, ["extract", str(page), "--url", "https://unknown.example.vn/a.html"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["layout"] == "generic" and data["title"] == "Trao quà Tết"
    assert "Trang chủ" not in data["body_text"] and "Bản quyền" not in data["body_text"]


def test_stats_of_a_missing_archive_is_a_clear_error(tmp_path):
    result = CliRunner().invoke(main, ["stats", "--archive", str(tmp_path / "none.sqlite")])
    assert result.exit_code != 0 and "no archive at" in result.output


@pytest.mark.parametrize("url", ["https://h.vn/", "https://h.vn/a/b.html", "https://h.vn/x/?page=2",
                                 "https://h.vn/news.aspx?cat=3&page=2"])
def test_url_of_inverts_the_mirror_mapping(url):
    from urllib.parse import urlsplit

    parts = urlsplit(url)
    assert url_of(file_for(SITES, parts.hostname, parts.path, parts.query), SITES) == url


@pytest.mark.parametrize("args, message", [
    (["--site", "nope"], "unknown site id(s): nope; known ids:"),
    (["--since", "24/06/2024"], "since must be YYYY-MM-DD"),
])
def test_crawl_with_bad_arguments_is_a_clear_error_before_any_crawl(tmp_path, args, message):
    archive = tmp_path / "ctd.sqlite"
    result = CliRunner().invoke(main, ["crawl", "--archive", str(archive), "--mirror", str(SITES), *args])
    assert result.exit_code != 0 and message in result.output
    assert not archive.exists()  # nothing was started
