"""Finding the place mentions of an article, line by line.

On each line, in this order:
0. Institution names are set aside: no place is taken from inside them ("Bệnh viện Nhi
   Thanh Hóa", "Trường Đại học Tây Bắc"; institutions.py).
1. The headline (first line) may open with a bare district name ("Đà Bắc trao 50 suất quà").
2. Unit words ("tỉnh", "huyện", "xã", "thôn", "TP.", "H.", "địa phương", ...) followed by a
   name (see match.py); a unit word that begins a known name is part of it ("Buôn Đôn"). Lists
   after one unit word ("các huyện Ba Bể, Pác Nặm") and the hierarchy written after a name
   ("xã Khang Ninh, huyện Ba Bể", "huyện Thanh Hà (Hải Dương)") are followed while the names
   are known (lists.py); a bare name before a parent in brackets is taken when it names a unit
   inside it ("Vạn Phúc (huyện Thanh Trì)").
3. English pages: a unit word after the name ("Lao Cai province", "Ha Noi capital",
   "Ho Chi Minh City"), plural unit words after a list ("Bat Xat and Sa Pa districts"), or
   the name after the unit word and "of" (english.py); only names the gazetteer knows.
4. Bare names from the lexicons (regions, countries, provinces, well-known cities); a region
   that describes what follows it is none ("miền Tây Nghệ An", "Central Highlands province").
   ALL-CAPS lines give no capitalisation signal: only known names are taken there.

Decisions:
- Organisation names still mention their province ("Hội Chữ thập đỏ tỉnh Bắc Giang",
  "tỉnh hội Bắc Kạn" -> Bắc Kạn); institutions' proper names do not (institutions.py).
- "Việt Nam" is not extracted (it is in every organisation name of this corpus).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import NamedTuple

from ctd_crawler.extract.places.english import EnglishNames, english_unit
from ctd_crawler.extract.places.gazetteer import NEW, Unit, exact_key, load_gazetteer, name_key
from ctd_crawler.extract.places.institutions import mark_institutions
from ctd_crawler.extract.places.lexicon import lexicon
from ctd_crawler.extract.places.lines import Line, title
from ctd_crawler.extract.places.lists import FollowLists
from ctd_crawler.extract.places.match import (
    bare_at,
    descriptor_at,
    eras,
    find_units,
    known_name_at,
    lone_word_ok,
    name_after,
    person_before,
    unit_at,
)
from ctd_crawler.extract.places.patterns import REFORM
from ctd_crawler.extract.tokens import next_start


@dataclass(slots=True)
class Mention:
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
    chain: list["Mention"] = field(default_factory=list)
    former: bool = False  # named by a former name: `cands` are the units it merged into


HEADLINE_SEPARATORS = frozenset(":,-–")  # after a headline's place: "Đà Bắc: trao quà"


class Named(NamedTuple):
    """What a unit word announces: the name's last token, level, units, first token, the unit
    word's kind, whether a list follows, and the levels an unknown name may have."""

    end: int
    level: str
    units: tuple[Unit, ...]
    start: int
    kind: str | None
    listed: bool
    levels: list[str]


class Finder(FollowLists, EnglishNames):
    def __init__(self, text: str, on: date | None, lang: str):
        self.text = text
        self.on = on
        self.english = lang.lower().startswith("en")
        self.gaz = load_gazetteer()
        self.lex = lexicon()
        self.mentions: list[Mention] = []

    def run(self) -> list[Mention]:
        offset, headline = 0, True
        for line in self.text.split("\n"):
            if line.strip():
                ln = Line(self.text, line, offset)
                mark_institutions(ln, self.lex, self.gaz, self.on, self.english)
                if headline and not self.english:
                    self._headline_name(ln)
                headline = False
                self._unit_mentions(ln)
                if self.english:
                    self._english_mentions(ln)
                self._bare_mentions(ln)
            offset += len(line) + 1
        self.mentions.sort(key=lambda m: m.start)
        return self.mentions

    def _add(self, ln: Line, a: int, b: int, level: str, name_a: int, units: tuple[Unit, ...],
             kind: str | None = None, fixed: str | None = None) -> Mention:
        name = ln.span(name_a, b)
        shown = title(name)
        if name.isdigit():  # "thôn 3" -> "Thôn 3", like the gazetteer's "Quận 1"
            unit = " ".join(t.text for t in ln.toks[a:name_a] if t.word).capitalize()
            if not unit and self.mentions and self.mentions[-1].name.rpartition(" ")[2].isdigit():
                unit = self.mentions[-1].name.rpartition(" ")[0]  # "thôn 4, 5": the list's unit word
            shown = f"{unit} {name}".strip()
        key = name_key(name)
        former = bool(units) and self.gaz.is_former(units[0].era, level, key)
        if units and name.isdigit() and len({u.name for u in units}) == 1:
            name = units[0].name  # "phường 2" is "Phường 2" even before it is resolved
        m = Mention(ln.toks[a].start, ln.toks[b].end, ln.span(a, b), level,
                    shown if not units or former else name, key, units, kind, fixed,
                    known=bool(units) or fixed is not None, former=former)
        for k in range(a, b + 1):
            ln.used[k] = True
        self.mentions.append(m)
        return m

    def _unit_mentions(self, ln: Line) -> None:
        toks, lex = ln.toks, self.lex
        # where a unit word or a glued name ("TPHCM") may start: every other token is passed over
        starts = [k for k, t in enumerate(toks) if t.word and (
            t.low in lex.unit_starts or t.text in lex.abbrev or t.key in lex.glued)]
        i = 0
        pending = None  # a plural unit word without a name: "các xã thuộc huyện Đà Bắc gồm: ..."
        while (i := next_start(starts, i, len(toks))) < len(toks):
            if ln.used[i]:
                i += 1
                continue
            glued = lex.glued.get(toks[i].key) if toks[i].word and toks[i].text.isupper() else None
            if glued:  # "TPHCM"
                level, units = find_units(self.gaz, ["province"], name_key(glued), eras(self.on))
                if units:
                    self._add(ln, i, i, level, i, units)
                    i = self._follow(ln, i, ["province"])
                    continue
            if unit_at(ln, i, lex) is None:
                i += 1
                continue
            named = known_name_at(ln, i, self.gaz, self.on, lex)
            if named is not None:  # a unit word that begins a name: "Buôn Đôn", "Buôn Ma Thuột"
                i = self._named_at(ln, i, named)
                continue
            found = self._unit_name(ln, i)
            if found is None:
                if self._plural_before(ln, i):
                    pending = (unit_at(ln, i, lex)[1]["levels"], i)
                i += 1
                continue
            self._add(ln, i, found.end, found.level, found.start, found.units, kind=found.kind)
            if i > 0 and toks[i - 1].text == "(" and found.units:
                self._name_before_bracket(ln, i - 1, found.units, found.level)  # "Vạn Phúc (huyện Thanh Trì)"
            plural = found.listed or self._plural_before(ln, i)
            i = self._follow(ln, found.end, [found.level] if found.units else found.levels, plural)
            if pending is not None and found.units and self._clause(ln, pending[1], i):
                i = self._announced_list(ln, i, pending[0], found.level)
            pending = None

    def _unit_name(self, ln: Line, i: int, refine: bool = True) -> Named | None:
        """The name a unit word at token i announces ("huyện Ba Bể", "TP. Hồ Chí Minh", "các
        xã vùng cao gồm: Khang Ninh"), or None. `refine`: let a parent in brackets after the
        name decide its level ("thành phố X (tỉnh Y)")."""
        toks, lex = ln.toks, self.lex
        unit = unit_at(ln, i, lex)
        if unit is None or unit[0] + 1 >= len(toks):
            return None
        last, opts = unit
        j = last + 1
        if toks[i].text.isupper() and len(toks[i].text) > 1 and toks[j].text == "." and j + 1 < len(toks):
            j += 1  # "TP. Hồ Chí Minh"
        known_only = opts.get("abbrev") or opts.get("known_only", False)
        skip, listed = descriptor_at(ln, j, lex)
        if skip:
            j, known_only = j + skip, True  # only known names after a descriptor or "gồm:" ...
            if listed and opts["levels"] == ["village"] and self._plural_before(ln, i):
                # ... but villages are in no gazetteer: a plural village word's list is one of
                # villages, however short their names ("3 làng: Kđông, Tơ Nâng")
                known_only, opts = False, {**opts, "min_syllables": 1, "listed": True}
        if ln.used[j] or not toks[j].word:
            return None
        generic = opts.get("generic", False)  # "các địa phương Cao Phong, Lạc Sơn": any level
        opts = {**opts, "levels": self._in_force(opts["levels"])} if generic else opts
        found = self._choose(ln, j, opts, known_only) if refine else \
            name_after(ln, j, opts, self.gaz, self.on, lex, known_only)
        if found is None:
            return None
        end, level, units = found
        kind = None if generic else opts.get("kind") or " ".join(t.text for t in toks[i : last + 1]).capitalize()
        if units and toks[j].text.isdigit():  # "Quận 3" only after its own unit word, not "huyện 3 lần"
            units = tuple(u for u in units if kind and u.kind.lower() == kind.lower())
            if not units:
                return None
        return Named(end, level, units, j, kind, listed or generic, opts["levels"])

    def _headline_name(self, ln: Line) -> None:
        """A headline that opens with a bare district name ("Đà Bắc trao 50 suất quà", "Đà Bắc:
        ...", "Cao Phong, Lạc Sơn trao quà"): the place the story is about. Spelt exactly, two
        syllables or more, followed by a word in lower case or a separator (any word on a line
        in capitals); after 1 July 2025 a commune in force of that name comes first. Provinces
        and cities are bare names anyway."""
        toks = ln.toks
        if not toks or not toks[0].word or not toks[0].cap or ln.used[0] or (ln.titled and not ln.caps) \
                or bare_at(ln, 0, self.lex) is not None or unit_at(ln, 0, self.lex) is not None:
            return
        after_reform = self.on is not None and self.on >= REFORM
        found = name_after(ln, 0, {"levels": ["commune"], "era": NEW}, self.gaz, self.on, self.lex, True) \
            if after_reform else None  # a commune in force, else the (former) district
        found = found or name_after(ln, 0, {"levels": ["district"]}, self.gaz, self.on, self.lex, True)
        if found is None or found[0] == 0 or found[0] + 1 >= len(toks):
            return
        end, level, units = found
        after = toks[end + 1]
        if not (ln.caps or (after.word and not after.cap) or after.text in HEADLINE_SEPARATORS) \
                or exact_key(ln.span(0, end)) not in {exact_key(u.name) for u in units}:
            return
        self._add(ln, 0, end, level, 0, units)
        self._follow(ln, end, [level])

    def _named_at(self, ln: Line, i: int, named: int) -> int:
        """A gazetteer name that begins with a unit word ("huyện Ea Súp, Buôn Đôn"), taken with
        what follows it; a lexicon name is left to the bare names. Returns the next index."""
        if bare_at(ln, i, self.lex) is None and unit_at(ln, i, self.lex) is not None:
            found = name_after(ln, i, {"levels": ["district", "commune"]}, self.gaz, self.on, self.lex, True)
            if found is not None and found[0] == named:
                end, level, units = found
                self._add(ln, i, end, level, i, units)
                return self._follow(ln, end, [level])
        return named + 1

    def _fixed_phrase(self, ln: Line, i: int) -> bool:
        """Does a fixed phrase that is no mention of a country open at the adjective at i?"""
        keys = tuple(t.key for t in ln.toks[i : i + 4])
        return any(keys[:n] in self.lex.not_demonym_mentions for n in range(2, len(keys) + 1))

    def _region_modifies(self, ln: Line, end: int) -> bool:
        """Whether the region name ending at token `end` describes what follows it rather
        than naming the region: a province after it is a part of that province ("miền Tây
        Nghệ An"), and in English a unit noun after it makes it an adjective ("the Central
        Highlands province of Dak Lak", "Mekong Delta provinces")."""
        k = end + 1
        if k >= len(ln.toks) or not ln.joined[k]:
            return False
        after = bare_at(ln, k, self.lex)
        if after is not None and after[1][0] in ("province", "city"):
            return True
        return self.english and english_unit(ln.toks[k].low, self.lex.english)[0] is not None

    def _bare_mentions(self, ln: Line) -> None:
        toks = ln.toks
        starts = [k for k, t in enumerate(toks) if t.word and t.key in self.lex.bare_prefixes]  # bare_at's first test
        i = 0
        while (i := next_start(starts, i, len(toks))) < len(toks):
            hit = None if ln.used[i] else bare_at(ln, i, self.lex)
            if hit is None:
                i += 1
                continue
            end, (kind, canonical) = hit
            currency = end + 1 < len(toks) and toks[end + 1].text == "$" and not ln.gap(end + 1)  # "US$200"
            if any(ln.used[i : end + 1]) or person_before(ln, i, self.lex) or currency \
                    or (end == i and not lone_word_ok(ln, i, end, self.lex)):
                i += 1
                continue
            if kind == "region" and (self.english or self._region_modifies(ln, end)):
                i = end + 1  # an English page's regions describe ("the central region"), as read by hand
                continue
            if kind in ("region", "country"):
                noun = self.lex.demonyms.get(toks[i].key) if kind == "country" and end == i else None
                if noun and self._fixed_phrase(ln, i):
                    i += 1  # "Chinese New Year": no mention of the country
                    continue
                if kind == "country":  # a country keeps its name as written ("Mỹ", "Hoa Kỳ", "China")
                    written = ln.span(i, end)
                    canonical = noun or (title(written) if written.isupper() and len(written) > 4 else written)
                m = self._add(ln, i, end, kind, i, (), fixed=canonical)
                m.name = canonical
            else:
                levels = ["province"] if kind == "province" else ["district"]
                level, units = find_units(self.gaz, levels, name_key(canonical), eras(self.on))
                if not units:
                    i = end + 1
                    continue
                self._add(ln, i, end, level, i, units)
                end = self._follow(ln, end, levels) - 1
            i = end + 1
