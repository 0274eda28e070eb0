"""Closed grammar of the people extractor: the token pattern, punctuation classes and the
bounds on every look-ahead. Word lists (open vocabulary) are data, in data/people/."""

from __future__ import annotations

import re

from ctd_crawler.extract.dates.patterns import EN_MONTH_NAMES
from ctd_crawler.extract.tokens import Grain

# A hyphen between letters keeps one word: hyphenated given names ("Kim Sung-ho"); a date
# or a decimal stays one number ("20/6/2024"), so that no part of it opens a name.
GRAIN = Grain(word_joiners="'’-", number_joiners=".,/")
# Punctuation after which a capitalised word may be a sentence's first word.
SENTENCE_OPENERS = frozenset(".!?:;\"“”'‘’(-–—•…*[")
DASHES = frozenset({"-", "–", "—"})

MAX_PREFIXES = 5  # ranks, degrees and honours before one name ("Major General, Associate Professor, Doctor")
MAX_NAME = 5  # syllables in one personal name ("Y Ngông Niê Kdăm", "Nguyễn Thị Hà Chiên")
MAX_TITLE = 40  # tokens in one title: bounds look-ahead on run-on text
GROUP_NAME_GAP = 8  # words between a group's kind and the name it bears ("Quỹ hỗ trợ cộng đồng X")
OPENING_QUOTES = frozenset('“"«‘\'')
CLOSING_QUOTES = frozenset('”"»’\'')
# English verbs that give a quote its speaker right after it ("...,” said A B"): the name is a person's
SPEECH_VERBS_EN = frozenset({"said", "says", "added", "explained", "noted", "stressed", "shared", "affirmed"})
MAX_QUOTED = 12  # tokens of a name in quotes inside a title ("CLB “Vì Hoàng Sa – Trường Sa thân yêu”")
# Words after which a name is a person's, not the group's ("Nhóm thiện nguyện do X lập", "Quỹ của X").
GROUP_NAME_BREAKS = frozenset({"do", "của", "bởi", "cho", "với", "và", "cùng", "là", "gồm", "tặng", "trao", "ông", "bà"})
ORG_BEFORE_HEAD = 10  # tokens of an English organisation written before its head ("VNRC President")
MAX_PHRASE = 8  # words in one lexicon phrase ("Sở Lao động thương binh và xã hội")
# Lowercase words in a row inside an organisation's name ("Ban Chỉ đạo vận động hiến máu
# tình nguyện tỉnh"); the run ends earlier at a stop word (a verb, a preposition).
MAX_LOWER = 8
ENGLISH_LOWER_ORG = 3  # lower-case words of an English organisation's name ("disaster management department")
MAX_LISTED = 50  # names in one list after a person ("ông A, B và C")

# Middle names (folded): a second syllable that is one does not open another name, though
# "Văn" is also a family name (see the four-syllable rule in scanner.py).
MIDDLE_NAMES = frozenset({"thi", "van"})
# Ê Đê/Gia Rai women's names open with "H'" ("H'Hen Niê"), like a surname.
WOMAN_MARKER = "h'"
# The province level word (folded): "UBND tỉnh" alone is the province nearest in the text.
PROVINCE_LEVEL = "tinh"
# Between the parts of an all-caps name with an apostrophe ("H'HEN" -> "H'Hen").
APOSTROPHE = re.compile(r"['’]")
# Letters and endings no syllable of a Vietnamese name has, written without diacritics:
# f, j, w, z, a final s ("Ninh Van Fine Arts", "Do Thi Thams family" with its apostrophe lost).
NON_ASCII_LETTER = re.compile(r"[^\W\d_a-zA-Z]")  # a letter beyond ASCII: the line is typed with diacritics
_FINAL_S = r"[^s]s$"
NOT_VIETNAMESE_SYLLABLE = re.compile(r"[fjwz]|" + _FINAL_S)
VOWEL = re.compile(r"[aeiouy]")  # every syllable of a name has one (folded)
LOST_POSSESSIVE = re.compile(_FINAL_S)  # the last syllable of a Vietnamese name and the s of "'s"
# Words of time before a number: the number is a date ("ngày 5/3 Nguyễn Văn A"), not a
# house number ("374 Lê Lợi", where the name is a street).
DATE_WORDS = frozenset({"ngày", "sáng", "chiều", "tối", "trưa", "đêm", "tháng", "năm", "hôm", "quý",
                        "on", "in", "since", "by", "from", "to", "until"})
# English day and month names: capitalised like a given name, never one ("Tuesday Morning").
CALENDAR_WORDS_EN = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday".split() + [m.lower() for m in EN_MONTH_NAMES])
