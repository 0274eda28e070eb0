"""English pages: the unit word follows the name ("Lao Cai province", "Ha Noi capital",
"Ho Chi Minh City"), and a plural unit word follows a list ("Bat Xat and Sa Pa districts",
"Ha Noi, Ha Giang and Lao Cai provinces"); or the name follows the unit word and "of" ("the
district of Ky Son", "the communes of Ia Mo and Ia Pa"). Only names the gazetteer knows
(province aliases too: "Thua Thien Hue province"); the name shown is the gazetteer's. A mixin
of the Finder (finder.py), which owns the mentions.
"""

from __future__ import annotations

from ctd_crawler.extract.places.gazetteer import Unit, name_key
from ctd_crawler.extract.places.lines import Line
from ctd_crawler.extract.places.match import SYLLABLE, eras, find_units, name_after
from ctd_crawler.extract.places.patterns import ENGLISH_LIST_SEP, MAX_NAME, RANK


class EnglishNames:
    def _english_mentions(self, ln: Line) -> None:
        toks = ln.toks
        for i, t in enumerate(toks):
            if ln.used[i] or not t.word:
                continue
            number = self._numbered_village(ln, i)
            if number:
                self._add(ln, i, number, "village", number, ())
                continue
            opts, plural = english_unit(t.low, self.lex.english)
            if opts is None:
                continue
            if self._numbered_units(ln, i, opts):
                continue
            # "Phuoc Dai mountainous commune": the name ends before the descriptor
            described = i > 1 and toks[i - 1].low in self.lex.english_descriptors and not toks[i - 1].cap
            found = self._english_name_before(ln, i - described, opts)
            if found is not None and len(opts["levels"]) > 1:
                found = self._below_parent(ln, i, i - described, opts, found)
            if found is None and opts["levels"] == ["village"] and not plural:
                a = self._village_before(ln, i)  # villages are in no gazetteer
                if a is not None:
                    self._add(ln, a, i - 1, "village", a, ())
                    continue
            if found is None:
                self._english_names_after(ln, i, opts, plural)
                continue
            a, level, units = found
            m = self._add(ln, a, i, level, a, units)
            m.name = m.name if m.former else units[0].name
            # walk the list back: "X, Y and Z districts", and in the singular reporters also write
            # after a list joined by "and" ("Bac Ha, Muong Khuong, and Si Ma Cai district")
            listed = plural or a >= 2 and toks[a - 1].low == "and"
            while listed and a >= 2:
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
                m.name = m.name if m.former else units[0].name

    def _numbered_units(self, ln: Line, i: int, opts: dict) -> bool:
        """"District 12", "Wards 1, 2 and 5": a capitalised district or ward word before its
        numbers (quận 12, phường 1): each number a unit, named as the gazetteer names it."""
        toks = ln.toks
        if not toks[i].cap or not set(opts["levels"]) & {"district", "commune"} or opts.get("city"):
            return False
        k, found = i + 1, False
        while k < len(toks) and toks[k].text.isdigit() and not ln.used[k]:
            level, units = find_units(self.gaz, opts["levels"], name_key(toks[k].text), eras(self.on))
            if not units:
                break
            self._add(ln, i if not found else k, k, level, k, units)
            found, k = True, k + 1
            while k < len(toks) and toks[k].low in ENGLISH_LIST_SEP:
                k += 1
        return found

    def _numbered_village(self, ln: Line, i: int) -> int:
        """The number's token of "Village 3, Lang Son Commune" at i (a capitalised village word,
        a number, the unit above after a comma), or of "hamlet 6 of Tam Thai commune" (a village
        word written in lower case too, the unit above after a comma, "in" or "of"), else 0."""
        toks = ln.toks
        for words in self.lex.english_numbered:
            k = i + len(words)
            if k + 1 < len(toks) and tuple(t.low for t in toks[i:k]) == words and toks[k].text.isdigit():
                lower = not toks[i].cap and words in self.lex.english_numbered_lower
                if (toks[i].cap or lower) and self._unit_above_after(ln, k, (",", "in", "of") if lower else (",",)):
                    return k
        return 0

    def _village_before(self, ln: Line, i: int) -> int | None:
        """"in Khe Ngang hamlet, Chau Binh commune": the capitalised Vietnamese syllables before a
        village word (villages are known nowhere) are a village where the unit above it follows
        after a comma; the index of the first, else None."""
        toks = ln.toks
        a = i
        while a > 0 and i - a < 3 and toks[a - 1].word and toks[a - 1].cap and not ln.used[a - 1] \
                and ln.joined[a] and not ln.starts_sentence(a - 1) and SYLLABLE.fullmatch(toks[a - 1].low):
            a -= 1
        return a if a < i and self._unit_above_after(ln, i) else None

    def _below_parent(self, ln: Line, i: int, end: int, opts: dict, found: tuple[int, str, tuple[Unit, ...]]):
        """A unit word of several levels ("town": thị xã or thị trấn) whose parent follows it, in
        brackets or after a comma ("Vinh Loc town (Chiem Hoa)", "X town, Y district"): the name
        at a level below that parent, when there is one."""
        above = self._bracket_rank(ln, i + 1)
        if above is None and (parent := self._unit_after(ln, i)) is not None and len(parent["levels"]) == 1:
            above = RANK[parent["levels"][0]]
        if above is None or RANK[found[1]] < above:
            return found
        below = [lv for lv in opts["levels"] if RANK[lv] < above]
        again = self._english_name_before(ln, end, {**opts, "levels": below}) if below else None
        return again or found

    def _unit_above_after(self, ln: Line, k: int, seps: tuple[str, ...] = (",",)) -> bool:
        """Whether one of `seps` follows token k and an English unit word comes within a name after it."""
        return self._unit_after(ln, k, seps) is not None

    def _unit_after(self, ln: Line, k: int, seps: tuple[str, ...] = (",",)) -> dict | None:
        """The options of the first English unit word within a name after one of `seps` following token k."""
        toks = ln.toks
        if k + 1 >= len(toks) or toks[k + 1].low not in seps:
            return None
        return next((opts for t in toks[k + 2 : k + 2 + MAX_NAME + 1]
                     if (opts := english_unit(t.low, self.lex.english)[0]) is not None), None)

    def _english_name_before(self, ln: Line, i: int, opts: dict) -> tuple[int, str, tuple[Unit, ...]] | None:
        """The longest known name of capitalised words ending right before token i."""
        toks = ln.toks
        start = i
        while start > 0 and i - start < MAX_NAME:
            if start > 1 and ln.hyphen_joins(start - 1) and toks[start - 2].cap:
                start -= 1  # "Thua Thien-Hue province", "Thua-Thien Hue province"
            elif toks[start - 1].word and toks[start - 1].cap and not ln.used[start - 1] and ln.joined[start]:
                start -= 1
            else:
                break
        for a in range(start, i):
            if toks[a].text.isdigit() or not toks[a].word:
                continue  # "3 wards" is a count; a numbered unit writes its number after ("Ward 3")
            key = "".join(x.key for x in toks[a:i])
            level, units = find_units(self.gaz, opts["levels"], key, eras(self.on), opts.get("city", False))
            if not units and key in self.lex.after_unit and "province" in opts["levels"]:  # "Thua Thien Hue"
                level, units = find_units(self.gaz, ["province"], name_key(self.lex.after_unit[key]), eras(self.on))
            if units:
                return a, level, units
        return None

    def _english_names_after(self, ln: Line, i: int, opts: dict, plural: bool) -> None:
        """"the district of Ky Son", "the communes of Ia Mo and Ia Pa": known names after the
        unit word and "of", a list after a plural one."""
        toks = ln.toks
        k = i + 1
        if k + 1 >= len(toks) or toks[k].low != "of" or not toks[k + 1].word or not toks[k + 1].cap:
            return
        k += 1
        first = True
        while k < len(toks) and not ln.used[k]:
            # the list's first name must be known; the plural unit word vouches for the others
            # ("the communes of Ia Mo, Ta Rve and Ia Pa": Ta Rve too, known or not)
            found = name_after(ln, k, opts, self.gaz, self.on, self.lex, first)
            if found is None or first and not found[2]:
                return
            end, level, units = found
            if end + 1 < len(toks) and english_unit(toks[end + 1].low, self.lex.english)[0] is not None:
                return  # "communes of Van Yen district": the name of the unit word after it
            if not units and (end - k >= 3 or end + 1 < len(toks) and toks[end + 1].word
                              and toks[end + 1].low not in ENGLISH_LIST_SEP):
                return  # an unknown name (three words at most) is one only where the list goes on or ends
            first = False
            m = self._add(ln, k, end, level, k, units)
            m.name = m.name if m.former or not units else units[0].name
            k = end + 1
            if not plural or k >= len(toks) or toks[k].low not in ENGLISH_LIST_SEP:
                return
            while k < len(toks) and toks[k].low in ENGLISH_LIST_SEP:
                k += 1


def english_unit(low: str, words: dict[str, dict]) -> tuple[dict | None, bool]:
    """The options of an English unit word ("province", "districts", "cities": a possessive is
    cut off by the tokenizer) and whether it is plural."""
    if low in words:
        return words[low], False
    if low.endswith("s"):
        singular = low[:-3] + "y" if low.endswith("ies") else low[:-1]
        if singular in words:
            return words[singular], True
    return None, False
