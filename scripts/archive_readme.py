"""The worked queries of archive/README.md: build the demo archive they run on, run them,
and (with --write) put their real output under each query.

    python scripts/archive_readme.py --write     # after editing a query in the README
    python scripts/archive_readme.py             # check only: exit 1 if an output differs

The demo archive is `ctd-archive demo` crawled twice: the second time one page of the
mirror carries a correction (27.450 -> 27.540 đơn vị máu), so the archive has an article
that changed between crawls, as real archives do. tests/test_archive_readme.py uses the
same functions.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import sqlite3
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "archive" / "README.md"
MIRROR = ROOT / "fixtures" / "sites"
CHANGED_PAGE = "chuthapdobacgiang.org.vn/tin-tuc/chi-tiet.aspx@id=1924"  # no sitemap or feed
CHANGE = ("27.450 đơn vị máu".encode(), "27.540 đơn vị máu".encode())

sys.path.insert(0, str(ROOT))
from ctd_crawler.query import format_table, worked_queries


def demo(archive: Path, mirror: Path, **env: str) -> None:
    done = subprocess.run([sys.executable, "-m", "ctd_crawler.cli", "demo", "--archive", str(archive),
                           "--mirror", str(mirror)], capture_output=True, text=True, timeout=600, cwd=ROOT, check=False,
                          env={**os.environ, **env})
    if done.returncode != 0:
        raise RuntimeError(f"demo crawl failed:\n{done.stderr[-3000:]}")


def build_demo_archive(archive: Path) -> Path:
    """The README's archive: the demo crawl, then a second crawl with one corrected page."""
    demo(archive, MIRROR)
    with tempfile.TemporaryDirectory() as tmp:
        mirror = Path(tmp) / "sites"
        shutil.copytree(MIRROR, mirror)
        page = mirror / CHANGED_PAGE
        raw = page.read_bytes()
        assert CHANGE[0] in raw, f"{CHANGED_PAGE} no longer holds {CHANGE[0].decode()!r}"
        page.write_bytes(raw.replace(*CHANGE))
        # An incremental crawl would not re-read listings or articles it saw minutes ago:
        # mark the sites incomplete (as a killed crawl leaves them) and every article due.
        db = sqlite3.connect(archive)
        with db:
            if "complete_at" in {r[1] for r in db.execute("PRAGMA table_info(sites)")}:
                db.execute("UPDATE sites SET complete_at = NULL")
        db.close()
        demo(archive, mirror, CTD_REFETCH_DAYS="0", CTD_RECHECK_HOURS="0")
    return archive


_BUILT: dict[str, Path] = {}


def shared_demo_archive(folder: Path) -> Path:
    """One README archive per process (tests share it; those that write copy it first)."""
    if "archive" not in _BUILT:
        _BUILT["archive"] = build_demo_archive(folder / "ctd.sqlite")
    return _BUILT["archive"]


def run_query(db: sqlite3.Connection, sql: str) -> str:
    cursor = db.execute(sql)
    return format_table([d[0] for d in cursor.description], cursor.fetchall())


def outputs(archive: Path, readme: Path = README) -> list[tuple[str, str, str]]:
    """(title, output shown, output now) for every worked query, on a read-only connection."""
    db = sqlite3.connect(f"file:{archive}?mode=ro", uri=True)
    try:
        return [(q.title, q.output, run_query(db, q.sql)) for q in worked_queries(readme)]
    finally:
        db.close()


def write_outputs(archive: Path, readme: Path = README) -> int:
    text = readme.read_text("utf-8")
    db = sqlite3.connect(f"file:{archive}?mode=ro", uri=True)
    changed = 0

    def fill(match: re.Match) -> str:
        nonlocal changed
        new = run_query(db, match["sql"].strip())
        changed += new != match["output"].rstrip("\n")
        return f"{match['head']}```text\n{new}\n```"

    pattern = re.compile(r"(?P<head>```sql\n(?P<sql>.+?)```\s*\n+Output:\s*\n+)```text\n(?P<output>.*?)```", re.DOTALL)
    start = text.find("\n## Worked queries")
    end = text.find("\n## ", start + 4)
    end = end if end >= 0 else len(text)
    text = text[:start] + pattern.sub(fill, text[start:end]) + text[end:]
    db.close()
    readme.write_text(text, "utf-8")
    return changed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--write", action="store_true", help="rewrite the outputs in archive/README.md")
    parser.add_argument("--archive", type=Path, help="use this archive instead of building a fresh one")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        archive = args.archive or build_demo_archive(Path(tmp) / "ctd.sqlite")
        if args.write:
            print(f"{write_outputs(archive)} outputs changed in {README}")
            return 0
        wrong = [title for title, shown, now in outputs(archive) if shown != now]
        print("\n".join(f"differs: {t}" for t in wrong) or "every output is current")
        return 1 if wrong else 0


if __name__ == "__main__":
    sys.exit(main())
