"""Counted results (people, households, gifts, sites, organisations): a figure followed by the
noun it counts.

Rules:

* A count is a number followed by a counted noun: "401.489 đối tượng", "14 gian hàng", "4
  trường hợp", "2 xã", "7 lĩnh vực", "hơn 1,3 triệu đơn vị máu". What follows the number
  is no counted noun when it names a time, an age, a frequency, a rank, a measure or a
  share (data/counts/not_units.txt: "2 ngày", "85 tuổi", "3 lần", "10 tấn gạo", "500 kg",
  "5 ha"): a measure says how much, not how many.
* How far the unit runs: the counted noun phrase in its written words, lowercased, up
  to the first word that is no part of the thing's name:
  - a lexicalised unit of data/counts/units.txt, longest match, is the whole unit ("120 hộ
    dân", "17.269 hộ gia đình nghèo" -> "hộ gia đình", "127 địa chỉ nhân đạo"); these
    also read in capitals ("10 Chương trình", "28 Hội Chữ thập đỏ", "320 SUẤT QUÀ"). A
    classifier before a longer unit joins it ("5 con bò giống", "20 chiếc áo phao");
    lexicon units of one kind (a section of units.txt) listed with commas or "và" are one
    unit ("200 cán bộ, công chức và người lao động", "12 xe lăn, xe lắc"), as coordinated
    plurals are in English; a classifier that is a unit alone names its thing when a noun
    follows ("200 suất thuốc");
  - any other noun phrase starts with a lowercase word and runs at most 4 syllables (a
    classifier of data/counts/classifiers.txt and up to 4 syllables of its noun: "500
    chai nước sát khuẩn", "18 vụ tai nạn giao thông"), and ends before a function word or
    verb (data/counts/unit_stops.txt, unless it closes a word of stop_compounds.txt: "14
    gian hàng của ...", "40 phụ nữ đã ...", "10 tổ chức trực thuộc"), a describing word or
    phrase
    (data/counts/modifiers.txt: "4 trường hợp khó khăn" -> "trường hợp", "70 con bò sinh
    sản" -> "con bò", "89 tổ chức hội cấp huyện" -> "tổ chức hội"), a qualifier ("325 chi
    hội hơn 4.000 hội viên"), a capitalised word (a name: "2 xã Ia Ko", "100 suất quà
    Tết", "gói bột lọc nước P&G"), punctuation or a number. A classifier alone is a unit
    only when the data marks it so ("3.200 túi", not "3 chiếc", "chia làm 3 đợt").
* English pages: a lexicon unit, else the plural head and at most one noun before it
  ("800 relief kits", "1,250 plastic water tanks" -> "water tanks", or two coordinated
  ones: "1,300 transport and fishing boats"); describing words (modifiers.txt: "30
  outstanding blood donors" -> "blood donors"), adjectives by their ending ("43 social
  projects" -> "projects") and capitalised words (a name's: "36 Red Cross houses" ->
  "houses") are left out; a list of plural heads joined by commas and "and" is one unit
  ("584 communes, wards and towns"); an "of" noun after the head is no part of it
  ("150,000 bags of rice" -> "bags", "3,400 units of blood" -> "units"); a partitive counts
  its head ("4,400 of the most vulnerable households" -> "households"). Time, measure and
  rank plurals (not_units.txt) are no unit.
* The headline is a summary of the body: counts are read from the body only. A count
  the headline gives and the body states again is one count, the body's (written there
  in full: "1.000 áo phao" over "1.000 áo phao cứu sinh"); one that only the headline
  gives is not listed (a rounding or sum of the body's figures: "hơn 3.200" over the
  body's 3.215). The headline is the text's first line when a blank line follows it and
  it does not end a sentence (scan.py; the text is title + blank line + body).
* A quantity inside the description of each item ("mỗi suất gồm 2 thùng mì", "mỗi suất
  quà 2 chai dầu") is a part of every gift, not a result: no count. A share of each
  recipient is a count ("mỗi xã 1.000 khẩu trang").
* Not counts: numbers after identifier words and date parts ("số", "thứ", "lần", "thôn",
  "lớp", "năm", "tháng", "ngày": decree, village, class and rank numbers, dates), numbers
  inside names ("Covid-19", "Covid - 19"), a bare year before another noun than a lexicon
  unit ("Tết Nhân ái 2024 diễn ra"), parts of dates and times (20/6/2024, 14:05),
  phone-like digit runs, percentages, money, and written-out numbers below ten ("một người
  dân cho biết"). A range counts its low end, as money does ("200-300 người" -> 200).
* value must be a whole number; without a scale word the grouping reading wins ("1,300
  người" = 1300, "626.000 turns" on an English page = 626000).
"""

from __future__ import annotations

from dataclasses import dataclass

from .doc import Doc
from .figure import NOT_A_FIGURE, Figure, Kind, Outcome, grouping_first, per_word_before, qualifier
from .patterns import (
    ADJECTIVE_ENDINGS,
    CLASSIFIER_NOUN_MAX,
    EN_AND,
    EN_DETERMINERS,
    EN_UNIT_MAX,
    EN_VAGUE_QUANTITIES,
    FIGURE_ENDS,
    HYPHEN,
    HYPHENS,
    MAX_COUNT,
    MIN_WORD_COUNT,
    NOUN_PHRASE_MAX,
    OF,
    VI_AND,
    YEAR_MAX,
    YEAR_MIN,
)
from .vocabulary import vocabulary


@dataclass(frozen=True, slots=True)
class Count:
    value: int
    unit: str
    qualifier: str | None
    text: str
    start: int


def read_count(doc: Doc, fig: Figure, floor: int, glued: bool) -> Outcome:
    """The figure as a counted result, skipped (a count noun but no readable whole number),
    or not a figure. A count uses up the figure's tokens through its unit."""
    if _in_name(doc, fig):
        return NOT_A_FIGURE  # "Covid-19 bệnh nhân"
    unit = count_unit(doc, fig)
    if unit is None:
        return NOT_A_FIGURE
    value = None if glued else _plausible_count(fig.lo.values if fig.lo.scaled else grouping_first(fig.lo.values))
    if value is not None and fig.hi is not None and not fig.lo.scaled and fig.hi.scaled:
        value *= fig.hi.trailing_scale  # "2-3 triệu người": the low end is 2 million
    if value is None:
        return Outcome(Kind.SKIPPED)
    if fig.lo.in_words and value < MIN_WORD_COUNT:
        return NOT_A_FIGURE  # "một người", "ba hộ": words below ten are not figures
    if _per_item_count(doc, fig.first, floor):
        return NOT_A_FIGURE  # "mỗi suất gồm ... 2 thùng mì": a part of each item, not a result
    name, end, lexical = unit
    if _bare_year(doc, fig, value) and (not lexical or _after_name(doc, fig.lo.start)):
        return NOT_A_FIGURE  # "Tết Nhân ái 2024 diễn ra", "the Red Journey 2024 volunteers"
    text = doc.text[doc.toks[fig.first].start:doc.toks[end - 1].end]
    return Outcome(Kind.COUNT, Count(value, name, qualifier(doc, fig.first), text, doc.toks[fig.first].start),
                   claims=end)


def _plausible_count(values) -> int | None:
    for v in values:
        if 0 < v <= MAX_COUNT and v == v.to_integral_value():
            return int(v)
    return None


def _bare_year(doc: Doc, fig: Figure, value: int) -> bool:
    """Four digits without a group mark, within the years: a year, not a number of things."""
    tok = doc.toks[fig.lo.start]
    return (not fig.lo.scaled and not fig.lo.in_words and tok.text.isdigit() and len(tok.text) == 4
            and YEAR_MIN <= value <= YEAR_MAX)


def _after_name(doc: Doc, i: int) -> bool:
    """Does a capitalised word of a name stand right before token i, inside its clause (not a
    sentence's first word: "Có 2000 người", nor an all-caps heading's)? A bare year there
    is the name's ("Hành trình Đỏ 2024 tình nguyện viên"), even before a lexicon unit."""
    h = i - 1
    if not doc.is_word(h) or doc.breaks[h] or doc.breaks[i]:
        return False
    word = doc.toks[h].text
    return word[0].isupper() and not word.isupper()


def _in_name(doc: Doc, fig: Figure) -> bool:
    """A number after a word and a hyphen is part of a name ("Covid-19", "COVID - 19"): the
    hyphen is glued to a side, or the word is capitalised."""
    h = fig.first - 1
    if h < 1 or doc.low[h] not in HYPHENS or not doc.is_word(h - 1):
        return False
    return doc.glued(h - 1, h) or doc.glued(h, fig.first) or doc.toks[h - 1].text[0].isupper()


def _per_item_count(doc: Doc, first: int, floor: int) -> bool:
    """A count inside the description of each item ("mỗi suất gồm 1 triệu đồng, 2 thùng mì",
    "mỗi suất quà 2 chai dầu"): a part of every gift, not a result. A "mỗi" that belongs to
    a money figure before ("1 triệu đồng mỗi hộ, 42 hộ") or names a recipient ("mỗi xã
    1.000 khẩu trang") makes no part."""
    at = per_word_before(doc, first, floor)
    if at is None or (at > 0 and (doc.low[at - 1] in FIGURE_ENDS or doc.is_num(at - 1))):
        return False
    vocab = vocabulary()
    return vocab.classifiers.get(doc.low[at + 1], False) or any(
        doc.low[k] in vocab.part_words for k in range(at + 2, first))


def count_unit(doc: Doc, fig: Figure) -> tuple[str, int, bool] | None:
    """The counted noun after the figure's number: (unit, token index after it, whether it
    is a lexicon unit)."""
    k = (fig.hi or fig.lo).end  # a range's noun follows its high end: "10-15 căn nhà"
    if fig.currency is not None or k >= doc.n:
        return None
    if doc.breaks[k]:
        return None
    english = doc.lang.startswith("en")
    first = _skip_describing(doc, k) if english else k  # "150,000 needy people"
    found = _lexicon_unit(doc, first) if first < doc.n else None
    if found and doc.toks[first].text[:1].isupper() and not doc.toks[first].text.isupper() \
            and found[1] < doc.n and doc.toks[found[1]].kind == "num" and not doc.breaks[found[1]]:
        return None  # "Trường Tiểu học 5 Phường 3": a capitalised unit and its number name a unit
    if found and not english and found[1] == k + 1 and doc.low[k] in vocabulary().classifiers:
        # a classifier that is a unit alone names its thing when one follows: "200 suất thuốc"
        found = _noun_phrase(doc, k) or found
    if found:
        # a list is one unit: "500 students, teachers and parents", "200 cán bộ, hội viên và nhân dân"
        end = _coordinated(doc, found[1] - 1) + 1 if english else _listed_units(doc, first, found[1])
        if end > found[1]:
            return doc.text[doc.toks[first].start:doc.toks[end - 1].end].lower(), end, True
        return found[0], found[1], True
    if english:
        found = _english_unit(doc, k)
    elif not doc.match_at(k, vocabulary().not_units):
        found = _noun_phrase(doc, k)
    return (found[0], found[1], False) if found else None


def _lexicon_unit(doc: Doc, k: int) -> tuple[str, int] | None:
    """The longest unit of units.txt at k, or a classifier and a longer unit after it."""
    units = vocabulary().units
    best = doc.match_at(k, units)
    found = (units[best[0]], best[1]) if best else None
    # A classifier before a lexicon unit: "20 chiếc áo phao", "5 con bò giống". The
    # longest reading wins over a shorter lexicon entry ("ngôi nhà"), unless what it adds
    # describes the shorter one: "48.700 lượt người nghèo" is "lượt người".
    if k + 1 < doc.n and doc.low[k] in vocabulary().classifiers and not doc.breaks[k + 1]:
        inner = doc.match_at(k + 1, units)
        if inner and (found is None or (inner[1] > found[1]
                                        and not doc.match_at(found[1], vocabulary().modifiers))):
            found = (doc.low[k] + " " + units[inner[0]], inner[1])
    return found


def _listed_units(doc: Doc, first: int, end: int) -> int:
    """The end of a list of lexicon units of one kind (units.txt's sections) after the one at
    first..end, joined by commas or "và" ("cán bộ, công chức và nhân dân", "xe lăn, xe lắc"),
    or `end` itself. Another kind after a comma opens another clause ("50 suất quà, hộ nghèo
    nhận ...")."""
    vocab = vocabulary()
    kinds = vocab.unit_kinds
    kind = kinds.get(tuple(doc.low[first:end])) or kinds.get(tuple(doc.low[first + 1:end]))  # "lượt cán bộ"
    last = i = end
    while kind and i + 1 < doc.n and doc.low[i] in (",", VI_AND):
        joiner, nxt = doc.low[i], doc.match_at(i + 1, vocab.units)
        if nxt is None or kinds.get(nxt[0]) != kind or not (nxt[1] >= doc.n or _ends_phrase(doc, nxt[1])):
            break  # another kind, or an item that goes on ("hộ nghèo, hộ có ..."): another clause
        last = i = nxt[1]
        if joiner == VI_AND:
            break  # "và" closes the list
    return last


def _ends_phrase(doc: Doc, i: int) -> bool:
    """Token i is no part of a Vietnamese counted noun phrase."""
    vocab = vocabulary()
    tok = doc.toks[i]
    if tok.low in vocab.noun_stops and tuple(doc.low[i - 1:i + 1]) in vocab.stop_compounds:
        return False  # "tổ chức trực thuộc"
    return (doc.breaks[i] or tok.kind != "word" or not tok.text.islower() or tok.low in vocab.noun_stops
            or doc.match_at(i, vocab.modifiers) is not None or doc.match_at(i, vocab.qualifiers) is not None)


def _noun_phrase(doc: Doc, k: int) -> tuple[str, int] | None:
    """A lowercase noun phrase after a number ("14 gian hàng", "120 máy đo huyết áp", "45
    chiếc chăn"): up to 4 syllables, a classifier and up to 4 syllables of its noun."""
    if _ends_phrase(doc, k):
        return None
    classifiers = vocabulary().classifiers
    is_classifier = doc.low[k] in classifiers
    limit = min(doc.n, k + (1 + CLASSIFIER_NOUN_MAX if is_classifier else NOUN_PHRASE_MAX))
    end = k + 1
    while end < limit and not _ends_phrase(doc, end):
        end += 1
    if end == k + 1 and is_classifier and not classifiers[doc.low[k]]:
        return None  # "3 chiếc", "2 con nhỏ", "chia làm 3 đợt"
    return " ".join(doc.low[k:end]), end


def _is_plural(word: str) -> bool:
    return len(word) > 3 and word.endswith("s") and not word.endswith("ss")


def _skip_describing(doc: Doc, i: int) -> int:
    """Past describing words and glued hyphen compounds ("outstanding", "flood-affected")."""
    modifiers = vocabulary().modifiers
    while i < doc.n and not doc.breaks[i]:
        m = doc.match_at(i, modifiers)
        if m and doc.toks[i].kind == "word":
            i = m[1]
        elif (i + 2 < doc.n and doc.low[i + 1] == HYPHEN and doc.glued(i, i + 1)
              and doc.glued(i + 1, i + 2)):
            i += 3
        else:
            break
    return i


def _english_word(doc: Doc, i: int) -> bool:
    tok = doc.toks[i]
    return tok.kind == "word" and tok.low not in vocabulary().noun_stops_en


def _english_unit(doc: Doc, k: int) -> tuple[str, int] | None:
    """English pages: the noun phrase after a number up to its lowercase plural head."""
    vocab = vocabulary()
    start = k
    if doc.low[start] == OF and start + 1 < doc.n:  # "4,400 of the most vulnerable households"
        start += 1
        if start < doc.n and doc.low[start] in EN_DETERMINERS:
            start += 1
    start = _skip_describing(doc, start)
    i, head = start, None
    while i < doc.n and i - start < EN_UNIT_MAX and not (i > start and doc.breaks[i]) and _english_word(doc, i):
        word = doc.toks[i].text
        if word.islower() and _is_plural(doc.low[i]):
            head = i
            break
        if not (word.islower() or word[0].isupper()):
            break
        i += 1
    if head is None:
        return None
    first, head = _name_start(doc, start, head), _coordinated(doc, head)
    if any(doc.match_at(j, vocab.not_units) for j in range(start, head + 1)):
        return None
    return doc.text[doc.toks[first].start:doc.toks[head].end].lower(), head + 1


def _name_start(doc: Doc, start: int, head: int) -> int:
    """Where the name of a counted thing begins: its plural head and at most two nouns before it
    ("1,250 plastic water tanks" -> "water tanks", "2 water treatment units"), or two coordinated
    ones ("1,300 transport and fishing boats"). Capitalised words (a name's: "36 Red Cross houses" -> "houses"),
    adjectives by their ending ("43 social projects" -> "projects") and the describing words of
    modifiers.txt ("57 Khmer ethnic minority households" -> "households") describe it."""
    modifiers = vocabulary().modifiers

    def noun(i: int) -> bool:
        word = doc.toks[i].text
        adjective = len(word) >= 5 and word.endswith(ADJECTIVE_ENDINGS) or doc.match_at(i, modifiers)
        return i >= start and doc.toks[i].kind == "word" and word.islower() and not adjective
    if head - 1 >= start and doc.low[head - 1] in (",", EN_AND):
        return start  # a list whose first head is no "-s" plural: "5,000 children and adults"
    if not noun(head - 1):
        return head
    if head - 3 >= start and doc.low[head - 2] == EN_AND and noun(head - 3):
        return head - 3
    return head - 2 if noun(head - 2) else head - 1


def _coordinated(doc: Doc, head: int) -> int:
    """The last head of a list of plurals joined by commas and "and" ("communes, wards and
    towns"), each maybe described ("children and elderly persons"), or `head` itself."""
    i, last = head, head
    while i + 2 < doc.n and doc.low[i + 1] in (",", EN_AND):
        nxt = i + 2
        if doc.low[i + 1] == "," and doc.low[nxt] == EN_AND and nxt + 1 < doc.n:
            nxt += 1  # "students, lecturers, and soldiers"
        closes = doc.low[nxt - 1] == EN_AND  # "and" closes the list
        described = _skip_describing(doc, nxt)
        if described == nxt and nxt + 1 < doc.n and doc.toks[nxt].text.islower() \
                and len(doc.low[nxt]) >= 5 and doc.low[nxt].endswith(ADJECTIVE_ENDINGS):
            described = nxt + 1  # "orphanages and charitable shelters"
        if described < doc.n and not doc.breaks[described]:
            nxt = described  # "children and elderly persons"
        if not (doc.toks[nxt].text.islower() and _is_plural(doc.low[nxt])) or doc.low[nxt] in EN_VAGUE_QUANTITIES:
            break  # "houses and thousands of works": another quantity, no second head
        i = nxt
        if closes:
            last = i
            break
    return last
