"""Closed grammar of money and counts: the tokenizer, number words, currency marks,
punctuation sets and limits. The open vocabularies (context, qualifier, bridge, unit and
stop words) are data, read by `vocabulary.py`."""

from __future__ import annotations

from decimal import Decimal

from ctd_crawler.extract.tokens import Grain

# --- tokens -----------------------------------------------------------------------------

# A numeral is ASCII digits with internal "." or "," separators ("1.300.000", "1,5"); a
# word is a run of letters; anything else is one punctuation character.
GRAIN = Grain(number_joiners=".,", ascii_digits=True)
GROUP_MARKS = (".", ",")
MAX_DIGITS = 20

# --- number words -----------------------------------------------------------------------

DIGIT_WORDS = {
    "không": 0, "một": 1, "hai": 2, "ba": 3, "bốn": 4, "năm": 5, "sáu": 6,
    "bảy": 7, "bẩy": 7, "tám": 8, "chín": 9,
}
# Units that only mean a digit after mươi/mười ("hai mươi mốt", "mười lăm", "ba mươi tư").
AFTER_TENS = {"mốt": 1, "lăm": 5, "nhăm": 5, "tư": 4}
TEN = "mười"  # "mười lăm" = 15
TENS = "mươi"  # after a digit word: "hai mươi" = 20
# A written-out number starts with one of these, never with a scale word ("hàng trăm").
START_WORDS = {w for w in DIGIT_WORDS if w != "không"} | {TEN}
SCALE_WORDS = {
    "nghìn": 1000, "ngàn": 1000, "ngìn": 1000, "triệu": 10**6, "tỷ": 10**9, "tỉ": 10**9,
    "thousand": 1000, "million": 10**6, "billion": 10**9, "trillion": 10**12,
    # the English press's short forms ("VND43bln", "VND 2 mln", "VND3bn")
    "mln": 10**6, "bln": 10**9, "bn": 10**9, "trln": 10**12,
}
VI_SCALES = {w for w in SCALE_WORDS if not w.isascii()}  # English words only follow digits ...
# ... or one of these on an English page ("one billion VND", "two million people")
EN_DIGIT_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
                  "nine": 9, "ten": 10}
EN_BIG_SCALES = {w for w in SCALE_WORDS if w.isascii()}
# Where a written number may start, either language (the scans' cheap first test).
NUMBER_START_WORDS = START_WORDS | EN_DIGIT_WORDS.keys()
SMALL_SCALES = {"trăm": 100, "chục": 10, "hundred": 100}
VI_SMALL_SCALES = {w for w in SMALL_SCALES if not w.isascii()}
HALF = {"rưỡi"}
FILLERS = {"linh", "lẻ"}

# --- currency marks ---------------------------------------------------------------------

CURRENCY_AFTER = {
    ("đồng",): "VND", ("đ",): "VND", ("vnđ",): "VND", ("vnd",): "VND", ("₫",): "VND",
    ("vietnamese", "dong"): "VND", ("vietnamese", "dongs"): "VND", ("vietnam", "dong"): "VND",
    ("dong",): "VND",  # written lowercase only ("70 million dong"); "82 Dong Khoi" is a street
    ("usd",): "USD", ("$",): "USD", ("đô", "la", "mỹ"): "USD", ("đô", "la"): "USD",
    ("đô",): "USD", ("dollars",): "USD", ("us", "dollars"): "USD",
    ("eur",): "EUR", ("€",): "EUR", ("euro",): "EUR", ("euros",): "EUR",
    ("chf",): "CHF", ("franc", "thụy", "sĩ"): "CHF", ("franc", "thuỵ", "sĩ"): "CHF",
    ("frăng", "thụy", "sĩ"): "CHF", ("frăng", "thuỵ", "sĩ"): "CHF",
    ("swiss", "francs"): "CHF", ("swiss", "franc"): "CHF",
}
CURRENCY_BEFORE = {("$",): "USD", ("us", "$"): "USD", ("usd",): "USD", ("€",): "EUR",
                   ("eur",): "EUR", ("vnd",): "VND", ("vnđ",): "VND", ("chf",): "CHF"}
LOWERCASE_ONLY_CURRENCY = {("dong",)}
CURRENCY_BEFORE_FIRST = frozenset(key[0] for key in CURRENCY_BEFORE)  # a cheap test before the look-up
# A bare number right before it is money: "300.000 tiền mặt".
MONEY_NOUN = "tiền"

# --- structure --------------------------------------------------------------------------

RANGE_SEPS = {"-", "–", "—", "~", "đến", "tới", "to"}
CLAUSE_PUNCT = {".", ";", ":", "!", "?", ",", "(", ")", "…", "\""}
# Sentence ends: "mỗi" is looked for back to here (commas included).
SENTENCE_PUNCT = {".", ";", "!", "?", "…", ":"}
# Glued after a numeral, these make it a date, time, code or percentage (20/6, 14:05, 50%).
DATE_SEPS = ("/", ":")
# English ordinals too ("12th", "72nd").
GLUED_NOT_QUANTITY = ("%", "h", "g", "giờ", "st", "nd", "rd", "th")
# "1 triệu đồng cho mỗi hộ", "VND 2 million for each family": "mỗi" one word after these.
PER_LEAD = ("cho", "for")
PER_SLASH = "/"  # "200.000 đồng/người/tháng"
HYPHEN = "-"  # "flood-affected families": a glued compound describing the noun
HYPHENS = {"-", "–", "—"}  # "Covid-19", "COVID - 19": a number after a word and a hyphen is a name
OF = "of"  # a partitive: "4,400 of the most vulnerable households"
EN_DETERMINERS = {"the", "these", "those"}
# a quantity without a figure ("thousands of works"): no counted thing of its own
EN_VAGUE_QUANTITIES = {"dozens", "tens", "hundreds", "thousands", "millions", "billions"}
EN_AND = "and"  # "communes, wards and towns": one unit of coordinated plurals
VI_AND = "và"  # "cán bộ, công chức và nhân dân": one unit of coordinated lexicon units

# Date parts: a number right after them is a date part, not a quantity ("năm 2024").
DATE_PART_WORDS = {"năm", "tháng", "ngày", "quý"}
# Time words end a context noun phrase ("toàn Cụm 6 tháng đầu năm").
TIME_WORDS = DATE_PART_WORDS | {"tuần", "giờ", "phút", "đợt"}
# Periods after "mỗi": right before the figure a rate ("mỗi năm 5 triệu đồng"), farther
# back the clause's time frame of a total ("mỗi năm vận động 60 tỷ đồng"); figure.py.
PER_TIME = {"năm", "tháng", "tuần", "ngày", "quý", "đợt", "year", "month", "week", "day"}
# Words that end a money figure: a "per"/"mỗi" right after them belongs to that figure
# ("VND 10 million per household to 42 families": the families are a count of their own).
FIGURE_ENDS = {"đồng", "đ", "vnd", "vnđ", "usd", "eur", "million", "billion", "thousand",
               "triệu", "tỷ", "tỉ", "nghìn", "ngàn", "cho", "for"}

# The headline: the first line of title + blank line + body, when it ends no sentence.
PARAGRAPH_BREAK = "\n\n"
SENTENCE_END = "."
HEADLINE_MAX = 300

# --- limits -----------------------------------------------------------------------------

MAX_VND = Decimal(10) ** 14
MAX_FOREIGN = Decimal(10) ** 12
MAX_COUNT = Decimal(10) ** 10
MIN_BARE_VND = 1000  # a bare number below this is not money without a scale word
ELIDED_SCALE_MIN = 10**6  # "..., khoảng 50 triệu còn lại": the currency left out after "triệu", "tỷ"
MIN_WORD_COUNT = 10  # written-out numbers below ten are not counts ("một người dân")
CONTEXT_WORDS_MAX = 12
CONTEXT_WINDOW = 30  # tokens searched back for a context word
PER_WINDOW = 30  # tokens searched back for "mỗi" in the sentence
BRIDGE_MAX = 3  # bridging words between a context word and a bare number
CLASSIFIER_NOUN_MAX = 4  # syllables of noun after a classifier ("chai nước sát khuẩn")
NOUN_PHRASE_MAX = 4  # syllables of any other counted noun phrase ("máy đo huyết áp")
EN_UNIT_MAX = 4  # words read for an English counted noun's head ("30 outstanding blood donors")
# Endings of English adjectives ("medical", "humanitarian", "famous", "underprivileged"): such a
# word before a counted noun describes it (of five letters at least: "red" is no "-ed" word).
ADJECTIVE_ENDINGS = ("al", "ian", "ous", "ive", "ful", "less", "able", "ible", "ed")
YEAR_MIN, YEAR_MAX = 1900, 2100  # "2024" before a noun that is no lexicon unit is a year
PHRASE_MAX = 6  # longest phrase looked up after a token: "xã, phường, thị trấn" is six tokens
PHRASE_BEFORE_MAX = 3  # longest phrase looked up before a token ("chưa đến", "ước khoảng")
