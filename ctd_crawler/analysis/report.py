"""`ctd-archive report`: one self-contained HTML file of charts, drawn as inline SVG here.

No scripts from a CDN, no web fonts, no map tiles: the file opens offline. The map
puts each place with gazetteer coordinates on a longitude/latitude grid of Vietnam.
Numbers are shown Vietnamese style (1.234.567 đồng) and also kept in data-* attributes.
"""

from __future__ import annotations

import math
from html import escape
from typing import Any

import sqlite_utils

from ctd_crawler.analysis.facts import counting_note, money, people
from ctd_crawler.analysis.filters import (
    Filters,
    article_conditions,
    check_filters,
    dicts,
    story_conditions,
    where_clause,
)

# Vietnam's bounding box, degrees: the map's frame.
LON = (102.0, 110.0)
LAT = (8.0, 23.6)


def report_data(db: sqlite_utils.Database, filters: Filters = Filters(), *, top: int = 15,
                per_article: bool = False) -> dict[str, Any]:
    """The figures of `ctd-archive report`: per month, per province, top people, places on a
    map; counted per story (facts.py) unless `per_article`."""
    filters = check_filters(db, filters)
    period = Filters(None, filters.since, filters.until)
    where, params = article_conditions(period)
    w = where_clause(where)
    base = "FROM articles a LEFT JOIN sites s ON s.id = a.site"
    counted = "mentions" if per_article else "stories"

    def q(sql: str, args: list[Any] = params) -> list[dict[str, Any]]:
        return dicts(db.execute(sql, args))

    if per_article:
        per_month = q(f"SELECT substr(a.published_at, 1, 7) AS month, COUNT(*) AS n {base} {w} GROUP BY 1 ORDER BY 1")
    else:
        story_where, story_params = story_conditions(period)
        per_month = q(f"SELECT substr(st.first_published, 1, 7) AS month, COUNT(*) AS n FROM stories st "
                      f"{where_clause(story_where)} GROUP BY 1 ORDER BY 1", story_params)
    by_month = money(db, period, limit=0, by="month", per_article=per_article)
    by_province = money(db, period, limit=0, by="province", per_article=per_article)
    places_count = "COUNT(*)" if per_article else "COUNT(DISTINCT a.story_id)"
    return {
        "filters": {"since": filters.since, "until": filters.until},
        "per_article": per_article, "counted": counted, "note": counting_note(per_article),
        "totals": q(f"SELECT COUNT(*) AS articles, COUNT(DISTINCT a.story_id) AS stories, "
                    f"COUNT(DISTINCT a.site) AS sites, MIN(substr(a.published_at, 1, 10)) AS first_date, "
                    f"MAX(substr(a.published_at, 1, 10)) AS last_date {base} {w}")[0]
        | {"money_vnd": by_month["totals"]["total_vnd"] or 0, "money_figures": by_month["totals"]["figures"]},
        "per_month": per_month,
        "money_per_month": [r for r in by_month["groups"] if r["total_vnd"] is not None],
        "money_per_province": sorted(({"province": r["province"] or "(unknown)", "total_vnd": r["total_vnd"],
                                       by_province["counted"]: r[by_province["counted"]]}
                                      for r in by_province["groups"] if r["total_vnd"] is not None),
                                     key=lambda r: (-r["total_vnd"], r["province"])),
        "top_people": people(db, period, limit=top, per_article=per_article),
        "places": q(f"SELECT pl.name, pl.level, pl.province, pl.lat, pl.lon, {places_count} AS n "
                    f"FROM place_mentions pm JOIN places pl ON pl.id = pm.place_id "
                    f"JOIN articles a ON a.id = pm.article_id LEFT JOIN sites s ON s.id = a.site "
                    f"{w} {'AND' if w else 'WHERE'} pl.lat IS NOT NULL AND pl.lon IS NOT NULL "
                    f"GROUP BY pl.id ORDER BY n DESC, pl.name"),
    }


def fmt_int(n: float | None) -> str:
    return "0" if not n else f"{int(n):,}".replace(",", ".")


def fmt_vnd(n: float | None) -> str:
    """Short form for axes and labels: 1,2 tỷ / 350 triệu / 500.000 đ."""
    n = n or 0
    for size, unit in ((1e9, "tỷ"), (1e6, "triệu")):
        if abs(n) >= size:
            return f"{n / size:,.1f}".replace(",", " ").replace(".", ",").replace(" ", ".") + f" {unit}"
    return f"{fmt_int(n)} đ"


def fill_months(series: list[tuple[str, float]]) -> list[tuple[str, float]]:
    """Every month from the first to the last, 0 where nothing was published: a true time axis."""
    known = {m: v for m, v in series if m and len(m) == 7}
    if not known:
        return series
    (year, month), last = map(int, min(known).split("-")), max(known)
    out = []
    while (label := f"{year:04d}-{month:02d}") <= last:
        out.append((label, known.get(label, 0)))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return out


def _title(text: str) -> str:
    return f"<title>{escape(text)}</title>"


def column_chart(series: list[tuple[str, float]], *, label, width: int = 900, height: int = 240,
                 color: str = "#c8102e") -> str:
    """Vertical bars, one per (label, value), e.g. per month."""
    if not series:
        return "<p class='empty'>No data in this period.</p>"
    top = max(v for _, v in series) or 1
    left, plot_h = 70, height - 60
    step = (width - left - 10) / len(series)
    every = max(1, math.ceil(len(series) / 12))
    parts = [f"<svg role='img' viewBox='0 0 {width} {height}' width='100%'>",
             f"<line x1='{left}' y1='{10 + plot_h}' x2='{width - 10}' y2='{10 + plot_h}' stroke='#999'/>",
             f"<text x='{left - 6}' y='16' text-anchor='end' class='axis'>{escape(label(top))}</text>",
             f"<text x='{left - 6}' y='{10 + plot_h}' text-anchor='end' class='axis'>0</text>"]
    for i, (name, value) in enumerate(series):
        h = plot_h * value / top
        x = left + i * step
        parts.append(f"<rect x='{x + 1:.1f}' y='{10 + plot_h - h:.1f}' width='{max(step - 2, 1):.1f}' "
                     f"height='{h:.1f}' fill='{color}'>{_title(f'{name}: {label(value)}')}</rect>")
        if i % every == 0:
            parts.append(f"<text x='{x + step / 2:.1f}' y='{height - 14}' text-anchor='middle' "
                         f"class='axis'>{escape(name)}</text>")
    parts.append("</svg>")
    return "".join(parts)


def bar_chart(series: list[tuple[str, float]], *, label, width: int = 900, color: str = "#c8102e") -> str:
    """Horizontal bars with their names and values, largest first as given."""
    if not series:
        return "<p class='empty'>No data in this period.</p>"
    top = max(v for _, v in series) or 1
    row, name_w, value_w = 22, 260, 130
    height = row * len(series) + 10
    parts = [f"<svg role='img' viewBox='0 0 {width} {height}' width='100%'>"]
    for i, (name, value) in enumerate(series):
        y = 5 + i * row
        w = (width - name_w - value_w) * value / top
        parts.append(f"<text x='{name_w - 8}' y='{y + 15}' text-anchor='end'>{escape(name)}</text>"
                     f"<rect x='{name_w}' y='{y + 3}' width='{max(w, 1):.1f}' height='{row - 6}' fill='{color}'>"
                     f"{_title(f'{name}: {label(value)}')}</rect>"
                     f"<text x='{name_w + w + 6:.1f}' y='{y + 15}' class='value'>{escape(label(value))}</text>")
    parts.append("</svg>")
    return "".join(parts)


def place_map(places: list[dict[str, Any]], *, unit: str = "mentions", width: int = 460, height: int = 820) -> str:
    """Places as points on a 1° grid over Vietnam's bounding box (no tiles, no outline data)."""
    pad = 36

    def xy(lon: float, lat: float) -> tuple[float, float]:
        x = pad + (lon - LON[0]) / (LON[1] - LON[0]) * (width - 2 * pad)
        y = pad + (LAT[1] - lat) / (LAT[1] - LAT[0]) * (height - 2 * pad)
        return x, y

    parts = [f"<svg role='img' viewBox='0 0 {width} {height}' width='{width}' class='map'>",
             f"<rect x='{pad}' y='{pad}' width='{width - 2 * pad}' height='{height - 2 * pad}' fill='#eef4f8'/>"]
    for lon in range(int(LON[0]), int(LON[1]) + 1):
        x, _ = xy(lon, LAT[0])
        parts.append(f"<line x1='{x:.1f}' y1='{pad}' x2='{x:.1f}' y2='{height - pad}' stroke='#cdd9e2'/>"
                     f"<text x='{x:.1f}' y='{height - pad + 14}' text-anchor='middle' class='axis'>{lon}°E</text>")
    for lat in range(int(LAT[0]), int(LAT[1]) + 1):
        _, y = xy(LON[0], lat)
        parts.append(f"<line x1='{pad}' y1='{y:.1f}' x2='{width - pad}' y2='{y:.1f}' stroke='#cdd9e2'/>"
                     f"<text x='{pad - 4}' y='{y + 4:.1f}' text-anchor='end' class='axis'>{lat}°N</text>")
    shown = [p for p in places if LON[0] <= p["lon"] <= LON[1] and LAT[0] <= p["lat"] <= LAT[1]]
    for p in sorted(shown, key=lambda p: -p["n"]):  # small points drawn last, on top
        x, y = xy(p["lon"], p["lat"])
        r = 2.5 + 1.5 * math.sqrt(p["n"])
        where = f", {p['province']}" if p.get("province") and p["province"] != p["name"] else ""
        tip = _title(f"{p['name']} ({p['level']}{where}): {p['n']} {unit}")
        parts.append(f"<circle cx='{x:.1f}' cy='{y:.1f}' r='{r:.1f}' class='place {escape(p['level'])}'>"
                     f"{tip}</circle>")
        if p["level"] == "province":
            parts.append(f"<text x='{x + r + 2:.1f}' y='{y + 4:.1f}' class='label'>{escape(p['name'])}</text>")
    parts.append("</svg>")
    return "".join(parts)


CSS = """
body { font-family: system-ui, sans-serif; margin: 2em auto; max-width: 960px; color: #222; }
h1 { color: #c8102e; } h2 { border-bottom: 1px solid #ddd; padding-bottom: .2em; margin-top: 2em; }
.totals { display: flex; gap: 1.5em; flex-wrap: wrap; } .totals div { background: #f6f6f6; padding: .6em 1em; }
.totals b { display: block; font-size: 1.4em; }
svg text { font-size: 12px; fill: #333; } svg .axis { font-size: 10px; fill: #666; } svg .value { fill: #555; }
.map .place { fill: #c8102e; fill-opacity: .55; stroke: #7a0a1c; } .map .province { fill: #1f5f99; }
.map .label { font-size: 10px; } table { border-collapse: collapse; } td, th { padding: .2em .6em; text-align: left; }
tr:nth-child(even) { background: #f6f6f6; } .empty { color: #888; } footer { margin-top: 3em; color: #888; }
"""


def render_report(data: dict[str, Any], *, archive: str) -> str:
    t = data["totals"]
    period = " – ".join(x for x in (data["filters"]["since"], data["filters"]["until"]) if x) or "all dates"
    counted = data["counted"]  # 'stories' or 'mentions'
    units = "articles" if data["per_article"] else "stories"
    people_rows = "".join(
        f"<tr><td>{escape(p['name'])}</td><td>{escape(p['latest_title'] or '')}</td><td>{escape(p['scope'] or '')}"
        f"</td><td data-value='{p[counted]}'>{p[counted]}</td><td>{p['first_date'] or ''} – "
        f"{p['last_date'] or ''}</td></tr>" for p in data["top_people"])
    body = f"""
<h1>Hội Chữ thập đỏ news archive</h1>
<p>{escape(archive)} · published {escape(period)} ({t['first_date'] or '–'} to {t['last_date'] or '–'})</p>
<p id="counting">{escape(data['note'][:1].upper() + data['note'][1:])}.</p>
<div class="totals">
  <div id="total-articles" data-value="{t['articles']}"><b>{fmt_int(t['articles'])}</b>articles</div>
  <div id="total-stories" data-value="{t['stories']}"><b>{fmt_int(t['stories'])}</b>stories</div>
  <div id="total-sites" data-value="{t['sites']}"><b>{t['sites']}</b>sites</div>
  <div id="total-money" data-value="{t['money_vnd']}"><b>{fmt_int(t['money_vnd'])} đồng</b>money reported
    ({t['money_figures']} figures; per-unit prices and other currencies left out)</div>
  <div><b id="chart-count">–</b>charts</div>
</div>
<h2>{units.capitalize()} per month</h2>
{column_chart(fill_months([(r['month'], r['n']) for r in data['per_month']]), label=fmt_int)}
<h2>Money per month</h2>
{column_chart(fill_months([(r['month'], r['total_vnd']) for r in data['money_per_month']]), label=fmt_vnd,
              color='#1f5f99')}
<h2>Money per province</h2>
<p>Each {units[:-1] if units == 'articles' else 'story'} counts under one province: a chapter's site's; for national
sites the province of the first place named, or "national" for an article about the whole country (a story takes
its chapter's copy's, else its earliest copy's).</p>
{bar_chart([(r['province'], r['total_vnd']) for r in data['money_per_province']], label=fmt_vnd, color='#1f5f99')}
<h2>Top people</h2>
{bar_chart([(p['name'], p[counted]) for p in data['top_people']], label=fmt_int)}
<table><tr><th>Name</th><th>Latest title</th><th>Scope</th><th>{counted.capitalize()}</th><th>Dates</th></tr>{people_rows}
</table>
<h2>Places</h2>
<p>{len(data['places'])} places with gazetteer coordinates; blue: provinces, red: districts and communes;
the size grows with {counted} (hover for names).</p>
{place_map(data['places'], unit=counted)}
<footer>Made by ctd-archive report; works offline (no scripts or tiles from the network).</footer>
"""
    # The one script: shows that the page ran in the browser, and counts the charts drawn.
    script = "document.getElementById('chart-count').textContent = document.querySelectorAll('svg').length;"
    return (f"<!DOCTYPE html>\n<html lang='vi'><head><meta charset='utf-8'><title>CTĐ archive report</title>"
            f"<meta name='viewport' content='width=device-width, initial-scale=1'><style>{CSS}</style></head>"
            f"<body>{body}<script>{script}</script></body></html>\n")
