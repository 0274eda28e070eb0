"""English pages: the unit word follows the name ("Lao Cai province", "Ha Noi capital",
"Ho Chi Minh City"), and a plural unit word follows a list ("Bat Xat and Sa Pa districts",
"Ha Noi, Ha Giang and Lao Cai provinces"). Only names the gazetteer knows; the name shown is
the gazetteer's. A mixin of the Finder (finder.py), which owns the mentions.
"""

from __future__ import annotations

from ctd_crawler.extract.places.gazetteer import Unit
from ctd_crawler.extract.places.lines import Line
from ctd_crawler.extract.places.match import eras, find_units
from ctd_crawler.extract.places.patterns import ENGLISH_LIST_SEP, MAX_NAME, POSSESSIVE


class EnglishNames:
    def _english_mentions(self, ln: Line) -> None:
        toks = ln.toks
        for i, t in enumerate(toks):
            if ln.used[i] or not t.word:
                continue
            opts, plural = english_unit(t.low, self.lex.english)
            if opts is None:
                continue
            found = self._english_name_before(ln, i, opts)
            if found is None:
                continue
            a, level, units = found
            m = self._add(ln, a, i, level, a, units)
            m.name = m.name if m.former else units[0].name
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
                m.name = m.name if m.former else units[0].name

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


def english_unit(low: str, words: dict[str, dict]) -> tuple[dict | None, bool]:
    """The options of an English unit word ("province's", "districts", "cities") and whether
    it is plural."""
    word = POSSESSIVE.sub("", low)
    if word in words:
        return words[word], False
    if word.endswith("s"):
        singular = word[:-3] + "y" if word.endswith("ies") else word[:-1]
        if singular in words:
            return words[singular], True
    return None, False
