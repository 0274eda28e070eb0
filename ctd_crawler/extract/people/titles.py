"""Title spans: the role (head word + organisation) before or after a person's name.

A title after the name is taken after " - ", ", ", "(" or directly when a capitalised
head word follows the name ("Phạm Thị Hà Chiên Ủy viên Ban Thường vụ"), or after words
of appointment ("được bầu giữ chức", "giữ chức").

Inside a title: a level word (xã, huyện, tỉnh) opens a place only before a capitalised
name, and a longer lexicon phrase wins ("Ban Công tác xã hội"); lowercase words continue
an organisation's name up to a stop word (verb, preposition) or MAX_LOWER words;
"tại" + a known place or country is the organisation's seat; "nhiệm kỳ 2022-2027" ends
the title; a capitalised run right after "Trường", "Bệnh viện"... is the institution's
name, not a person. A title is a list of parts, one per head word: (head words, start and
end token of that head's organisation).
"""

from __future__ import annotations

from ctd_crawler.extract.people.patterns import DASHES, MAX_LOWER, MAX_TITLE
from ctd_crawler.extract.people.scanner import TokenScanner
from ctd_crawler.extract.people.tokens import phrase


class TitleScanner(TokenScanner):
    """Title spans over the tokens of one line."""

    def term_of_office(self, j: int) -> bool:
        """"nhiệm kỳ 2022-2027" at j."""
        n, _ = phrase(self.lex.titles.term_words, self.toks, j, "low")
        return bool(n) and 0 <= j + n < self.n and self.toks[j + n].kind == "n"

    def title_span(self, k: int, *, head_case: bool) -> tuple[int, int | None, list]:
        """Parse a title starting with a head word at k.

        Returns (end token index, index of a name that ends the title or None, parts).
        """
        n = self.head(k, capitalised=head_case)
        if not n:
            return k, None, []
        parts = [[tuple(t.low for t in self.toks[k : k + n]), k + n, k + n]]
        if tuple(t.fold for t in self.toks[k : k + n]) in self.lex.titles.name_heads:
            # "Già làng Bhling Mia": a role without an organisation; what follows is the
            # name, even without a known surname.
            run = self.name_run(k + n, bare=False)
            ok = 2 <= run <= 4 and self.name_ok(self.toks[k + n : k + n + run]) and not self.place_type(k + n + run)
            return k + n, (k + n if ok else None), parts
        # Lowercase words may follow the head ("Chủ tịch danh dự", "chuyên gia quản lý
        # thảm họa của IFRC"), as they may follow any capitalised word of an organisation.
        j, chain, prev_cap = k + n, 0, True
        in_place = False  # after "tỉnh", "huyện": a place name, then the title ends at lowercase
        name_at = None
        while j < self.n and j - k < MAX_TITLE:
            t = self.toks[j]
            if t.kind == "w":
                short_ok = j == k + n or self.caps(j)  # "Tổng Bí thư Tô Lâm"
                # "Trường Đại học Y Dược Thái Bình": a capitalised run right after a word that
                # names an institution is the institution's own name, not a person.
                if t.cap and not self.ends_with(self.lex.names.named_after, j) and self.person_at(
                    j, min_len=2 if short_ok else 3
                ):
                    name_at = j
                    break
                h_n, honorific, _ = self.honorific(j)
                if h_n and (honorific not in self.lex.cues.weak or self.name_token(j + h_n)):
                    break  # "..., ông X": the next person; but "Quỹ Bảo trợ trẻ em tỉnh" goes on
                h = self.head(j, capitalised=True)
                if h and j > k + n:
                    parts[-1][2] = j
                    parts.append([tuple(x.low for x in self.toks[j : j + h]), j + h, j + h])
                    j, chain, prev_cap, in_place = j + h, 0, False, False
                    continue
                if self.term_of_office(j):
                    break  # "nhiệm kỳ 2022-2027": dates, not part of the role
                m, _ = phrase(self.lex.orgs.inside, self.toks, j, "low")
                # "Thường trực" capitalised is still one inside phrase ("Phó Trưởng ban Thường trực").
                if m and (not t.cap or m > 1 or self.caps(j)):
                    level, _ = phrase(self.lex.orgs.levels, self.toks, j, "low")
                    # A longer inside phrase is an ordinary word, not a level + place:
                    # "Ban Công tác xã hội" ("xã hội" = social), not "xã" + a commune.
                    level = level if level >= m else 0
                    j += m
                    if level:
                        j += self.place_after_level(j)
                    # after "trường", "chi hội" the name may go on in lower case ("trường mầm
                    # non"); after a level without a place the title ends at lowercase
                    chain, prev_cap, in_place = 0, not level, bool(level)
                    continue
                if t.low in self.lex.orgs.seat_words:
                    place = self.known_place(j + 1)
                    if place and self.toks[j - 1].kind == "w" and self.toks[j - 1].cap:
                        # "Hội Chữ thập đỏ Nhật Bản tại Việt Nam": the seat of the organisation
                        j, chain, prev_cap, in_place = j + 1 + place, 0, False, True
                        continue
                if t.low in self.lex.orgs.connectors:
                    nxt = self.word(j + 1)
                    if nxt and nxt.cap and not self.person_at(j + 1, min_len=2) and not self.honorific(j + 1)[0]:
                        j += 1
                        continue
                    break
                if t.cap and not (self.caps(j) and self.stop(t)):
                    j, chain, prev_cap = j + 1, 0, True
                    continue
                if not t.cap and not self.stop(t) and prev_cap and chain < MAX_LOWER and not in_place:
                    j, chain = j + 1, chain + 1
                    continue
                break
            if t.kind == "n":
                prev = self.toks[j - 1]
                if prev.low in self.lex.orgs.number_after or prev.cap:
                    j, prev_cap = j + 1, False
                    continue
                break
            if t.text in DASHES or t.text == ",":
                nxt = self.word(j + 1)
                if nxt is None or not nxt.cap or self.honorific(j + 1)[0] or self.person_at(j + 1, min_len=2):
                    break
                j += 1
                continue
            if t.text == "(" and self.short_paren(j):
                j = self.short_paren(j)
                continue
            if t.text in "&/" and self.word(j + 1) and self.toks[j + 1].cap:
                j += 1
                continue
            break
        end = j
        while end > k + n and (
            self.toks[end - 1].kind == "p" or self.toks[end - 1].low in self.lex.orgs.connectors
        ) and not (self.toks[end - 1].text == ")" and self.short_paren_before(end - 1)):
            end -= 1
        parts[-1][2] = max(end, parts[-1][1])
        return end, name_at, parts

    def short_paren_before(self, close: int) -> bool:
        """Does the ")" at `close` end a short aside opened inside a title ("(IFRC)")?"""
        return any(self.punct(m, "(") and self.short_paren(m) == close + 1 for m in range(max(0, close - 6), close))

    def short_paren(self, j: int) -> int:
        """"(CTĐ)" inside a title -> index after ")"; 0 when it is not a short aside."""
        for m in range(j + 1, min(self.n, j + 6)):
            if self.punct(m, ")"):
                inner = self.toks[j + 1 : m]
                return m + 1 if inner and all(t.kind == "w" and t.cap for t in inner) else 0
        return 0

    def title_after(self, k: int):
        """A title following a name at token k -> (end, parts, first token of the title) or None."""
        for _ in range(2):
            first = k + 1 if self.punct(k, DASHES | {",", "("}) else k
            appointed = phrase(self.lex.titles.appointed, self.toks, k, "low")[0] if self.word(k) else 0
            if appointed:
                # "bà X được bầu giữ chức Chủ tịch Hội ...": the role the person takes
                first = k + appointed
                span = self.title_span(first, head_case=False)
            elif self.punct(k, DASHES | {","}):
                span = self.title_span(k + 1, head_case=not self.punct(k, ","))
            elif self.punct(k, "("):
                span = self.title_span(k + 1, head_case=False)
                if span[0] == k + 1:  # "(SN 1965, trú tại thôn F)": skip the aside once
                    close = next((m for m in range(k + 1, min(self.n, k + 30)) if self.punct(m, ")")), None)
                    if close is None:
                        return None
                    k = close + 1
                    continue
            else:
                span = self.title_span(k, head_case=True)
            end, _name_at, parts = span
            if parts:
                return end, parts, first
            return None
        return None
