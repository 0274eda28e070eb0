"""Which articles a question is about: the filters every analysts' command shares.

User input never becomes SQL: values are bound parameters, a site or province is checked
against the archive's own lists. Error policy: bad input (unknown site or province, a
malformed date) raises `QueryError` with a message for the user.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Any

import sqlite_utils

from ctd_crawler.extract.attribution import NATIONAL
from ctd_crawler.extract.text import fold

_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


class QueryError(ValueError):
    """Bad input to a query, with a message meant for the user."""


@dataclass(frozen=True)
class Filters:
    """Which articles a question is about. Dates are YYYY, YYYY-MM or YYYY-MM-DD, inclusive."""

    site: str | None = None
    since: str | None = None
    until: str | None = None
    province: str | None = None


def check_filters(db: sqlite_utils.Database, filters: Filters) -> Filters:
    """Validate the filters; the province comes back under its name as stored."""
    for name in ("since", "until"):
        value = getattr(filters, name)
        if value is not None and not _is_date(value):
            raise QueryError(f"--{name} {value!r}: expected a date as YYYY, YYYY-MM or YYYY-MM-DD")
    if filters.site is not None:
        sites = [r[0] for r in db.execute("SELECT id FROM sites ORDER BY id")]
        if filters.site not in sites:
            raise QueryError(f"unknown site {filters.site!r}; known sites: {', '.join(sites)}")
    province = resolve_province(db, filters.province) if filters.province else None
    return Filters(filters.site, filters.since, filters.until, province)


def _is_date(value: str) -> bool:
    """YYYY, YYYY-MM or YYYY-MM-DD naming a real year, month or day."""
    if not _DATE.match(value):
        return False
    try:
        date.fromisoformat((value + "-01-01")[:10] if len(value) < 10 else value)
    except ValueError:
        return False
    return True


def known_provinces(db: sqlite_utils.Database) -> list[str]:
    """Provinces of sites and places, and 'national' (articles about the whole country)."""
    rows = db.execute("SELECT province FROM sites UNION SELECT province FROM places "
                      "UNION SELECT province_2025 FROM places UNION SELECT province FROM articles").fetchall()
    return sorted({r[0] for r in rows if r[0]} | {NATIONAL})


def resolve_province(db: sqlite_utils.Database, name: str) -> str:
    """'bac giang', 'Bắc Giang' and 'tỉnh Bắc Giang' all give 'Bắc Giang'."""
    wanted = re.sub(r"^(tinh|thanh pho|tp\.?)\s+", "", fold(name).strip())
    known = known_provinces(db)
    for province in known:
        if fold(province) == wanted:
            return province
    raise QueryError(f"unknown province {name!r}; provinces in this archive: {', '.join(known)}")


def article_conditions(filters: Filters, *, province: str = "mentioned") -> tuple[list[str], list[Any]]:
    """SQL conditions on `articles a` joined with `sites s`, with their parameters.

    province="mentioned": the site's province, or any place of that province (old or
    2025 name) named in the article. province="attributed": the one province the
    article is counted under (v_article_province), so that totals add up.
    """
    where, params = period_conditions("a.published_at", filters)
    if filters.site:
        where.append("a.site = ?")
        params.append(filters.site)
    if filters.province and province == "mentioned":
        where.append("(s.province = ? OR EXISTS (SELECT 1 FROM place_mentions fpm JOIN places fpl "
                     "ON fpl.id = fpm.place_id WHERE fpm.article_id = a.id AND (fpl.province = ? "
                     "OR fpl.province_2025 = ?)))")
        params += [filters.province] * 3
    elif filters.province:
        where.append("a.id IN (SELECT article_id FROM v_article_province WHERE province = ?)")
        params.append(filters.province)
    return where, params


def period_conditions(column: str, filters: Filters) -> tuple[list[str], list[Any]]:
    """--since/--until on a date column (an --until of YYYY or YYYY-MM takes its whole period)."""
    where: list[str] = []
    params: list[Any] = []
    if filters.since:
        where.append(f"{column} >= ?")
        params.append(filters.since)
    if filters.until:
        where.append(f"substr({column}, 1, ?) <= ?")
        params += [len(filters.until), filters.until]
    return where, params


def story_conditions(filters: Filters) -> tuple[list[str], list[Any]]:
    """SQL conditions on `stories st`: a copy on the site; first published in the period;
    the story's province (its canonical copy's, extract/attribution.py)."""
    where, params = period_conditions("st.first_published", filters)
    if filters.site:
        where.append("EXISTS (SELECT 1 FROM articles sa WHERE sa.story_id = st.id AND sa.site = ?)")
        params.append(filters.site)
    if filters.province:
        where.append("st.province = ?")
        params.append(filters.province)
    return where, params


def where_clause(conditions: list[str]) -> str:
    return ("WHERE " + " AND ".join(conditions)) if conditions else ""


def dicts(cursor) -> list[dict[str, Any]]:
    columns = [d[0] for d in cursor.description]
    return [dict(zip(columns, row)) for row in cursor.fetchall()]
