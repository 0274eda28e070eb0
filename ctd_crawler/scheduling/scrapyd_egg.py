"""The egg for a Scrapyd deployment, and its upload.

The project reads data files next to its modules (sites.toml, extract/data/, store/*.sql),
which a zipped egg cannot serve, so the egg is a thin one: it only names the settings
module (`scrapy` entry point), and the project itself is installed in Scrapyd's Python
environment (`pip install ctd_crawler` there; upgrade the same way). Scrapyd then runs
`ctd` with the project's settings, like cron or systemd do.

    python -m ctd_crawler.scheduling.scrapyd_egg --deploy http://127.0.0.1:6800
    curl http://127.0.0.1:6800/schedule.json -d project=ctd_crawler -d spider=ctd
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import urllib.request
import uuid
from pathlib import Path

import ctd_crawler

PROJECT = "ctd_crawler"
SETUP = """from setuptools import setup
setup(name="ctd_crawler_scrapyd", version={version!r}, py_modules=["ctd_crawler_scrapyd"],
      entry_points={{"scrapy": ["settings = ctd_crawler.settings"]}})
"""


def build_egg(out_dir: Path) -> Path:
    """Build the thin egg into out_dir; returns its path."""
    out_dir = Path(out_dir).resolve()
    with tempfile.TemporaryDirectory() as tmp:
        version = getattr(ctd_crawler, "__version__", "0.1.0")
        Path(tmp, "setup.py").write_text(SETUP.format(version=version), "utf-8")
        Path(tmp, "ctd_crawler_scrapyd.py").write_text('"""Deploys ctd_crawler to Scrapyd."""\n', "utf-8")
        subprocess.run([sys.executable, "setup.py", "-q", "bdist_egg", "-d", str(out_dir)], cwd=tmp, check=True,
                       capture_output=True)
    return next(out_dir.glob("ctd_crawler_scrapyd-*.egg"))


def upload(egg: Path, url: str, version: str | None = None) -> dict:
    """POST the egg to Scrapyd's addversion.json (multipart/form-data)."""
    boundary = uuid.uuid4().hex
    fields = {"project": PROJECT, "version": version or uuid.uuid4().hex[:8]}
    body = b"".join(f'--{boundary}\r\nContent-Disposition: form-data; name="{k}"\r\n\r\n{v}\r\n'.encode()
                    for k, v in fields.items())
    body += (f'--{boundary}\r\nContent-Disposition: form-data; name="egg"; filename="{egg.name}"\r\n'
             f"Content-Type: application/octet-stream\r\n\r\n").encode() + egg.read_bytes()
    body += f"\r\n--{boundary}--\r\n".encode()
    request = urllib.request.Request(url.rstrip("/") + "/addversion.json", data=body,
                                     headers={"Content-Type": f"multipart/form-data; boundary={boundary}"})
    with urllib.request.urlopen(request, timeout=120) as response:
        return json.load(response)


def main() -> None:
    parser = argparse.ArgumentParser(description="Build the Scrapyd egg and optionally upload it. "
                                     "Example: python -m ctd_crawler.scheduling.scrapyd_egg --deploy http://127.0.0.1:6800")
    parser.add_argument("--out", type=Path, default=Path("dist"))
    parser.add_argument("--deploy", metavar="SCRAPYD_URL", help="upload to this Scrapyd")
    args = parser.parse_args()
    egg = build_egg(args.out)
    print(egg)
    if args.deploy:
        print(json.dumps(upload(egg, args.deploy)))


if __name__ == "__main__":
    main()
