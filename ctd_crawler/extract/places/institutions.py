"""Names of institutions on a line: the places written inside them are part of the name.

"Bệnh viện Nhi Thanh Hóa", "Trường Đại học Tây Bắc", "Báo Phú Yên", "Công ty TNHH Hòa Bình",
"Bệnh viện Huyết học - Truyền máu TP Cần Thơ", English "Hanoi Medical University": no place is
taken from them (their tokens are marked used before the finder's passes). The heads, and the
words that end a name, are data (data/places/institutions.toml).

The grammar of a Vietnamese name: a head, then up to MAX_AFTER tokens of capitalised words,
abbreviations, unit words, joining hyphens and lower-case words (at most MAX_LOWER of them, in
at most MAX_STRETCHES runs after capitalised words, or right after a head of two or more
syllables: "Nhà máy sữa Nghệ An", "Chợ Tết nhân ái Hà Nội", "Bệnh viện Huyết học - Truyền máu
TP Cần Thơ"); a break word or other punctuation ends it, and the name ends at its last
capitalised word.

Decisions:
- A head in lower case needs a capitalised word that is no place right after it: "bệnh viện
  Bạch Mai" is a name, "các bệnh viện Hà Nội" are the hospitals of Hà Nội. A head of one
  syllable must be capitalised ("Trường", "Báo"): in lower case it is as often the end of
  another word ("quảng trường", "thông báo", "lâu đài"); so must what follows it.
- A head that begins a known place is that place: "Chợ Rã", "Chợ Mới" are communes; unless the
  place ends inside a longer head ("Trường Trung cấp ...", though "Trường Trung" is a commune).
- A place after a break word is located, not named: "Agribank Chi nhánh tỉnh Cà Mau".
- Organs of a unit (Hội, UBND, Trung tâm Y tế ...) are not heads: they stay mentions of it.
"""

from __future__ import annotations

from datetime import date

from ctd_crawler.extract.places.gazetteer import Gazetteer
from ctd_crawler.extract.places.lexicon import Lexicon, Phrases
from ctd_crawler.extract.places.lines import Line
from ctd_crawler.extract.places.match import bare_at, known_name_at, unit_at
from ctd_crawler.extract.places.patterns import HYPHENS
from ctd_crawler.extract.tokens import next_start

MAX_AFTER = 12  # tokens of a name after its head
MAX_LOWER = 5  # lower-case words in it ("Trường Trung học phổ thông số 1 Lào Cai")
MAX_STRETCHES = 3  # runs of them after a capitalised word ("Huyết học - Truyền máu", "Y tế Kỹ thuật Hóa chất")
MAX_BEFORE = 6  # English: capitalised words before the head


def mark_institutions(ln: Line, lex: Lexicon, gaz: Gazetteer, on: date | None, english: bool) -> None:
    """Mark the tokens of every institution's name on the line as used."""
    toks = ln.toks
    starts = [k for k, t in enumerate(toks) if t.low in lex.institution_heads.starts]  # _phrase_at's first test
    i = 0
    while (i := next_start(starts, i, len(toks))) < len(toks):
        last = _phrase_at(ln, i, lex.institution_heads)
        end = None if last is None else _name_end(ln, i, last, lex, gaz, on)
        if end is None:
            i += 1
            continue
        for k in range(i, end + 1):
            ln.used[k] = True
        i = end + 1
    if english:
        _mark_english(ln, lex)


def _phrase_at(ln: Line, i: int, phrases: Phrases) -> int | None:
    """Index of the last token of the longest phrase starting at token i, if any."""
    toks = ln.toks
    if toks[i].low not in phrases.starts:
        return None
    for size in (4, 3, 2, 1):
        ws = toks[i : i + size]
        if len(ws) == size and all(t.word for t in ws) and all(ln.joined[k] for k in range(i + 1, i + size)) \
                and tuple(t.low for t in ws) in phrases.all:
            return i + size - 1
    return None


def _name_end(ln: Line, i: int, last: int, lex: Lexicon, gaz: Gazetteer, on: date | None) -> int | None:
    """Last token of the name whose head is tokens i..last, or None when it is no name."""
    toks = ln.toks
    k = last + 1
    if k >= len(toks) or not toks[k].word or not ln.joined[k]:
        return None
    proper = ln.caps or any(t.text[0].isupper() for t in toks[i : last + 1])  # "trường Trung học ..." too
    if last == i and not (proper and toks[k].cap):
        return None  # "trường hợp", "báo cáo", "quảng trường Trung tâm"
    if i > 0 and ln.joined[i] and toks[i - 1].word and toks[i - 1].cap and not ln.starts_sentence(i - 1):
        return None  # "Quảng Trường Trung Tâm": the head ends another word ("Theo Báo X" does not)
    if last == i and i > 0 and ln.joined[i] and toks[i - 1].word and not ln.starts_sentence(i - 1) \
            and _phrase_at(ln, i - 1, lex.name_breaks) is None:
        return None  # "Trung tâm Cấp cứu Chợ Quán": a one-word head inside a longer name ("tại Chợ X" is one)
    if not proper and (not toks[k].cap or bare_at(ln, k, lex) or unit_at(ln, k, lex)):
        return None  # "các bệnh viện Hà Nội"
    named = known_name_at(ln, i, gaz, on, lex)
    if named is not None and named >= last:
        return None  # "Chợ Rã"; a longer head wins over a place that ends inside it ("Trường Trung cấp")
    end, lower, stretches, in_stretch = None, 0, 0, False
    while k < len(toks) and k - last <= MAX_AFTER:
        t = toks[k]
        if not t.word:
            # a dash joins two words of the name ("Huyết học - Truyền máu"); before a unit word it
            # sets the name apart from where it is ("Bệnh viện Hoàn Mỹ - TP. Đà Nẵng")
            if t.text in HYPHENS and k + 1 < len(toks) and toks[k + 1].word and unit_at(ln, k + 1, lex) is None:
                k += 1
                continue
            break
        if _phrase_at(ln, k, lex.name_breaks) is not None:
            break
        unit = unit_at(ln, k, lex)
        if unit is not None:  # "Trường THCS thị trấn Si Ma Cai", "... TP. Cần Thơ"
            k = unit[0] + 1
            continue
        if t.cap:
            end, in_stretch = k, False
        else:
            if end is not None and not in_stretch:
                stretches, in_stretch = stretches + 1, True
            lower += 1
            if stretches > MAX_STRETCHES or lower > MAX_LOWER:
                break
        k += 1
    return end


def _mark_english(ln: Line, lex: Lexicon) -> None:
    """English names end in their head: "Cho Ray Hospital", "Hanoi Medical University"."""
    toks = ln.toks
    for h, t in enumerate(toks):
        if not (t.word and t.text[0].isupper() and t.low in lex.institution_heads_en):
            continue
        a = h
        while a > 0 and h - a < MAX_BEFORE and toks[a - 1].word and toks[a - 1].cap and ln.joined[a]:
            a -= 1
        for k in range(a, h + 1):
            ln.used[k] = True
