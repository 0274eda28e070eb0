"""The archive's documentation (ctd_crawler/analysis/archive.md) stays true: every worked
query runs on a fresh demo archive and prints exactly the output shown; every table, view
and column of the archive is documented.

After a change to the extractors or the crawl, refresh the outputs and read the diff:

    CTD_UPDATE_DOCS=1 pytest tests/analysis/test_archive_docs.py
"""

from __future__ import annotations

import os
import sqlite3

import pytest

from ctd_crawler.analysis.docs import query_output, refresh_outputs, table_docs, worked_queries

QUERIES = worked_queries()




@pytest.fixture(scope="module")
def db(readme_archive):
    conn = sqlite3.connect(f"file:{readme_archive}?mode=ro", uri=True)
    if os.environ.get("CTD_UPDATE_DOCS"):
        print(f"{refresh_outputs(conn)} outputs refreshed in archive.md")
    yield conn
    conn.close()


def test_the_readme_has_at_least_twelve_worked_queries_with_outputs():
    assert len(QUERIES) >= 12
    assert all(q.output.count("\n") >= 1 for q in QUERIES), "every query shows at least one row"


@pytest.mark.parametrize("query", QUERIES, ids=[q.title for q in QUERIES])
def test_worked_query_prints_the_output_shown(db, query):
    got = query_output(db, query.sql)
    assert got == query.output, "refresh with: CTD_UPDATE_DOCS=1 pytest tests/analysis/test_archive_docs.py"


def test_every_table_view_and_column_is_documented(db):
    docs = table_docs()
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
