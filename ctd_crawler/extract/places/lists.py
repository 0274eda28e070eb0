"""Names written after a place mention without a unit word of their own: lists ("các xã Tân
Lập, Hòa Bình") and hierarchies ("xã Khang Ninh, huyện Ba Bể", "huyện Thanh Hà (Hải Dương)").

The names that follow a mention, joined by commas, "và", dashes or brackets, are taken while
the gazetteer knows them. Which unit a name is, when it names several levels:
1. a parent written in brackets right after it: the name lies below that parent ("Hòa Bình
   (huyện Đà Bắc)" is a commune of Đà Bắc, not the province). The parent is a mention, and
   the list goes on after the bracket at its own level ("..., Mường Chiềng");
2. after a plural ("các", "hai", a number, or coordinated unit words: "các xã, phường") or a
   list introducer ("gồm:", "như"), the list's own level first; otherwise the levels above
   first (a hierarchy is written upwards);
3. after 1 July 2025, units in force before abolished ones: a bare name is a ward or a
   province before it is a former district ("các phường gồm: Kim Long, Phú Xuân").
A plural unit word without a name of its own announces a list after its parent and a list
introducer: "các xã thuộc huyện Đà Bắc gồm: Tiền Phong, Mường Chiềng".
A unit word ends the list unless it begins a known name ("Buôn Đôn"). A mixin of the Finder
(finder.py), which owns the mentions.
"""

from __future__ import annotations

from ctd_crawler.extract.places.gazetteer import Unit, exact_key, inside
from ctd_crawler.extract.places.lines import Line
from ctd_crawler.extract.places.match import known_name_at, name_after, person_before, unit_at
from ctd_crawler.extract.places.patterns import FOLLOW_AND, FOLLOW_PUNCT, MAX_NAME, RANK, REFORM

# Levels tried for a name that stands alone in brackets ("(Đà Bắc)"): the highest first.
PARENT_LEVELS = ["province", "district", "commune"]
COORDINATORS = (",", "/", FOLLOW_AND)  # between coordinated unit words: "các xã, phường"
MAX_ASIDE = 8  # tokens of a figure's bracket inside a list ("(11 hộ)", "(24 hộ nghèo)")
MAX_ANNOUNCED = 16  # tokens from a plural unit word to the end of the parent after it


class FollowLists:
    def _follow(self, ln: Line, end: int, levels: list[str], plural: bool = False) -> int:
        """Names after the mention ending at token `end`, at `levels` (a list) or above (a
        hierarchy). Returns the index after the last name taken."""
        toks = ln.toks
        i = end + 1
        level = levels[0]
        outside = None  # the list's level while inside brackets
        while i < len(toks):
            j, opened, closed = i, False, False
            while j < len(toks) and not toks[j].word and toks[j].text in FOLLOW_PUNCT:
                opened, closed = opened or toks[j].text == "(", closed or toks[j].text == ")"
                j += 1
            if closed and outside is not None:
                (level, levels, plural), outside = outside, None
            if opened and j < len(toks) and toks[j].text.isdigit() and (close := self._aside_end(ln, j)):
                i = close + 1  # "Đông Thành (11 hộ) và Đông Bình": a figure in brackets is an aside
                continue
            if opened and outside is None:
                outside = (level, levels, plural)
            if j < len(toks) and toks[j].low == FOLLOW_AND:
                j += 1
            if j == i or j >= len(toks) or ln.used[j] or not toks[j].word:
                break
            if self._unit_word(ln, j):
                # a parent in brackets inside a list: "Hòa Bình (huyện Đà Bắc), Mường Chiềng"
                named = self._unit_name(ln, j) if opened else None
                if named is None or not named.units or RANK[named.level] <= RANK[level]:
                    break
                self._add(ln, j, named.end, named.level, named.start, named.units, kind=named.kind)
                level, levels, plural = named.level, [named.level], False  # upwards inside the bracket
                i = named.end + 1
                continue
            higher = [lv for lv in PARENT_LEVELS[::-1] if RANK[lv] > RANK[level]]
            order = self._in_force(levels + higher if plural and not opened else higher + levels)
            if toks[j].text.isdigit():  # "phường 1, 2 và 3" is a list of numbers; "huyện A và 3 xã" is not
                if not self.mentions[-1].key.isdigit():
                    break
                order = [level]
            if plural and level == "village" and not opened:
                # villages are in no gazetteer: after a plural village word every name of the
                # list is one ("các thôn Phò Ninh, Thượng An 1 và Bồ Điền"), known elsewhere or not
                found = name_after(ln, j, {"levels": ["village"], "listed": True}, self.gaz, self.on, self.lex, False)
            else:
                found = self._choose(ln, j, {"levels": order}, True)
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
        return i

    def _aside_end(self, ln: Line, j: int) -> int | None:
        """The ")" closing a short bracket opened before token j that names no unit ("(11 hộ)",
        "(20 suất)"), else None."""
        for k in range(j, min(len(ln.toks), j + MAX_ASIDE)):
            if ln.toks[k].text == ")":
                return k
            if ln.toks[k].text == "(" or unit_at(ln, k, self.lex) is not None:
                return None
        return None

    def _announced_list(self, ln: Line, i: int, levels: list[str], parent: str) -> int:
        """The list that a plural unit word announced before the mention ending before token i:
        "các xã thuộc huyện Đà Bắc gồm: Tiền Phong, Mường Chiềng", "các xã biên giới của tỉnh
        Lào Cai: Y Tý, A Mú Sung". It follows a list introducer; known names below the parent.
        Returns the index after it."""
        toks = ln.toks
        j = i
        while j < len(toks) and (toks[j].low in self.lex.list_intro or toks[j].text == ":"):
            j += 1
        below = [lv for lv in levels if RANK[lv] < RANK[parent]]
        if j == i or j >= len(toks) or not below or ln.used[j] or not toks[j].word or not toks[j].cap:
            return i
        found = self._choose(ln, j, {"levels": below}, True)
        if found is None or not found[2]:
            return i
        stop, level, units = found
        self._add(ln, j, stop, level, j, units)
        return self._follow(ln, stop, [level], True)

    def _clause(self, ln: Line, a: int, b: int) -> bool:
        """Whether tokens a..b are one clause: no sentence punctuation between them."""
        return b - a <= MAX_ANNOUNCED and not any(t.text in ".;!?" for t in ln.toks[a:b])

    def _name_before_bracket(self, ln: Line, k: int, parent: tuple[Unit, ...], above: str) -> None:
        """A bare name right before a parent written in brackets at token k ("ở Vạn Phúc (huyện
        Thanh Trì)"): a place when, spelt exactly, it names a unit inside that parent."""
        toks = ln.toks
        start = k
        while start > 0 and k - start < MAX_NAME and toks[start - 1].word and toks[start - 1].cap \
                and not ln.used[start - 1] and (start == k or ln.joined[start]):
            start -= 1
        below = [lv for lv in PARENT_LEVELS[::-1] if RANK[lv] < RANK[above]]
        if not below:  # a commune in brackets: no unit of ours lies inside it
            return
        for a in range(start, k - 1):  # two syllables or more
            found = name_after(ln, a, {"levels": below}, self.gaz, self.on, self.lex, True)
            if found is None or found[0] != k - 1:
                continue
            units = tuple(u for u in found[2] if exact_key(u.name) == exact_key(ln.span(a, k - 1))
                          and any(inside(u, h) for h in parent))
            if units and not person_before(ln, a, self.lex):  # "Lò Thị Tiền Phong (huyện Đà Bắc)" is a person
                self._add(ln, a, k - 1, found[1], a, units)
            return

    def _choose(self, ln: Line, j: int, opts: dict, known_only: bool) -> tuple[int, str, tuple[Unit, ...]] | None:
        """The name at token j (name_after), at a level below the parent written in brackets
        right after it when there is one."""
        found = name_after(ln, j, opts, self.gaz, self.on, self.lex, known_only)
        if found is None or not found[2]:
            return found
        above = self._bracket_rank(ln, found[0] + 1)
        if above is not None and RANK[found[1]] >= above:
            below = [lv for lv in opts["levels"] if RANK.get(lv, 0) < above]
            again = name_after(ln, j, {**opts, "levels": below}, self.gaz, self.on, self.lex, True) if below else None
            if again is not None and again[2]:
                return again
        return found

    def _bracket_rank(self, ln: Line, k: int) -> int | None:
        """The rank of a known parent written in brackets from token k: "(huyện Đà Bắc)", "(Đà Bắc)"."""
        toks = ln.toks
        if k + 1 >= len(toks) or toks[k].text != "(" or not toks[k + 1].word:
            return None
        if self._unit_word(ln, k + 1):
            named = self._unit_name(ln, k + 1, refine=False)
            return RANK[named.level] if named is not None and named.units else None
        found = name_after(ln, k + 1, {"levels": PARENT_LEVELS}, self.gaz, self.on, self.lex, True)
        return RANK[found[1]] if found is not None else None

    def _unit_word(self, ln: Line, j: int) -> bool:
        """A unit word at token j that does not begin a known name."""
        return unit_at(ln, j, self.lex) is not None and known_name_at(ln, j, self.gaz, self.on, self.lex) is None

    def _plural_before(self, ln: Line, i: int) -> bool:
        """Whether the unit word at token i is plural: "các huyện", "hai xã", "3 xã", and
        coordinated after a plural one ("các xã, phường", "những thôn và bản")."""
        toks = ln.toks
        k = i - 1
        while k >= 1 and (toks[k].text in COORDINATORS or toks[k].low == FOLLOW_AND):
            start = next((k - size for size in (3, 2, 1) if k - size >= 0
                          and (u := unit_at(ln, k - size, self.lex)) is not None and u[0] == k - 1), None)
            if start is None:
                break
            k = start - 1
        return k >= 0 and (toks[k].low in self.lex.plural or toks[k].text.isdigit())

    def _in_force(self, levels: list[str]) -> list[str]:
        """After the reform, districts (abolished) after the levels in force."""
        if self.on is None or self.on < REFORM or "district" not in levels:
            return levels
        return [lv for lv in levels if lv != "district"] + ["district"]
