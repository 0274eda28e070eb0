"""What starts at one token of a line: a unit word, descriptors, a lexicon name, the
name after a unit word, or a person's name that a place name would continue.

Names after a unit word: the longest run of capitalised syllables (1-5) that the
gazetteer knows; a lowercase first syllable is tolerated only when the whole name is
known ("huyện ba Bể"). Unknown names are kept with their level ("xã Không Tồn Tại")
when they look like names (capitalised, 2+ syllables, first word not a common noun such
as "Tỉnh Đoàn", "tỉnh bạn", "huyện nhà"; village names of 2+ syllables whatever their
first word, one syllable before the commune: "bản Ngò, xã Tam Tiến"). A number is a
village's ("thôn 3") or, after its own unit word, a numbered unit's ("Quận 3"), never an
amount ("tỉnh 5.000.000 đồng"). A unit word that ends another word ("nông thôn") or begins
a known name ("Buôn Đôn") announces nothing.

Bare names (regions, countries, provinces, well-known cities) are matched on folded
keys so typos in diacritics survive ("Băc Kạn", "Bac Kan"), but respecting the
capitalisation of the canonical name (proper nouns are capitalised; "phía tây bắc" is
a direction, "Tây Bắc" a region).

Decisions:
- A province/country name right after an honorific ("chị Hà Giang") or a surname or
  middle name ("Nguyễn Hà Nội") is part of a person's name: not a place; after "chiến
  dịch" it is an event's ("chiến dịch Điện Biên Phủ").
- Units in force: articles dated before 2025-07-01 resolve against the 63-province
  units, later ones against the 34-province units, falling back to the old units for
  names that no longer exist (districts, merged provinces). Undated: old units first.
"""

from __future__ import annotations

import re
from datetime import date

from ctd_crawler.extract.places.gazetteer import LEGACY, NEW, Gazetteer, Unit, exact_key, name_key
from ctd_crawler.extract.places.lexicon import Lexicon
from ctd_crawler.extract.places.lines import Line
from ctd_crawler.extract.places.patterns import MAX_BARE, MAX_NAME, REFORM
from ctd_crawler.extract.text import fold

# A Vietnamese syllable, folded: initial consonant, one to three vowels, final consonant.
SYLLABLE = re.compile(r"(ngh|ng|nh|ch|gh|gi|kh|ph|th|tr|qu|[bcdghklmnprstvx])?[aeiouy]{1,3}(ng|nh|ch|[cmnpt])?")


def eras(on: date | None) -> tuple[str, ...]:
    """Units to try, in order: those in force on the article's date first; after the
    reform the old ones too (former districts and provinces are still named)."""
    if on is None:
        return (LEGACY, NEW)
    return (NEW, LEGACY) if on >= REFORM else (LEGACY,)


def find_units(gaz: Gazetteer, levels: list[str], key: str, in_force: tuple[str, ...],
               city: bool = False) -> tuple[str, tuple[Unit, ...]]:
    """First level (and era) where the key is known; after "thành phố" (`city`) a
    province only for centrally-run cities."""
    for level in levels:
        for era in in_force:
            if level == "district" and era == NEW:
                continue
            units = gaz.lookup(era, level, key)
            if level == "province" and city:
                units = tuple(u for u in units if u.kind == "Thành phố")
            if units:
                return level, units
    return "", ()


def name_after(ln: Line, j: int, opts: dict, gaz: Gazetteer, on: date | None,
               lex: Lexicon, known_only: bool) -> tuple[int, str, tuple[Unit, ...]] | None:
    """The name starting at token j: (last token index, level, units); units empty when
    the name is unknown but looks like one."""
    levels = opts["levels"]
    in_force = (NEW,) if opts.get("era") == NEW else eras(on)
    run = ln.run(j, MAX_NAME)
    if not run:
        return None
    toks = ln.toks
    # "Đồng chí", "Vinh danh": a word of its own begins with a one-syllable name
    compound = len(run) > 1 and (toks[run[0][0]].low, toks[run[1][0]].low) in lex.name_compounds
    for n in range(len(run), 0, -1):
        idx = [i for i, _ in run[:n]]
        rest_cap = all(toks[i].cap for i in idx[1:])
        if not rest_cap or (not toks[idx[0]].cap and n < 2) or (n == 1 and compound):
            continue
        key = "".join(toks[i].key for i in idx)
        level, units = find_units(gaz, levels, key, in_force, opts.get("city", False))
        if not units and toks[idx[0]].cap and key in lex.after_unit:
            level, units = find_units(gaz, ["province"], name_key(lex.after_unit[key]), in_force)
        if units:
            return idx[-1], level, units
    village = levels[-1] == "village"
    if known_only or ln.titled or not toks[j].cap:
        return None
    if toks[j].low in lex.not_names and not (village and not opts.get("listed") and _syllable_after(ln, j, lex)):
        # "Tỉnh Đoàn", "Huyện Ủy"; but villages are never known: "thôn Đoàn Kết", "xóm Liên Hồng"
        # (not in a list a plural village word opened: "các thôn Nà Kiêng, Hội Chữ thập đỏ xã ...")
        return None

    # Unknown name: the capitalised syllables, stopping at a next unit word.
    idx = []
    for i, via in run[:4]:
        gap = ln.text[toks[via - 1].end : toks[i].start] if via != i else ""
        spaced_hyphen = gap != gap.strip()  # "Tại - Hội": two phrases, not one name
        if not toks[i].cap or spaced_hyphen or (idx and unit_at(ln, i, lex)):
            break
        idx.append(i)
    ws = [toks[i] for i in idx]
    level = levels[-1]
    least = opts.get("min_syllables", 1 if level == "village" else 2)
    if ws and ws[0].text.isdigit():
        # "thôn 3", "khu phố 3": numbered villages. Numbered communes and districts are in
        # the gazetteer ("Phường 12", "Quận 1"), provinces have no numbers, and a number
        # glued to more digits is an amount ("tỉnh 5.000.000 đồng").
        if not village or _longer_number(ln, idx[0]) or (least > 1 and not _hierarchy_after(ln, idx[0], lex)):
            return None
        return idx[0], "village", ()
    if level == "province" or (ws and ws[0].text in lex.surnames and level != "village"):
        return None  # provinces are a closed list; "UBND huyện Nguyễn Văn A" is a person
    if len(idx) < least and not (idx and village and _hierarchy_after(ln, idx[-1], lex)):
        return None  # "bản Ngò, xã Tam Tiến": a short village name is taken before its commune
    bare = bare_at(ln, j, lex)
    if bare is not None and bare[0] >= idx[-1]:
        return None  # "các tỉnh Tây Nguyên": a region or country, not an unknown unit

    return idx[-1], level, ()


def _syllable_after(ln: Line, j: int, lex: Lexicon) -> bool:
    """Whether a capitalised syllable of a name follows token j ("Đoàn Kết", not "Liên H...")."""
    k = j + 1
    return k < len(ln.toks) and ln.joined[k] and ln.toks[k].cap and len(ln.toks[k].text) > 1 \
        and unit_at(ln, k, lex) is None


def _hierarchy_after(ln: Line, i: int, lex: Lexicon) -> bool:
    """Whether the unit above is written after token i: ", xã Tam Tiến", " (xã Mường Phăng"."""
    k = i + 1
    while k < len(ln.toks) and ln.toks[k].text in ",(":
        k += 1
    unit = unit_at(ln, k, lex) if i + 1 < k < len(ln.toks) else None
    return unit is not None and unit[1]["levels"][0] in ("commune", "district")


def _longer_number(ln: Line, i: int) -> bool:
    """Whether the digits of token i go on after a separator ("5.000.000", "5,5", "5/2024")."""
    toks = ln.toks
    return (i + 2 < len(toks) and toks[i + 1].text in ".,/" and toks[i + 2].text[:1].isdigit()
            and toks[i + 1].start == toks[i].end and toks[i + 2].start == toks[i + 1].end)


def unit_at(ln: Line, i: int, lex: Lexicon) -> tuple[int, dict] | None:
    """Unit word starting at token i: (index of its last token, options)."""
    toks = ln.toks
    t = toks[i]
    if not t.word or (t.low not in lex.unit_starts and t.text not in lex.abbrev) or _in_compound(ln, i, lex):
        return None
    for size in (3, 2, 1):
        if i + size > len(toks):
            continue
        ws = tuple(x.low for x in toks[i : i + size])
        if ws in lex.words and all(x.word for x in toks[i : i + size]):
            if all(ln.joined[k] for k in range(i + 1, i + size)):
                return i + size - 1, {**lex.words[ws], "abbrev": False}
    if t.text in lex.abbrev and i + 1 < len(toks) and toks[i + 1].text == ".":
        return i + 1, {**lex.abbrev[t.text], "abbrev": True}
    if lex.abbrev.get(t.text, {}).get("dot_optional"):  # "TP Hồ Chí Minh"
        return i, {**lex.abbrev[t.text], "abbrev": True}
    return None


def _in_compound(ln: Line, i: int, lex: Lexicon) -> bool:
    """Whether the unit word at token i ends another word ("nông thôn", "hợp tác xã")."""
    toks = ln.toks
    for size in (3, 2):
        a = i - size + 1
        if a >= 0 and all(toks[k].word for k in range(a, i + 1)) and all(ln.joined[k] for k in range(a + 1, i + 1)) \
                and tuple(toks[k].low for k in range(a, i + 1)) in lex.compounds:
            return True
    return False


def descriptor_at(ln: Line, j: int, lex: Lexicon) -> tuple[int, bool]:
    """Number of tokens from token j to the name: descriptors ("vùng cao", "bãi ngang ven
    biển") and a list introducer ("như", "gồm", ":"), when a capitalised word follows; else 0.
    And whether a list introducer was among them (a list follows). A descriptor is written in
    lower case: capitalised, it begins the name ("huyện Cù Lao Dung" is no "cù lao" Dung)."""
    k, toks = j, ln.toks
    signals = not (ln.caps or ln.titled)
    while k < len(toks) and not (signals and toks[k].cap) and (
            n := next((len(ws) for ws in lex.descriptors_by_first.get(toks[k].low, ())
                                        if tuple(t.low for t in toks[k:k + len(ws)]) == ws
                                        and all(ln.joined[m] for m in range(k + 1, k + len(ws)))), 0)):
        k += n
    listed = False
    if k < len(ln.toks) and ln.toks[k].low in lex.list_intro:
        k, listed = k + 1, True
    if k < len(ln.toks) and ln.toks[k].text == ":":
        k, listed = k + 1, True
    return (k - j, listed) if j < k < len(ln.toks) and ln.toks[k].cap else (0, False)


def bare_at(ln: Line, i: int, lex: Lexicon) -> tuple[int, tuple[str, str]] | None:
    """Longest lexicon entry starting at token i: (last token index, (kind, canonical))."""
    toks = ln.toks
    if not toks[i].word or toks[i].key not in lex.bare_prefixes:
        return None
    run = ln.run(i, MAX_BARE)
    best = None
    key = ""
    for n, (k, _) in enumerate(run, 1):
        key += toks[k].key
        if key not in lex.bare_prefixes:
            break
        hit = lex.bare.get(key)
        if hit is None:
            continue
        kind, canonical, pattern = hit
        idx = [x for x, _ in run[:n]]
        if n == 1 and exact_key(toks[k].text) not in lex.single:
            continue  # "Bí" (thư) is not "Bỉ", "Lao" (động) not "Lào": no room for typos
        if len(pattern) == n:
            ok = all(toks[x].cap or not p for x, p in zip(idx, pattern))
        else:
            ok = all(toks[x].cap for x in idx)
        if ok:
            best = (idx[-1], (kind, canonical))
    return best


def known_name_at(ln: Line, i: int, gaz: Gazetteer, on: date | None, lex: Lexicon) -> int | None:
    """Last token of a known place name that starts with the capitalised word at token i and
    goes past it: a unit word or an institution's head that begins a name is part of that name
    ("Buôn Đôn", "Buôn Ma Thuột", "Chợ Rã")."""
    first = ln.toks[i]
    if not first.cap or first.text.isdigit():
        return None
    # spelt exactly, diacritics included: on a line in capitals "HUYỆN SƠN ĐỘNG" is no "Huyền Sơn"
    bare = bare_at(ln, i, lex)
    if bare is not None and bare[0] > i:
        return bare[0] if exact_key(first.text) == exact_key(bare[1][1].split()[0]) else None
    found = name_after(ln, i, {"levels": ["district", "commune"]}, gaz, on, lex, True)
    if found is None or found[0] == i or not found[2]:
        return None
    return found[0] if exact_key(ln.span(i, found[0])) in {exact_key(u.name) for u in found[2]} else None


def person_before(ln: Line, i: int, lex: Lexicon) -> bool:
    """Whether token i continues a person's name ("Nguyễn Hà Nội", "chị Hà Giang", a photo
    credit's "Ảnh: Đức Vinh"), a street's ("đường Hà Nội") or an event's ("chiến dịch Điện Biên Phủ")."""
    if i == 0 or not ln.joined[i] or not ln.toks[i].text[0].isupper():
        return False  # a name written in lower case ("bà con miền Tây") continues no one's name
    prev = ln.toks[i - 1]
    if (prev.text in lex.surnames or prev.text.isascii() and prev.text[0].isupper() and prev.low in lex.plain_surnames) \
            and not ln.caps:
        return True  # "Nguyen Thai Binh" on an English page too
    pair = (ln.toks[i - 2].low, prev.low) if i >= 2 else ()
    if (prev.low,) in lex.name_cues or pair in lex.name_cues:
        return True
    # a photo credit: "Ảnh: Đức Vinh", "Photo: Minh Vinh" (the name may start a word before)
    colon = next((k for k in (i - 1, i - 2) if k >= 1 and ln.toks[k].text == ":"), None)
    return colon is not None and any(tuple(t.low for t in ln.toks[colon - n : colon]) in lex.credits
                                     for n in (1, 2, 3) if colon >= n)


def lone_word_ok(ln: Line, i: int, end: int, lex: Lexicon) -> bool:
    """A one-word name spelt like a Vietnamese syllable ("Lào", "Huế", "Vinh", "Nga") may be
    part of a person's name: it must not touch other capitalised words (but for a sentence's
    first word: "Tại Huế, ..."). A foreign one ("Hanoi", "Laos", "Japan") may be followed by
    them ("the Hanoi Red Cross"). Honorifics and family names before it are person_before's.)"""
    toks = ln.toks
    before = i > 0 and toks[i - 1].word and toks[i - 1].cap and ln.joined[i] and not ln.starts_sentence(i - 1)
    after = end + 1 < len(toks) and toks[end + 1].word and toks[end + 1].cap and ln.joined[end + 1]
    if end + 1 < len(toks) and (toks[i].low, toks[end + 1].low) in lex.name_compounds:
        return False  # "Vinh danh": a word of its own
    return ln.caps or not (before or (after and SYLLABLE.fullmatch(fold(toks[i].text))))
