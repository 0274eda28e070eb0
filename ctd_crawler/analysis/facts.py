"""The facts of the archive, counted: people, places, money (read only).

Counted per story by default: the copies of one event on several sites (the `stories`
table) count once, and a figure that several copies report is one figure. With
`per_article=True` every copy counts, as before stories existed. Either way an amount
given twice in one article (headline and body) is one figure (v_article_money).
"""

from __future__ import annotations

import re
from typing import Any

import sqlite_utils

from ctd_crawler.analysis.filters import (
    Filters,
    QueryError,
    article_conditions,
    check_filters,
    dicts,
    period_conditions,
    story_conditions,
    where_clause,
)
from ctd_crawler.extract.text import fold

PER_STORY_NOTE = "counted per story: copies of one story on several sites count once (--per-article: every copy)"
PER_ARTICLE_NOTE = "counted per article: every copy of a story counts (one figure per value within an article)"


def counting_note(per_article: bool) -> str:
    return PER_ARTICLE_NOTE if per_article else PER_STORY_NOTE


def people(db: sqlite_utils.Database, filters: Filters = Filters(), *, name: str | None = None,
           limit: int = 20, per_article: bool = False) -> list[dict[str, Any]]:
    """People by the stories (or, per article, the mentions) that name them, with their
    latest title and their first and last dates."""
    filters = check_filters(db, filters)
    where, params = article_conditions(filters)
    if name:
        where.append(r"substr(p.key, 1, instr(p.key, '|') - 1) LIKE ? ESCAPE '\'")
        params.append("%" + re.sub(r"([%_\\])", r"\\\1", fold(name).strip()) + "%")
    order = "mentions" if per_article else "stories"
    sql = ("SELECT p.id AS person_id, p.name, p.scope, COUNT(DISTINCT a.story_id) AS stories, COUNT(*) AS mentions, "
           "COUNT(DISTINCT pm.article_id) AS articles, MIN(substr(a.published_at, 1, 10)) AS first_date, "
           "MAX(substr(a.published_at, 1, 10)) AS last_date, "
           "(SELECT pm2.title FROM person_mentions pm2 JOIN articles a2 ON a2.id = pm2.article_id "
           " WHERE pm2.person_id = p.id AND pm2.title IS NOT NULL AND pm2.title <> '' "
           " ORDER BY a2.published_at DESC LIMIT 1) AS latest_title "
           "FROM person_mentions pm JOIN people p ON p.id = pm.person_id "
           "JOIN articles a ON a.id = pm.article_id LEFT JOIN sites s ON s.id = a.site "
           f"{where_clause(where)} GROUP BY p.id ORDER BY {order} DESC, p.name LIMIT ?")
    return dicts(db.execute(sql, [*params, limit]))


def person_titles(db: sqlite_utils.Database, person_id: int) -> list[dict[str, Any]]:
    """The titles one person was given, in the order they appear (v_people_titles)."""
    return dicts(db.execute("SELECT title, first_date, last_date, stories, mentions FROM v_people_titles "
                            "WHERE person_id = ? ORDER BY first_date, title", [person_id]))


def places(db: sqlite_utils.Database, filters: Filters = Filters(), *, level: str | None = None,
           limit: int = 50, per_article: bool = False) -> list[dict[str, Any]]:
    """Places by the stories (or mentions) that name them; --province keeps places in that
    province (old or 2025 name)."""
    filters = check_filters(db, filters)
    where, params = article_conditions(Filters(filters.site, filters.since, filters.until))
    if filters.province:
        where.append("(pl.province = ? OR pl.province_2025 = ?)")
        params += [filters.province] * 2
    if level:
        where.append("pl.level = ?")
        params.append(level)
    order = "mentions" if per_article else "stories"
    sql = ("SELECT pl.name, pl.level, pl.province, pl.province_2025, pl.code, pl.lat, pl.lon, "
           "COUNT(DISTINCT a.story_id) AS stories, COUNT(*) AS mentions, COUNT(DISTINCT pm.article_id) AS articles "
           "FROM place_mentions pm JOIN places pl ON pl.id = pm.place_id "
           "JOIN articles a ON a.id = pm.article_id LEFT JOIN sites s ON s.id = a.site "
           f"{where_clause(where)} GROUP BY pl.id ORDER BY {order} DESC, pl.name LIMIT ?")
    return dicts(db.execute(sql, [*params, limit]))


# Money rows per story (v_story_money: one figure per value in a story, told by its
# canonical copy `a`) or per article (v_article_money: one per value in an article).
_STORY_MONEY = ("FROM v_story_money m JOIN stories st ON st.id = m.story_id "
                "JOIN articles a ON a.id = st.canonical_article_id ")
_ARTICLE_MONEY = ("FROM v_article_money m JOIN articles a ON a.id = m.article_id LEFT JOIN sites s ON s.id = a.site "
                  "LEFT JOIN v_article_province ap ON ap.article_id = a.id ")
MONEY_GROUPS = {"month": ("substr(st.first_published, 1, 7)", "substr(a.published_at, 1, 7)"),
                "year": ("substr(st.first_published, 1, 4)", "substr(a.published_at, 1, 4)"),
                "province": ("st.province", "ap.province"), "site": ("a.site", "a.site")}
SUMMABLE = "m.currency = 'VND' AND m.per_unit = 0 AND m.amount_vnd IS NOT NULL"


def money(db: sqlite_utils.Database, filters: Filters = Filters(), *, limit: int = 20,
          by: str | None = None, per_article: bool = False) -> dict[str, Any]:
    """Money figures (latest first) and totals; --province is the attributed province.

    Per story (default): each figure once per story, dated by the story's first
    publication, under the story's province and its canonical copy's site; --site keeps
    the stories with a copy on that site. Per article: each figure once per article.
    The total adds amounts in đồng that are not per-unit values (see v_money_by_province_month).
    """
    if by is not None and by not in MONEY_GROUPS:
        raise QueryError(f"--by {by!r}: one of {', '.join(MONEY_GROUPS)}")
    filters = check_filters(db, filters)
    if per_article:
        where, params = article_conditions(filters, province="attributed")
        joins, unit, units = _ARTICLE_MONEY, "m.article_id", "articles"
        date, province, copies = "a.published_at", "ap.province", "1"
    else:
        where, params = story_conditions(filters)
        joins, unit, units = _STORY_MONEY, "m.story_id", "stories"
        date, province, copies = "st.first_published", "st.province", "m.copies"
    w = where_clause(where)
    rows = dicts(db.execute(
        f"SELECT substr({date}, 1, 10) AS date, a.site, {province} AS province, m.amount_vnd, m.currency, "
        f"m.amount, m.qualifier, m.per_unit, {copies} AS copies, m.text, a.title, a.url {joins} {w} "
        f"ORDER BY {date} DESC, m.money_id LIMIT ?", [*params, limit]))
    totals = dicts(db.execute(
        f"SELECT COUNT(*) AS figures, COUNT(DISTINCT {unit}) AS {units}, "
        f"SUM(CASE WHEN {SUMMABLE} THEN m.amount_vnd END) AS total_vnd, "
        f"SUM(m.per_unit = 1) AS per_unit_figures, SUM(m.currency <> 'VND') AS other_currency_figures "
        f"{joins} {w}", params))[0]
    groups = None
    if by:
        key = MONEY_GROUPS[by][per_article]
        groups = dicts(db.execute(
            f"SELECT {key} AS {by}, COUNT(DISTINCT {unit}) AS {units}, COUNT(*) AS figures, "
            f"SUM(CASE WHEN {SUMMABLE} THEN m.amount_vnd END) AS total_vnd {joins} {w} "
            f"GROUP BY 1 ORDER BY 1", params))
    return {"rows": rows, "totals": totals, "groups": groups, "counted": "articles" if per_article else "stories"}


def archive_stats(db: sqlite_utils.Database, *, runs: int = 10) -> dict[str, list[dict[str, Any]]]:
    """Articles per site (first and last publication day) and the latest crawl runs."""
    sites = dicts(db.execute(
        "SELECT s.id AS site, s.name, COUNT(a.id) AS articles, MIN(substr(a.published_at, 1, 10)) AS first_date, "
        "MAX(substr(a.published_at, 1, 10)) AS last_date FROM sites s LEFT JOIN articles a ON a.site = s.id "
        "GROUP BY s.id ORDER BY s.id"))
    crawl_runs = dicts(db.execute(
        "SELECT id AS run, started_at, finished_at, status, pages_fetched, articles_new, articles_updated, "
        "articles_unchanged, errors FROM crawl_runs ORDER BY id DESC LIMIT ?", [runs]))
    return {"sites": sites, "runs": crawl_runs}


CHANGED_FIELDS = ("title", "published_at", "body_text")


def changes(db: sqlite_utils.Database, filters: Filters = Filters()) -> list[dict[str, Any]]:
    """Each change of an article between crawls, newest first, with the fields that changed:
    every kept version against the one that replaced it (the next version, or the article as
    it is now). --since/--until apply to when it changed, not to its publication."""
    filters = check_filters(db, Filters(filters.site, filters.since, filters.until))
    where, params = period_conditions("v.replaced_at", filters)
    if filters.site:
        where.append("a.site = ?")
        params.append(filters.site)
    rows = db.execute(
        "SELECT v.article_id, v.replaced_at, v.title, v.published_at, v.body_text, a.url, a.site, a.title, "
        "a.published_at, a.body_text, (SELECT n.title || char(0) || COALESCE(n.published_at, '') || char(0) || "
        "n.body_text FROM article_versions n WHERE n.article_id = v.article_id AND n.id > v.id ORDER BY n.id "
        f"LIMIT 1) FROM article_versions v JOIN articles a ON a.id = v.article_id {where_clause(where)} "
        "ORDER BY v.replaced_at DESC, v.id DESC", params).fetchall()
    out = []
    for _, changed_at, *old, url, site, title, published_at, body, following in rows:
        new = following.split("\0") if following is not None else [title, published_at or "", body]
        old = [old[0], old[1] or "", old[2]]
        out.append({"changed_at": changed_at, "url": url, "site": site, "title": title,
                    "fields": [name for name, a, b in zip(CHANGED_FIELDS, old, new) if a != b]})
    return out
