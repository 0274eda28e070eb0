"""Resolution of names shared by several units.

In this order: the spelling and unit word as written ("Cẩm Giàng" over "Cẩm Giang",
"thị xã Kỳ Anh" over the huyện), the hierarchy written next to the name (a chain of
mentions joined by commas, dashes, brackets or "thuộc"), the other places resolved in
the article (all those of one level together: when two of them hold a unit of that name,
the name stays unresolved; then the provinces they lie in), the site's province
(`province_hint`). Still ambiguous: kept
with its level, code None, resolved False. Nothing here depends on set or dict order.
"""

from __future__ import annotations

from ctd_crawler.extract.places.finder import Mention
from ctd_crawler.extract.places.gazetteer import (
    LEGACY,
    NEW,
    Unit,
    exact_key,
    inside,
    load_gazetteer,
    name_key,
    same_province,
)
from ctd_crawler.extract.places.patterns import CHAIN_GAP, RANK


def chains(mentions: list[Mention], text: str) -> None:
    """Link each mention to the mentions written right after it at higher levels."""
    for k, m in enumerate(mentions):
        prev = m
        for n in range(k + 1, len(mentions)):
            nxt = mentions[n]
            gap = text[prev.end : nxt.start]
            if "\n" in gap or not CHAIN_GAP.fullmatch(gap) or nxt.level not in RANK \
                    or RANK[nxt.level] <= RANK.get(prev.level, 9):
                break
            m.chain.append(nxt)
            prev = nxt


def _narrow(cands: tuple[Unit, ...], keep) -> tuple[Unit, ...]:
    sub = tuple(u for u in cands if keep(u))
    return sub or cands


def resolve(mentions: list[Mention], hint: str | None) -> None:
    # 1. Spelling and unit word: "Cẩm Giàng" over "Cẩm Giang", "thị xã Kỳ Anh" over the huyện.
    for m in mentions:
        if len(m.cands) > 1:
            ek = exact_key(m.name)
            m.cands = _narrow(m.cands, lambda u: exact_key(u.name) == ek)
            if m.kind:
                kind = m.kind.lower()
                m.cands = _narrow(m.cands, lambda u: u.kind.lower() == kind)
    # 2. The hierarchy written next to the name: strict (a contradiction unresolves). After the
    #    reform a former district may be written as the parent ("xã X (huyện Y cũ)"): the
    #    commune is then the old one.
    for m in sorted(mentions, key=lambda x: -RANK.get(x.level, 9)):
        for high in m.chain:
            if m.cands and high.cands:
                kept = tuple(u for u in m.cands if any(inside(u, h) for h in high.cands))
                if not kept and all(u.era == NEW for u in m.cands) and any(h.era == LEGACY for h in high.cands):
                    kept = tuple(u for u in load_gazetteer().lookup(LEGACY, m.level, m.key)
                                 if any(inside(u, h) for h in high.cands))
                m.cands = kept
                high.cands = tuple(h for h in high.cands if not m.cands or any(inside(u, h) for u in m.cands))
    # 3. The other places of the article, the most specific level first; the places of one
    #    level narrow together (a unit in any of them), so two provinces that each hold a
    #    "huyện Châu Thành" leave it unresolved rather than pick one (by mention order or,
    #    worse, by the hash seed). The site's province decides last.
    for _ in range(2):
        anchors: dict[str, list[Unit]] = {}
        for m in mentions:
            if len(m.cands) == 1:
                anchors.setdefault(m.cands[0].level, []).append(m.cands[0])
        everywhere = [a for level in sorted(anchors, key=RANK.__getitem__) for a in anchors[level]]
        for m in mentions:
            for level in sorted(anchors, key=RANK.__getitem__):
                if len(m.cands) > 1 and RANK[level] > RANK[m.level]:
                    m.cands = _narrow(m.cands, lambda u, high=anchors[level]: any(inside(u, a) for a in high))
            if len(m.cands) > 1:  # then the provinces of all of them: the article's provinces
                m.cands = _narrow(m.cands, lambda u: any(same_province(u, a) for a in everywhere))
    if hint:
        # the site's province, and the 2025 province it is part of
        hks = {name_key(hint)} | {name_key(u.province_2025 or "") for u in load_gazetteer().lookup(
            LEGACY, "province", name_key(hint))}
        for m in mentions:
            if len(m.cands) > 1:
                m.cands = _narrow(m.cands, lambda u: name_key(u.province) in hks)
