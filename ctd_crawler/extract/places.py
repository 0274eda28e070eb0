"""Places in an article: administrative units resolved against the gazetteer.

Order of work (one article):
1. Tokenise each line into words and punctuation (mentions never cross a line).
2. Bare names from the lexicons (regions, countries, provinces, well-known cities),
   matched on folded keys so typos in diacritics survive ("Băc Kạn", "Bac Kan"),
   but respecting the capitalisation of the canonical name (proper nouns are
   capitalised; "phía tây bắc" is a direction, "Tây Bắc" a region). ALL-CAPS lines
   give no capitalisation signal: only known names are taken there.
3. Unit words ("tỉnh", "huyện", "xã", "thôn", "TP.", "H.", ... and English
   "... province") followed by a name: the longest run of capitalised syllables
   (1-5) that the gazetteer knows; a lowercase first syllable is tolerated only
   when the whole name is known ("huyện ba Bể"). Unknown names are kept with their
   level ("xã Không Tồn Tại") when they look like names (capitalised, 2+ syllables,
   first word not a common noun such as "Tỉnh Đoàn", "tỉnh bạn", "huyện nhà").
   Lists after one unit word ("các huyện Ba Bể, Pác Nặm") and the hierarchy written
   after a name ("xã Khang Ninh, huyện Ba Bể", "huyện Thanh Hà (Hải Dương)") are
   followed while the names are known.
4. Resolution of names shared by several units, in this order: the hierarchy written
   next to the name (a chain of mentions joined by commas, dashes, brackets or
   "thuộc"), the other places resolved in the article, the site's province
   (`province_hint`). Still ambiguous: kept with its level, code None, resolved False.
5. Villages: a village named again without its commune is the one written with it
   ("thôn Đồng Giao, xã Bảo Đài" ... "Chi hội thôn Đồng Giao"); a village never written
   with a commune gets the province (and province_2025) when every resolved unit of
   the article lies in that one province, else none (`resolved` stays False).
6. One Place per distinct place, in order of first mention, `text` = first span.

English pages: a unit word after the name ("Lao Cai province", "Ha Noi capital",
"Ho Chi Minh City"), and plural unit words after a list ("Bat Xat and Sa Pa districts",
"Ha Noi, Ha Giang and Lao Cai provinces"); only names the gazetteer knows.

Decisions:
- A province/country name right after an honorific ("chị Hà Giang") or a surname or
  middle name ("Nguyễn Hà Nội") is part of a person's name: not a place.
- Organisation names still mention their province ("Hội Chữ thập đỏ tỉnh Bắc Giang",
  "tỉnh hội Bắc Kạn" -> Bắc Kạn).
- "Việt Nam" is not extracted (it is in every organisation name of this corpus).
- Units in force: articles dated before 2025-07-01 resolve against the 63-province
  units, later ones against the 34-province units, falling back to the old units for
  names that no longer exist (districts, merged provinces). Undated: old units first.

Error policy: never raises on str input; bad input gives fewer places.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from functools import lru_cache

from ctd_crawler.extract.gazetteer import LEGACY, NEW, Gazetteer, Unit, exact_key, load_gazetteer, name_key
from ctd_crawler.extract.lexicon import data_lines, data_toml
from ctd_crawler.extract.text import fold, nfc

__all__ = ["Place", "extract_places", "load_gazetteer"]

_REFORM = date(2025, 7, 1)
_RANK = {"village": 0, "commune": 1, "district": 2, "province": 3}
_MAX_NAME = 5  # syllables in a name after a unit word ("Văn Miếu Quốc Tử Giám")
_MAX_BARE = 8  # tokens in a lexicon entry ("Trung du và miền núi phía Bắc")

# Patterns, all in one place.
_TOKEN = re.compile(r"[^\W_]+(?:['’][^\W_]+)*|[^\w\s]")  # "Đắk R'La", "Cư M'gar"
_SPACE_GAP = re.compile(r"[ \t\u00a0]*")
_HYPHEN_GAP = re.compile(r"[ \t\u00a0]*[-–][ \t\u00a0]*")
_CHAIN_GAP = re.compile(r"[\s,;\-–()]*(?:thuộc|trực thuộc|của)?[\s,;\-–()]*", re.IGNORECASE)
_LIST_INTRO = frozenset({"như", "gồm", "là"})  # "các xã ven biển như Nga Tân, Nga Tiến"
_PLURAL = frozenset({"các", "những", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín", "mười", "nhiều", "mấy"})


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


@dataclass(slots=True)
class _Tok:
    start: int
    end: int
    text: str
    low: str
    key: str
    word: bool
    cap: bool  # capitalised (or a number, or on an ALL-CAPS line)


@dataclass(slots=True)
class _Mention:
    start: int
    end: int
    text: str
    level: str
    name: str  # as written, case fixed
    key: str
    cands: tuple[Unit, ...] = ()
    kind: str | None = None  # unit word kind, to prefer "thị xã X" over "huyện X"
    fixed: str | None = None  # region/country canonical name
    known: bool = False
    chain: list["_Mention"] = field(default_factory=list)


# ---------------------------------------------------------------- lexicons (data)


@dataclass(frozen=True, slots=True)
class _Lexicon:
    words: dict[tuple[str, ...], dict]  # unit word (lowercase tokens) -> options
    abbrev: dict[str, dict]
    descriptors: tuple[tuple[str, ...], ...]  # longest first
    english: dict[str, dict]
    not_names: frozenset[str]
    honorifics: frozenset[tuple[str, ...]]
    streets: frozenset[tuple[str, ...]]
    surnames: frozenset[str]
    # bare key -> (kind, canonical, capitalisation pattern, token count)
    bare: dict[str, tuple[str, str, tuple[bool, ...]]]
    after_unit: dict[str, str]
    glued: dict[str, str]
    single: frozenset[str]  # exact keys of one-word lexicon names
    bare_prefixes: frozenset[str]  # keys of the first 1..n words of each bare name


def _words(s: str) -> list[str]:
    return [m.group(0) for m in _TOKEN.finditer(s) if m.group(0)[0].isalnum()]


def _pattern(s: str) -> tuple[bool, ...]:
    return tuple(w[0].isupper() or w[0].isdigit() for w in _words(s))


@lru_cache(maxsize=1)
def _lexicon() -> _Lexicon:
    units = data_toml("places_units.toml")
    aliases = data_toml("places_aliases.toml")
    cues = data_lines("places_person_cues.txt")
    streets_at, not_at, middle_at = (cues.index(s) for s in ("[streets]", "[not surnames here]", "[middle names]"))
    honorifics = frozenset(tuple(c.lower().split()) for c in cues[1:streets_at])
    streets = frozenset(tuple(c.lower().split()) for c in cues[streets_at + 1 : not_at])
    # the people extractor's family names (one list), its exceptions here, and middle names
    surnames = (frozenset(data_lines("people_surnames.txt")) - frozenset(cues[not_at + 1 : middle_at])
                | frozenset(cues[middle_at + 1 :]))

    bare: dict[str, tuple[str, str, tuple[bool, ...]]] = {}
    single: set[str] = set()

    variants: list[str] = []

    def add(kind: str, canonical: str, variant: str) -> None:
        variants.append(variant)
        bare.setdefault(name_key(variant), (kind, canonical, _pattern(variant)))
        if len(_words(variant)) == 1:
            single.add(exact_key(variant))

    for kind, fname in (("region", "places_regions.txt"), ("country", "places_countries.txt")):
        for line in data_lines(fname):
            names = [n.strip() for n in line.split("|")]
            for variant in names:
                add(kind, names[0], variant)
    gaz = load_gazetteer()
    for era in (LEGACY, NEW):
        for unit in gaz.units(era, "province"):
            add("province", unit.name, unit.name)
    for alias, target in aliases["provinces"].items():
        add("province", target, alias)
    for city in aliases["cities"]["names"]:
        add("city", city, city)
    for name in aliases["needs_unit_word"]["names"]:
        bare.pop(name_key(name), None)
    prefixes = set()
    for variant in variants:
        words = _words(variant)
        prefixes.update(name_key("".join(words[:n])) for n in range(1, len(words) + 1))
        prefixes.add(name_key(variant))
    return _Lexicon(
        words={tuple(k.split()): v for k, v in units["words"].items()},
        abbrev=units["abbrev"],
        descriptors=tuple(sorted((tuple(d.split()) for d in units["descriptors"]["phrases"]), key=len, reverse=True)),
        english=units["english"],
        not_names=frozenset(data_lines("places_not_names.txt")),
        honorifics=honorifics,
        streets=streets,
        surnames=surnames,
        bare=bare,
        after_unit={name_key(k): v for k, v in {**aliases["provinces"], **aliases["after_unit"]}.items()},
        glued={name_key(k): v for k, v in aliases["glued"].items()},
        single=frozenset(single),
        bare_prefixes=frozenset(prefixes),
    )


# ---------------------------------------------------------------- tokens


def _is_caps_line(line: str) -> bool:
    letters = [c for c in line if c.isalpha()]
    return len(letters) >= 8 and sum(c.isupper() for c in letters) >= 0.9 * len(letters)


def _is_title_line(line: str) -> bool:
    """Headings In Title Case: capitalisation no longer marks names."""
    words = [w for w in _words(line) if w[0].isalpha()]
    return len(words) >= 4 and sum(w[0].isupper() for w in words) >= 0.8 * len(words)


def _tokens(line: str, offset: int) -> list[_Tok]:
    caps = _is_caps_line(line)
    out = []
    for m in _TOKEN.finditer(line):
        s = m.group(0)
        word = s[0].isalnum()
        out.append(_Tok(offset + m.start(), offset + m.end(), s, s.lower(), name_key(s) if word else "",
                        word, word and (caps or s[0].isupper() or s[0].isdigit())))
    return out


def _title(s: str) -> str:
    return " ".join("-".join(p[:1].upper() + p[1:].lower() for p in w.split("-")) for w in s.split())


class _Line:
    """Tokens of one line and the text they came from."""

    def __init__(self, text: str, line: str, offset: int):
        self.text = text
        self.toks = _tokens(line, offset)
        self.caps = _is_caps_line(line)
        self.titled = self.caps or _is_title_line(line)
        self.used = [False] * len(self.toks)
        # joined[i]: token i follows token i-1 after spaces only (same name possible)
        self.joined = [i > 0 and bool(_SPACE_GAP.fullmatch(self.gap(i))) for i in range(len(self.toks))]

    def gap(self, i: int) -> str:
        """Text between token i-1 and token i."""
        return self.text[self.toks[i - 1].end : self.toks[i].start]

    def run(self, j: int, limit: int) -> list[tuple[int, int]]:
        """Word tokens from j joined by spaces or hyphens: [(token index, joined-from)]."""
        out: list[tuple[int, int]] = []
        i = j
        while i < len(self.toks) and len(out) < limit:
            t = self.toks[i]
            if t.word:
                if out and not self.joined[i]:
                    break
                out.append((i, i))
                i += 1
            elif t.text in "-–" and out and i + 1 < len(self.toks) and self.toks[i + 1].word \
                    and _HYPHEN_GAP.fullmatch(self.text[self.toks[i - 1].end : self.toks[i + 1].start]):
                out.append((i + 1, i))
                i += 2
            else:
                break
        return out

    def span(self, a: int, b: int) -> str:
        return self.text[self.toks[a].start : self.toks[b].end]


# ---------------------------------------------------------------- finding mentions


def _eras(on: date | None) -> tuple[str, ...]:
    """Units to try, in order: those in force on the article's date first; after the
    reform the old ones too (former districts and provinces are still named)."""
    if on is None:
        return (LEGACY, NEW)
    return (NEW, LEGACY) if on >= _REFORM else (LEGACY,)


def _find(gaz: Gazetteer, levels: list[str], key: str, eras: tuple[str, ...],
          city: bool = False) -> tuple[str, tuple[Unit, ...]]:
    """First level (and era) where the key is known; after "thành phố" (`city`) a
    province only for centrally-run cities."""
    for level in levels:
        for era in eras:
            if level == "district" and era == NEW:
                continue
            units = gaz.lookup(era, level, key)
            if level == "province" and city:
                units = tuple(u for u in units if u.kind == "Thành phố")
            if units:
                return level, units
    return "", ()


def _name_after(ln: _Line, j: int, opts: dict, gaz: Gazetteer, on: date | None,
                lex: _Lexicon, known_only: bool) -> tuple[int, str, tuple[Unit, ...]] | None:
    """The name starting at token j: (last token index, level, units); units empty when
    the name is unknown but looks like one."""
    levels = opts["levels"]
    eras = (NEW,) if opts.get("era") == NEW else _eras(on)
    run = ln.run(j, _MAX_NAME)
    if not run:
        return None
    toks = ln.toks
    for n in range(len(run), 0, -1):
        idx = [i for i, _ in run[:n]]
        rest_cap = all(toks[i].cap for i in idx[1:])
        if not rest_cap or (not toks[idx[0]].cap and n < 2):
            continue
        key = "".join(toks[i].key for i in idx)
        level, units = _find(gaz, levels, key, eras, opts.get("city", False))
        if not units and toks[idx[0]].cap and key in lex.after_unit:
            level, units = _find(gaz, ["province"], name_key(lex.after_unit[key]), eras)
        if units:
            return idx[-1], level, units
    if known_only or ln.titled or not toks[j].cap or toks[j].low in lex.not_names:
        return None
    # Unknown name: the capitalised syllables, stopping at a next unit word.
    idx = []
    for i, via in run[:4]:
        gap = ln.text[toks[via - 1].end : toks[i].start] if via != i else ""
        spaced_hyphen = gap != gap.strip()  # "Tại - Hội": two phrases, not one name
        if not toks[i].cap or spaced_hyphen or (idx and _unit_at(ln, i, lex)):
            break
        idx.append(i)
    words = [toks[i] for i in idx]
    if words and words[0].text.isdigit():
        return idx[0], levels[-1], ()
    level = levels[-1]
    if level == "province" or (words and words[0].text in lex.surnames and level != "village"):
        return None  # provinces are a closed list; "UBND huyện Nguyễn Văn A" is a person
    least = opts.get("min_syllables", 1 if level == "village" else 2)
    if len(idx) < least:
        return None
    bare = _bare_at(ln, j, lex)
    if bare is not None and bare[0] >= idx[-1]:
        return None  # "các tỉnh Tây Nguyên": a region or country, not an unknown unit

    return idx[-1], level, ()


def _unit_at(ln: _Line, i: int, lex: _Lexicon) -> tuple[int, dict] | None:
    """Unit word starting at token i: (index of its last token, options)."""
    toks = ln.toks
    t = toks[i]
    if not t.word:
        return None
    for size in (3, 2, 1):
        if i + size > len(toks):
            continue
        words = tuple(x.low for x in toks[i : i + size])
        if words in lex.words and all(x.word for x in toks[i : i + size]):
            if all(ln.joined[k] for k in range(i + 1, i + size)):
                return i + size - 1, {**lex.words[words], "abbrev": False}
    if t.text in lex.abbrev and i + 1 < len(toks) and toks[i + 1].text == ".":
        return i + 1, {**lex.abbrev[t.text], "abbrev": True}
    if lex.abbrev.get(t.text, {}).get("dot_optional"):  # "TP Hồ Chí Minh"
        return i, {**lex.abbrev[t.text], "abbrev": True}
    return None


def _descriptor_at(ln: _Line, j: int, lex: _Lexicon) -> int:
    """Number of tokens from token j to the name: descriptors ("vùng cao", "bãi ngang ven
    biển") and a list introducer ("như", "gồm", ":"), when a capitalised word follows; else 0."""
    k = j
    while n := next((len(words) for words in lex.descriptors
                     if tuple(t.low for t in ln.toks[k:k + len(words)]) == words
                     and all(ln.joined[m] for m in range(k + 1, k + len(words)))), 0):
        k += n
    if k < len(ln.toks) and ln.toks[k].low in _LIST_INTRO:
        k += 1
    if k < len(ln.toks) and ln.toks[k].text == ":":
        k += 1
    return k - j if j < k < len(ln.toks) and ln.toks[k].cap else 0


def _bare_at(ln: _Line, i: int, lex: _Lexicon) -> tuple[int, tuple[str, str]] | None:
    """Longest lexicon entry starting at token i: (last token index, (kind, canonical))."""
    toks = ln.toks
    if not toks[i].word or toks[i].key not in lex.bare_prefixes:
        return None
    run = ln.run(i, _MAX_BARE)
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


def _person_before(ln: _Line, i: int, lex: _Lexicon) -> bool:
    """Whether token i continues a person's name ("Nguyễn Hà Nội", "chị Hà Giang") or
    a street's ("đường Hà Nội")."""
    if i == 0 or not ln.joined[i]:
        return False
    prev = ln.toks[i - 1]
    if prev.text in lex.surnames and not ln.caps:
        return True
    pair = (ln.toks[i - 2].low, prev.low) if i >= 2 else ()
    cues = lex.honorifics | lex.streets
    return (prev.low,) in cues or pair in cues


def _lone_word_ok(ln: _Line, i: int, end: int) -> bool:
    """A one-syllable name ("Lào", "Huế", "Vinh") must not touch other capitalised words."""
    toks = ln.toks
    before = i > 0 and toks[i - 1].word and toks[i - 1].cap and ln.joined[i]
    after = end + 1 < len(toks) and toks[end + 1].word and toks[end + 1].cap and ln.joined[end + 1]
    return ln.caps or not (before or after)


class _Finder:
    def __init__(self, text: str, on: date | None, lang: str):
        self.text = text
        self.on = on
        self.english = lang.lower().startswith("en")
        self.gaz = load_gazetteer()
        self.lex = _lexicon()
        self.mentions: list[_Mention] = []

    def run(self) -> list[_Mention]:
        offset = 0
        for line in self.text.split("\n"):
            if line.strip():
                ln = _Line(self.text, line, offset)
                self._unit_mentions(ln)
                if self.english:
                    self._english_mentions(ln)
                self._bare_mentions(ln)
            offset += len(line) + 1
        self.mentions.sort(key=lambda m: m.start)
        return self.mentions

    def _add(self, ln: _Line, a: int, b: int, level: str, name_a: int, units: tuple[Unit, ...],
             kind: str | None = None, fixed: str | None = None) -> _Mention:
        name = ln.span(name_a, b)
        shown = _title(name)
        if name.isdigit():  # "thôn 3" -> "Thôn 3", like the gazetteer's "Quận 1"
            shown = " ".join(t.text for t in ln.toks[a:name_a] if t.word).capitalize() + " " + name
        m = _Mention(ln.toks[a].start, ln.toks[b].end, ln.span(a, b), level, shown if not units else name,
                     name_key(name), units, kind, fixed, known=bool(units) or fixed is not None)
        for k in range(a, b + 1):
            ln.used[k] = True
        self.mentions.append(m)
        return m

    def _unit_mentions(self, ln: _Line) -> None:
        toks, lex = ln.toks, self.lex
        i = 0
        while i < len(toks):
            if ln.used[i]:
                i += 1
                continue
            glued = lex.glued.get(toks[i].key) if toks[i].word and toks[i].text.isupper() else None
            if glued:  # "TPHCM"
                level, units = _find(self.gaz, ["province"], name_key(glued), _eras(self.on))
                if units:
                    self._add(ln, i, i, level, i, units)
                    i = self._follow(ln, i, ["province"])
                    continue
            unit = _unit_at(ln, i, lex)
            if unit is None or unit[0] + 1 >= len(toks):
                i += 1
                continue
            last, opts = unit
            j = last + 1
            if toks[i].text.isupper() and len(toks[i].text) > 1 and toks[j].text == "." and j + 1 < len(toks):
                j += 1  # "TP. Hồ Chí Minh"
            known_only = opts.get("abbrev") or opts.get("known_only", False)
            skip = _descriptor_at(ln, j, lex)
            if skip:
                j, known_only = j + skip, True
            if ln.used[j] or not toks[j].word:
                i += 1
                continue
            found = _name_after(ln, j, opts, self.gaz, self.on, lex, known_only)
            if found is None:
                i += 1
                continue
            end, level, units = found
            kind = opts.get("kind") or " ".join(t.text for t in toks[i : last + 1]).capitalize()
            self._add(ln, i, end, level, j, units, kind=kind)
            plural = i > 0 and (toks[i - 1].low in _PLURAL or toks[i - 1].text.isdigit())
            i = self._follow(ln, end, [level] if units else opts["levels"], plural)

    def _follow(self, ln: _Line, end: int, levels: list[str], plural: bool = False) -> int:
        """Names after a mention: the units above it ("(Hải Dương)", ", Bắc Kạn") or a
        list at the same level ("các huyện Ba Bể, Pác Nặm": same level first after a
        plural). Known names only. Returns the index after the last name."""
        toks = ln.toks
        i = end + 1
        level = levels[0]
        while i < len(toks):
            j = i
            while j < len(toks) and not toks[j].word and toks[j].text in ",;()-–":
                j += 1
            if j < len(toks) and toks[j].low == "và":
                j += 1
            if j == i or j >= len(toks) or ln.used[j] or not toks[j].word or _unit_at(ln, j, self.lex):
                break
            higher = [lv for lv in ("commune", "district", "province") if _RANK[lv] > _RANK[level]]
            order = levels + higher if plural and toks[i].text != "(" else higher + levels
            found = _name_after(ln, j, {"levels": order}, self.gaz, self.on, self.lex, True)
            if found is None:
                break
            stop, lv, units = found
            if _RANK.get(lv, 0) < _RANK.get(level, 0):
                break
            self._add(ln, j, stop, lv, j, units)
            if lv != level:
                levels, plural = [lv], False
            level = lv
            i = stop + 1
            if i < len(toks) and toks[i].text == ")":
                i += 1
        return i

    def _english_mentions(self, ln: _Line) -> None:
        """"Lao Cai province", "Bat Xat district", and plural lists after one unit word:
        "Bat Xat and Sa Pa districts", "Ha Noi, Ha Giang and Lao Cai provinces"."""
        toks = ln.toks
        for i, t in enumerate(toks):
            if ln.used[i] or not t.word:
                continue
            word = re.sub(r"['’]s$", "", t.low)  # "province's"
            opts, plural = self.lex.english.get(word), False
            if opts is None and word.endswith("s"):
                singular = word[:-3] + "y" if word.endswith("ies") else word[:-1]
                opts, plural = self.lex.english.get(singular), True
            if opts is None:
                continue
            found = self._english_name_before(ln, i, opts)
            if found is None:
                continue
            a, level, units = found
            m = self._add(ln, a, i, level, a, units)
            m.name = units[0].name
            while plural and a >= 2:  # walk the list back: "X, Y and Z districts"
                sep = a - 1
                if toks[sep].low not in ("and", ",", "&"):
                    break
                if toks[sep].low == "and" and sep >= 1 and toks[sep - 1].text == ",":
                    sep -= 1  # "X, Y, and Z"
                found = self._english_name_before(ln, sep, opts)
                if found is None:
                    break
                a, level, units = found
                m = self._add(ln, a, sep - 1, level, a, units)
                m.name = units[0].name

    def _english_name_before(self, ln: _Line, i: int, opts: dict) -> tuple[int, str, tuple[Unit, ...]] | None:
        """The longest known name of capitalised words ending right before token i."""
        toks = ln.toks
        start = i
        while start > 0 and i - start < _MAX_NAME and toks[start - 1].word and toks[start - 1].cap \
                and not ln.used[start - 1] and ln.joined[start]:
            start -= 1
        for a in range(start, i):
            key = "".join(x.key for x in toks[a:i])
            level, units = _find(self.gaz, opts["levels"], key, _eras(self.on), opts.get("city", False))
            if units:
                return a, level, units
        return None

    def _bare_mentions(self, ln: _Line) -> None:
        toks = ln.toks
        i = 0
        while i < len(toks):
            hit = None if ln.used[i] else _bare_at(ln, i, self.lex)
            if hit is None:
                i += 1
                continue
            end, (kind, canonical) = hit
            if any(ln.used[i : end + 1]) or _person_before(ln, i, self.lex) \
                    or (end == i and not _lone_word_ok(ln, i, end)):
                i += 1
                continue
            if kind in ("region", "country"):
                m = self._add(ln, i, end, kind, i, (), fixed=canonical)
                m.name = canonical
            else:
                levels = ["province"] if kind == "province" else ["district"]
                level, units = _find(self.gaz, levels, name_key(canonical), _eras(self.on))
                if not units:
                    i = end + 1
                    continue
                self._add(ln, i, end, level, i, units)
                end = self._follow(ln, end, levels) - 1
            i = end + 1


# ---------------------------------------------------------------- resolution


def _inside(low: Unit, high: Unit) -> bool:
    """Whether unit `low` lies in unit `high` (eras may differ for provinces)."""
    if high.level == "district":
        return low.era == LEGACY and low.district_code == high.code
    if low.era == high.era:
        return low.province_code == high.province_code
    if high.era == NEW:
        return low.province_2025 == high.name
    return high.province_2025 == low.province


def _chains(mentions: list[_Mention], text: str) -> None:
    """Link each mention to the mentions written right after it at higher levels."""
    for k, m in enumerate(mentions):
        prev = m
        for n in range(k + 1, len(mentions)):
            nxt = mentions[n]
            gap = text[prev.end : nxt.start]
            if "\n" in gap or not _CHAIN_GAP.fullmatch(gap) or nxt.level not in _RANK \
                    or _RANK[nxt.level] <= _RANK.get(prev.level, 9):
                break
            m.chain.append(nxt)
            prev = nxt


def _narrow(cands: tuple[Unit, ...], keep) -> tuple[Unit, ...]:
    sub = tuple(u for u in cands if keep(u))
    return sub or cands


def _resolve(mentions: list[_Mention], hint: str | None) -> None:
    # 1. Spelling and unit word: "Cẩm Giàng" over "Cẩm Giang", "thị xã Kỳ Anh" over the huyện.
    for m in mentions:
        if len(m.cands) > 1:
            ek = exact_key(m.name)
            m.cands = _narrow(m.cands, lambda u: exact_key(u.name) == ek)
            if m.kind:
                kind = m.kind.lower()
                m.cands = _narrow(m.cands, lambda u: u.kind.lower() == kind)
    # 2. The hierarchy written next to the name: strict (a contradiction unresolves).
    for m in sorted(mentions, key=lambda x: -_RANK.get(x.level, 9)):
        for high in m.chain:
            if m.cands and high.cands:
                m.cands = tuple(u for u in m.cands if any(_inside(u, h) for h in high.cands))
                high.cands = tuple(h for h in high.cands if not m.cands or any(_inside(u, h) for u in m.cands))
    # 3. The other places of the article, then the site's province.
    for _ in range(2):
        anchors = list({m.cands[0] for m in mentions if len(m.cands) == 1})
        for m in mentions:
            if len(m.cands) > 1:
                for a in sorted(anchors, key=lambda u: _RANK[u.level]):
                    if _RANK[a.level] > _RANK[m.level]:
                        m.cands = _narrow(m.cands, lambda u, a=a: _inside(u, a))
    if hint:
        # the site's province, and the 2025 province it is part of
        hks = {name_key(hint)} | {name_key(u.province_2025 or "") for u in load_gazetteer().lookup(
            LEGACY, "province", name_key(hint))}
        for m in mentions:
            if len(m.cands) > 1:
                m.cands = _narrow(m.cands, lambda u: name_key(u.province) in hks)


def _place(m: _Mention) -> Place:
    if m.fixed is not None:
        return Place(m.fixed, m.level, None, None, None, None, None, None, None, None, m.text, True)
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


def _attach_villages(places: list[Place]) -> list[Place]:
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


def _dedupe(mentions: list[_Mention], places: list[Place]) -> list[Place]:
    out: dict[tuple, Place] = {}
    places = _attach_villages(places)
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


def _as_date(on) -> date | None:
    """A datetime compares badly with a date, and pipelines may hand over ISO strings."""
    if isinstance(on, datetime):
        return on.date()
    if isinstance(on, str):
        try:
            return date.fromisoformat(on[:10])
        except ValueError:
            return None
    return on if isinstance(on, date) else None


def extract_places(text: str, *, on: date | None = None, province_hint: str | None = None,
                   lang: str = "vi") -> list[Place]:
    """Every place of an article (title + blank line + body), once each, in order."""
    if not isinstance(text, str) or not text.strip():
        return []
    text = nfc(text)
    mentions = _Finder(text, _as_date(on), lang or "vi").run()
    _chains(mentions, text)
    _resolve(mentions, province_hint)
    return _as_named_on(_dedupe(mentions, [_place(m) for m in mentions]), _as_date(on))


# Provinces renamed while keeping their units: the dataset knows only the new name.
# Thừa Thiên Huế became the centrally-run city of Huế on 1 January 2025; before that,
# "thành phố Huế" was its provincial city, so only a mention spelling the old name is renamed.
_FORMER_PROVINCE_NAMES = {"Huế": ("Thừa Thiên Huế", date(2025, 1, 1))}


def _as_named_on(places: list[Place], on: date | None) -> list[Place]:
    """The province's name as it was on the article's date."""
    out = []
    for p in places:
        former, until = _FORMER_PROVINCE_NAMES.get(p.province or "", (None, None))
        if former and on and on < until:
            if p.level != "province":
                p = replace(p, province=former)
            elif fold(former) in fold(p.text):
                p = replace(p, province=former, name=former)
        out.append(p)
    return out
