"""The scheduling examples in ctd_crawler/scheduling/ are valid and do what README says:
the systemd units verify, the crontab lines parse, flock keeps two runs from overlapping,
and the service's command line runs a crawl."""

from __future__ import annotations

import configparser
import os
import shlex
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.crawling import kept_articles
from tests.paths import ROOT as HERE
from tests.paths import SITES

SCHEDULING = HERE / "ctd_crawler" / "scheduling"
CRONTAB = SCHEDULING / "crontab"
SERVICE = SCHEDULING / "ctd-crawl.service"
TIMER = SCHEDULING / "ctd-crawl.timer"


def unit(path: Path) -> configparser.ConfigParser:
    parser = configparser.ConfigParser(strict=False, interpolation=None, comment_prefixes=("#", ";"))
    parser.optionxform = str
    parser.read_string(path.read_text("utf-8"))
    return parser


def cron_jobs() -> list[str]:
    return [line for line in CRONTAB.read_text("utf-8").splitlines()
            if line.strip() and not line.startswith("#") and "=" not in line.split()[0]]


def exec_start() -> list[str]:
    return shlex.split(unit(SERVICE)["Service"]["ExecStart"])


def local_service(tmp_path: Path) -> Path:
    """The service with this machine's paths (the Python environment running the tests),
    so that its command exists here."""
    text = SERVICE.read_text("utf-8").replace("/srv/ctd_crawler/.venv", sys.prefix)
    text = text.replace("/srv/ctd_crawler", str(tmp_path)).replace("User=ctd", "User=root")
    (tmp_path / SERVICE.name).write_text(text, "utf-8")
    shutil.copy(TIMER, tmp_path / TIMER.name)
    return tmp_path / SERVICE.name


def test_units_have_what_the_readme_promises():
    service, timer = unit(SERVICE), unit(TIMER)
    assert service["Service"]["Type"] == "oneshot"
    command = exec_start()
    assert command[0].endswith("flock") and "-n" in command and "ctd-archive" in " ".join(command)
    assert "crawl" in command and "75" in service["Service"]["SuccessExitStatus"].split()
    assert timer["Timer"]["OnCalendar"] and timer["Timer"]["Persistent"] == "true"
    assert timer["Install"]["WantedBy"] == "timers.target"


@pytest.mark.skipif(not shutil.which("systemd-analyze"), reason="systemd-analyze not installed")
def test_units_verify_with_systemd(tmp_path):
    service = local_service(tmp_path)
    result = subprocess.run(["systemd-analyze", "verify", str(service), str(tmp_path / TIMER.name)],
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.skipif(not shutil.which("systemd-analyze"), reason="systemd-analyze not installed")
def test_systemd_verify_would_catch_a_broken_unit(tmp_path):
    broken = tmp_path / "broken.service"
    broken.write_text("[Service]\nExecStart=/no/such/ctd-archive crawl\n", "utf-8")
    result = subprocess.run(["systemd-analyze", "verify", str(broken)], capture_output=True, text=True, timeout=60)
    assert result.returncode != 0


def test_crontab_lines_are_valid_and_locked():
    jobs = cron_jobs()
    assert len(jobs) == 2
    locks = set()
    for job in jobs:
        fields = job.split(None, 5)
        minute, hour, day, month, weekday, command = fields
        assert 0 <= int(minute) < 60 and 0 <= int(hour) < 24 and day == month == "*"
        assert weekday == "*" or 0 <= int(weekday) <= 7
        words = shlex.split(command.split("&&", 1)[1])
        lock = next(w for w in words if w.startswith("/"))
        program = words[words.index(lock) + 1]
        assert words[0] == "flock" and program.endswith("ctd-archive") and words[words.index(lock) + 2] == "crawl"
        locks.add(lock)
    lock = exec_start()[exec_start().index("75") + 1]
    assert locks == {lock}  # cron and systemd runs exclude each other too


@pytest.mark.skipif(not shutil.which("flock"), reason="flock not installed")
@pytest.mark.parametrize("prefix, busy_status", [
    (lambda: shlex.split(cron_jobs()[0].split("&&", 1)[1])[:2], 1),  # flock -n LOCK
    (lambda: exec_start()[:4], 75),                                 # flock -n -E 75 LOCK
])
def test_flock_keeps_a_second_run_out(tmp_path, prefix, busy_status):
    words = prefix()
    lock = tmp_path / "crawl.lock"
    options = [w for w in words[1:] if not w.startswith("/")]
    marker = tmp_path / "second-run"
    holder = subprocess.Popen(["flock", str(lock), "sleep", "30"], start_new_session=True)
    try:
        deadline = time.monotonic() + 10
        while subprocess.run(["flock", "-n", str(lock), "true"]).returncode == 0:
            assert time.monotonic() < deadline, "the first run never took the lock"
            time.sleep(0.05)
        second = subprocess.run(["flock", *options, str(lock), "touch", str(marker)], timeout=10)
        assert second.returncode == busy_status and not marker.exists()
    finally:
        os.killpg(holder.pid, signal.SIGKILL)  # flock and the sleep that holds the lock
        holder.wait()
    subprocess.run(["flock", "-w", "10", str(lock), "true"], timeout=20)  # the killed sleep lets go
    third = subprocess.run(["flock", *options, str(lock), "touch", str(marker)], timeout=10)
    assert third.returncode == 0 and marker.exists()


@pytest.mark.skipif(not shutil.which("flock"), reason="flock not installed")
@pytest.mark.slow
def test_the_service_command_runs_a_crawl(tmp_path):
    command = shlex.split(unit(local_service(tmp_path))["Service"]["ExecStart"])
    command[command.index("-E") + 2] = str(tmp_path / "crawl.lock")
    archive = tmp_path / "archive" / "ctd.sqlite"
    command[command.index("--archive") + 1] = str(archive)
    result = subprocess.run([*command, "--mirror", str(SITES), "--site", "vnrc"], cwd=tmp_path,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr[-2000:]
    assert "checks             all passed" in result.stdout and archive.exists()


def _free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _api(url: str, path: str, data: list | None = None) -> dict:
    import json
    import urllib.parse
    import urllib.request

    body = urllib.parse.urlencode(data).encode() if data is not None else None
    with urllib.request.urlopen(url + path, data=body, timeout=30) as response:
        return json.load(response)


def test_scrapy_cfg_has_a_deploy_target():
    cfg = configparser.ConfigParser()
    cfg.read(HERE / "scrapy.cfg")
    assert cfg["deploy"]["url"].startswith("http") and cfg["deploy"]["project"] == "ctd_crawler"
    assert cfg["settings"]["default"] == "ctd_crawler.settings"


@pytest.mark.slow
def test_a_job_scheduled_through_scrapyd_crawls_the_mirror(tmp_path):
    pytest.importorskip("scrapyd", reason="scrapyd is not installed (pip install scrapyd)")
    assert scrapyd_job(sys.executable, tmp_path) == ("finished", kept_articles("redcross.org.vn"))


def scrapyd_job(python: str, folder: Path) -> tuple[str, int]:
    """Deploy the thin egg to a Scrapyd run by `python`, crawl vnrc of the mirror through its
    HTTP API, and return the run's (status, articles_new) from the archive."""
    import sqlite3

    from ctd_crawler.crawl.mirror import serve_mirror
    from ctd_crawler.scheduling.scrapyd_egg import build_egg, upload

    port = _free_port()
    (folder / "scrapyd.conf").write_text(
        f"[scrapyd]\nbind_address = 127.0.0.1\nhttp_port = {port}\neggs_dir = eggs\nlogs_dir = logs\n"
        "items_dir =\ndbs_dir = dbs\nmax_proc = 1\npoll_interval = 0.3\n", "utf-8")
    url = f"http://127.0.0.1:{port}"
    scrapyd = subprocess.Popen([python, "-m", "scrapyd"], cwd=folder,
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    archive = folder / "ctd.sqlite"
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                assert _api(url, "/daemonstatus.json")["status"] == "ok"
                break
            except OSError:
                assert scrapyd.poll() is None and time.monotonic() < deadline, "scrapyd did not start"
                time.sleep(0.2)
        added = upload(build_egg(folder / "dist"), url)
        assert added["status"] == "ok" and added["spiders"] == 1, added
        with serve_mirror(SITES) as mirror:
            # settings as `scrapy crawl ctd -s ...` would get them (the mirror loosens only the delays)
            job = _api(url, "/schedule.json", [
                ("project", "ctd_crawler"), ("spider", "ctd"), ("site", "vnrc"),
                ("setting", f"CTD_MIRROR={mirror.url}"), ("setting", f"CTD_ARCHIVE={archive}"),
                ("setting", "DOWNLOAD_DELAY=0"), ("setting", "AUTOTHROTTLE_ENABLED=0")])
            assert job["status"] == "ok", job
            deadline = time.monotonic() + 120
            while not any(j["id"] == job["jobid"] for j in _api(url, "/listjobs.json?project=ctd_crawler")["finished"]):
                assert time.monotonic() < deadline, "the Scrapyd job did not finish"
                time.sleep(0.3)
    finally:
        scrapyd.terminate()
        scrapyd.wait(timeout=30)
    db = sqlite3.connect(archive)
    row = db.execute("SELECT status, articles_new FROM crawl_runs ORDER BY id DESC LIMIT 1").fetchone()
    db.close()
    return row
