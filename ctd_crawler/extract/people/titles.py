"""Title spans: the role (head word + organisation) before or after a person's name.

A title after the name is taken after " - ", ", ", "(" or directly when a capitalised
head word follows the name ("Phạm Thị Hà Chiên Ủy viên Ban Thường vụ"). A role given by a
verb of appointment ("được bầu làm Chủ tịch", "giữ chức") is read the same way, and marked
as such (parser.py, assemble.py).

A head may be written short ("PCT", "UVBTV", "TGĐ": abbreviated heads, matched as
written) and may open with words that stay in the title ("nguyên Chủ tịch", "Phó Chỉ huy
trưởng", "Standing Deputy Head"). An English head may have its organisation in front
("VNRC President", "Chinese Ambassador to Vietnam"). After the name, an honour or rank
before the head is part of the title as written ("Thầy thuốc ưu tú, Phó Giám đốc ...").

Inside a title: a level word (xã, huyện, tỉnh) opens a place only before a capitalised
name, and a longer lexicon phrase wins ("Ban Công tác xã hội"); lowercase words continue
an organisation's name up to a stop word (verb, preposition) or MAX_LOWER words, and an
organisation written in lower case after its type word runs on ("Ban chỉ đạo vận động
hiến máu"); "tại" + a known place, with or without its level word, is the organisation's
seat ("tại Thành phố Hồ Chí Minh"); "nhiệm kỳ 2022-2027" ends the title; an acronym in
brackets stays ("(IFRC)"), a short name defined for later does not ("(Hội)"), a duty in
brackets right after the head does ("Phó Chủ tịch (phụ trách chung) Hội ..."); "; " goes
on to another office of the same person when no name follows it; a rank before a name
("..., Đại tá Nguyễn Văn A") ends the title: it is that person's prefix. Dotted
abbreviations are one token (tokens.py), so "T.Ư", "TP. Huế" do not end a title. A
capitalised run right after "Trường", "Bệnh viện"... is the institution's name, not a
person. A title is a list of parts, one per head word: (head words, start and end token of
that head's organisation).
"""

from __future__ import annotations

from ctd_crawler.extract.people.patterns import (
    CLOSING_QUOTES,
    DASHES,
    ENGLISH_LOWER_ORG,
    MAX_LOWER,
    MAX_QUOTED,
    MAX_TITLE,
    OPENING_QUOTES,
    ORG_BEFORE_HEAD,
)
from ctd_crawler.extract.people.scanner import TokenScanner
from ctd_crawler.extract.people.tokens import phrase


def names_organisation(parts) -> bool:
    """Whether a title's parts (head, organisation start, end) name an organisation."""
    return any(org_end > org_start for _, org_start, org_end in parts)


class TitleScanner(TokenScanner):
    """Title spans over the tokens of one line."""

    def term_of_office(self, j: int) -> bool:
        """"nhiệm kỳ 2022-2027", "nhiệm kỳ mới", "nhiệm kỳ VI" at j: when, not what, the role is."""
        return bool(phrase(self.lex.titles.term_words, self.toks, j, "low")[0])

    def org_before_head(self, k: int) -> int:
        """"VNRC President", "Chinese Ambassador": capitalised words right before an English
        head (its organisation, a nationality) -> their number, or 0."""
        if not self.english:
            return 0
        firsts = self.lex.titles.english_firsts
        if not any(t.fold in firsts for t in self.toks[k + 1 : k + ORG_BEFORE_HEAD]) or self.person_at(k, min_len=2):
            return 0
        connectors = self.lex.orgs.connectors
        for j in range(k, min(self.n, k + ORG_BEFORE_HEAD)):
            t = self.word(j)
            if t is not None and j > k and t.low in connectors and self.toks[j - 1].low not in connectors \
                    and self.word(j + 1) and self.toks[j + 1].cap:
                continue  # "National Institute of Haematology and Blood Transfusion Director"
            # English words as written: the folded stop words are Vietnamese ("Viet Nam" is no "năm")
            if t is None or not t.cap or t.low in self.lex.stopwords or t.low in connectors or self.honorific(j)[0]:
                return 0
            if j > k and self.english_head(j):
                return 0 if self.alias_at(j)[0] else j - k  # "State President Ho Chi Minh": the alias
        return 0

    def level_and_place(self, j: int) -> bool:
        """A level word and a capitalised name at j ("huyện Tân Hiệp"): where the office is."""
        level, _ = phrase(self.lex.orgs.levels, self.toks, j, "low")
        nxt = self.word(j + level) if level else None
        return nxt is not None and nxt.cap and not self.person_at(j + level, min_len=2)

    def english_level_before(self, k: int) -> bool:
        """Is token k-1 a lower-case English level ("provincial", "municipal") that belongs
        to the organisation written in front of an English head at k?"""
        t = self.word(k - 1)
        return t is not None and not t.cap and t.low in self.lex.orgs.english_levels

    def title_span(self, k: int, *, head_case: bool) -> tuple[int, int | None, list]:
        """Parse a title starting with a head word (or an English head's organisation) at k.

        Returns (end token index, index of a name that ends the title or None, parts); the
        name index points at the rank or degree before the name when there is one.
        """
        lead = 0
        n, o = self.head_span(k, capitalised=head_case)
        if not n:
            lead = self.org_before_head(k)
            if not lead:
                return k, None, []
            n, o = self.head_span(k + lead, capitalised=True)
        h = k + lead  # the head (after the organisation in front of it)
        parts = [[tuple(t.low for t in self.toks[h + o : h + n]), h + n, h + n]]
        if tuple(t.fold for t in self.toks[h + o : h + n]) in self.lex.titles.name_heads:
            # "Già làng Bhling Mia": a role without an organisation; what follows is the
            # name, even without a known surname.
            run = self.name_run(h + n, bare=False)
            ok = 2 <= run <= 4 and self.name_ok(self.toks[h + n : h + n + run]) and not self.place_type(h + n + run)
            return h + n, (h + n if ok else None), parts
        end, name_at = self._organisation(h, n, parts)
        if lead and parts[0][1] == parts[0][2] == h + n:
            parts[0][1:] = [k, h]  # "VNRC President": the organisation stands in front
        return end, name_at, parts

    def _organisation(self, k: int, n: int, parts: list) -> tuple[int, int | None]:
        """Walk the organisation(s) after the head at k (n tokens); fills `parts`."""
        # Lowercase words may follow the head ("Chủ tịch danh dự", "chuyên gia quản lý
        # thảm họa của IFRC"), as they may follow any capitalised word of an organisation.
        j, chain, prev_cap = self.past_named(k + n), 0, True
        in_place = False  # after "tỉnh", "huyện": a place name, then the title ends at lowercase
        name_at = None
        while j < self.n and j - k < MAX_TITLE:
            t = self.toks[j]
            if t.kind == "w":
                # "Tổng Bí thư Tô Lâm"; a Chinese name has two syllables ("Ambassador He Wei")
                short_ok = j == k + n or self.caps(j) or t.text.isascii() and t.fold in self.lex.names.foreign
                # "Trường Đại học Y Dược Thái Bình": a capitalised run right after a word that
                # names an institution is the institution's own name, not a person.
                # ... and a known place after a level word is the place ("TP Hà Nội", though "Hà" opens names)
                if t.cap and self.ends_with(self.lex.orgs.levels, j) and (place := self.known_place(j)):
                    j, chain, prev_cap = j + place, 0, True
                    continue
                if t.cap and not self.ends_with(self.lex.names.named_after, j):
                    rank = self.prefix(j)
                    if rank and self.person_at(j + rank, min_len=2) or self.person_at(
                            j, min_len=2 if short_ok else 3):
                        name_at = j
                        break
                h_n, honorific, _ = self.honorific(j)
                if h_n and (honorific not in self.lex.cues.weak or self.name_token(j + h_n)):
                    break  # "..., ông X": the next person; but "Quỹ Bảo trợ trẻ em tỉnh" goes on
                h, o = self.head_span(j, capitalised=True)
                if h and j > k + n:
                    parts[-1][2] = self._org_end(parts[-1][1], j)  # "... Vice President and Secretary General"
                    parts.append([tuple(x.low for x in self.toks[j + o : j + h]), j + h, j + h])
                    after = self.past_named(j + h)
                    j, chain, prev_cap, in_place = after, 0, True, False  # lowercase may follow any head
                    continue
                if self.term_of_office(j):
                    break  # "nhiệm kỳ 2022-2027": dates, not part of the role
                named = (phrase(self.lex.orgs.lowercase_names, self.toks, j, "low")[0]
                         if t.cap and t.low in self.lex.orgs.lowercase_names.firsts else 0)
                if named > 1:  # "Ban chỉ đạo vận động hiến máu tình nguyện tỉnh"
                    j, chain, prev_cap, in_place = j + named, 0, True, False
                    continue
                if chain and self.lowercase_list_to_place(j):
                    j, chain = j + 1, 1  # "Hội Bảo trợ người già và trẻ mồ côi TP Cần Thơ": one name
                    continue
                if t.low in self.lex.orgs.connectors:
                    # "of the VNRC": one more connector may stand before the capitalised part
                    c = j + 2 if self.word(j + 1) and self.toks[j + 1].low in self.lex.orgs.connectors else j + 1
                    if self.word(c) and self.toks[c].low in self.lex.orgs.english_levels and self.word(c + 1):
                        c += 1  # "of the provincial People's Committee"
                    nxt = self.word(c)
                    if nxt and nxt.cap and not self.person_at(c, min_len=2) and not self.honorific(c)[0]:
                        j = c
                        continue
                    if self.english and (lower := self.english_lower_org(c)):
                        j, chain, prev_cap = c + lower, 0, True  # "of the provincial association"
                        continue
                    break
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
                if t.low in self.lex.orgs.seat_words and self.seat_follows(k + n, j, in_place):
                    seat = self.seat_at(j + 1)
                    if seat:
                        # "Hội Chữ thập đỏ Nhật Bản tại Việt Nam": the seat of the organisation
                        j, chain, prev_cap, in_place = j + 1 + seat, 0, False, True
                        continue
                if t.cap and not (self.caps(j) and self.stop(t)):
                    j, chain, prev_cap = j + 1, 0, True
                    continue
                # "Phó Tổng Biên tập báo Dân trí", "Phó Giám đốc phụ trách Trung tâm Y tế"
                joiner = self.press_named(j) or phrase(self.lex.orgs.duties, self.toks, j, "low")[0]
                if joiner and self.word(j + joiner) and self.toks[j + joiner].cap \
                        and not self.person_at(j + joiner, min_len=2):
                    j, chain, prev_cap = j + joiner, 0, True
                    continue
                # lower-case words go on a Vietnamese organisation's name; an English one's
                # end at a verb ("... Red Cross Society offers gifts")
                if not t.cap and not self.stop(t) and prev_cap and chain < MAX_LOWER and not in_place and (
                        not self.english or t.low in self.lex.orgs.english_levels or self.place_type(j)):
                    j, chain = j + 1, chain + 1
                    continue
                if self.english and prev_cap and (lower := self.english_lower_org(j)):
                    j, chain = j + lower, 0  # "the IFRC delegation", "the VRC's social work department"
                    continue
                break
            if t.text == "." and self.abbreviated_number(j):
                j, prev_cap = j + 2, False  # "Trưởng ban Điều hành KP.5": the unit's dot and its number
                continue
            if t.kind == "n":
                prev, nxt = self.toks[j - 1], self.word(j + 1)
                # "Trung tâm cấp cứu 115 Thành phố": a number inside a name that goes on
                if prev.low in self.lex.orgs.number_after or prev.cap or (
                        nxt is not None and nxt.cap and not self.person_at(j + 1, min_len=2)):
                    j, prev_cap = j + 1, False
                    continue
                break
            if t.text == "," and (self.toks[j - 1].low, self.toks[j + 1].low if j + 1 < self.n else "") \
                    in self.lex.orgs.comma_pairs:
                j += 1  # "Ban Chỉ đạo phòng, chống thiên tai": one name
                continue
            if t.text == "," and chain and self.lowercase_list_to_place(j):
                j, chain = j + 1, 1  # "Hội Bảo trợ người già, người khuyết tật và trẻ em tỉnh ..."
                continue
            if t.text in DASHES or t.text == ",":
                nxt = self.word(j + 1)
                if nxt is None or self.honorific(j + 1)[0] or self.person_at(j + 1, min_len=2):
                    break
                if self.english and nxt.low == "and" and self.word(j + 2) and self.toks[j + 2].cap \
                        and not self.person_at(j + 2, min_len=2):
                    j += 1  # "Department of Culture, Sports, and Tourism": a list inside the name
                    continue
                if not nxt.cap and self.lowercase_office(j + 1):
                    parts[-1][2] = self._org_end(parts[-1][1], j)  # ", phó chủ tịch UBND xã": another office
                    h, o = self.head_span(j + 1, capitalised=False)
                    parts.append([tuple(x.low for x in self.toks[j + 1 + o : j + 1 + h]), j + 1 + h, j + 1 + h])
                    j, chain, prev_cap, in_place = self.past_named(j + 1 + h), 0, True, False
                    continue
                if not nxt.cap and not self.head(j + 1, capitalised=True) and not self.level_and_place(j + 1) \
                        and not self.press_named(j + 1):
                    break  # ", nguyên Phó Chủ tịch ...", "– huyện Tân Hiệp", ", báo Dân Việt" go on; ", lãnh đạo huyện" does not
                if t.text == "," and phrase(self.lex.titles.group_heads, self.toks, j + 1, "low")[0]:
                    break  # ", Lãnh đạo HĐND tỉnh ...": the next attendees
                j += 1
                continue
            if t.text == ";" and self.office_follows(j + 1):
                j += 1  # "Đại biểu Quốc hội; Phó Giám đốc Sở ...": two offices of one person
                continue
            if t.text == "(":
                close = self.short_paren(j) or self.duty_paren(j, after_head=j == k + n) or self.era_paren(j)
                if close:
                    j = close
                    continue
            nxt = self.word(j + 1)
            if t.text == "/" and nxt and self.toks[j - 1].end == t.start and t.end == nxt.start:
                j += 2  # a slash glued between two words joins them, whatever their case ("Agent Orange/dioxin")
                continue
            if t.text in "&/" and nxt and nxt.cap:
                j += 1
                continue
            if t.text in OPENING_QUOTES and self.word(j - 1) and (close := self.quoted_name(j)):
                j = close  # 'Chủ nhiệm CLB “Ngôi nhà yêu thương”': the organisation's name in quotes
                continue
            break
        end = self._org_end(k + n, j)
        parts[-1][2] = max(end, parts[-1][1])
        return end, name_at

    def press_named(self, j: int) -> int:
        """Tokens of a press word before a paper's capitalised name at j ("báo Dân trí"), or 0."""
        n = phrase(self.lex.orgs.press, self.toks, j, "low")[0]
        nxt = self.word(j + n) if n else None
        return n if nxt is not None and nxt.cap and not self.person_at(j + n, min_len=2) else 0

    def english_lower_org(self, j: int) -> int:
        """Lower-case words from j that end in an English organisation noun ("disaster
        management department", "association") -> their number, or 0."""
        for m in range(j, min(self.n, j + ENGLISH_LOWER_ORG)):
            t = self.word(m)
            if t is None or t.cap or self.stop(t) or t.low in self.lex.orgs.connectors:
                return 0
            if t.low in self.lex.orgs.english_org_nouns:
                return m - j + 1
        return 0

    def lowercase_list_to_place(self, j: int) -> bool:
        """Does the "và" or "," at j join lower-case words of a Vietnamese organisation's name
        that runs on to its level and place ("người già và trẻ em tỉnh Lạng Sơn")? Without
        the place at its end, a list after an organisation names other people ("Hội người cao
        tuổi và các hội viên")."""
        if self.english or not (self.punct(j, ",") or self.toks[j].low == "và"):
            return False
        words = 0
        for m in range(j + 1, min(self.n, j + 2 + 2 * MAX_LOWER)):
            t = self.toks[m]
            if t.kind == "w" and (t.cap or t.low in self.lex.orgs.levels.firsts):
                return words > 0 and self.level_and_place(m)
            if t.kind == "w" and not self.stop(t):
                words += 1
            elif not (t.text == "," or t.low == "và") or not words:
                return False
        return False

    def lowercase_office(self, j: int) -> bool:
        """A second office written in lower case after a comma (", phó chủ tịch UBND xã
        Tân Lập"): a head that may be so written, with an organisation and no name after
        it or after it; a lower-case head alone, or an ordinary person's role (", giáo viên
        trường bạn"), is no office of the person before."""
        n, o = self.head_span(j, capitalised=False)
        if not n or phrase(self.lex.titles.group_heads, self.toks, j, "low")[0]:
            return False  # ", đại diện nhà tài trợ": whom the person stands for, no office
        if not (phrase(self.lex.titles.heads, self.toks, j + o, "fold")[1] or "")[:1].isupper():
            return False  # ", giáo viên trường bạn": the role of an ordinary person (titles.toml)
        end, name_at, parts = self.title_span(j, head_case=False)
        # "..., chủ tịch UBND xã bà B": the office of the next person, named after it
        return name_at is None and names_organisation(parts) and not self.honorific(end)[0] \
            and not self.person_at(end, min_len=2)

    def quoted_name(self, j: int) -> int:
        """Index after the closing quote of a capitalised name opening at token j, or 0."""
        first = self.word(j + 1)
        if first is None or not first.cap:
            return 0
        for k in range(j + 2, min(self.n, j + 2 + MAX_QUOTED)):
            if self.toks[k].text in CLOSING_QUOTES:
                return k + 1
        return 0

    def _org_end(self, start: int, j: int) -> int:
        """Token j, moved back over the punctuation and connectors before it (a ")" that
        closes an aside of the title stays)."""
        end = j
        while end > start and (
            self.toks[end - 1].kind == "p" or self.toks[end - 1].low in self.lex.orgs.connectors
        ) and not (self.toks[end - 1].text == ")" and self.short_paren_before(end - 1)) \
                and not self.quote_closed(start, end):
            end -= 1
        return end

    def quote_closed(self, a: int, b: int) -> bool:
        """Does token b-1 close a quote opened inside [a, b) ('CLB “Ngôi nhà yêu thương”')?"""
        return self.toks[b - 1].text in CLOSING_QUOTES and any(t.text in OPENING_QUOTES for t in self.toks[a : b - 1])

    def past_named(self, j: int) -> int:
        """Index after a head at j ends: "Trưởng Ban chỉ đạo vận động ..." (the head ends
        with the type word of an organisation written in lower case) runs over that name."""
        named = phrase(self.lex.orgs.lowercase_names, self.toks, j - 1, "low")[0]
        return j - 1 + named if named > 1 else j

    def seat_follows(self, start: int, j: int, in_place: bool) -> bool:
        """May "tại" at j open the seat of the organisation begun at `start`? After a capitalised
        word or a seated body ("Dự án tại"); after the body's own place only for a body of one
        place seated in another ("Hội đồng hương tỉnh X tại ...")."""
        if not in_place:
            return self.toks[j - 1].cap or self.ends_with(self.lex.orgs.seated, j)
        return any(phrase(self.lex.orgs.seated_elsewhere, self.toks, i, "low")[0] for i in range(start, j))

    def seat_at(self, j: int) -> int:
        """Tokens of an organisation's seat after "tại": a known place or country, with or
        without its level word ("tại Thành phố Hồ Chí Minh", "tại TP. Huế"), or a
        capitalised level word alone ("tại Thành phố"); else 0."""
        place = self.known_place(j)
        if place:
            return place
        level, _ = phrase(self.lex.orgs.levels, self.toks, j, "low")
        if not level:
            return 0
        place = self.known_place(j + level)
        if place:
            return level + place
        return level if self.toks[j].cap and not self.word(j + level) else 0

    def office_follows(self, j: int) -> bool:
        """After "; ": a capitalised head whose title names nobody (another office of the
        person before), not the next person of a list."""
        if not self.head(j, capitalised=True):
            return False
        end, name_at, parts = self.title_span(j, head_case=True)
        # "; Đại diện các Ban ngành": a head without an organisation names a group, not an office
        return (name_at is None and names_organisation(parts)
                and not (self.punct(end, ",") and self.honorific(end + 1)[0]))

    def short_paren_before(self, close: int) -> bool:
        """Does the ")" at `close` end a short aside opened inside a title ("(IFRC)")?"""
        return any(self.punct(m, "(") and close + 1 in (self.short_paren(m), self.duty_paren(m, after_head=True),
                                                        self.era_paren(m))
                   for m in range(max(0, close - 6), close))

    def short_paren(self, j: int) -> int:
        """"(CTĐ)" inside a title -> index after ")"; 0 when it is not an acronym in brackets
        ("(Hội)" names the organisation for later: it is not part of the title)."""
        for m in range(j + 1, min(self.n, j + 6)):
            if self.punct(m, ")"):
                inner = self.toks[j + 1 : m]
                return m + 1 if inner and all(t.kind == "w" and t.text.isupper() for t in inner) else 0
        return 0

    def era_paren(self, j: int) -> int:
        """A unit's era in brackets after its capitalised name ("xã Hòa An (cũ)") -> index after
        ")", else 0."""
        m, _ = phrase(self.lex.orgs.era_marks, self.toks, j + 1, "low")
        return j + m + 2 if m and self.toks[j - 1].cap and self.punct(j + m + 1, ")") else 0

    def duty_paren(self, j: int, *, after_head: bool) -> int:
        """Lowercase words in brackets that stay in the title -> index after ")", else 0: a
        duty anywhere ("Phó Chủ tịch Hội CTĐ tỉnh (phụ trách chung)"), and any such words
        right after a head, before the organisation ("Phó Chủ tịch (phụ trách) Hội ...")."""
        for m in range(j + 1, min(self.n, j + 6)):
            if self.punct(m, ")"):
                inner, nxt = self.toks[j + 1 : m], self.word(m + 1)
                if not inner or not all(t.kind == "w" and not t.cap for t in inner):
                    return 0
                if phrase(self.lex.orgs.duties, self.toks, j + 1, "low")[0]:
                    return m + 1
                return m + 1 if after_head and nxt is not None and nxt.cap else 0
        return 0

    def role_appointed(self, k: int):
        """"được bầu làm Chủ tịch Hội ...": the role a verb gives the person at token k ->
        (end, parts, first token of the role) or None."""
        n = phrase(self.lex.titles.appointed, self.toks, k, "low")[0] if self.word(k) else 0
        if not n:
            return None
        end, _, parts = self.title_span(k + n, head_case=False)
        return (end, parts, k + n) if parts else None

    def abbreviated_number(self, j: int) -> bool:
        """Is token j the dot glued between a numbered unit's abbreviation and its number ("KP.5")?"""
        if not (0 < j < self.n - 1 and self.toks[j].text == "." and self.toks[j + 1].kind == "n"):
            return False
        before, after = self.toks[j - 1], self.toks[j + 1]
        return before.low in self.lex.orgs.number_after and before.end == self.toks[j].start \
            and self.toks[j].end == after.start

    def title_after(self, k: int):
        """A title following a name at token k -> (end, parts, first token of the title) or None."""
        for _ in range(2):
            first = k + 1 if self.punct(k, DASHES | {",", "(", ":"}) else k
            if self.punct(k, DASHES | {",", ":"}):
                j = k + 1
                if self.english and j < self.n and self.toks[j].low == "the":
                    j = first = k + 2  # "Mr. A, the Chairman of ...": the article is not the title's
                head = self.after_honour(j)
                # a title after a dash or a comma may be written in lower case ("ông A -
                # phó chủ tịch UBND huyện"); after an honour or a colon ("Đồng chí: A: Chủ
                # tịch ..."), where a quote may follow, its head is capitalised
                span = self.title_span(head, head_case=head > j or self.punct(k, ":"))
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
            end, name_at, parts = span
            if name_at is not None and not any(self.toks[x].kind == "p" for x in range(end, name_at)):
                return None  # "A, Chủ tịch UBND huyện Trần Thị B": a title right before the next name is B's
            if parts:
                return end, parts, first
            return None
        return None

    def after_honour(self, j: int) -> int:
        """", Thầy thuốc ưu tú, Phó Giám đốc ...": an honour or rank written after the name
        and before a head -> the head's index (the honour stays in the title), else j."""
        p = self.prefix(j)
        if not p:
            return j
        h = j + p + (1 if self.punct(j + p, ",") else 0)
        return h if self.head(h, capitalised=True) else j
