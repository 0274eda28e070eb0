"""Person mentions in one line of text (a paragraph or caption).

A mention is found in one of four shapes, tried in this order at each token:

1. a fixed alias ("Bác Hồ");
2. a cue: honorific and/or prefix, then an optional title, then a name
   ("đồng chí Bùi Thị Hòa", "PGS. TS. Nguyễn Hà Thanh", "ông Phó Chủ tịch UBND tỉnh X");
3. a title before a name ("Phó Thủ tướng Chính phủ Vũ Đức Đam");
4. a bare name: a known surname opening 3-5 capitalised syllables, or 2 when a title
   follows ("Vũ Đam, Phó Thủ tướng").

A title before ", honorific name" is that person's ("Chủ tịch UBND xã X, ông Y, cho biết";
a rank may stand for the honorific: "..., Đại tá Z") unless it follows "thay mặt", "của"...
(then Y acts for the title holder). Names following a person with ", " or " và " continue a
list with the same honorific. A role given by a verb ("ông X được bầu làm Chủ tịch Hội")
is marked `appointed`: it is the person's title only when no mention states one
(assemble.py).

Not people: a bare name after a house number ("374 Lê Lợi" is a street; "ngày 5/3" before
a name is a date), and a bare name opening a line that runs into the first words of a
sentence ("Mai Lan Trong tháng 5 ..."): a byline glued to the text.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ctd_crawler.extract.people.patterns import (
    CLOSING_QUOTES,
    DASHES,
    DATE_WORDS,
    GROUP_NAME_BREAKS,
    GROUP_NAME_GAP,
    MAX_LISTED,
    MAX_NAME,
    OPENING_QUOTES,
    SPEECH_VERBS_EN,
)
from ctd_crawler.extract.people.titles import TitleScanner, names_organisation
from ctd_crawler.extract.people.tokens import Tok, phrase
from ctd_crawler.extract.text import fold


@dataclass
class Mention:
    name_toks: list[Tok]
    honorific: str | None = None
    prefix: str | None = None
    title_span: tuple[int, int] | None = None  # char offsets
    parts: list[tuple[tuple[str, ...], int, int]] = field(default_factory=list)  # head, org start/end
    start: int = 0
    end: int = 0
    alias: bool = False
    appointed: bool = False  # the title is a role given by a verb ("được bầu làm ...")
    other_name: list[Tok] = field(default_factory=list)  # in brackets after the name ("(Ngọc Hoyer)")


class LineParser(TitleScanner):
    """Finds person mentions in one line: `parse` walks the tokens, `at` tries the shapes."""

    def parse(self, base: int) -> list[Mention]:
        """Every mention in the line; `base` is the line's offset in the text."""
        self.base = base
        out: list[Mention] = []
        i = 0
        while i < self.n:
            got = self.at(i)
            if got is None:
                i += 1
                continue
            mentions, i = got
            out.extend(mentions)
        return out

    def at(self, i: int):
        """Mentions opening at token i (shapes 1-4 in order) -> (mentions, next token) or None."""
        t = self.toks[i]
        if t.kind != "w":
            return None
        lex = self.lex
        if not t.cap and t.low not in lex.cues.first_words and t.fold not in lex.cues.first_words:
            return None  # most tokens: a lowercase word that cannot open a cue or a title
        n_alias, name = self.alias_at(i) if t.text in lex.cues.alias_firsts else (0, None)
        if n_alias:
            tok = Tok(name, t.start, self.toks[i + n_alias - 1].end, "w", name.lower(), fold(name), True, False, name)
            m = Mention([tok], start=t.start, end=tok.end, alias=True)
            named = len(name.split())  # "Chủ tịch Hồ Chí Minh": the words before the name are a title
            if n_alias > named and fold(" ".join(w.text for w in self.toks[i + n_alias - named:i + n_alias])) == fold(name):
                m.title_span = self.char_span(i, i + n_alias - named)
            return [m], i + n_alias
        h_n, honorific, plural = self.honorific(i)
        j = i + h_n
        if plural and self.punct(j, ":"):
            j += 1
        p_n = self.prefix(j)
        prefix = self.prefix_text(j, p_n)
        j += p_n
        cue = bool(h_n or p_n)
        if (self.head(j, capitalised=False) and not self.named_by_org_word(j)
                or self.english and self.org_before_head(j)):
            end, name_at, parts = self.title_span(j, head_case=False)
            if not cue and parts and parts[0][1] == j and self.english_level_before(j):
                j = parts[0][1] = j - 1  # "municipal Party Committee Secretary": the level is the title's
            if name_at is None and not cue and self.punct(end, ",") and not self.ends_with(self.lex.titles.on_behalf, j):
                # "Chủ tịch UBND xã Mường Xén, ông Lầu Bá Chò, cho biết": the title
                # stands before the comma and the honorific.
                got = self.after_title(end + 1, (j, end, parts), bare=False, closed=True)
                if got is not None:
                    return got
            if name_at is None and not cue and self.punct(end, DASHES):
                # "Bí thư xã Phú Mỹ - Tạ Minh Quân cho biết": a caption's title, a dash, the name
                got = self.after_title(end + 1, (j, end, parts), bare=True)
                if got is not None:
                    return got
            if name_at is None:
                return ([], end) if not cue else None
            rank = self.prefix(name_at)  # "Giám đốc Công an tỉnh Đại tá Nguyễn Văn A"
            prefix = prefix or self.prefix_text(name_at, rank)
            name_at += rank
            n = self.name_run(name_at, bare=False)
            m, k = self.mention(name_at, n, i, honorific=honorific, prefix=prefix, pre_title=(j, end, parts))
            return self.listed([m], k, honorific)
        if cue:
            n = self.name_run(j, bare=False)
            if n == 0 or (honorific in lex.cues.weak and n < 2 and not p_n):
                return None
            if self.place_type(j + n - 1):
                return None  # "Hoa Thuong Commune": a place ends in its type; no "Hòa thượng" Commune
            if not self.name_ok(self.toks[j : j + n], cue=True):
                return None
            if h_n and not p_n and not self.name_ok(self.toks[i : j + n]):
                return None  # "Bà Rịa", "Bà Chiểu": a place named with the honorific
            m, k = self.mention(j, n, i, honorific=honorific, prefix=prefix)
            return self.listed([m], k, honorific)
        return self.bare(i)

    def after_title(self, i: int, pre_title, *, bare: bool, closed: bool = False):
        """An honorific (or a rank) + name at i that takes the title standing before the comma
        or dash; a surname-led name without either will do after a dash (`bare`), or, after a
        comma, closed by another or followed by its verb (`closed`: "Party Secretary of X Commune,
        Le Quang Quynh, said", a caption's "Deputy Chairwoman of X, Le Thi Thu presents gifts")."""
        h_n, honorific, plural = self.honorific(i)
        if plural:
            return None
        j = i + h_n
        p_n = self.prefix(j)
        if not h_n and not p_n:
            n = self.person_at(j, min_len=2)
            if not (n and (bare or closed and (self.punct(j + n, ",") or n >= 3 and self.verb_after(j + n)))):
                return None  # a full name before the verb: two syllables there may be words ("Phó Tham mưu")
        prefix = self.prefix_text(j, p_n)
        j += p_n
        n = self.name_run(j, bare=False)
        if n < 2 or not self.name_ok(self.toks[j : j + n], cue=True):
            return None
        m, k = self.mention(j, n, i, honorific=honorific, prefix=prefix, pre_title=pre_title)
        m.start = self.toks[pre_title[0]].start
        return [m], k

    def named_by_org_word(self, j: int) -> bool:
        """Is the head at j the rest of an organisation's name whose word stands right before it
        ("Bộ Tư lệnh", "Ban Giám đốc", "Ban Chủ nhiệm"): a body, not a person's office?"""
        prev = self.word(j - 1)
        return (prev is not None and prev.cap and not self.sentence_start(j)
                and phrase(self.lex.orgs.words, self.toks, j - 1, "tkey")[0] == 1)

    def verb_after(self, k: int) -> bool:
        """Is token k a lower-case word that is no connector: the verb after a name ("..., Le
        Thi Thu presents gifts"), not the next name of a list ("..., A and B attended")."""
        t = self.word(k)
        return t is not None and not t.cap and t.low not in self.lex.orgs.connectors

    def bare(self, i: int):
        """Shape 4: a surname-led name without a cue."""
        prev = self.word(i - 1)
        if prev is not None and prev.cap and not (self.sentence_start(i - 1) and prev.low in self.lex.stopwords):
            return None  # inside a capitalised run: an organisation or heading
        if self.ends_with(self.lex.names.not_before, i):
            return None
        if self.punct(i - 1, ":") and self.ends_with(self.lex.names.credit, i - 1) or (
                i > 0 and self.toks[i - 1].low == "by" and self.ends_with(self.lex.names.credit_by, i)):
            return None  # "Ảnh: Minh Anh", "Photo by Tran Nam" are credits, not mentions
        if self.caps(i):
            return None  # all-caps headings: bare names need a cue there
        if i and self.toks[i - 1].kind == "n" and self.house_number(i - 1):
            return None  # "374 Lê Lợi": a street
        n = self.person_at(i, min_len=2)
        speaker = self.plain and self.quote_speaker(i)
        given_first = not n and (self.english or speaker) and self.given_name_led_at(i)
        n = n or given_first
        if not n or self.group_named(i):
            return None  # no name, or a group's ("Quỹ hỗ trợ cộng đồng Lê Văn Minh")
        if i == 0 and self.sentence_opener(i + n):
            return [], i + n  # "Mai Lan Trong tháng 5": a byline glued to the first sentence
        after = self.title_after(i + n)
        if n < 3 and after is None and not speaker:
            return None  # a bare two-syllable name needs its title beside it
        if given_first and not speaker and (after is None or not names_organisation(after[1])):
            return None  # a given-name-first one, a title that names its organisation, or a quote's speaker
        m, k = self.mention(i, n, i)
        return self.listed([m], k, None)

    def quote_speaker(self, i: int) -> bool:
        """Does the name at token i follow a quote and its verb ("...,” said Marta Kowalski")?
        A quote's speaker is a person, whatever the name's language."""
        if i < 2 or self.toks[i - 1].low not in SPEECH_VERBS_EN:
            return False
        return self.punct(i - 2, CLOSING_QUOTES) or i >= 3 and self.punct(i - 2, ",") and self.punct(i - 3, CLOSING_QUOTES)

    def group_named(self, i: int) -> bool:
        """Is the name at i a group's, its kind written before it ("Quỹ hỗ trợ cộng đồng Lê
        Văn Minh")? A capitalised group word up to GROUP_NAME_GAP words back, no function
        word between ("Nhóm thiện nguyện do Lê Văn Minh lập": his group, he is a person)."""
        firsts = self.lex.names.named_groups.firsts
        for j in range(i - 1, max(-1, i - 1 - GROUP_NAME_GAP), -1):
            t = self.toks[j]
            if t.text in OPENING_QUOTES:
                continue  # 'CLB “Vì Hoàng Sa”': the name in quotes
            if t.kind != "w" or t.low in GROUP_NAME_BREAKS:
                return False
            if t.cap and t.low in firsts and phrase(self.lex.names.named_groups, self.toks, j, "low")[0]:
                return True
        return False

    def house_number(self, j: int) -> bool:
        """Is token j a number before a street name ("374 Lê Lợi", "19/52 To Ngoc Van"),
        not a date ("ngày 5/3", "tháng 6/2024")?"""
        if not (0 <= j < self.n and self.toks[j].kind == "n"):
            return False
        prev = self.word(j - 1)
        return prev is None or prev.low not in DATE_WORDS

    def listed(self, found: list[Mention], k: int, honorific: str | None):
        """", B và C" after a person: more names sharing the honorific."""
        for _ in range(MAX_LISTED):
            j = k
            if self.punct(j, ",;"):
                j += 1
            t = self.word(j)
            if t is not None and t.low in self.lex.cues.list_joiners:
                j += 1
            if j == k or self.honorific(j)[0]:
                break
            n = self.person_at(j, min_len=2)
            if not n:
                break
            m, k = self.mention(j, n, j, honorific=honorific)
            found.append(m)
        return found, k

    # ---- one mention: the name, its title before or after, char offsets

    def mention(self, name_i: int, name_n: int, start_i: int, *, honorific=None, prefix=None,
                pre_title=None) -> tuple[Mention, int]:
        """The mention of the name at name_i (name_n tokens), starting at start_i, with the
        title before it (`pre_title`: token span and parts) or the one after it."""
        toks = self.toks
        m = Mention(toks[name_i : name_i + name_n], honorific, prefix, start=toks[start_i].start)
        k = self.past_other_name(name_i + name_n)
        if k > name_i + name_n:
            m.other_name = toks[name_i + name_n + 1 : k - 1]
        end_tok = k
        if pre_title is not None:
            a, b, parts = pre_title
            m.title_span, m.parts = self.char_span(a, b), self.char_parts(parts)
        appointed = self.role_appointed(k)
        after = appointed or self.title_after(k)
        if after is not None:
            end, parts, first = after
            if pre_title is None or tuple(map(fold, pre_title[2][0][0])) in self.lex.titles.stand_in:
                m.title_span, m.parts = self.char_span(first, end), self.char_parts(parts)
                m.appointed = appointed is not None
            end_tok = end
            if self.punct(end, ")"):
                end_tok = end + 1
        m.end = toks[end_tok - 1].end
        return m, end_tok

    def past_other_name(self, k: int) -> int:
        """Index after the person's other name in brackets right after the name ("Huỳnh Thị
        Bảo Ngọc (Ngọc Hoyer)": the same person, not another), else k. A title or an aside in
        brackets ("(SN 1965)", "(IFRC)") is no name: capitalised words only, no head."""
        if not self.punct(k, "("):
            return k
        n = 0
        while self.name_token(k + 1 + n) and n < MAX_NAME and not self.toks[k + 1 + n].text.isupper():
            n += 1
        if n and self.punct(k + 1 + n, ")") and not self.head(k + 1, capitalised=True):
            return k + 2 + n
        return k

    def char_span(self, a: int, b: int) -> tuple[int, int]:
        """Token range [a, b) -> char offsets, without trailing punctuation (a ")" or a quote
        that closes one opened inside the range stays: "... quốc tế (IFRC)", 'CLB “X”')."""
        while b > a + 1 and self.toks[b - 1].kind == "p":
            if self.toks[b - 1].text == ")" and any(t.text == "(" for t in self.toks[a : b - 1]) \
                    or self.quote_closed(a, b):
                break
            b -= 1
        return self.toks[a].start, self.toks[b - 1].end

    def char_parts(self, parts) -> list[tuple[tuple[str, ...], int, int]]:
        return [(head, *self.char_span(a, b)) if b > a else (head, 0, 0) for head, a, b in parts]

    def prefix_text(self, i: int, n: int) -> str | None:
        if not n:
            return None
        return self.text[self.toks[i].start - self.base : self.toks[i + n - 1].end - self.base]
