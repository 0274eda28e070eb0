"""Schema migrations. The schema changes only here: append a migration, never edit one.

`migrate(db)` applies what is missing, each migration in its own transaction, and
records it in `schema_migrations`; an archive from an older version is brought up to
date on open, and no migration drops rows.
"""

from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path

import sqlite_utils

SCHEMA_V1 = """
CREATE TABLE sites (
    id TEXT PRIMARY KEY, name TEXT NOT NULL, province TEXT, base_url TEXT NOT NULL,
    family TEXT NOT NULL, lang TEXT
);
CREATE TABLE articles (
    id INTEGER PRIMARY KEY,
    url TEXT NOT NULL UNIQUE,            -- canonical URL of the real site
    site TEXT REFERENCES sites(id),
    title TEXT,
    published_at TEXT,                   -- ISO 8601: a date, or date-time at +07:00
    published_text TEXT,                 -- the text the date was read from
    author TEXT,
    lang TEXT,
    body_text TEXT NOT NULL DEFAULT '',  -- paragraphs separated by a blank line
    content_hash TEXT NOT NULL,          -- sha256 of normalised title + body
    layout TEXT,
    problems TEXT,                       -- JSON list: what could not be extracted
    first_seen TEXT NOT NULL,
    last_seen TEXT NOT NULL,
    changed_at TEXT                      -- when the content last changed (NULL: never)
);
CREATE INDEX idx_articles_site_published ON articles(site, published_at);
CREATE TABLE article_versions (
    id INTEGER PRIMARY KEY, article_id INTEGER NOT NULL REFERENCES articles(id),
    title TEXT, body_text TEXT, content_hash TEXT, published_at TEXT,
    first_seen TEXT, replaced_at TEXT NOT NULL
);
CREATE TABLE pages (
    url TEXT PRIMARY KEY,                -- canonical URL
    article_id INTEGER REFERENCES articles(id),
    fetched_at TEXT NOT NULL, status INTEGER, content_type TEXT, encoding TEXT,
    etag TEXT, last_modified TEXT,
    raw_sha256 TEXT, raw_size INTEGER,
    raw BLOB                             -- the bytes as served, zlib-compressed
);
CREATE TABLE people (
    id INTEGER PRIMARY KEY,
    key TEXT NOT NULL UNIQUE,            -- folded name | scope (see store/archive.py)
    name TEXT NOT NULL,
    scope TEXT                           -- 'national', a province, or NULL when unknown
);
CREATE TABLE person_mentions (
    id INTEGER PRIMARY KEY,
    article_id INTEGER NOT NULL REFERENCES articles(id),
    person_id INTEGER NOT NULL REFERENCES people(id),
    name TEXT, honorific TEXT, prefix TEXT, title TEXT, title_expanded TEXT, organisation TEXT, text TEXT
);
CREATE INDEX idx_person_mentions_article ON person_mentions(article_id);
CREATE INDEX idx_person_mentions_person ON person_mentions(person_id);
CREATE TABLE places (
    id INTEGER PRIMARY KEY,
    key TEXT NOT NULL UNIQUE,            -- official code, else folded level|name|province
    name TEXT NOT NULL, level TEXT NOT NULL, code TEXT,
    province TEXT, district TEXT, commune TEXT, province_2025 TEXT, commune_2025 TEXT,
    lat REAL, lon REAL
);
CREATE TABLE place_mentions (
    id INTEGER PRIMARY KEY,
    article_id INTEGER NOT NULL REFERENCES articles(id),
    place_id INTEGER NOT NULL REFERENCES places(id),
    text TEXT, resolved INTEGER
);
CREATE INDEX idx_place_mentions_article ON place_mentions(article_id);
CREATE INDEX idx_place_mentions_place ON place_mentions(place_id);
CREATE TABLE money (
    id INTEGER PRIMARY KEY,
    article_id INTEGER NOT NULL REFERENCES articles(id),
    amount_vnd INTEGER, amount_vnd_max INTEGER,   -- integer đồng
    currency TEXT, amount REAL, qualifier TEXT, per_unit INTEGER, per TEXT, context TEXT, text TEXT
);
CREATE INDEX idx_money_article ON money(article_id);
CREATE TABLE counts (
    id INTEGER PRIMARY KEY,
    article_id INTEGER NOT NULL REFERENCES articles(id),
    value INTEGER, unit TEXT, qualifier TEXT, text TEXT
);
CREATE INDEX idx_counts_article ON counts(article_id);
CREATE TABLE event_dates (
    id INTEGER PRIMARY KEY,
    article_id INTEGER NOT NULL REFERENCES articles(id),
    start TEXT, "end" TEXT, precision TEXT, text TEXT, flag TEXT
);
CREATE INDEX idx_event_dates_article ON event_dates(article_id);
CREATE TABLE crawl_runs (
    id INTEGER PRIMARY KEY,
    started_at TEXT NOT NULL, finished_at TEXT,
    sites TEXT,                          -- comma-separated site ids
    status TEXT,                         -- running | finished | failed | interrupted
    finish_reason TEXT,
    pages_fetched INTEGER DEFAULT 0, articles_new INTEGER DEFAULT 0,
    articles_updated INTEGER DEFAULT 0, articles_unchanged INTEGER DEFAULT 0,
    errors INTEGER DEFAULT 0,
    stats TEXT                           -- JSON of the ctd/* and error stats
);
-- Full-text search. title/body: as written (unicode61 folds case and most diacritics);
-- folded: title + body with đ -> d too, which unicode61 leaves alone. So "chu thap do",
-- "Chữ thập đỏ" and "CHỮ THẬP ĐỎ" all match: the first in `folded`, the others in body.
CREATE VIRTUAL TABLE articles_fts USING fts5(
    title, body, folded, tokenize = 'unicode61 remove_diacritics 2'
);
"""

# Incremental crawls (ctd_crawler/crawl/spider.py) and end-of-run checks (ctd_crawler/crawl/monitor.py).
SCHEMA_V3 = """
-- Listing pages, sitemaps and feeds: validators for conditional requests and when they
-- were last read. Used only for sites whose last crawl was complete (sites.complete_at).
CREATE TABLE entry_pages (
    url TEXT PRIMARY KEY,                -- canonical URL
    site TEXT, kind TEXT,                -- listing | sitemap | feed
    etag TEXT, last_modified TEXT,
    checked_at TEXT NOT NULL             -- last read (200) or confirmed unchanged (304)
);
CREATE INDEX idx_entry_pages_site ON entry_pages(site);
-- When the site's last crawl went through without being killed or hitting transient errors;
-- NULL while a crawl of it runs: the next run then re-reads everything (see README, Resume).
ALTER TABLE sites ADD COLUMN complete_at TEXT;
ALTER TABLE crawl_runs ADD COLUMN checks TEXT;   -- JSON list of failed end-of-run checks
ALTER TABLE crawl_runs ADD COLUMN pid INTEGER;   -- the crawling process, to spot killed runs
"""

# The article's province as the entities pipeline decided it (extract/attribution.py): one
# rule in one place, which the views read instead of deriving their own. Existing rows get
# the value the old view computed (the same rule, in SQL).
SCHEMA_V4 = """
ALTER TABLE articles ADD COLUMN province TEXT;
UPDATE articles SET province = COALESCE(
    (SELECT s.province FROM sites s WHERE s.id = articles.site),
    (SELECT pl.province FROM place_mentions pm JOIN places pl ON pl.id = pm.place_id
     WHERE pm.article_id = articles.id AND pm.resolved = 1 AND pl.province IS NOT NULL
     ORDER BY pm.id LIMIT 1));
DROP VIEW v_article_province;
CREATE VIEW v_article_province AS
SELECT a.id AS article_id, a.province,
       CASE WHEN s.province IS NOT NULL THEN 'site' WHEN a.province IS NOT NULL THEN 'places' END
           AS province_source
FROM articles a LEFT JOIN sites s ON s.id = a.site;
"""

# Pages from web archives (ctd_crawler/webarchive/): each capture fetched from the Wayback
# Machine or Common Crawl, or read from a WARC file, once; what became of it; and which
# capture the stored page and an older version came from. A live crawl's rows stay NULL.
SCHEMA_V5 = """
CREATE TABLE captures (
    id INTEGER PRIMARY KEY,
    source TEXT NOT NULL,                -- wayback | commoncrawl | warc
    key TEXT NOT NULL UNIQUE,            -- the capture's identity in its source (what is never fetched twice)
    url TEXT NOT NULL,                   -- canonical URL
    original_url TEXT NOT NULL,          -- the URL as the archive recorded it
    captured_at TEXT NOT NULL,           -- when the archive captured it (+07:00)
    digest TEXT,                         -- payload digest the index gave (base32 sha1), if any
    locator TEXT,                        -- where the bytes were read: replay URL, or WARC file + byte range
    size INTEGER,                        -- bytes read for it
    fetched_at TEXT NOT NULL,            -- when we read it (+07:00)
    outcome TEXT NOT NULL,               -- new | updated | unchanged | version, or why it was not archived
    article_id INTEGER REFERENCES articles(id)
);
CREATE INDEX idx_captures_url ON captures(url, digest);
ALTER TABLE pages ADD COLUMN capture_id INTEGER REFERENCES captures(id);
ALTER TABLE article_versions ADD COLUMN capture_id INTEGER REFERENCES captures(id);
-- crawl | backfill | import: end-of-run checks compare a crawl with earlier crawls only
ALTER TABLE crawl_runs ADD COLUMN kind TEXT NOT NULL DEFAULT 'crawl';
"""

# What crawls learnt of each site's URLs (crawl/routing.py): a URL shape, or the exact URL of
# a page of no kind, and how many of its pages were articles, listings or neither; so that a
# later run routes links without fetching them.
SCHEMA_V6 = """
CREATE TABLE url_kinds (
    site TEXT NOT NULL REFERENCES sites(id),
    pattern TEXT NOT NULL,               -- a shape (/news/{slug}-{n}.html) or an exact URL
    kind TEXT NOT NULL,                  -- article | listing | other
    pages INTEGER NOT NULL,
    PRIMARY KEY (site, pattern, kind)
);
-- the writer asks it of every new URL: the same article under another address is no new article
CREATE INDEX idx_articles_content ON articles(site, content_hash);
-- the date a page claims, kept apart from published_at: many articles of a site claiming one
-- minute is a CMS's migration stamp, not their date (pipelines/dates.py)
ALTER TABLE articles ADD COLUMN page_date TEXT;
ALTER TABLE pages ADD COLUMN listed_at TEXT;
"""

# (version, name, SQL script). Append only.
MIGRATIONS: list[tuple[int, str, str]] = [
    (1, "initial schema", SCHEMA_V1),
    # the analysts' views (archive/README.md); the SQL lives in store/views.sql
    (2, "views", (Path(__file__).parent / "views.sql").read_text("utf-8")),
    (3, "incremental crawls and run checks", SCHEMA_V3),
    (4, "articles.province", SCHEMA_V4),
    (5, "web archive captures", SCHEMA_V5),
    (6, "learnt URL kinds, articles by content, migration stamps", SCHEMA_V6),
    # stories, their keys and links, and the views that count per story (SQL in store/stories.sql)
    (7, "stories", (Path(__file__).parent / "stories.sql").read_text("utf-8")),
]
LATEST = MIGRATIONS[-1][0]


def current_version(db: sqlite_utils.Database) -> int:
    if "schema_migrations" not in db.table_names():
        return 0
    return db.execute("SELECT COALESCE(MAX(version), 0) FROM schema_migrations").fetchone()[0]


def migrate(db: sqlite_utils.Database) -> list[str]:
    """Apply the missing migrations; returns their names."""
    db.execute("CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, "
               "name TEXT, applied_at TEXT)")
    done = current_version(db)
    applied = []
    for version, name, script in MIGRATIONS:
        if version <= done:
            continue
        stamp = datetime.now(timezone.utc).isoformat(timespec="seconds")
        record = f"INSERT INTO schema_migrations VALUES ({version}, '{name}', '{stamp}');"
        try:  # one transaction per migration: all of it or nothing
            db.conn.executescript(f"BEGIN IMMEDIATE;\n{script}\n{record}\nCOMMIT;")
        except Exception:
            if db.conn.in_transaction:
                db.conn.execute("ROLLBACK")
            raise
        applied.append(f"{version}: {name}")
    return applied
