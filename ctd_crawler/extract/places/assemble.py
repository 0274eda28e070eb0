"""From resolved mentions to Place records: one per distinct place, in order of first
mention, `text` = first span; villages placed; province names as on the article's date.

A district or commune named by a former name (merged into another unit before 2025: "huyện
Hoành Bồ", "xã Hoàn Trạch") is that former unit, as the article names it: its name as
written, code None, resolved, and the province, district, 2025 units and coordinates of the
unit it merged into. (Mapping it to that unit would merge two places of one article:
"xã Hoàn Trạch ... xã Hoàn Lão".)
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from ctd_crawler.extract.places.finder import Mention
from ctd_crawler.extract.places.gazetteer import name_key
from ctd_crawler.extract.places.lexicon import renamed


@dataclass(frozen=True, slots=True)
class Place:
    name: str
    level: str
    province: str | None
    district: str | None
    commune: str | None
    code: str | None
    province_2025: str | None
    commune_2025: str | None
    lat: float | None
    lon: float | None
    text: str
    resolved: bool


def place(m: Mention) -> Place:
    if m.fixed is not None:
        return Place(m.fixed, m.level, None, None, None, None, None, None, None, None, m.text, True)
    if len(m.cands) == 1 and m.former:
        # a former unit, merged since: its own name, no code (the dataset has none), the
        # hierarchy and coordinates of the unit it merged into
        u = m.cands[0]
        district = m.name if m.level == "district" else u.district
        commune, c2025 = (m.name, u.commune_2025) if m.level == "commune" else (None, None)
        return Place(m.name, m.level, u.province, district, commune, None, u.province_2025, c2025,
                     u.lat, u.lon, m.text, True)
    if len(m.cands) == 1:
        u = m.cands[0]
        return Place(u.name, m.level, u.province, u.district, u.name if u.level == "commune" else None,
                     u.code, u.province_2025, u.commune_2025, u.lat, u.lon, m.text, True)
    # Unresolved: keep what the written hierarchy (or all candidates agreeing) tells.
    ctx = {h.level: h.cands[0] for h in m.chain if len(h.cands) == 1}
    province = district = commune = p2025 = c2025 = None
    if m.cands and len({u.province for u in m.cands}) == 1:
        province, p2025 = m.cands[0].province, m.cands[0].province_2025
    for lv in ("province", "district", "commune"):
        u = ctx.get(lv)
        if u is not None:
            province, p2025 = u.province, u.province_2025
            district = u.district or district
            if lv == "commune":
                commune, c2025 = u.name, u.commune_2025
    if m.level == "village":
        written = next((h for h in m.chain if h.level == "commune"), None)
        commune = commune or (written.name if written else None)
        resolved = bool(ctx)
        return Place(m.name, m.level, province, district, commune, None, p2025, c2025, None, None, m.text, resolved)
    return Place(m.name, m.level, province, district, None, None, p2025, None, None, None, m.text, False)


def attach_villages(places: list[Place]) -> list[Place]:
    """Villages written without the commune around them ("thôn Nà Pán, cho biết ...").

    1. The same village named elsewhere in the article with its hierarchy ("thôn Đồng
       Giao, xã Bảo Đài" ... "Chi hội thôn Đồng Giao") is that village: one entry.
    2. Otherwise, when every resolved unit of the article lies in one province, the
       village is taken to be in it too (province and province_2025 only; `resolved`
       stays False, no commune is guessed).
    """
    placed: dict[str, list[Place]] = {}
    for p in places:
        if p.level == "village" and p.province:
            placed.setdefault(name_key(p.name), []).append(p)
    provinces = {(p.province, p.province_2025) for p in places
                 if p.code and p.level in ("province", "district", "commune") and p.province}
    only = next(iter(provinces)) if len(provinces) == 1 else None
    out = []
    for p in places:
        if p.level == "village" and not p.province:
            same = {(q.commune, q.province) for q in placed.get(name_key(p.name), [])}
            if len(same) == 1:
                q = placed[name_key(p.name)][0]
                p = replace(q, text=p.text)
            elif only is not None:
                p = replace(p, province=only[0], province_2025=only[1])
        out.append(p)
    return out


def dedupe(mentions: list[Mention], places: list[Place]) -> list[Place]:
    out: dict[tuple, Place] = {}
    places = attach_villages(places)
    resolved_names = {(p.level, name_key(p.name)): p for p in places if p.code}
    for m, p in zip(mentions, places):
        if p.code:
            key = ("code", p.level, p.code, p.name)
        elif p.level == "village":
            key = ("village", name_key(p.name), name_key(p.commune or ""), name_key(p.province or ""))
        else:
            same = resolved_names.get((p.level, name_key(p.name)))
            key = ("code", p.level, same.code, same.name) if same else ("name", p.level, name_key(p.name))
            if same:
                p = same
        if key not in out:
            out[key] = p if p.text == m.text else replace(p, text=m.text)
    return list(out.values())


def as_named_on(places: list[Place], on: date | None) -> list[Place]:
    """The province's name as it was on the article's date (renamed provinces,
    data/places/former_names.toml); an undated article that spells the former name has it
    back for that mention (the spelling dates it)."""
    out = []
    for p in places:
        r = renamed().get(p.province or "")
        spelt = r is not None and p.level == "province" and name_key(r.former) in name_key(p.text)
        if r and on and on < r.until:
            if p.level != "province":
                p = replace(p, province=r.former)
            elif spelt:  # "Thừa Thiên - Huế", "Thừa Thiên-Huế" too
                p = replace(p, province=r.former, name=r.former)
        elif r and on is None and spelt:
            p = replace(p, province=r.former, name=r.former)
        out.append(p)
    return out
