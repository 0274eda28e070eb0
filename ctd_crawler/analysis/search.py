"""Full-text search of titles and bodies, diacritics and case ignored.

A search string is folded and split into words that are each quoted as an FTS5 phrase,
so quotes, `*`, `NEAR`, `--` or `'; DROP TABLE` are searched for as words (or dropped as
punctuation), never run.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

import sqlite_utils

from ctd_crawler.analysis.filters import Filters, QueryError, article_conditions, check_filters, dicts
from ctd_crawler.extract.text import fold, fold_aligned

MAX_WORDS = 32
CANDIDATES = 1000  # search ranks the newest this many matches (all of them in most searches)
_WORD = re.compile(r"[^\W_]+")


def search_words(text: str) -> list[str]:
    """The folded words of a search string: what the `folded` FTS column holds."""
    words = _WORD.findall(fold(text))
    if not words:
        raise QueryError(f"nothing to search for in {text!r}: give at least one word")
    return words[:MAX_WORDS]


def fts_expression(text: str) -> str:
    """An FTS5 query on the `folded` column: every word as a quoted phrase, all required.

    The words hold letters and digits only, so the quoting needs no escaping.
    """
    return "folded : (" + " ".join(f'"{w}"' for w in search_words(text)) + ")"


def search(db: sqlite_utils.Database, text: str, filters: Filters = Filters(), *,
           limit: int = 20) -> list[dict[str, Any]]:
    """Articles matching every word of `text`, diacritics and case ignored, best first
    (bm25) among the newest CANDIDATES matches."""
    filters = check_filters(db, filters)
    words = search_words(text)
    where, params = article_conditions(filters)
    # bm25 over every match of a common word costs ~1 s on a million articles, so rank
    # only the newest CANDIDATES matches: FTS5 walks them in rowid order and stops.
    # Without filters the candidates need no join (bm25 dominates the time either way).
    joins = (" JOIN articles a ON a.id = articles_fts.rowid LEFT JOIN sites s ON s.id = a.site"
             if where else "")
    sql = ("SELECT a.id, a.url, a.site, a.title, a.published_at, a.body_text FROM ("
           f" SELECT articles_fts.rowid AS id, articles_fts.rank AS score FROM articles_fts{joins}"
           f" WHERE articles_fts MATCH ? {''.join(' AND ' + w for w in where)}"
           " ORDER BY articles_fts.rowid DESC LIMIT ?) hit JOIN articles a ON a.id = hit.id "
           "ORDER BY hit.score, a.id DESC LIMIT ?")
    rows = dicts(db.execute(sql, [fts_expression(text), *params, CANDIDATES, limit]))
    for row in rows:
        row["snippet"] = snippet(row.pop("body_text") or "", words)
    return rows


def snippet(text: str, words: Iterable[str], *, width: int = 180, mark: tuple[str, str] = ("[", "]")) -> str:
    """A window of `text` around the first hit, hits marked, diacritics kept as written."""
    folded = fold_aligned(text)
    pattern = re.compile(r"(?<![^\W_])(" + "|".join(re.escape(w) for w in words) + r")(?![^\W_])")
    spans = [m.span() for m in pattern.finditer(folded)]
    first = spans[0][0] if spans else 0
    start = max(0, first - width // 3)
    if start:
        start = text.find(" ", start) + 1 or start  # do not cut a word in two
    end = min(len(text), start + width)
    if end < len(text):
        end = text.rfind(" ", start, end) if text.rfind(" ", start, end) > start else end
    out, cursor = [], start
    for s, e in spans:
        if s >= cursor and e <= end:
            out += [text[cursor:s], mark[0], text[s:e], mark[1]]
            cursor = e
    out.append(text[cursor:end])
    body = "".join(out).replace("\n\n", " ¶ ").replace("\n", " ")
    return ("…" if start else "") + body + ("…" if end < len(text) else "")
