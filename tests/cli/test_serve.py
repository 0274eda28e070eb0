"""`ctd-archive serve`: Datasette on the demo archive, on 127.0.0.1, with our metadata."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request

import pytest

pytest.importorskip("datasette", reason="datasette is optional (pip install datasette)")





def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def get_json(url: str):
    with urllib.request.urlopen(url, timeout=10) as response:
        return json.loads(response.read())


def start(archive, tmp) -> tuple[subprocess.Popen, str]:
    """`ctd-archive serve` with its temporary files in `tmp`, once it answers."""
    port = free_port()
    process = subprocess.Popen([sys.executable, "-m", "ctd_crawler.cli", "serve", "--archive", str(archive),
                                "--port", str(port)], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                               env={**os.environ, "TMPDIR": str(tmp)})
    base = f"http://127.0.0.1:{port}"
    for _ in range(150):
        try:
            get_json(f"{base}/-/versions.json")
            return process, base
        except OSError:
            if process.poll() is not None:
                pytest.fail(process.stderr.read().decode()[-2000:])
            time.sleep(0.1)
    pytest.fail("serve did not answer")


def stopped(base: str) -> bool:
    """Nothing answers on the port any more (within ten seconds)."""
    for _ in range(100):
        try:
            get_json(f"{base}/-/versions.json")
        except OSError:
            return True
        time.sleep(0.1)
    return False


@pytest.fixture(scope="module")
def server(readme_archive, tmp_path_factory):
    process, base = start(readme_archive, tmp_path_factory.mktemp("serve"))
    try:
        yield base, readme_archive
    finally:
        process.terminate()
        process.wait(timeout=10)
        assert stopped(base), "the Datasette child outlived serve"


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT, signal.SIGHUP])
def test_stopping_serve_stops_datasette_and_removes_its_files(readme_archive, tmp_path, signum):
    process, base = start(readme_archive, tmp_path)
    assert list(tmp_path.glob("ctd-datasette-*.json"))
    process.send_signal(signum)
    process.wait(timeout=15)
    assert stopped(base) and not list(tmp_path.glob("ctd-datasette-*.json"))


def test_a_table_page_serves_rows(server):
    base, _ = server
    data = get_json(f"{base}/ctd/articles.json?_shape=objects&_size=5")
    assert len(data["rows"]) == 5 and "url" in data["rows"][0]


def test_a_canned_query_from_the_readme_runs(server):
    base, _ = server
    meta = get_json(f"{base}/-/metadata.json")
    queries = meta["databases"]["ctd"]["queries"]
    assert len(queries) >= 12
    name, _canned = next((k, q) for k, q in queries.items() if "changed between crawls" in q["title"])
    data = get_json(f"{base}/ctd/{name}.json?_shape=objects")
    assert [r["site"] for r in data["rows"]] == ["ctd-bacgiang"]


def test_column_descriptions_reach_datasette(server):
    base, _ = server
    meta = get_json(f"{base}/-/metadata.json")
    assert "integer đồng" in meta["databases"]["ctd"]["tables"]["money"]["columns"]["amount_vnd"]


def test_it_is_read_only(server):
    base, _ = server
    request = urllib.request.Request(f"{base}/ctd.json?sql=" + urllib.request.quote("DELETE FROM articles"))
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            body = json.loads(response.read())
        assert body.get("ok") is False
    except urllib.error.HTTPError as exc:
        assert exc.code in (400, 403)
    assert get_json(f"{base}/ctd.json?sql=select+count(*)+as+n+from+articles&_shape=array")[0]["n"] > 0
