import urllib.error
import urllib.request

import pytest

from ctd_crawler.crawl.mirror import content_type, file_for, serve_mirror


@pytest.fixture(scope="module")
def mirror(tmp_path_factory):
    root = tmp_path_factory.mktemp("sites")
    host = root / "example.org.vn"
    (host / "tin-tuc").mkdir(parents=True)
    (host / "tin-tuc" / "index.html").write_bytes("<html>Trang tin</html>".encode())
    (host / "tin-tuc" / "index.html@page=2").write_bytes(b"<html>page 2</html>")
    (host / "news.aspx@cat=3&page=2").write_bytes(b"<html>cat 3 page 2</html>")
    (host / "robots.txt").write_bytes(b"User-agent: *\nDisallow: /admin/\n")
    (root.parent / "secret.txt").write_text("outside the mirror")
    (host / "escape").symlink_to(root.parent)  # a link out of the folder is no way out either
    (host / "_mirror.toml").write_text('[redirects]\n"/cu.html" = "https://example.org.vn/tin-tuc/"\n'
                                       '[status]\n"/loi.html" = 500\n')
    with serve_mirror(root) as server:
        yield server.url


def get(url):
    try:
        with urllib.request.urlopen(urllib.request.Request(url), timeout=5) as r:
            return r.status, r.headers.get("Content-Type"), r.read()
    except urllib.error.HTTPError as e:
        return e.code, e.headers.get("Content-Type"), e.read()


def test_index_of_a_folder(mirror):
    status, ctype, body = get(f"{mirror}/example.org.vn/tin-tuc/")
    assert status == 200 and ctype == "text/html" and "Trang tin" in body.decode()


def test_query_maps_to_at_suffix(mirror):
    assert get(f"{mirror}/example.org.vn/tin-tuc/?page=2")[2] == b"<html>page 2</html>"


def test_query_in_sorted_order_finds_the_file(mirror):
    assert get(f"{mirror}/example.org.vn/news.aspx?page=2&cat=3")[2] == b"<html>cat 3 page 2</html>"


def test_robots_is_text(mirror):
    status, ctype, body = get(f"{mirror}/example.org.vn/robots.txt")
    assert status == 200 and ctype.startswith("text/plain") and b"Disallow" in body


def test_missing_page_is_404(mirror):
    assert get(f"{mirror}/example.org.vn/khong-co.html")[0] == 404


def test_configured_status(mirror):
    assert get(f"{mirror}/example.org.vn/loi.html")[0] == 500


def test_redirect_points_to_the_real_url(mirror):
    request = urllib.request.Request(f"{mirror}/example.org.vn/cu.html")
    opener = urllib.request.build_opener(type("NoRedirect", (urllib.request.HTTPRedirectHandler,),
                                              {"redirect_request": lambda *a, **k: None}))
    with pytest.raises(urllib.error.HTTPError) as err:
        opener.open(request, timeout=5)
    assert err.value.code == 301 and err.value.headers["Location"] == "https://example.org.vn/tin-tuc/"


@pytest.mark.parametrize(
    "path, query, rel",
    [("/", "", "index.html"), ("/a/b.html", "", "a/b.html"), ("/x/", "page=2", "x/index.html@page=2")],
)
def test_file_for(tmp_path, path, query, rel):
    assert file_for(tmp_path, "h.vn", path, query) == tmp_path / "h.vn" / rel


@pytest.mark.parametrize(
    "name, ctype",
    [("a.html", "text/html"), ("news.aspx@id=1", "text/html"), ("sitemap.xml", "application/xml"),
     ("feed.rss", "application/rss+xml"), ("robots.txt", "text/plain; charset=utf-8")],
)
def test_content_type(tmp_path, name, ctype):
    assert content_type(tmp_path / name) == ctype


def raw_get(mirror: str, path: str) -> tuple[int, bytes]:
    """A request line sent as is (no client normalises the dots away)."""
    import http.client
    from urllib.parse import urlsplit

    connection = http.client.HTTPConnection(urlsplit(mirror).netloc, timeout=5)
    connection.putrequest("GET", path, skip_host=True, skip_accept_encoding=True)
    connection.putheader("Host", "127.0.0.1")
    connection.endheaders()
    response = connection.getresponse()
    return response.status, response.read()


@pytest.mark.parametrize("path", [
    "/../secret.txt", "/../../../../../etc/passwd", "/example.org.vn/../../secret.txt",
    "/example.org.vn/%2e%2e/%2e%2e/secret.txt", "/example.org.vn/%2E%2E/%2E%2E/secret.txt",
    "/example.org.vn/..%2f..%2fsecret.txt", "/example.org.vn/escape/secret.txt", "/%2e%2e/secret.txt",
    "/example.org.vn/tin-tuc/..%5c..%5csecret.txt",
])
def test_no_file_outside_the_mirror_is_served(mirror, path):
    status, body = raw_get(mirror, path)
    assert status == 404 and b"outside the mirror" not in body and b"root:" not in body


@pytest.mark.parametrize("path", ["/example.org.vn/tin-tuc/../tin-tuc/", "/example.org.vn/tin-tuc/%69ndex.html"])
def test_paths_that_stay_inside_are_served(mirror, path):
    assert raw_get(mirror, path)[0] == 200


@pytest.mark.parametrize("given, delay, throttle", [
    ({"CTD_MIRROR": "fixtures/sites"}, 0, False),  # the mirror: no delays
    ({"CTD_MIRROR": "http://127.0.0.1:8800"}, 0, False),
    # the real sites keep them, and a delay given for the mirror too
    ({}, 1.0, True), ({"CTD_MIRROR": ""}, 1.0, True),
    ({"CTD_MIRROR": "fixtures/sites", "DOWNLOAD_DELAY": "0.5"}, 0.5, False),
])
def test_the_mirror_drops_the_delays_however_the_crawl_is_started(given, delay, throttle):
    from scrapy.settings import Settings

    from ctd_crawler import settings as project
    from ctd_crawler.crawl.downloader import MirrorAddon

    settings = Settings()
    settings.setmodule(project, priority="project")  # as `scrapy crawl` reads them
    settings.setdict(given, priority="cmdline")
    MirrorAddon().update_settings(settings)
    assert "ctd_crawler.crawl.downloader.MirrorAddon" in project.ADDONS
    assert settings.getfloat("DOWNLOAD_DELAY") == delay
    assert settings.getbool("AUTOTHROTTLE_ENABLED") is throttle


@pytest.mark.slow
def test_scrapy_crawl_of_the_mirror_starts_one_server_and_no_delay(tmp_path):
    import subprocess
    import sys

    from tests.paths import ROOT, SITES

    done = subprocess.run([sys.executable, "-m", "scrapy", "crawl", "ctd", "-a", "site=vnrc", "-s",
                           f"CTD_MIRROR={SITES}", "-s", f"CTD_ARCHIVE={tmp_path / 'a.sqlite'}", "-s", "LOG_LEVEL=INFO"],
                          cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stderr.count("offline mirror of") == 1
    overridden = done.stderr.split("Overridden settings:", 1)[1].split("[scrapy", 1)[0]
    assert "'DOWNLOAD_DELAY':" not in overridden and "'AUTOTHROTTLE_ENABLED':" not in overridden
