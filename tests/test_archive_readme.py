"""archive/README.md stays true: every worked query runs on a fresh demo archive and
prints exactly the output shown; every table, view and column of the archive is documented.

After a change to the extractors or the crawl, refresh the outputs with
`python scripts/archive_readme.py --write` and read the diff."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from ctd_crawler.query import table_docs, worked_queries
from scripts.archive_readme import run_query

ROOT = Path(__file__).resolve().parent.parent
QUERIES = worked_queries(ROOT / "archive" / "README.md")




@pytest.fixture(scope="module")
def db(readme_archive):
    path = readme_archive
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    yield conn
    conn.close()


def test_the_readme_has_at_least_twelve_worked_queries_with_outputs():
    assert len(QUERIES) >= 12
    assert all(q.output.count("\n") >= 1 for q in QUERIES), "every query shows at least one row"


@pytest.mark.parametrize("query", QUERIES, ids=[q.title for q in QUERIES])
def test_worked_query_prints_the_output_shown(db, query):
    got = run_query(db, query.sql)
    assert got == query.output, "refresh with: python scripts/archive_readme.py --write"


def test_every_table_view_and_column_is_documented(db):
    docs = table_docs(ROOT / "archive" / "README.md")
    names = [r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type IN ('table', 'view') "
                                      "AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'articles_fts_%'")]
    missing = []
    for name in names:
        columns = [r[1] for r in db.execute(f'PRAGMA table_info("{name}")')]
        if name not in docs:
            missing.append(name)
        else:
            missing += [f"{name}.{c}" for c in columns if c not in docs[name][1]]
    assert missing == []


def test_the_demo_archive_has_a_changed_article(db):
    assert db.execute("SELECT COUNT(*) FROM v_changed_articles").fetchone()[0] == 1
