"""Shared helpers for the benchmarks: fixture articles with their hand-checked truth, and
one command timed in a process of its own."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from ctd_crawler.quality import token_f1  # noqa: F401 - the benchmarks' body measure

ROOT = Path(__file__).resolve().parent.parent
SITES = ROOT / "fixtures" / "sites"
EXPECTED = ROOT / "fixtures" / "expected"


@dataclass
class Fixture:
    page: Path
    truth: dict


def fixtures() -> list[Fixture]:
    out = []
    for path in sorted(EXPECTED.rglob("*.json")):
        rel = path.relative_to(EXPECTED)
        out.append(Fixture(SITES / str(rel)[: -len(".json")], json.loads(path.read_text("utf-8"))))
    return out


def table(headers: list[str], rows: list[list]) -> str:
    lines = ["| " + " | ".join(headers) + " |", "|" + "---|" * len(headers)]
    lines += ["| " + " | ".join(str(c) for c in row) + " |" for row in rows]
    return "\n".join(lines)


def measured(cmd: list[str]) -> tuple[float, float, float]:
    """Wall seconds, CPU seconds (user + system) and peak RSS (MiB) of one command run in a
    fresh process from the project root, from the kernel's accounting (wait4); a failure
    stops the benchmark with the command's last words."""
    started = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - started
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"failed: {' '.join(cmd)}\n{proc.stderr.read().decode()[-3000:]}")
    return seconds, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024
