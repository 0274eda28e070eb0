"""Finding the place mentions of an article, line by line.

On each line, in this order:
1. Unit words ("tỉnh", "huyện", "xã", "thôn", "TP.", "H.", ...) followed by a name
   (see match.py). Lists after one unit word ("các huyện Ba Bể, Pác Nặm") and the
   hierarchy written after a name ("xã Khang Ninh, huyện Ba Bể", "huyện Thanh Hà (Hải
   Dương)") are followed while the names are known.
2. English pages: a unit word after the name ("Lao Cai province", "Ha Noi capital",
   "Ho Chi Minh City"), and plural unit words after a list ("Bat Xat and Sa Pa
   districts", "Ha Noi, Ha Giang and Lao Cai provinces"); only names the gazetteer knows.
3. Bare names from the lexicons (regions, countries, provinces, well-known cities).
   ALL-CAPS lines give no capitalisation signal: only known names are taken there.

Decisions:
- Organisation names still mention their province ("Hội Chữ thập đỏ tỉnh Bắc Giang",
  "tỉnh hội Bắc Kạn" -> Bắc Kạn).
- "Việt Nam" is not extracted (it is in every organisation name of this corpus).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from ctd_crawler.extract.places.gazetteer import Unit, load_gazetteer, name_key
from ctd_crawler.extract.places.institutions import mark_institutions
from ctd_crawler.extract.places.lexicon import lexicon
from ctd_crawler.extract.places.lines import Line, title
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
from ctd_crawler.extract.places.patterns import (
    ENGLISH_LIST_SEP,
    FOLLOW_AND,
    FOLLOW_PUNCT,
    MAX_NAME,
    POSSESSIVE,
    RANK,
)


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


class Finder:
    def __init__(self, text: str, on: date | None, lang: str):
        self.text = text
        self.on = on
        self.english = lang.lower().startswith("en")
        self.gaz = load_gazetteer()
        self.lex = lexicon()
        self.mentions: list[Mention] = []

    def run(self) -> list[Mention]:
        offset = 0
        for line in self.text.split("\n"):
            if line.strip():
                ln = Line(self.text, line, offset)
                mark_institutions(ln, self.lex, self.gaz, self.on, self.english)
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
            shown = " ".join(t.text for t in ln.toks[a:name_a] if t.word).capitalize() + " " + name
        key = name_key(name)
        if units and name.isdigit() and len({u.name for u in units}) == 1:
            name = units[0].name  # "phường 2" is "Phường 2" even before it is resolved
        m = Mention(ln.toks[a].start, ln.toks[b].end, ln.span(a, b), level, shown if not units else name,
                    key, units, kind, fixed, known=bool(units) or fixed is not None)
        for k in range(a, b + 1):
            ln.used[k] = True
        self.mentions.append(m)
        return m

    def _unit_mentions(self, ln: Line) -> None:
        toks, lex = ln.toks, self.lex
        i = 0
        while i < len(toks):
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
            named = known_name_at(ln, i, self.gaz, self.on, lex)
            if named is not None:  # a unit word that begins a name: "Buôn Đôn", "Buôn Ma Thuột"
                i = self._named_at(ln, i, named)
                continue
            unit = unit_at(ln, i, lex)
            if unit is None or unit[0] + 1 >= len(toks):
                i += 1
                continue
            last, opts = unit
            j = last + 1
            if toks[i].text.isupper() and len(toks[i].text) > 1 and toks[j].text == "." and j + 1 < len(toks):
                j += 1  # "TP. Hồ Chí Minh"
            known_only = opts.get("abbrev") or opts.get("known_only", False)
            skip = descriptor_at(ln, j, lex)
            if skip:
                j, known_only = j + skip, True
            if ln.used[j] or not toks[j].word:
                i += 1
                continue
            found = name_after(ln, j, opts, self.gaz, self.on, lex, known_only)
            if found is None:
                i += 1
                continue
            end, level, units = found
            kind = opts.get("kind") or " ".join(t.text for t in toks[i : last + 1]).capitalize()
            if units and toks[j].text.isdigit():  # "Quận 3" only after its own unit word, not "huyện 3 lần"
                units = tuple(u for u in units if u.kind.lower() == kind.lower())
                if not units:
                    i += 1
                    continue
            self._add(ln, i, end, level, j, units, kind=kind)
            plural = i > 0 and (toks[i - 1].low in lex.plural or toks[i - 1].text.isdigit())
            i = self._follow(ln, end, [level] if units else opts["levels"], plural)

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

    def _follow(self, ln: Line, end: int, levels: list[str], plural: bool = False) -> int:
        """Names after a mention: the units above it ("(Hải Dương)", ", Bắc Kạn") or a
        list at the same level ("các huyện Ba Bể, Pác Nặm": same level first after a
        plural). Known names only. Returns the index after the last name."""
        toks = ln.toks
        i = end + 1
        level = levels[0]
        while i < len(toks):
            j = i
            while j < len(toks) and not toks[j].word and toks[j].text in FOLLOW_PUNCT:
                j += 1
            if j < len(toks) and toks[j].low == FOLLOW_AND:
                j += 1
            if j == i or j >= len(toks) or ln.used[j] or not toks[j].word:
                break
            if unit_at(ln, j, self.lex) and known_name_at(ln, j, self.gaz, self.on, self.lex) is None:
                break
            higher = [lv for lv in ("commune", "district", "province") if RANK[lv] > RANK[level]]
            order = levels + higher if plural and toks[i].text != "(" else higher + levels
            if toks[j].text.isdigit():  # "phường 1, 2 và 3" is a list of numbers; "huyện A và 3 xã" is not
                if not self.mentions[-1].key.isdigit():
                    break
                order = [level]
            found = name_after(ln, j, {"levels": order}, self.gaz, self.on, self.lex, True)
            if found is None:
                break
            stop, lv, units = found
            if RANK.get(lv, 0) < RANK.get(level, 0):
                break
            self._add(ln, j, stop, lv, j, units)
            if lv != level:
                levels, plural = [lv], False
            level = lv
            i = stop + 1
            if i < len(toks) and toks[i].text == ")":
                i += 1
        return i

    def _english_mentions(self, ln: Line) -> None:
        """"Lao Cai province", "Bat Xat district", and plural lists after one unit word:
        "Bat Xat and Sa Pa districts", "Ha Noi, Ha Giang and Lao Cai provinces"."""
        toks = ln.toks
        for i, t in enumerate(toks):
            if ln.used[i] or not t.word:
                continue
            word = POSSESSIVE.sub("", t.low)  # "province's"
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
                if toks[sep].low not in ENGLISH_LIST_SEP:
                    break
                if toks[sep].low == "and" and sep >= 1 and toks[sep - 1].text == ",":
                    sep -= 1  # "X, Y, and Z"
                found = self._english_name_before(ln, sep, opts)
                if found is None:
                    break
                a, level, units = found
                m = self._add(ln, a, sep - 1, level, a, units)
                m.name = units[0].name

    def _english_name_before(self, ln: Line, i: int, opts: dict) -> tuple[int, str, tuple[Unit, ...]] | None:
        """The longest known name of capitalised words ending right before token i."""
        toks = ln.toks
        start = i
        while start > 0 and i - start < MAX_NAME and toks[start - 1].word and toks[start - 1].cap \
                and not ln.used[start - 1] and ln.joined[start]:
            start -= 1
        for a in range(start, i):
            key = "".join(x.key for x in toks[a:i])
            level, units = find_units(self.gaz, opts["levels"], key, eras(self.on), opts.get("city", False))
            if units:
                return a, level, units
        return None

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
        word = POSSESSIVE.sub("", ln.toks[k].low)
        return self.english and (word in self.lex.english or word.rstrip("s") in self.lex.english
                                 or word[:-3] + "y" in self.lex.english)

    def _bare_mentions(self, ln: Line) -> None:
        toks = ln.toks
        i = 0
        while i < len(toks):
            hit = None if ln.used[i] else bare_at(ln, i, self.lex)
            if hit is None:
                i += 1
                continue
            end, (kind, canonical) = hit
            if any(ln.used[i : end + 1]) or person_before(ln, i, self.lex) \
                    or (end == i and not lone_word_ok(ln, i, end)):
                i += 1
                continue
            if kind == "region" and self._region_modifies(ln, end):
                i = end + 1
                continue
            if kind in ("region", "country"):
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
