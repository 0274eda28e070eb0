"""Instructions a page of the extraction chain costs, against trafilatura's, under valgrind.

Time on a shared machine moves by a fifth between runs; the instructions a process executes
move by about 1 %. Each side runs in a fresh interpreter under `valgrind --tool=cachegrind`,
once with one pass over the 71 fixture pages and once with three; the difference, halved, is
one warm pass (start-up, imports and the lexicons' load cancel out). Needs valgrind
(`apt-get install valgrind`); hash randomisation is fixed so that two runs iterate alike.

    .venv/bin/python -m benchmarks.instructions [--tree DIR]   # DIR: another checkout, the chain side
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

from benchmarks.common import ROOT, fixtures

PASS = {
    "chain": """
from ctd_crawler.page.parse import parse_page
from ctd_crawler.pipelines import run_chain
from ctd_crawler.sites import site_for_url
def one(body, url):
    run_chain(parse_page(body, url, site=site_for_url(url)))
""",
    "trafilatura": """
import trafilatura
from ctd_crawler.page.decode import decode_html
def one(body, url):
    trafilatura.extract(decode_html(body)[0], url=url, include_comments=False)
""",
}
RUNNER = """
import sys
from benchmarks.common import fixtures
{setup}
pages = [(f.page.read_bytes(), f.truth["url"]) for f in fixtures()]
for _ in range(int(sys.argv[1])):
    for body, url in pages:
        one(body, url)
"""


def instructions(side: str, passes: int, tree: Path, counted: bool = True) -> int:
    env = {**os.environ, "PYTHONHASHSEED": "0", "PYTHONPATH": f"{tree}{os.pathsep}{ROOT}"}
    valgrind = ["valgrind", "--tool=cachegrind", "--cache-sim=no", "--cachegrind-out-file=/dev/null"]
    run = subprocess.run([*(valgrind if counted else []), sys.executable, "-c", RUNNER.format(setup=PASS[side]),
                          str(passes)], cwd=tree, env=env, capture_output=True, text=True, check=True)
    if not counted:
        return 0
    found = re.search(r"I\s+refs:\s+([\d,]+)", run.stderr)
    if found is None:
        raise SystemExit(f"valgrind printed no instruction count for {side}:\n{run.stderr[-2000:]}")
    return int(found.group(1).replace(",", ""))


def per_page(side: str, tree: Path, pages: int) -> float:
    # a fresh checkout builds its gazetteer cache on its first run: that run is not counted,
    # or the three-pass run would pay for the build the one-pass run then loads
    instructions(side, 1, tree, counted=False)
    return (instructions(side, 3, tree) - instructions(side, 1, tree)) / 2 / pages


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--tree", type=Path, default=ROOT, help="the checkout whose chain is counted (default: this one)")
    args = ap.parse_args()
    if shutil.which("valgrind") is None:
        raise SystemExit("valgrind is not installed (apt-get install valgrind)")
    pages = len(fixtures())
    chain, base = per_page("chain", args.tree.resolve(), pages), per_page("trafilatura", ROOT, pages)
    print(f"{pages} fixture pages, one warm pass: chain ({args.tree}) {chain / 1e6:.2f} M instructions a page, "
          f"trafilatura {base / 1e6:.2f} M; chain / trafilatura = {chain / base:.3f}x")


if __name__ == "__main__":
    main()
